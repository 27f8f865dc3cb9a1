#!/bin/sh
# tests/render/test_po.sh — po/sv.po is a valid GNU gettext catalogue and
# translates every message core marks: the renderers' jv_tr() and N_(),
# and the terminal's _() and jv_ngettext() in every layer (cli, config,
# data, eval, plugin), so no report text and no message falls back to
# English. Skipped (77) without GNU gettext.
set -eu
for tool in msgfmt xgettext msgcmp; do
    if ! command -v "$tool" >/dev/null 2>&1; then echo "SKIP: no $tool"; exit 77; fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
msgfmt --check --output-file=/dev/null "$JV_SRCDIR/po/sv.po"
echo "ok   po/sv.po is valid"
cd "$JV_SRCDIR"
xgettext --from-code=UTF-8 --keyword=jv_tr:2 --keyword=N_ --keyword=_ \
    --keyword=jv_ngettext:1,2 --output="$work/jamvikt.pot" core/*/*.c
msgcmp po/sv.po "$work/jamvikt.pot"
echo "ok   every marked message has a Swedish translation"
# The check must be able to fail: a new English message without Swedish.
mkdir -p "$work/core/x"
printf '#include "util/i18n.h"\nconst char *f(void) { return _("a message nobody translated"); }\n' \
    >"$work/core/x/new.c"
xgettext --from-code=UTF-8 --keyword=_ --output="$work/new.pot" "$work/core/x/new.c"
if msgcmp po/sv.po "$work/new.pot" 2>/dev/null; then
    echo "FAIL msgcmp accepts a message without Swedish"; exit 1
fi
echo "ok   a marked message without Swedish is caught"
# Every plural entry has both forms.
if msgattrib --untranslated po/sv.po | grep -q '^msgid '; then
    echo "FAIL untranslated entries in po/sv.po"; exit 1
fi
echo "ok   no untranslated entries"
if grep -q '^#, fuzzy' po/sv.po; then echo "FAIL fuzzy entries in po/sv.po"; exit 1; fi
echo "ok   no fuzzy entries"
