#!/usr/bin/env bash
# Renders an HTML page (report.html) in headless Chromium to a PNG, and fails when the page logs
# anything to the console (it has no script, so any message is an error) or did not render.
# Also writes the rendered DOM to OUT.dom.html for the tests to inspect.
#
# Usage: tests/browser/render-report.sh PAGE.html OUT.png
# Needs Debian's chromium (.ci/install-chromium.sh).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 PAGE.html OUT.png" >&2
  exit 1
fi

page=$(realpath "$1")
png=$(realpath -m "$2")
dom="${png%.png}.dom.html"
rm -f "$png" "$dom"

# A fresh profile per run: a shared one would carry state between runs and lock concurrent ones.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
  --screenshot="$png" --dump-dom --window-size=1280,2400 "file://$page" \
  >"$dom" 2>"$work/chromium.log" || status=$?

fail() {
  echo "render-report: $1" >&2
  echo "--- chromium's log (dbus noise left out) ---" >&2
  grep -v 'dbus' "$work/chromium.log" >&2 || true
  exit 1
}

[ "$status" -eq 0 ] || fail "chromium exited with status $status"
# Chromium logs console messages of every level as INFO:CONSOLE(line) or INFO:CONSOLE:line.
if grep -E 'CONSOLE[(:]|Uncaught' "$work/chromium.log" >"$work/console.log"; then
  fail "the page logged to the console: $(cat "$work/console.log")"
fi
[ -s "$png" ] || fail "no screenshot was written to $png"
grep -q '</html>' "$dom" || fail "the rendered DOM is empty or cut short ($dom)"
echo "render-report: $png ($(stat -c %s "$png") bytes), DOM in $dom"
