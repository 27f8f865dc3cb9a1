#!/bin/sh
# tests/cli/test_robust.sh — issue 6: pathological input. Every case runs
# `jamvikt run` (exit 1, a message naming the file and, where there is
# one, the line and column; no output file left) and `jamvikt check` (the
# problem's stable code). The large inputs are made here, in a temporary
# folder, never committed; each case takes well under a second.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

header='id,recipient_gender,sector,amount_applied,amount_granted,decision'

# new_case NAME: a folder with an evaluation of one region, "a", whose
# funding table the caller writes to $case/a/funding.csv.
new_case() {
    case="$work/$1"
    mkdir -p "$case/a"
    cat >"$case/eval.json" <<EOF
{ "name": "$1", "options": { "min_cell": 0 },
  "tables": { "funding": { "columns": { "gender": "recipient_gender" } } },
  "regions": [ { "name": "A", "dir": "a" } ],
  "indicators": [ { "plugin": "funding_share" } ] }
EOF
}
table() { printf '%s\n' "$header" >"$case/a/funding.csv"; printf "$@" >>"$case/a/funding.csv"; }
run_case() { run_jv run "$case/eval.json" -q -o "$case/out.json" "$@"; }
check_case() { run_jv check "$case/eval.json" "$@"; }
no_output() { test ! -e "$case/out.json" && ! ls -A "$case" | grep -q '^\.out'; }
sanitized() { grep -q __asan_init "$JAMVIKT" 2>/dev/null; }
# peak_rss_mb CMD...: runs CMD (status in $status) and prints its peak RSS
peak_rss_mb() {
    python3 -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, r.returncode)' "$@"
}

# --- empty file, header only ------------------------------------------
new_case empty
: >"$case/a/funding.csv"
run_case
check "an empty file exits 1" status_is 1
check "an empty file is named and explained" \
    stderr_has "a/funding.csv: the file is empty; its first line must name the columns"
check "an empty file leaves no output" no_output
check_case
check "check: an empty file is an error" status_is 1
check "check: an empty file has the code empty-file" stderr_has "[empty-file]"

new_case header_only
table ''
run_case
check "a header without rows is fine" status_is 0
check_case
check "check: a header without rows reads 0 rows" stdout_has "OK — 1 region, 1 file, 0 rows checked"

# --- sizes: a 100 MB field, 100 000 columns ------------------------------
new_case huge_field
{ printf '%s\nN1,woman,ict,5,' "$header"; head -c 100000000 /dev/zero | tr '\0' 7; printf ',granted\n'; } \
    >"$case/a/funding.csv"
set -- $(peak_rss_mb "$JAMVIKT" run "$case/eval.json" -q -o "$case/out.json")
rss=$1 status=$2
check "a 100 MB field exits 1" status_is 1
check "a 100 MB field leaves no output" no_output
# the record cap is 64 MiB: the buffer never grows past it
if sanitized; then
    echo "skip a 100 MB field keeps memory bounded (sanitizer build: ${rss} MB)"
else
    check "a 100 MB field keeps memory under 128 MB (peak ${rss} MB)" test "$rss" -lt 128
fi
run_case
check "a 100 MB field is named with its line" \
    stderr_has "a/funding.csv:2: a row is longer than 64 MiB; is this a CSV file?"
check_case
check "check: a 100 MB field is csv-syntax" stderr_has "a/funding.csv:2: a row is longer than 64 MiB; is this a CSV file? [csv-syntax]"

new_case wide_row
{ printf '%s\nN1,woman,ict,5,1,granted' "$header"; i=0; while [ $i -lt 1000 ]; do
      printf ',x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x'
      i=$((i + 1)); done; printf '\n'; } >"$case/a/funding.csv"
run_case
check "a row of 100 000 columns exits 1" status_is 1
check "a row of 100 000 columns is named with its line" \
    stderr_has "a/funding.csv:2: row has 100006 fields, the header has 6; a value that contains the delimiter ',' must be in quotes"
check_case
check "check: a row of 100 000 columns is field-count" stderr_has "[field-count]"

new_case wide_header
python3 -c "import sys; sys.stdout.write(','.join('c%d' % i for i in range(100000)) + '\n' + ','.join('1' for i in range(100000)) + '\n')" \
    >"$case/a/funding.csv"
run_case
check "a header of 100 000 columns exits 1" status_is 1
check "a header of 100 000 columns lists some and counts all" \
    stderr_has "c38, c39, … (100000 in all). Name the column for 'gender'"
check "a header of 100 000 columns gives a short message" test "$(wc -c <"$work/err")" -lt 1000

# --- encodings: invalid UTF-8, NUL, UTF-16 --------------------------------
new_case invalid_utf8
table 'N1,kvinna,ict,5,1,granted\nN2,m\344n,ict,5,1,granted\n'
run_case
check "invalid UTF-8 exits 1" status_is 1
check "invalid UTF-8 is named with line and column, and what to do" \
    stderr_has "a/funding.csv:3: column 'recipient_gender': the text is not valid UTF-8; if the file was saved by Excel as \"CSV\" (not \"CSV UTF-8\"), set \"encoding\": \"windows-1252\""
check_case
check "check: invalid UTF-8 is an encoding error" \
    stderr_has "error: a/funding.csv:3: column 'recipient_gender': the text is not valid UTF-8"
check "check: Windows-1252 bytes in a UTF-8 file are warned about" \
    stderr_has "warning: a/funding.csv:3: column 'recipient_gender': the file is read as UTF-8, but this value is not UTF-8"

new_case nul
table 'N1,wo\000man,ict,5,1,granted\n'
run_case
check "a NUL byte exits 1" status_is 1
check "a NUL byte is named with its line" \
    stderr_has "a/funding.csv:2: the file contains a NUL byte, so it is not a text file"
check "a NUL byte leaves no output" no_output

new_case utf16
printf '\377\376i\000d\000\n\000' >"$case/a/funding.csv"
run_case
check "a UTF-16 file exits 1" status_is 1
check "a UTF-16 file says how to save it" \
    stderr_has "a/funding.csv: the file is UTF-16 text; save it as CSV in UTF-8"

# --- files that cannot be read -----------------------------------------
new_case directory
mkdir "$case/a/funding.csv"
run_case
check "a folder as table file exits 1" status_is 1
check "a folder as table file says so" \
    stderr_has "a/funding.csv: is a folder, not a file; \"file\" must name a CSV file"
check_case
check "check: a folder is unreadable-file" stderr_has "[unreadable-file]"

new_case read_error
sed 's#"columns"#"file": "/proc/self/mem", "columns"#' "$case/eval.json" >"$case/e" && mv "$case/e" "$case/eval.json"
run_case
check "a file that fails to read exits 1" status_is 1
check "a read error names the file and the reason" \
    stderr_has "/proc/self/mem: cannot read the file: Input/output error"

new_case unreadable
table 'N1,woman,ict,5,1,granted\n'
chmod 000 "$case/a/funding.csv"
if [ "$(id -u)" = 0 ]; then
    echo "skip an unreadable file (root reads it anyway; see the read error case)"
else
    run_case
    check "an unreadable file exits 1" status_is 1
    check "an unreadable file is named with the reason" \
        stderr_has "a/funding.csv: cannot open the file: Permission denied"
fi
chmod 644 "$case/a/funding.csv"

# --- structure: column count, duplicate names, quotes, delimiter ---------
new_case ragged
table 'N1,woman,ict,5,1,granted\nN2,man,ict,5,1\n'
run_case
check "a row with fewer fields exits 1" status_is 1
check "a row with fewer fields is named with its line" \
    stderr_has "a/funding.csv:3: row has 5 fields, the header has 6; a value that contains the delimiter ',' must be in quotes"
check_case
check "check: the row is a field-count error" stderr_has "a/funding.csv:3: row has 5 fields, the header has 6"

new_case duplicate_read
printf '%s,amount_granted\nN1,woman,ict,5,1,granted,2\n' "$header" >"$case/a/funding.csv"
run_case
check "a doubled column that is read exits 1" status_is 1
check "a doubled column names both positions" \
    stderr_has "a/funding.csv: column 'amount_granted' (role 'amount_granted') appears twice in the header, as columns 5 and 7; rename one of them"

new_case duplicate_unread
printf '%s,notes,notes\nN1,woman,ict,5,1,granted,a,b\n' "$header" >"$case/a/funding.csv"
run_case
check "a doubled column nobody reads is fine" status_is 0
check_case
check "check: a doubled column nobody reads is a warning" status_is 0
check "check: the warning names both positions" \
    stderr_has "warning: a/funding.csv:1: column 'notes': the header names 'notes' twice, as columns 7 and 8; only the first is read [duplicate-column]"

new_case unclosed_quote
table 'N1,woman,"ict,5,1,granted\nN2,man,ict,5,1,granted\n'
run_case
check "an unclosed quote exits 1" status_is 1
check "an unclosed quote names the line it opened on" \
    stderr_has "a/funding.csv:2: a quoted field opened on this line is never closed: a closing quote (\") is missing"

new_case wrong_delimiter
printf 'id;recipient_gender;sector;amount_applied;amount_granted;decision\nN1;woman;ict;5;1;granted\n' \
    >"$case/a/funding.csv"
sed 's#"columns"#"delimiter": ",", "columns"#' "$case/eval.json" >"$case/e" && mv "$case/e" "$case/eval.json"
run_case
check "a wrong delimiter exits 1" status_is 1
check "a wrong delimiter is pointed out" \
    stderr_has "the header was read as one column with ',' as delimiter: check \"delimiter\""
check_case
check "check: one single column is a wrong-delimiter warning" \
    stderr_has "warning: a/funding.csv:1: the header was read as one single column with ',' as the delimiter, but it holds ';' [wrong-delimiter]"

new_case decimal_comma_split
table 'N1,woman,ict,12,5,100,granted\n'
run_case
check "decimal commas in a comma-separated file exit 1" status_is 1
check "decimal commas that split a row are pointed out" \
    stderr_has "— numbers with a decimal comma (like 12,5) too: save the file with ';' as delimiter"
check_case
check "check: decimal commas in a comma-separated file are warned about" \
    stderr_has "warning: a/funding.csv:2: the file is comma-separated, but numbers like this one seem to have a decimal comma"

# --- numbers -------------------------------------------------------------
new_case exponent
table 'N1,woman,ict,5,1e308,granted\n'
run_case
check "1e308 exits 1" status_is 1
check "1e308 is named with line and column" \
    stderr_has "a/funding.csv:2: column 'amount_granted': '1e308' is in exponent notation; write the number out in full"
check "1e308 leaves no output" no_output

for word in NaN inf; do
    new_case "not_a_number_$word"
    table "N1,woman,ict,5,$word,granted\n"
    run_case
    check "$word exits 1" status_is 1
    check "$word is not a number" \
        stderr_has "a/funding.csv:2: column 'amount_granted': '$word' is not a number; leave the cell empty when the value is missing"
done

new_case negative
table 'N1,woman,ict,5,-5,granted\n'
run_case
check "a negative amount exits 1" status_is 1
check "a negative amount is refused" \
    stderr_has "a/funding.csv:2: column 'amount_granted': '-5' is negative, which is not allowed: the value must be 0 or more"
check_case
check "check: a negative amount is out-of-range" stderr_has "[out-of-range]"

new_case overflow
table 'N1,woman,ict,5,9223372036854775808,granted\n'
run_case
check "an amount beyond 64 bits exits 1" status_is 1
check "an amount beyond 64 bits is too large" \
    stderr_has "a/funding.csv:2: column 'amount_granted': '9223372036854775808' is too large to be summed exactly"

new_case minus_zero
# -0 is 0: the woman's 0 of 100 granted in all gives a women's share of 0
table 'N1,woman,ict,100,-0,granted\nN2,man,ict,100,100,granted\n'
run_case
check "-0 is read" status_is 0
check "-0 counts as 0" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
h = d['total']['indicators']['funding_share']['result']['headline']
assert h['value'] == 0, h" "$case/out.json"

new_case integer_overflow
mkdir -p "$case/a"
cat >"$case/eval.json" <<EOF
{ "name": "integer_overflow", "options": { "min_cell": 0 },
  "regions": [ { "name": "A", "dir": "a" } ],
  "indicators": [ { "plugin": "participation" } ] }
EOF
printf 'gender,arena,count\nwoman,board,3\nman,board,99999999999999999999\n' >"$case/a/participation.csv"
run_case
check "a whole number beyond 64 bits exits 1" status_is 1
check "a whole number beyond 64 bits is too large" \
    stderr_has "a/participation.csv:3: column 'count': '99999999999999999999' is too large to be summed exactly"

# --- check lists every problem, up to 20 a file ---------------------------
new_case many_problems
{ printf '%s\n' "$header"; i=1; while [ $i -le 25 ]; do printf 'N%d,woman,ict,5,x%d,granted\n' $i $i; i=$((i + 1)); done; } \
    >"$case/a/funding.csv"
check_case
check "check: many bad rows exit 1" status_is 1
check "check: the first bad row is listed" stderr_has "error: a/funding.csv:2: column 'amount_granted': 'x1' is not a number"
check "check: the 20th bad row is listed" stderr_has "a/funding.csv:21: column 'amount_granted': 'x20'"
check "check: the 21st is not" sh -c "! grep -q \"'x21'\" '$work/err'"
check "check: the report says it is partial" \
    stderr_has "note: a/funding.csv: the report for this file is partial: it has 25 errors and 0 warnings, of which only the first 20 are listed"
check "check: the summary counts every error" stdout_has "25 errors, 0 warnings"
check_case --json
check "check --json: exit 1 too" status_is 1
check "check --json: the report" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['valid'] is False
f = d['files'][0]
assert (f['file'], f['rows'], f['skipped_rows'], f['errors'], f['warnings'], f['partial']) == \
       ('a/funding.csv', 0, 25, 25, 0, True), f
assert len(d['errors']) == 20 and d['warnings'] == []
e = d['errors'][0]
assert (e['severity'], e['code'], e['file'], e['line'], e['column'], e['field'], e['value']) == \
       ('error', 'type-error', 'a/funding.csv', 2, 'amount_granted', 5, 'x1'), e
assert e['hint'] == 'write numbers like 1250000, 1 250 000 or 1250000.50', e
" "$work/out"

new_case skip_rows
sed 's#"columns"#"on_error": "skip", "columns"#' "$case/eval.json" >"$case/e" && mv "$case/e" "$case/eval.json"
table 'N1,woman,ict,5,x,granted\nN2,man,ict,5,1,granted\n'
check_case
check "check: with on_error skip a bad row is a warning only" status_is 0
check "check: the warning says the row is skipped" \
    stderr_has "warning: a/funding.csv:2: column 'amount_granted': 'x' is not a number; write numbers like 1250000, 1 250 000 or 1250000.50 (row skipped) [type-error]"
check "check: the summary has the good row" stdout_has "OK with 1 warning — 1 region, 1 file, 1 row checked"

new_case missing_file
check_case --json
check "check: a missing table file is a warning" status_is 0
check "check --json: the missing file" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['valid'] is True and d['errors'] == []
w = d['warnings'][0]
assert (w['code'], w['file'], w['line']) == ('missing-file', 'a/funding.csv', None), w
assert d['files'][0]['found'] is False
" "$work/out"

new_case bad_evaluation
printf '{ "name": "x", "regions": [], "indicatorz": [] }\n' >"$case/eval.json"
check_case --json
check "check --json: a bad evaluation file exits 1" status_is 1
check "check --json: a bad evaluation file is one error" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['valid'] is False and len(d['errors']) == 1
e = d['errors'][0]
assert e['code'] == 'evaluation-file' and e['file'].endswith('eval.json'), e
assert 'indicatorz' in e['message'], e
" "$work/out"
check_case
check "check: a bad evaluation file names its key" stderr_has "unknown key 'indicatorz'"

run_jv check
check "check without a file is a usage error" status_is 2
run_jv check "$case/eval.json" "$case/eval.json"
check "check with two files is a usage error" status_is 2

finish
