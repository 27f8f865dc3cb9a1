#!/bin/sh
# tests/test_layers.sh — the layering of core/, checked on every #include.
#
# The layers, lowest first (what each folder may include besides itself and
# the public SDK headers <jamvikt/*.h>):
#
#   util     nothing of core             text helpers, "did you mean"
#   data     util                        CSV, values, codes, rowsets
#   rules    nothing of core             INDICATORS.md arithmetic (GLib, libm)
#   plugin   util data rules             loader, host API, indicator binding
#   config   util data rules plugin      the evaluation file
#   eval     every layer below           the run, result, states, merge
#   cli      every layer                 the jamvikt command
#
#   render   util                        beside the stack: turns a finished
#                                        result document (JSON) into text and
#                                        never sees a run, so it may use util
#                                        and nothing else of core
#
# i.e. util < data < rules < plugin < config < eval < cli, with two narrower
# rules: rules needs only GLib and libm, render only util. The includes as
# they are: plugin uses util, data, rules; config uses util, data; eval uses
# rules, plugin, config; cli uses all; render uses nothing of core.
#
# Rules checked, on every `#include "…"` and `#include <…>` line:
#  1. A file in core/F names a folder of core (`X/…`) only if X is F or a
#     layer F may use (table above); no include reaches core by a relative
#     path (`../`); an include without a folder names a file beside it (or
#     the build's config.h).
#  2. No plugin (plugins/, tests/fixtures/, tests/sdk/) and no example
#     (examples/) includes a core header: no `X/…` for a core folder X, no
#     path through `core/`, and no relative path that lands inside core/.
#     They see only include/jamvikt/.
# The checker first runs on a small planted tree with one breach of each
# kind and must report every one of them, so a checker that finds nothing
# fails too.
set -e
src=${JV_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

layers="util data rules plugin config eval render cli"
allowed() { # allowed FOLDER: the core folders FOLDER may include
    case $1 in
    util) echo "" ;;
    data) echo "util" ;;
    rules) echo "" ;;
    plugin) echo "util data rules" ;;
    config) echo "util data rules plugin" ;;
    eval) echo "util data rules plugin config" ;;
    render) echo "util" ;;
    cli) echo "util data rules plugin config eval render" ;;
    *) echo "UNKNOWN" ;;
    esac
}

# includes FILE: prints LINE<TAB>TARGET for every #include of FILE
includes() {
    awk '/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]/ {
        t = $0
        sub(/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]/, "", t)
        sub(/[">].*$/, "", t)
        print FNR "\t" t
    }' "$1"
}

is_layer() {
    for l in $layers; do [ "$l" = "$1" ] && return 0; done
    return 1
}

# check_core ROOT: breaches of rule 1 under ROOT/core, one per line
check_core() {
    root=$1
    for dir in "$root"/core/*/; do
        folder=$(basename "$dir")
        ok=$(allowed "$folder")
        for f in "$dir"*.c "$dir"*.h; do
            [ -f "$f" ] || continue
            rel=${f#"$root"/}
            includes "$f" | while IFS='	' read -r line target; do
                case $target in
                jamvikt/*) continue ;;
                ../* | */../* | core/*)
                    echo "$rel:$line: includes \"$target\": core is reached by folder, never by a relative path"
                    continue ;;
                */*) ;;
                *)
                    if [ "$target" != config.h ] && [ ! -f "$dir$target" ] &&
                        grep -q "\"$target\"" "$f"; then
                        echo "$rel:$line: includes \"$target\", which is not beside it: name its folder"
                    fi
                    continue ;;
                esac
                top=${target%%/*}
                is_layer "$top" || continue # a system or library header
                [ "$top" = "$folder" ] && continue
                case " $ok " in *" $top "*) continue ;; esac
                echo "$rel:$line: core/$folder includes \"$target\" but may use only: ${ok:-nothing of core}"
            done
        done
    done
}

# check_plugins ROOT: breaches of rule 2 under ROOT's plugins and examples
check_plugins() {
    root=$1
    for top in plugins examples tests/fixtures tests/sdk; do
        [ -d "$root/$top" ] || continue
        find "$root/$top" -name '*.[ch]' | sort | while read -r f; do
            rel=${f#"$root"/}
            includes "$f" | while IFS='	' read -r line target; do
                first=${target%%/*}
                bad=
                case $target in
                core/* | */core/*) bad=1 ;;
                */*) if is_layer "$first"; then bad=1; fi ;;
                esac
                case $target in
                ../*)
                    d=$(cd "$(dirname "$f")" && cd "$(dirname "$target")" 2>/dev/null && pwd -P) || d=
                    coredir=$(cd "$root/core" 2>/dev/null && pwd -P) || coredir=
                    if [ -n "$coredir" ]; then
                        case $d in "$coredir" | "$coredir"/*) bad=1 ;; esac
                    fi ;;
                esac
                if [ -n "$bad" ]; then
                    echo "$rel:$line: includes \"$target\", a core header: plugins and examples see only include/jamvikt/"
                fi
            done
        done
    done
}

failed=0
# The planted tree: one breach of each kind, each must be reported.
p="$work/planted"
mkdir -p "$p/core/data" "$p/core/rules" "$p/core/plugin" "$p/core/render" \
    "$p/core/util" "$p/plugins/x" "$p/examples/y"
printf '#include "data/dataset.h"\n#include "eval/run.h"\n' >"$p/core/plugin/host.c"
printf '#include <glib.h>\n#include "data/dataset.h"\n' >"$p/core/rules/stats.c"
printf '#include "util/text.h"\n#  include "rules/stats.h"\n' >"$p/core/data/csv.c"
printf '#include "render/html.h"\n#include "config/evaluation.h"\n' >"$p/core/render/doc.c"
printf '#include "../eval/run.h"\n#include "missing.h"\n' >"$p/core/util/text.c"
printf '#include <jamvikt/jamvikt.h>\n#include "plugin/host_impl.h"\n' >"$p/plugins/x/x.c"
printf '#include "../../core/data/csv.h"\n#include "y.h"\n' >"$p/examples/y/y.c"
: >"$p/core/data/csv.h"
check_core "$p" >"$work/planted.out"
check_plugins "$p" >>"$work/planted.out"
for want in \
    'core/plugin/host.c:2: core/plugin includes "eval/run.h"' \
    'core/rules/stats.c:2: core/rules includes "data/dataset.h" but may use only: nothing of core' \
    'core/data/csv.c:2: core/data includes "rules/stats.h"' \
    'core/render/doc.c:2: core/render includes "config/evaluation.h"' \
    'core/util/text.c:1: includes "../eval/run.h"' \
    'core/util/text.c:2: includes "missing.h", which is not beside it' \
    'plugins/x/x.c:2: includes "plugin/host_impl.h"' \
    'examples/y/y.c:1: includes "../../core/data/csv.h"'; do
    if grep -qF -- "$want" "$work/planted.out"; then
        echo "ok   the checker reports: $want"
    else
        echo "FAIL the checker misses: $want"; failed=$((failed + 1))
    fi
done
n=$(wc -l <"$work/planted.out")
if [ "$n" -eq 8 ]; then
    echo "ok   the checker reports nothing else in the planted tree"
else
    echo "FAIL the planted tree gives $n reports, not 8:"; sed 's/^/     /' "$work/planted.out"
    failed=$((failed + 1))
fi

# The real tree.
for d in "$src"/core/*/; do
    [ "$(allowed "$(basename "$d")")" = UNKNOWN ] || continue
    echo "FAIL core/$(basename "$d") is not a known layer: add it to tests/test_layers.sh and README"
    failed=$((failed + 1))
done
check_core "$src" >"$work/core.out"
check_plugins "$src" >"$work/plugins.out"
if [ -s "$work/core.out" ]; then
    echo "FAIL an include in core reaches a higher layer:"; sed 's/^/     /' "$work/core.out"
    failed=$((failed + 1))
else
    echo "ok   no include in core reaches a higher layer"
fi
if [ -s "$work/plugins.out" ]; then
    echo "FAIL a plugin or example includes core:"; sed 's/^/     /' "$work/plugins.out"
    failed=$((failed + 1))
else
    echo "ok   no plugin or example includes a core header"
fi
[ "$failed" -eq 0 ]
