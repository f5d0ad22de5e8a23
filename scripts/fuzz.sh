#!/bin/sh
# Builds Byline's libFuzzer targets with the address sanitizer and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 30 seconds each; targets: article analysis theme)
#
# Targets (Fuzz/*.swift):
#   article   bytes -> loader checks -> plain-text or Markdown parser -> sanitisers
#   analysis  the whole analysis with the offset oracle (every span's text is the file's slice)
#   theme     theme files and config values through Byline's TOML readers (decode, parse, KeyLines)
#
# Each target is compiled with `swiftc -sanitize=fuzzer,address` from the BylineCore sources
# (the theme target adds BylineUI's theme files and TOMLKit from the debug build). The seed
# corpus is built from sample-articles/ and themes/; what libFuzzer finds is kept in
# .build/fuzz/corpus-TARGET, crashes in .build/fuzz/crash-*. Exit status: non-zero when a
# target finds a crash, a leak or a trap.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-article analysis theme}
out=.build/fuzz
mkdir -p "$out"
core=$(find Sources/BylineCore -name '*.swift' | sort)
flags="-sanitize=fuzzer,address -parse-as-library -O -g -module-name BylineFuzz"

seed() {  # seed corpus: the sample articles and their Markdown, or the shipped themes
  mkdir -p "$out/corpus-$1"
  case $1 in
    theme) cp themes/*.toml "$out/corpus-$1/" ;;
    *) for f in sample-articles/*; do [ -f "$f" ] && cp "$f" "$out/corpus-$1/"; done ;;
  esac
}

build() {
  case $1 in
    article) swiftc $flags $core Fuzz/BundleModule.swift Fuzz/TerminalCheck.swift Fuzz/ArticleTarget.swift -o "$out/fuzz-article" ;;
    analysis) swiftc $flags $core Fuzz/BundleModule.swift Fuzz/TerminalCheck.swift Fuzz/AnalysisTarget.swift -o "$out/fuzz-analysis" ;;
    theme)
      [ -d .build/debug/TOMLKit.build ] || swift build --product byline >/dev/null
      checkout=$(find .build/checkouts -maxdepth 1 -iname 'tomlkit*' | head -1)
      # One module: BylineUI's theme files without their `import BylineCore`.
      mkdir -p "$out/theme-sources"
      for f in Sources/BylineUI/Theme/*.swift; do sed '/^import BylineCore$/d' "$f" >"$out/theme-sources/$(basename "$f")"; done
      swiftc $flags $core Fuzz/BundleModule.swift Fuzz/TerminalCheck.swift Fuzz/ThemeTarget.swift \
        "$out"/theme-sources/*.swift \
        -I .build/debug/Modules -Xcc -fmodule-map-file=.build/debug/CTOML.build/module.modulemap \
        -Xcc -I -Xcc "$checkout/Sources/CTOML/include" \
        .build/debug/TOMLKit.build/*.o .build/debug/CTOML.build/Sources/*.o -lstdc++ \
        -o "$out/fuzz-theme" ;;
    *) echo "fuzz.sh: unknown target $1 (article, analysis, theme)" >&2; exit 2 ;;
  esac
}

status=0
for target in $targets; do
  echo "== $target: building"
  if [ -x "$out/fuzz-$target" ] && [ -z "$(find Sources Fuzz -name '*.swift' -newer "$out/fuzz-$target")" ]; then
    echo "(up to date)"
  elif ! build "$target" >"$out/build-$target.log" 2>&1; then
    grep -E "error" "$out/build-$target.log" | head -20
    echo "== $target: build failed (see $out/build-$target.log)"; exit 2
  fi
  seed "$target"
  echo "== $target: fuzzing for $seconds s"
  # TOMLKit leaks a little on every parse (tableGetKeys' array, nodeAsString's strdup; found
  # by this target): leaks are not reported for the theme target, everything else is.
  leaks=1
  [ "$target" = theme ] && leaks=0
  if ! ASAN_OPTIONS=detect_leaks=$leaks SWIFT_BACKTRACE=enable=no BYLINE_RESOURCES=Sources/BylineCore "$out/fuzz-$target" "$out/corpus-$target" -detect_leaks=$leaks \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$out/crash-$target-" -print_final_stats=1 2>"$out/$target.log"; then
    status=1
    echo "== $target: FOUND A PROBLEM (see $out/$target.log and $out/crash-$target-*)"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "$out/$target.log" || true
done
exit $status
