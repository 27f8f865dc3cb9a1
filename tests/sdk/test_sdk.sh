#!/bin/sh
# tests/sdk/test_sdk.sh — the plugin SDK from the build tree (`make check`):
#  1. ABI: a plugin frozen at 1.0 (tests/sdk/abi_1_0_plugin.c) loads and
#     computes; the same source built for a newer minor or another major is
#     rejected with both versions in the message.
#  2. The example plugin (examples/custom-indicator) gives the numbers
#     worked out by hand in its check.py, beside the built-in funding_share;
#     the same bytes with -j 1 and -j 2; a row that breaks its cross-column
#     rule stops the run with FILE:LINE, or is skipped and counted.
#  3. The guide's tutorial, followed literally (tests/sdk/guide_script.sh),
#     builds a plugin with the command the guide gives and gets the answer
#     the guide works out.
#  4. The man page and the bash completion name every command and option
#     of `jamvikt --help`; the completion completes them.
# The same story against an installed prefix is tests/sdk/installcheck.sh.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
sdk="$JV_BUILDDIR/tests/sdk"
sdkdata="$JV_SRCDIR/tests/data/sdk"
example="$JV_SRCDIR/examples/custom-indicator"

# The core's ABI, from `jamvikt --version` ("... (plugin ABI 1.0)").
run_jv --version
abi=$(sed -n 's/.*plugin ABI \([0-9]*\.[0-9]*\).*/\1/p' "$work/out")
major=${abi%.*}
minor=${abi#*.}
check "--version gives the plugin ABI" test -n "$abi"

# --- 1. ABI ----------------------------------------------------------------
run_jv plugins --check "$sdk/abi10/abi_1_0.la"
check "a plugin built for ABI 1.0 with 1.0's smallest descriptor loads" status_is 0
check "  and says ABI 1.0" stdout_has "(ABI 1.0)"
run_jv plugins --check "$sdk/rejected/abi_newer_minor.la"
check "a plugin for a newer minor is rejected" status_is 1
check "  naming its ABI" stderr_has "built for plugin ABI $major.$((minor + 1))"
check "  and the core's" stderr_has "jamvikt's $abi"
run_jv plugins --check "$sdk/rejected/abi_other_major.la"
check "a plugin for another major is rejected" status_is 1
check "  naming its ABI" stderr_has "built for plugin ABI $((major + 1)).0"
check "  and the core's" stderr_has "jamvikt has ABI $abi"

# It runs, too. Rows per gender of the example's data (by hand, in
# examples/custom-indicator/check.py): Örebro woman 9, man 12; Gotland
# woman 12 (K), man 8 (M); total woman 21, man 20.
run_jv run "$sdkdata/abi_1_0.json" --plugin-path "$sdk/abi10" -f json -q
check "the 1.0 plugin runs" status_is 0
check "  and counts what it should" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
got = [(s["indicators"]["abi_1_0"]["result"]["rows_women"], s["indicators"]["abi_1_0"]["result"]["rows_men"])
       for s in d["regions"] + [d["total"]]]
assert got == [(9, 12), (12, 8), (21, 20)], got
' "$work/out"

# A plugin compiled against the frozen 1.0 headers (tests/sdk/abi-1.0): it
# loads, computes, saves and merges, and disclosure control reaches it.
# Projects and funded per gender (by hand from the example's data):
# Örebro woman 9/7, man 12/8, unknown 1/0; Gotland woman 12/10, man 8/6,
# non_binary 1/1; total woman 21/17, man 20/14, non_binary 1/1, unknown 1/0.
# Women's share of funded: Örebro 7/15, Gotland 10/16, total 17/31.
run_jv plugins --check "$sdk/frozen/frozen_1_0.la"
check "a plugin built against the frozen 1.0 headers loads" status_is 0
check "  and says ABI 1.0" stdout_has "(ABI 1.0)"
run_jv run "$sdkdata/frozen_1_0.json" --plugin-path "$sdk/frozen" -f json -o "$work/frozen.json" -q
check "  and runs" status_is 0
check "  with the hand-worked numbers" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = [({"woman": (9, 7), "man": (12, 8), "non_binary": (0, 0), "mixed": (0, 0), "unknown": (1, 0)}, 7 / 15),
        ({"woman": (12, 10), "man": (8, 6), "non_binary": (1, 1), "mixed": (0, 0), "unknown": (0, 0)}, 10 / 16),
        ({"woman": (21, 17), "man": (20, 14), "non_binary": (1, 1), "mixed": (0, 0), "unknown": (1, 0)}, 17 / 31)]
for scope, (cells, share) in zip(d["regions"] + [d["total"]], want):
    r = scope["indicators"]["frozen_1_0"]["result"]
    got = {g: (c["projects"], c["funded"]) for g, c in r["by_gender"].items()}
    assert got == cells, (got, cells)
    assert abs(r["headline"]["value"] - share) < 1e-12, r["headline"]
    assert r["headline"]["ci"][0] < share < r["headline"]["ci"][1], r["headline"]
' "$work/frozen.json"
run_jv run "$sdkdata/frozen_1_0.json" --plugin-path "$sdk/frozen" -f json -q --save-state "$work/frozen-states"
run_jv merge "$work/frozen-states" --plugin-path "$sdk/frozen" -f json -q
check "  its saved states merge into the same total" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["total"]["indicators"]["frozen_1_0"]["result"]
b = json.load(open(sys.argv[2]))["total"]["indicators"]["frozen_1_0"]["result"]
assert a == b, (a, b)
' "$work/frozen.json" "$work/out"
# --min-cell 2: Gotland's 1 non-binary project is hidden (rule 1); in the
# family regions -> total no other region has a positive non-binary cell,
# so the total's non-binary cell is hidden (rule 3). Women stay published.
run_jv run "$sdkdata/frozen_1_0.json" --plugin-path "$sdk/frozen" -f json -q --min-cell 2
check "  and the core's suppression reaches it" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
g = d["regions"][1]["indicators"]["frozen_1_0"]["result"]["by_gender"]
t = d["total"]["indicators"]["frozen_1_0"]["result"]["by_gender"]
assert g["non_binary"] == {"projects": None, "funded": None, "suppressed": True}, g
assert t["non_binary"]["suppressed"] and t["non_binary"]["projects"] is None, t
assert (g["woman"]["projects"], t["woman"]["projects"]) == (12, 21), (g, t)
' "$work/out"

# --save-state with a plugin that has no save/load is refused before any
# data is read, naming the plugin; no state file is written.
run_jv run "$sdkdata/abi_1_0.json" --plugin-path "$sdk/abi10" -f json -q --save-state "$work/no-states"
check "--save-state with a plugin without save/load is refused" status_is 1
check "  naming the plugin" stderr_has "plugin 'abi_1_0' cannot save its state (it has no save/load)"
check "  and writing no state" sh -c "! ls '$work/no-states'/*.state.json >/dev/null 2>&1"

# --- 2. The example plugin -------------------------------------------------
plugins="$JV_BUILDDIR/examples/custom-indicator"
run_jv run "$example/evaluation.json" --plugin-path "$plugins" -f json -j 1 -o "$work/example.json" -q
check "the example runs beside funding_share" status_is 0
check "  with the hand-worked numbers" python3 "$example/check.py" "$work/example.json"
run_jv run "$example/evaluation.json" --plugin-path "$plugins" -f json -j 2 -q
check "  and the same bytes with -j 2" cmp -s "$work/out" "$work/example.json"

# save/load: the regions' saved states, pooled by `jamvikt merge`, give the
# same hand-worked numbers; a damaged state is an error, not a crash.
if "$JAMVIKT" merge --help >/dev/null 2>&1; then
    run_jv run "$example/evaluation.json" --plugin-path "$plugins" -f json -q --save-state "$work/states"
    check "the example saves its region states" status_is 0
    run_jv merge "$work/states" --plugin-path "$plugins" -f json -o "$work/merged.json" -q
    check "jamvikt merge pools them" status_is 0
    check "  into the hand-worked numbers" python3 "$example/check.py" "$work/merged.json"
    mkdir "$work/damaged"
    for f in "$work"/states/*; do
        # Gotland's woman cell [projects, funded, amount_granted × 10^4,
        # amount_rows]: 12 projects, 10 funded → 12 projects, 13 funded.
        sed 's/\[12, *10, *5000000000, *12\]/[12, 13, 5000000000, 12]/' "$f" >"$work/damaged/${f##*/}"
    done
    check "  (the damage was made)" sh -c "! diff -r '$work/states' '$work/damaged' >/dev/null"
    # a damaged set whose manifest was made to match: the plugin's load()
    # must still find what is wrong
    python3 -c '
import hashlib, json, sys, os
d = sys.argv[1]; p = os.path.join(d, "jamvikt-manifest.json"); m = json.load(open(p))
for r in m["regions"]:
    r["sha256"] = hashlib.sha256(open(os.path.join(d, r["file"]), "rb").read()).hexdigest()
json.dump(m, open(p, "w"))' "$work/damaged"
    run_jv merge "$work/damaged" --plugin-path "$plugins" -f json -q
    check "a damaged saved state is an error" status_is 1
    check "  saying what is wrong" stderr_has "tally.split[0]: funded (13) exceeds projects (12)"
    run_jv merge "$work/damaged" --plugin-path "$plugins" -f json -o "$work/kept.json" --keep-going
    check "merge --keep-going still fails (exit 1)" status_is 1
    check "  but writes the document as run does" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for scope in d["regions"] + [d["total"]]:
    ls = scope["indicators"]["leader_share"]
    assert ls["status"] == "error" and "funded (13) exceeds projects (12)" in ls["message"], ls
    assert scope["indicators"]["funding_share"]["status"] == "ok", scope
' "$work/kept.json"
    check "  and says so" stderr_has 'its status is "error" in the result'
fi

run_jv plugins --plugin-path "$plugins" --json
check "jamvikt plugins --json shows the example's roles" python3 -c '
import json, sys
p = {x["name"]: x for x in json.load(open(sys.argv[1]))["plugins"]}["leader_share"]
roles = [(r["name"], r["type"], r["required"]) for r in p["tables"][0]["roles"]]
assert roles == [("leader_gender", "gender", True), ("funded", "boolean", True),
                 ("amount_granted", "number", False)], roles
assert [x["name"] for x in p["params"]] == ["by"], p["params"]
' "$work/out"

# tests/data/sdk/bad: line 3 is a project that is not funded but has an
# amount (B-02,man,nej,5000); line 2 is fine (B-01,kvinna,ja,100).
run_jv run "$sdkdata/bad_row.json" --plugin-path "$plugins" -f json -q
check "a row breaking the example's rule stops the run" status_is 1
check "  naming file, line and column" stderr_has "projects.csv:3: column 'amount_granted'"
run_jv run "$sdkdata/bad_row_skip.json" --plugin-path "$plugins" -f json -q
check "with on_error skip the run goes on" status_is 0
check "  counting the row as skipped, the other as a row" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["regions"][0]["indicators"]["leader_share"]
assert (s["rows"], s["skipped_rows"]) == (1, 1), s
assert s["result"]["by_gender"]["woman"]["funded"] == 1, s
' "$work/out"

# Plugins reading one table share its role checks, and the message names
# the plugin whose rule it is. tests/data/sdk/negative: line 3 has
# amount_granted -5; only leader_share reads amount_granted (>= 0),
# frozen_1_0 reads leader_gender and funded only.
run_jv run "$sdkdata/shared_rule.json" --plugin-path "$plugins" --plugin-path "$sdk/frozen" -f json -q
check "a value breaking one plugin's role rule stops the run" status_is 1
check "  naming file, line, column and the plugin whose rule it is" stderr_has \
    "projects.csv:3: column 'amount_granted': '-5' is negative, which is not allowed: the value must be 0 or more (a rule of plugin 'leader_share')"
run_jv run "$sdkdata/shared_rule_skip.json" --plugin-path "$plugins" --plugin-path "$sdk/frozen" -f json -q
check "with on_error skip the row is skipped for every plugin reading the table" python3 -c '
import json, sys
ind = json.load(open(sys.argv[1]))["regions"][0]["indicators"]
# rows 2 and 4 stay: a woman funded, a man not funded
for name in ("frozen_1_0", "leader_share"):
    assert (ind[name]["rows"], ind[name]["skipped_rows"]) == (2, 1), (name, ind[name])
g = ind["frozen_1_0"]["result"]["by_gender"]
assert (g["woman"]["projects"], g["man"]["projects"], g["man"]["funded"]) == (1, 1, 0), g
' "$work/out"

# --- 3. The guide's tutorial, literally -------------------------------------
# The guide builds with `pkg-config --cflags jamvikt-plugin` and runs
# `jamvikt`: here both come from the build tree (a pkg-config that finds the
# uninstalled .pc with the source tree's headers).
mkdir -p "$work/bin" "$work/guide"
real_pkg_config=$(command -v pkg-config)
cat >"$work/bin/pkg-config" <<EOF
#!/bin/sh
PKG_CONFIG_PATH='$JV_BUILDDIR' exec '$real_pkg_config' --define-variable=includedir='$JV_SRCDIR/include' "\$@"
EOF
chmod +x "$work/bin/pkg-config"
ln -s "$JAMVIKT" "$work/bin/jamvikt"
sh "$JV_SRCDIR/tests/sdk/guide_script.sh" "$JV_SRCDIR/docs/plugin-guide.md" >"$work/guide.sh"
check "the guide has a tutorial to follow" grep -q "funded_leaders.c" "$work/guide.sh"
set +e
(cd "$work/guide" && PATH="$work/bin:$PATH" sh -e "$work/guide.sh") >"$work/out" 2>"$work/err"
status=$?
set -e
check "following the guide's tutorial literally works" status_is 0
# The guide's hand-worked answer (1.2): women 4 projects, 3 funded; men 4
# and 3; unknown 1 and 1; women's share of funded leaders 3/6 = 0.5,
# balanced, not certain (Wilson 3 of 6 is about [0.19, 0.81]).
check "  and gives the guide's answer" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for scope in (d["regions"][0], d["total"]):
    r = scope["indicators"]["funded_leaders"]["result"]
    g = r["by_gender"]
    assert (g["woman"]["projects"], g["woman"]["funded"], g["man"]["projects"], g["man"]["funded"],
            g["unknown"]["projects"], g["unknown"]["funded"]) == (4, 3, 4, 3, 1, 1), g
    assert (r["total"]["projects"], r["total"]["funded"]) == (9, 7), r["total"]
    h = r["headline"]
    assert (h["value"], h["balance"], h["balance_certain"]) == (0.5, "balanced", False), h
    assert 0.18 < h["ci"][0] < 0.19 and 0.81 < h["ci"][1] < 0.82, h
' "$work/guide/funded-leaders/result.json"
check "  and the plugin exports nothing but its entry" sh -c \
    "nm -D --defined-only '$work/guide/funded-leaders/funded_leaders.so' | grep -v ' jamvikt_plugin_entry\$' | grep -q ' T ' && exit 1 || exit 0"

# --- 4. Man page and completion ---------------------------------------------
sed 's/\\-/-/g' "$JV_SRCDIR/docs/jamvikt.1" >"$work/man.txt"
run_jv --help
commands=$(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$work/out")
check "jamvikt --help lists commands" test -n "$commands"
for c in $commands; do
    check "jamvikt.1 documents '$c'" grep -q "^\.B jamvikt $c" "$JV_SRCDIR/docs/jamvikt.1"
    check "the completion knows '$c'" grep -q "_jamvikt_commands=.*\b$c\b" "$JV_SRCDIR/completion/jamvikt.bash"
    run_jv "$c" --help
    for o in $(grep -o -- '--[a-z][a-z-]*' "$work/out" | sort -u); do
        case $o in --help-all | --help-*) continue ;; esac
        check "jamvikt.1 documents $c $o" grep -qF -- "$o" "$work/man.txt"
        check "the completion offers $c $o" sh -c "sed -n '/^ *$c) echo/,/;;/p' '$JV_SRCDIR/completion/jamvikt.bash' | grep -qE -- '[\" ]$o([\" ]|\$)'"
    done
done

if command -v bash >/dev/null; then
    complete_line() { # complete_line WORD... : what <TAB> offers after the words
        bash -c '
            . "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _jamvikt
            printf "%s\n" "${COMPREPLY[@]}"' sh "$JV_SRCDIR/completion/jamvikt.bash" "$@"
    }
    check "completion: jamvikt r<TAB> offers report and run" \
        test "$(complete_line jamvikt r | sort | tr '\n' ' ')" = "report run "
    check "completion: run --plug<TAB> gives --plugin-path" \
        test "$(complete_line jamvikt run --plug)" = "--plugin-path"
    check "completion: run -f <TAB> offers the formats" \
        test "$(complete_line jamvikt run x.json -f '' | tr '\n' ' ')" = "json table markdown csv html xlsx "
    check "completion: plugins --c<TAB> gives --check" \
        test "$(complete_line jamvikt plugins --c)" = "--check"
    ln -s "$JAMVIKT" "$work/bin/jamvikt-here"
    check "completion: the plugin names come from jamvikt plugins" sh -c \
        "cd '$work' && bash -c '. \"$JV_SRCDIR/completion/jamvikt.bash\"; _jamvikt_plugin_names \"$work/bin/jamvikt-here\" plugins --plugin-path \"$plugins\"' | grep -qx leader_share"
fi

finish
