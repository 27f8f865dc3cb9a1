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

status_is() { [ "$status" -eq "$1" ]; }
stderr_has() { grep -qF -- "$1" "$work/err"; }
stdout_has() { grep -qF -- "$1" "$work/out"; }

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
