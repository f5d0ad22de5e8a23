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
  for f in "${files[@]}"; do
    [ "$made" -lt "$n" ] || break
    topic=$(basename "$(dirname "$f")")
    name="$topic-$(basename "$f" .txt)"
    if [ "$round" -eq 0 ]; then
      cp "$f" "$dir/$name.txt"
    else
      # Later rounds differ by one line, so every copy is a distinct article to analyse.
      { cat "$f"; printf '\n\n(Copy %d.)\n' "$round"; } > "$dir/$name.txt"
    fi
    made=$((made + 1))
  done
  round=$((round + 1))
done
echo "$made articles in $out"
