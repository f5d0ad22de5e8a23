#!/usr/bin/env bash
# Makes a benchmark library of N articles in OUT by copying the BBC set
# (../shared/corpora/bbc, 2,225 articles) under new names, round after round.
# Usage: scripts/make-library.sh N OUT [SOURCE]
set -euo pipefail
n=${1:?usage: make-library.sh N OUT [SOURCE]}
out=${2:?usage: make-library.sh N OUT [SOURCE]}
src=${3:-"$(dirname "$0")/../../shared/corpora/bbc"}
[ -d "$src" ] || { echo "make-library.sh: no source folder $src" >&2; exit 1; }
mapfile -t files < <(find "$src" -name '*.txt' ! -name 'README*' | sort)
count=${#files[@]}
[ "$count" -gt 0 ] || { echo "make-library.sh: no .txt files in $src" >&2; exit 1; }
mkdir -p "$out"
made=0
round=0
while [ "$made" -lt "$n" ]; do
  dir="$out/round-$(printf '%03d' "$round")"
  mkdir -p "$dir"
  take=$(( n - made < count ? n - made : count ))
  # One awk per round writes every copy. Round 0 copies the files as they are; later rounds
  # add one line, so every copy is a distinct article to analyse (the set's own byte-identical
  # pairs stay identical within each round).
  printf '%s\n' "${files[@]:0:$take}" | awk -v dir="$dir" -v round="$round" '
    function finish() { if (target != "") { if (round > 0) printf "\n\n(Copy %d.)\n", round > target; close(target) } }
    { list[NR] = $0 }
    END {
      for (i = 1; i in list; i++) {
        f = list[i]; n = split(f, parts, "/")
        target = dir "/" parts[n - 1] "-" parts[n]
        while ((getline line < f) > 0) print line > target
        close(f)
        finish()
      }
    }'
  made=$((made + take))
  round=$((round + 1))
done
echo "$made articles in $out"
