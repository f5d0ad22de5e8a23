#!/bin/sh
# Records what the analysis answers, so that a change meant only for speed or memory can be
# shown to change no answer: `analyze --format json` on the sample articles, a sample of the
# BBC set (every 11th file, about 200) and the adversarial shapes of `byline bench`, and the
# `eval` figures on the sample articles, the CoNLL and PolNeAR gold and the BBC set.
#
#   scripts/check-analysis-unchanged.sh BYLINE OUTDIR          # record
#   scripts/check-analysis-unchanged.sh BYLINE OUTDIR BASELINE # record, then compare
#
# Exits 1 and names the files that differ when BASELINE is given and anything changed.
set -eu
bin=$1
out=$2
base=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
corpora=$root/../shared/corpora
mkdir -p "$out/analyze" "$out/eval" "$out/shapes"

for f in "$root"/sample-articles/*.txt; do
  "$bin" analyze "$f" --format json > "$out/analyze/sample-$(basename "$f" .txt).json" || true
done
if [ -d "$corpora/bbc" ]; then
  find "$corpora/bbc" -name '*.txt' | sort | awk 'NR % 11 == 1' | while read -r f; do
    name=$(echo "$f" | sed "s|$corpora/bbc/||; s|/|-|g")
    "$bin" analyze "$f" --format json > "$out/analyze/bbc-$name.json" || true
  done
fi
# The shapes, with the news one at 5 MB: the answers of the inputs that are made to be slow.
shapes=$(mktemp -d)
"$bin" bench --write-shapes "$shapes" --large-mb 5 > /dev/null
# Named by the shape (the reference row of news is left out: it is the news shape, smaller).
k=0
while read -r name || [ -n "$name" ]; do
  case "$name" in
    *reference*) ;;
    *) file="$shapes/shape-$k.txt"
      [ -f "$file" ] || file="$shapes/shape-$k.md"
      "$bin" analyze "$file" --format json | sed "s|$shapes/shape-[0-9]*\.[a-z]*|shape.txt|" \
      > "$out/shapes/$(echo "$name" | tr -c 'A-Za-z0-9.\n' '-').json" || true ;;
  esac
  k=$((k + 1))
done < "$shapes/shapes.txt"
rm -rf "$shapes"

"$bin" eval "$root/sample-articles" > "$out/eval/sample.txt" 2>&1 || true
for set in conll-dev polnear-train bbc; do
  [ -d "$corpora/$set" ] && "$bin" eval "$corpora/$set" > "$out/eval/$set.txt" 2>&1 || true
done

if [ -n "$base" ]; then
  if diff -r -q "$base" "$out"; then
    echo "identical: $(find "$out" -type f | wc -l) files"
  else
    echo "DIFFERENT (above)"
    exit 1
  fi
fi
