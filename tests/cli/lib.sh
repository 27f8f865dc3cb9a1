# tests/cli/lib.sh — tiny assertion helpers for the command-line tests:
# each check prints ok/FAIL; finish prints "N passed, N failed" and sets the
# exit status.
passed=0
failed=0
data="$JV_SRCDIR/tests/data/cli"
fixtures="$JV_BUILDDIR/tests/fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run_jv ARGS... : runs jamvikt, keeping status, stdout and stderr
run_jv() {
    set +e
    "$JAMVIKT" "$@" >"$work/out" 2>"$work/err"
    status=$?
    set -e
}

check() { # check NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name"
        echo "     status=$status"; sed 's/^/     stderr: /' "$work/err" | head -5
    fi
}

# eval_with PLUGIN FILE DIR: writes FILE, an evaluation of funding_share and
# PLUGIN over one region, Norr, read from DIR (the cli test's
# tests/data/cli/norr, or a copy), without disclosure control.
eval_with() {
    cat >"$2" <<JSON
{ "name": "funding_share and $1", "options": { "min_cell": 0 },
  "tables": { "funding": { "columns": { "gender": "recipient_gender" } } },
  "regions": [ { "name": "Norr", "dir": "$3" } ],
  "indicators": [ { "plugin": "funding_share" }, { "plugin": "$1" } ] }
JSON
}

status_is() { [ "$status" -eq "$1" ]; }
stderr_has() { grep -qF -- "$1" "$work/err"; }
stdout_has() { grep -qF -- "$1" "$work/out"; }

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
