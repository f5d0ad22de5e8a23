#!/bin/sh
# Builds Byline's libFuzzer targets with the address sanitizer and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 30 seconds each; targets: article analysis theme feed page)
#
# Targets (Fuzz/*.swift), one binary, chosen by BYLINE_FUZZ_TARGET:
#   article   bytes -> loader checks -> plain-text or Markdown parser -> sanitisers
#   analysis  the whole analysis with the offset oracle (every span's text is the file's slice)
#   theme     theme files through Byline's theme reader (decode, TOML, every key and value check)
#   feed      bytes -> feed sniff -> libxml2 XML parser (entity budget) -> RSS/RDF/Atom reader ->
#             each item's HTML and the item as an article (BylineWeb's sources, linked with -lxml2)
#   page      bytes -> web page reader (charset, libxml2's HTML parser, metadata, extraction,
#             blocks, links) -> the analysis, with the offset oracle on the page's text
#
# The binary is compiled once with `swiftc -sanitize=fuzzer,address` from the BylineCore
# sources and BylineUI's theme files, linked with TOMLKit from the debug build (built here if
# missing). The seed corpus is built from sample-articles/, themes/ and Fuzz/regressions/TARGET/
# (inputs that once found a problem, kept so they are tried first on every run); what libFuzzer finds
# is kept in .build/fuzz/corpus-TARGET, crashes in .build/fuzz/crash-TARGET-*. Replay one with
# `BYLINE_FUZZ_TARGET=TARGET BYLINE_RESOURCES=Sources/BylineCore .build/fuzz/fuzz FILE`.
# Exit status: non-zero when a target finds a crash, a leak or a trap.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-article analysis theme feed page}
out=.build/fuzz
mkdir -p "$out"
binary="$out/fuzz"

build() {
  [ -d .build/debug/TOMLKit.build ] || swift build --product byline
  checkout=$(find .build/checkouts -maxdepth 1 -iname 'tomlkit*' | head -1)
  # One module: BylineUI's theme files and BylineWeb without their `import BylineCore`;
  # BylineWeb's libxml2 comes through Sources/CLibXML2's module map and -lxml2.
  mkdir -p "$out/theme-sources" "$out/web-sources"
  for f in Sources/BylineUI/Theme/*.swift; do sed '/^import BylineCore$/d' "$f" >"$out/theme-sources/$(basename "$f")"; done
  rm -f "$out"/web-sources/*.swift
  find Sources/BylineWeb -name '*.swift' | while read -r f; do
    sed '/^import BylineCore$/d' "$f" >"$out/web-sources/$(basename "$f")"
  done
  # shellcheck disable=SC2046
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name BylineFuzz \
    $(find Sources/BylineCore -name '*.swift' | sort) Fuzz/*.swift "$out"/theme-sources/*.swift \
    "$out"/web-sources/*.swift -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
    -I .build/debug/Modules -Xcc -fmodule-map-file=.build/debug/CTOML.build/module.modulemap \
    -Xcc -I -Xcc "$checkout/Sources/CTOML/include" \
    .build/debug/TOMLKit.build/*.o .build/debug/CTOML.build/Sources/*.o -lstdc++ \
    -o "$binary"
}

echo "== building $binary"
if [ -x "$binary" ] && [ -z "$(find Sources Fuzz -name '*.swift' -newer "$binary")" ]; then
  echo "(up to date)"
elif ! build >"$out/build.log" 2>&1; then
  grep -E "error" "$out/build.log" | head -20
  echo "== build failed (see $out/build.log)"
  exit 2
fi

status=0
for target in $targets; do
  case $target in
    article | analysis) seeds="sample-articles" ;;
    theme) seeds="themes" ;;
    feed) seeds="Fuzz/feed-seeds" ;;
    page) seeds="Fuzz/page-seeds" ;;
    *) echo "fuzz.sh: unknown target $target (article, analysis, theme, feed, page)" >&2; exit 2 ;;
  esac
  mkdir -p "$out/corpus-$target"
  # Seeds, and every input that once found a problem (Fuzz/regressions/TARGET), replayed first.
  for f in "$seeds"/* Fuzz/regressions/"$target"/*; do [ -f "$f" ] && cp "$f" "$out/corpus-$target/"; done
  echo "== $target: fuzzing for $seconds s"
  # TOMLKit leaks a little on every parse (tableGetKeys' array, nodeAsString's strdup; found
  # by the theme target): leaks are not reported for that target, everything else is.
  leaks=1
  [ "$target" = theme ] && leaks=0
  if ! BYLINE_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=$leaks SWIFT_BACKTRACE=enable=no \
      BYLINE_RESOURCES=Sources/BylineCore "$binary" "$out/corpus-$target" -detect_leaks=$leaks \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$out/crash-$target-" -print_final_stats=1 2>"$out/$target.log"; then
    status=1
    echo "== $target: FOUND A PROBLEM (see $out/$target.log and $out/crash-$target-*)"
    # What a CI log must hold to replay it elsewhere: the trap's message, the first frames,
    # and the input itself (base64, when small enough to print).
    grep -E "Fatal error|fatal error|runtime failure|ERROR: AddressSanitizer|^ +#[0-9] " "$out/$target.log" | head -20 || true
    for crash in "$out"/crash-"$target"-*; do
      [ -f "$crash" ] || continue
      size=$(wc -c <"$crash")
      echo "== $target: input $(basename "$crash") ($size bytes)"
      if [ "$size" -le 8192 ]; then base64 -w 0 "$crash"; echo; fi
    done
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "$out/$target.log" || true
done
exit $status
