#!/bin/sh
# tests/render/test_html_chromium.sh — the HTML report of
# tests/data/render/result.json opened in headless Chromium (Debian package
# `chromium`) and saved as a screenshot: the page must load offline with
# the network off and produce an image. Skipped (77) without Chromium.
set -eu
browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    echo "SKIP: no chromium"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$JAMVIKT" report "$JV_SRCDIR/tests/data/render/result.json" --lang sv -o "$work/report.html"
status=0
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --window-size=1200,3000 \
    --screenshot="$work/report.png" "file://$work/report.html" >"$work/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL chromium exited $status"; cat "$work/log"; exit 1
fi
size=$(wc -c <"$work/report.png")
# a blank 1200×3000 PNG compresses to a few kB; a rendered report is larger
if [ "$size" -lt 20000 ]; then
    echo "FAIL screenshot too small ($size bytes): blank page?"; exit 1
fi
echo "ok   chromium rendered the report ($size bytes of PNG)"
if [ -n "${JV_RENDER_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$JV_RENDER_KEEP_SCREENSHOT"; fi
