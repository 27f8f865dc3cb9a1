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
#  3. In every folder of core (the list $acyclic below: util, data, rules,
#     plugin, config, eval, render, cli), no include circle: a header
#     stands for the .c files defining what it declares, so files that
#     call each other through a shared header (or through each other's
#     headers) are a circle too. Every stage has its own header, and the
#     driver sits on top, so a folder reads in one walk from bottom to top.
#  4. In the same folders no file is over 600 lines.
# The checker first runs on a small planted tree with one breach of each
# kind and must report every one of them, so a checker that finds nothing
# fails too.
set -e
src=${JV_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

layers="util data rules plugin config eval render cli"
# folders held to rules 3 and 4: all of core
acyclic="util data rules plugin config eval render cli"
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

# check_circles ROOT: include circles inside the folders $acyclic of
# ROOT/core (rule 3), one line per folder that has one. The graph's nodes are a folder's headers;
# a header stands for the .c files that define what it declares (found by
# name), so a header shared by several files (or a .c file reaching back
# through another header) cannot hide a circle. An edge runs from a
# header (or from the headers its defining files implement) to every
# header of the same folder that it, or they, include.
check_circles() {
    root=$1
    for folder in $acyclic; do
        dir=$root/core/$folder/
        set --
        for f in "$dir"*.c "$dir"*.h; do [ -f "$f" ] && set -- "$@" "$f"; done
        [ $# -gt 0 ] || continue
        edges=$(
                awk -v folder="$folder" '
                function base(p) { sub(/.*\//, "", p); return p }
                # the function a top-level line declares or defines
                function fname(line,   t) {
                    if (line !~ /^[A-Za-z_]/ || line ~ /^(typedef|static|extern "|struct [a-z_]+ *\{|enum|union)/)
                        return ""
                    t = line
                    if (t !~ /^[^(=;]*[ *][A-Za-z_][A-Za-z0-9_]*\(/) return ""
                    sub(/\(.*/, "", t); sub(/.*[ *]/, "", t)
                    return t
                }
                FNR == 1 { file = base(FILENAME); files[file] = 1 }
                /^[ \t]*#[ \t]*include[ \t]*"/ {
                    t = $0; sub(/^[^"]*"/, "", t); sub(/".*$/, "", t)
                    if (t ~ ("^" folder "/")) { sub(/^[^\/]*\//, "", t); inc[file, t] = 1; incs[file] = incs[file] " " t }
                    next
                }
                file ~ /\.h$/ { n = fname($0); if (n != "" && $0 ~ /;[ \t]*$/ || n != "" && $0 ~ /,[ \t]*$/) decl[n] = decl[n] " " file; next }
                file ~ /\.c$/ {
                    if ($0 ~ /^G_DEFINE_QUARK\(/) { t = $0; sub(/.*, */, "", t); sub(/\).*/, "", t); def[t "_quark"] = def[t "_quark"] " " file }
                    n = fname($0); if (n != "" && $0 !~ /;[ \t]*$/) def[n] = def[n] " " file
                }
                END {
                    # the headers each .c file implements
                    for (n in decl) {
                        split(decl[n], hs, " "); split(def[n], cs, " ")
                        for (a in hs) for (b in cs) if (hs[a] != "" && cs[b] != "") impl[cs[b]] = impl[cs[b]] " " hs[a]
                    }
                    for (f in files) {
                        from = (f ~ /\.h$/) ? f : impl[f]
                        if (from == "") from = f
                        split(from, fs, " "); split(incs[f], ts, " ")
                        for (a in fs) for (b in ts)
                            if (fs[a] != "" && ts[b] != "" && fs[a] != ts[b]) print fs[a], ts[b]
                    }
                }' "$@")
        [ -n "$edges" ] || continue
        loop=$(printf '%s\n' "$edges" | sort -u | tsort 2>&1 >/dev/null |
            grep -v 'input contains a loop' | sed 's/^tsort: //' | awk '!seen[$0]++' | tr '\n' ' ')
        [ -n "$loop" ] && echo "core/$folder: include circle among: $loop"
    done
    return 0
}

# check_sizes ROOT: files of the folders $acyclic over 600 lines (rule 4)
check_sizes() {
    for folder in $acyclic; do
        for f in "$1"/core/"$folder"/*.c "$1"/core/"$folder"/*.h; do
            [ -f "$f" ] || continue
            n=$(wc -l <"$f")
            [ "$n" -gt 600 ] && echo "${f#"$1"/}: $n lines, over 600: split it by job"
        done
    done
    return 0
}

failed=0

# report OUT PROBLEM RULE: FAIL naming PROBLEM with the lines of the file
# OUT when it has any, else ok RULE.
report() {
    if [ -s "$1" ]; then
        echo "FAIL $2:"; sed 's/^/     /' "$1"
        failed=$((failed + 1))
    else
        echo "ok   $3"
    fi
}

# The planted tree: one breach of each kind, each must be reported.
p="$work/planted"
mkdir -p "$p/core/data" "$p/core/rules" "$p/core/plugin" "$p/core/render" \
    "$p/core/util" "$p/core/eval" "$p/plugins/x" "$p/examples/y"
printf '#include "data/dataset.h"\n#include "eval/run.h"\n' >"$p/core/plugin/host.c"
printf '#include <glib.h>\n#include "data/dataset.h"\n' >"$p/core/rules/stats.c"
printf '#include "util/text.h"\n#  include "rules/stats.h"\n' >"$p/core/data/csv.c"
printf '#include "render/html.h"\n#include "config/evaluation.h"\n' >"$p/core/render/doc.c"
printf '#include "../eval/run.h"\n#include "missing.h"\n' >"$p/core/util/text.c"
printf '#include <jamvikt/jamvikt.h>\n#include "plugin/host_impl.h"\n' >"$p/plugins/x/x.c"
printf '#include "../../core/data/csv.h"\n#include "y.h"\n' >"$p/examples/y/y.c"
: >"$p/core/data/csv.h"
# a circle hidden behind one shared header: plan.c and run.c both
# implement run_internal.h, run.c uses result.h, and result.c uses
# run_internal.h again
printf 'int jv_plan_x(void);\nint jv_run_y(void);\n' >"$p/core/eval/run_internal.h"
printf '#include "eval/run_internal.h"\nint jv_plan_x(void)\n{\n    return jv_run_y();\n}\n' \
    >"$p/core/eval/plan.c"
printf '#include "eval/run_internal.h"\n#include "eval/result.h"\nint jv_run_y(void)\n{\n    return jv_result_z();\n}\n' \
    >"$p/core/eval/run.c"
printf 'int jv_result_z(void);\n' >"$p/core/eval/result.h"
printf '#include "eval/result.h"\n#include "eval/run_internal.h"\nint jv_result_z(void)\n{\n    return jv_plan_x();\n}\n' \
    >"$p/core/eval/result.c"
seq 601 | sed 's|.*|/* line */|' >"$p/core/eval/long.c"
check_core "$p" >"$work/planted.out"
check_plugins "$p" >>"$work/planted.out"
check_circles "$p" >>"$work/planted.out"
check_sizes "$p" >>"$work/planted.out"
for want in \
    'core/plugin/host.c:2: core/plugin includes "eval/run.h"' \
    'core/rules/stats.c:2: core/rules includes "data/dataset.h" but may use only: nothing of core' \
    'core/data/csv.c:2: core/data includes "rules/stats.h"' \
    'core/render/doc.c:2: core/render includes "config/evaluation.h"' \
    'core/util/text.c:1: includes "../eval/run.h"' \
    'core/util/text.c:2: includes "missing.h", which is not beside it' \
    'plugins/x/x.c:2: includes "plugin/host_impl.h"' \
    'examples/y/y.c:1: includes "../../core/data/csv.h"' \
    'core/eval: include circle among:' \
    'core/eval/long.c: 601 lines, over 600'; do
    if grep -qF -- "$want" "$work/planted.out"; then
        echo "ok   the checker reports: $want"
    else
        echo "FAIL the checker misses: $want"; failed=$((failed + 1))
    fi
done
n=$(wc -l <"$work/planted.out")
if [ "$n" -eq 10 ]; then
    echo "ok   the checker reports nothing else in the planted tree"
else
    echo "FAIL the planted tree gives $n reports, not 10:"; sed 's/^/     /' "$work/planted.out"
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
report "$work/core.out" "an include in core reaches a higher layer" "no include in core reaches a higher layer"
check_circles "$src" >"$work/circles.out"
check_sizes "$src" >"$work/sizes.out"
report "$work/circles.out" "an include circle" "no include circle in: $acyclic"
report "$work/sizes.out" "a file is too long" "no file over 600 lines in: $acyclic"
report "$work/plugins.out" "a plugin or example includes core" "no plugin or example includes a core header"
[ "$failed" -eq 0 ]
