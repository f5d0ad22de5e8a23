#!/bin/sh
# Regenerates Sources/BylineCore/Resources/lexicon.bin, the memory-mapped form of the text
# reference data (places.tsv, exonyms.tsv, firstnames.tsv, surnames.txt, words.txt,
# demonyms.txt), with Byline's own parser (LexiconText) and writer (LexiconImage).
# Run from the repository root after changing any of those files, then commit lexicon.bin:
# LexiconImageTests.imageIsCurrent fails until the two agree.
set -eu
cd "$(dirname "$0")/.."
swift build --build-tests
BYLINE_WRITE_LEXICON=1 swift test --skip-build --filter 'LexiconImageTests/imageIsCurrent'
echo "wrote Sources/BylineCore/Resources/lexicon.bin ($(wc -c < Sources/BylineCore/Resources/lexicon.bin) bytes)"
