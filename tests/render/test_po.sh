#!/bin/sh
# tests/render/test_po.sh — po/sv.po is a valid GNU gettext catalogue and
# translates every message the renderers mark (jv_tr(), N_()), so no
# report text falls back to English. Skipped (77) without GNU gettext.
set -eu
for tool in msgfmt xgettext msgcmp; do
    if ! command -v "$tool" >/dev/null 2>&1; then echo "SKIP: no $tool"; exit 77; fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
msgfmt --check --output-file=/dev/null "$JV_SRCDIR/po/sv.po"
echo "ok   po/sv.po is valid"
cd "$JV_SRCDIR"
xgettext --from-code=UTF-8 --keyword=jv_tr:2 --keyword=N_ --output="$work/jamvikt.pot" core/render/*.c
msgcmp po/sv.po "$work/jamvikt.pot"
echo "ok   every marked message has a Swedish translation"
if grep -q '^#, fuzzy' po/sv.po; then echo "FAIL fuzzy entries in po/sv.po"; exit 1; fi
echo "ok   no fuzzy entries"
