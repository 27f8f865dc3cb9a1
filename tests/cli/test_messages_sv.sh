#!/bin/sh
# tests/cli/test_messages_sv.sh — the terminal speaks Swedish with --lang sv
# or a Swedish environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG as GNU
# gettext reads them; --lang wins), keeps the file, line and column in
# every message, and English stays word for word what it was.
# The expected sentences are po/sv.po's msgstr for the msgid the source
# marks, filled in by hand.
set -eu
. "$JV_SRCDIR/tests/cli/lib.sh"
# A neutral environment: each case sets what it tests.
unset LANGUAGE LC_ALL LC_MESSAGES LANG 2>/dev/null || true

mkdir -p "$work/eval/norr"
cat >"$work/eval/eval.json" <<'JSON'
{
  "name": "messages",
  "options": { "min_cell": 0 },
  "tables": { "funding": { "columns": { "gender": "recipient_gender" } } },
  "regions": [ { "name": "Norr", "dir": "norr" } ],
  "indicators": [ { "plugin": "funding_share" } ]
}
JSON
csv="$work/eval/norr/funding.csv"
header='id,recipient_gender,sector,amount_applied,amount_granted,decision'
cd "$work/eval"

# 1. An evaluation file cut short: its '{' on line 1, column 1 is never
#    closed; the file's 3 lines end with a newline, so the end is 4:1.
printf '{\n  "name": "x",\n  "options": { "min_cell": 0 }\n' >bad.json
sv_json="bad.json:4:1: ogiltig JSON: filen tar slut innan '{' på rad 1, kolumn 1 har stängts (ett '}' saknas)"
en_json="bad.json:4:1: invalid JSON: the file ends before the '{' at line 1, column 1 is closed (a '}' is missing)"
run_jv run --lang sv bad.json -o "$work/out.json"
check "--lang sv: a broken evaluation file in Swedish, with line and column" \
    stderr_has "jamvikt: $sv_json"
check "--lang sv: the run fails (1)" status_is 1
LANG=sv_SE.UTF-8 run_jv check bad.json
check "LANG=sv_SE.UTF-8: check says it in Swedish" stderr_has "jamvikt: $sv_json"
run_jv check bad.json
check "no language set: English as before" stderr_has "jamvikt: $en_json"
check "no language set: no Swedish word" sh -c "! grep -q 'ogiltig' '$work/err'"
LANG=sv_SE.UTF-8 run_jv check --lang en bad.json
check "--lang en wins over LANG=sv_SE.UTF-8" stderr_has "jamvikt: $en_json"
LANG=en_GB.UTF-8 LANGUAGE=sv run_jv check bad.json
check "LANGUAGE=sv wins over LANG=en_GB.UTF-8" stderr_has "jamvikt: $sv_json"
LC_ALL=C LANGUAGE=sv run_jv check bad.json
check "LC_ALL=C: LANGUAGE is ignored, as gettext does" stderr_has "jamvikt: $en_json"
LANG=en_GB.UTF-8 LC_MESSAGES=sv_SE.UTF-8 run_jv check bad.json
check "LC_MESSAGES=sv_SE.UTF-8 wins over LANG" stderr_has "jamvikt: $sv_json"

# 2. A CSV whose quoted field on line 3 is never closed.
printf '%s\nN1,woman,ict,100000,100000,granted\nN2,man,"ict,200000,150000,granted\n' \
    "$header" >"$csv"
run_jv run --lang sv eval.json -o "$work/out.json"
check "--lang sv: an unclosed quote in Swedish, with file and line" stderr_has \
    "jamvikt: norr/funding.csv:3: ett fält inom citattecken som börjar på den här raden avslutas aldrig: ett avslutande citattecken (\") saknas"
LANG=sv_SE.UTF-8 run_jv check eval.json
check "LANG=sv: check lists it as 'fel' with its code" stderr_has \
    "fel: norr/funding.csv:3: ett fält inom citattecken som börjar på den här raden avslutas aldrig"
check "LANG=sv: check counts in Swedish (1 error, 0 warnings, 1 region, 1 file, 1 row)" \
    stdout_has "eval.json: 1 fel, 0 varningar — 1 region, 1 fil, 1 rad kontrollerade"
run_jv run eval.json -o "$work/out.json"
check "English: the unclosed quote as before" stderr_has \
    "jamvikt: norr/funding.csv:3: a quoted field opened on this line is never closed: a closing quote (\") is missing"

# 3. A cell with a currency unit: line 3, column amount_applied.
printf '%s\nN1,woman,ict,100000,100000,granted\nN2,man,ict,200 kr,150000,granted\n' \
    "$header" >"$csv"
run_jv run --lang sv eval.json -o "$work/out.json"
check "--lang sv: a bad cell in Swedish, with file, line and column" stderr_has \
    "jamvikt: norr/funding.csv:3: kolumnen 'amount_applied': '200 kr' är inte ett tal: ta bort valutaenheten 'kr' från kolumnen"
run_jv run eval.json -o "$work/out.json"
check "English: the bad cell as before" stderr_has \
    "jamvikt: norr/funding.csv:3: column 'amount_applied': '200 kr' is not a number: remove the currency unit 'kr' from the column"

# 4. Missing columns: the first required one the reader looks up
#    (amount_granted) is named, with what to do; the names verbatim.
printf 'id,recipient_gender,sector\nN1,woman,ict\n' >"$csv"
LANG=sv_SE.UTF-8 run_jv run eval.json -o "$work/out.json"
check "LANG=sv: a missing column names the file's columns and what to do" stderr_has \
    "kolumnen 'amount_granted' hittades inte; filen har kolumnerna: id, recipient_gender, sector. Ange kolumnen för 'amount_granted' under \"columns\" i utvärderingsfilen"

# 5. Option errors: found before --lang is parsed, still in Swedish.
run_jv run --frobnicate --lang sv eval.json
check "--lang sv: an unknown option in Swedish" stderr_has "jamvikt: Okänd flagga --frobnicate"
check "--lang sv: the --help hint in Swedish" stderr_has "(se --help)"
check "an unknown option is a usage error (2)" status_is 2
LANG=sv_SE.UTF-8 run_jv run --lang=sv --frobnicate eval.json
check "--lang=sv form works too" stderr_has "jamvikt: Okänd flagga --frobnicate"
run_jv run --frobnicate eval.json
check "English: the unknown option as before" stderr_has "jamvikt: Unknown option --frobnicate"
check "English: the hint as before" stderr_has "(see --help)"
run_jv run --lang de eval.json
check "--lang de is refused in English" stderr_has "jamvikt run: --lang must be sv or en, not 'de'"
LANG=sv_SE.UTF-8 run_jv frobnicate
check "LANG=sv: an unknown command in Swedish" stderr_has "jamvikt: okänt kommando 'frobnicate'"
check "LANG=sv: the usage text in Swedish" stderr_has "Användning: jamvikt KOMMANDO [FLAGGOR]"
run_jv check --lang sv --help
check "--help descriptions in Swedish" stdout_has "Skriv rapporten som JSON"
finish
