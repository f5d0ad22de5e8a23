#!/usr/bin/env bash
# Builds the release binary as the README says (`swift build -c release
# --static-swift-stdlib`), then checks it: no Swift shared library is loaded, and it gives the
# debug build's answers, byte for byte, on the sample articles (`analyze --format json`,
# `render`, `quotes`) and on an article fetched from a server this script starts on 127.0.0.1
# (Foundation's networking is linked in statically, the part most likely to differ).
# Run from anywhere; `.ci/run` runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product byline
swift build -c release --static-swift-stdlib --product byline
debug=.build/debug/byline
release=.build/release/byline

if ldd "$release" | grep -q 'libswift\|libFoundation'; then
  echo "check-release-build: $release loads the Swift runtime as shared libraries:" >&2
  ldd "$release" | grep 'libswift\|libFoundation' >&2
  exit 1
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Runs one command with both binaries and fails on the first difference.
same() {
  "$debug" "$@" >"$work/debug.out" 2>&1 || echo "exit $?" >>"$work/debug.out"
  "$release" "$@" >"$work/release.out" 2>&1 || echo "exit $?" >>"$work/release.out"
  if ! cmp -s "$work/debug.out" "$work/release.out"; then
    echo "check-release-build: the release build answers differently to: byline $*" >&2
    diff "$work/debug.out" "$work/release.out" | head -20 >&2
    exit 1
  fi
}

count=0
for article in sample-articles/*.txt sample-articles/*.md sample-articles/*.html; do
  [ -e "$article" ] || continue
  same analyze "$article" --format json
  same render "$article" --width 80 --height 24 --panel
  count=$((count + 1))
done
same quotes sample-articles --no-cache --format json
same analyze /nonexistent/article.txt

# A page served on 127.0.0.1 for at most a minute, on a free port.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 60 python3 -m http.server "$port" --bind 127.0.0.1 --directory sample-articles >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
same analyze "http://127.0.0.1:$port/01-harbour-strike.txt" --format json
same analyze "http://127.0.0.1:$port/no-such-article.txt"

echo "check-release-build: $release (Swift runtime linked in) matches the debug build on $count articles, the library and a fetched page"
