#!/bin/sh
# tests/sdk/installcheck.sh — `make installcheck` (and so `make distcheck`):
# the SDK as a plugin author meets it, from the installed prefix alone.
#  1. Everything is installed: the binary, the headers, jamvikt-plugin.pc
#     with plugindir, abi_major and abi_minor (equal to the binary's), the
#     built-in plugins in plugindir, the man pages, the completion, the guide
#     and the example.
#  2. The installed binary finds the installed plugins with no option and
#     no environment variable.
#  3. The example, copied out of the installed documentation, builds with
#     its own Makefile (pkg-config and cc only), passes its hand-worked
#     check, installs into plugindir, is then listed and run like a
#     built-in, and uninstalls.
#  4. The guide's tutorial, followed literally, works against the prefix.
# Paths come from tests/sdk/local.am (installcheck-local).
set -e
if [ -n "$DESTDIR" ]; then
    echo "installcheck.sh: skipped: it checks an installed prefix, not a DESTDIR staging area"
    exit 0
fi
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() { # check NAME COMMAND...
    name=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$work/check.out" | head -20
    fi
}

unset JAMVIKT_PLUGIN_PATH
PATH="$JV_BINDIR:$PATH"
PKG_CONFIG_PATH="$JV_PKGCONFIGDIR${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PATH PKG_CONFIG_PATH
jamvikt=$JV_BINDIR/jamvikt

# --- 1. What is installed ------------------------------------------------------
check "jamvikt is installed" test -x "$jamvikt"
for h in jamvikt batch plugin host; do
    check "include/jamvikt/$h.h is installed" test -f "$JV_INCLUDEDIR/jamvikt/$h.h"
done
check "the man pages are installed" test -f "$JV_MANDIR/man1/jamvikt.1" -a -f "$JV_MANDIR/man7/jamvikt-plugin.7"
check "the bash completion is installed as 'jamvikt'" test -f "$JV_COMPLETIONDIR/jamvikt"
check "the guide is installed" test -f "$JV_DOCDIR/plugin-guide.md"
check "the evaluation file's man page is installed" test -f "$JV_MANDIR/man5/jamvikt-evaluation.5"
check "the indicator definitions are installed" test -f "$JV_DOCDIR/indicators.md"
check "pkg-config finds jamvikt-plugin" pkg-config --exists jamvikt-plugin
check "pkg-config's plugindir is the installed one" \
    test "$(pkg-config --variable=plugindir jamvikt-plugin)" = "$JV_PLUGINDIR"
# (pkg-config leaves out -I/usr/include, which the compiler searches anyway)
want_cflags="-I$JV_INCLUDEDIR"
[ "$JV_INCLUDEDIR" = /usr/include ] && want_cflags=""
check "pkg-config's cflags find the installed headers" \
    test "$(echo $(pkg-config --cflags jamvikt-plugin))" = "$want_cflags"
abi=$("$jamvikt" --version | sed -n 's/.*plugin ABI \([0-9]*\.[0-9]*\).*/\1/p')
check "pkg-config's abi_major.abi_minor is the binary's ($abi)" \
    test "$(pkg-config --variable=abi_major jamvikt-plugin).$(pkg-config --variable=abi_minor jamvikt-plugin)" = "$abi"

# --- 2. Built-ins found with no option, no environment ---------------------------
"$jamvikt" plugins --json >"$work/plugins.json" 2>"$work/plugins.err" || true
for p in funding_share participation training_reach goal_fulfilment; do
    check "the installed jamvikt loads $p from plugindir" python3 -c '
import json, sys
found = {x["name"]: x["path"] for x in json.load(open(sys.argv[1]))["plugins"]}
assert sys.argv[2] in found, found
assert found[sys.argv[2]].startswith(sys.argv[3] + "/"), found[sys.argv[2]]
' "$work/plugins.json" "$p" "$JV_PLUGINDIR"
done
check "no installed plugin is rejected" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["rejected"] == []' "$work/plugins.json"

# --- 3. The example, from the installed documentation ---------------------------------
cp -R "$JV_DOCDIR/examples/custom-indicator" "$work/example"
chmod -R u+w "$work/example"
cd "$work/example"
check "the example builds with its Makefile" make
check "its plugin exports only the entry symbol" sh -c \
    "test \"\$(nm -D --defined-only leader_share.so | awk '\$2 == \"T\" { print \$3 }')\" = jamvikt_plugin_entry"
check "make check: the hand-worked numbers" make check JAMVIKT="$jamvikt"
check "make install puts it into plugindir" sh -c "make install && test -f '$JV_PLUGINDIR/leader_share.so'"
check "jamvikt plugins lists it without --plugin-path" sh -c "'$jamvikt' plugins | grep -q '^leader_share '"
check "it runs from plugindir beside the built-ins" sh -c \
    "'$jamvikt' run evaluation.json -f json -o installed.json -q && python3 check.py installed.json"
check "make uninstall removes it" sh -c "make uninstall && test ! -e '$JV_PLUGINDIR/leader_share.so'"
cd "$work"

# --- 4. The guide's tutorial, literally --------------------------------------------
mkdir "$work/guide"
sh "$JV_SRCDIR/tests/sdk/guide_script.sh" "$JV_DOCDIR/plugin-guide.md" >"$work/guide.sh"
check "the installed guide's tutorial works against the prefix" sh -c "cd '$work/guide' && sh -e '$work/guide.sh'"
# By hand in the guide (1.2): 3 of the 6 funded leaders are women: 0.5.
check "  and gives the guide's answer" python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))["total"]["indicators"]["funded_leaders"]["result"]["headline"]
assert (h["value"], h["balance"]) == (0.5, "balanced"), h' "$work/guide/funded-leaders/result.json"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
