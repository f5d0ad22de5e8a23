#!/bin/sh
# The same bytes give the same answer: runs `byline quotes` over a folder (default: the BBC
# set) and `byline analyze --format json` over its files RUNS times (default 5), each in a
# fresh process (so with a new hash seed), without and with the cache, and compares outputs.
#
#   scripts/check-determinism.sh [FOLDER] [RUNS]      (uses .build/release/byline, else debug)
set -eu
cd "$(dirname "$0")/.."
folder=${1:-../shared/corpora/bbc}
runs=${2:-5}
byline=.build/release/byline
[ -x "$byline" ] || byline=.build/debug/byline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
status=0
compare() {  # name, then the command
  name=$1; shift
  i=1
  while [ "$i" -le "$runs" ]; do
    "$@" >"$work/$name.$i" 2>/dev/null || true
    if [ "$i" -gt 1 ] && ! cmp -s "$work/$name.1" "$work/$name.$i"; then
      echo "$name: run $i differs from run 1"; status=1
    fi
    i=$((i + 1))
  done
  echo "$name: $runs runs, $(wc -l <"$work/$name.1") lines, $(md5sum <"$work/$name.1" | cut -c1-12)"
}
compare quotes-no-cache "$byline" quotes "$folder" --no-cache --format json
compare quotes-cache "$byline" quotes "$folder" --format json
if ! cmp -s "$work/quotes-no-cache.1" "$work/quotes-cache.1"; then
  echo "quotes: the cache changes the output"; status=1
fi
find "$folder" -name '*.txt' | sort >"$work/files"
compare analyze xargs -a "$work/files" "$byline" analyze --format json
exit $status
