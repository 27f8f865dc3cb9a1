#!/bin/sh
# tests/render/test_render_untrusted.sh — text from a result document never
# reaches an output raw (issue 18 items 6 and 10): markup and link syntax
# in region names, breakdown values and the evaluation name are escaped in
# markdown; ESC and other control bytes show as "\x1b" in the terminal
# table, markdown and html; CSV (Excel dialect) neutralises a leading TAB
# or CR as it does = + - @; a document with invalid UTF-8 (a stray 0xFF,
# a sequence cut short) is refused before any renderer reads it. The
# documents are crafted from tests/data/render/result.json.
# Skipped (77) without python3.
set -eu
if ! command -v python3 >/dev/null 2>&1; then echo "SKIP: no python3"; exit 77; fi
. "$JV_SRCDIR/tests/cli/lib.sh"
result="$JV_SRCDIR/tests/data/render/result.json"
unset LANGUAGE LC_ALL LC_MESSAGES NO_COLOR
export LANG=C

# hostile.json: markup, links, ESC, leading TAB and CR (valid UTF-8).
python3 - "$result" "$work/hostile.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["evaluation"]["name"] = "Eval <script>alert(1)</script> [x](http://evil.example)"
doc["regions"][0]["name"] = "\x1b[2JNorr<img src=x onerror=alert(1)>![i](http://evil.example/i.png)"
for row in doc["summary"]:
    if row["region"] == "Norr":
        row["region"] = doc["regions"][0]["name"]
sectors = doc["regions"][0]["indicators"]["funding_share"]["result"]["breakdowns"]["sector"]
sectors[0]["value"] = "\t=HYPERLINK(\"http://evil.example\")"
sectors[1]["value"] = "\r+1+1"
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
esc=$(printf '\033')

run_jv report "$work/hostile.json" -f markdown -o "$work/h.md"
check "markdown: exit 0" status_is 0
check "markdown: no raw HTML from data" sh -c "! grep -q '<img\|<script' '$work/h.md'"
check "markdown: HTML shown as text" grep -qF '# Eval &lt;script&gt;alert(1)&lt;/script&gt; \[x\](http://evil.example)' "$work/h.md"
check "markdown: no link or image syntax from data, ESC shown" \
    grep -qF '## \\x1b\[2JNorr&lt;img src=x onerror=alert(1)&gt;!\[i\](http://evil.example/i.png)' "$work/h.md"
check "markdown: no ESC byte" sh -c "! grep -q '$esc' '$work/h.md'"

run_jv report "$work/hostile.json" -f table
check "table: exit 0" status_is 0
check "table: no ESC byte (the screen is not cleared)" sh -c "! grep -q '$esc' '$work/out'"
check "table: ESC shown as \\x1b (the name cut at 30 columns)" stdout_has '\x1b[2JNorr<img src=x onerror…'
run_jv report "$work/hostile.json" -f html -o "$work/h.html"
check "html: ESC shown as \\x1b, markup escaped" grep -qF '\x1b[2JNorr&lt;img src=x onerror=alert(1)&gt;![i](http://evil.example/i.png)' "$work/h.html"
check "html: no ESC byte" sh -c "! grep -q '$esc' '$work/h.html'"

run_jv report "$work/hostile.json" -f csv -o "$work/h.csv"
check "csv: a leading TAB is neutralised with an apostrophe" \
    grep -qF "funding_share;sector;\"'	=HYPERLINK(\"\"http://evil.example\"\")\";" "$work/h.csv"
check "csv: a leading CR is neutralised and quoted" \
    python3 -c 'import sys; sys.exit(0 if ";sector;\"'"'"'\r+1+1\";" in open(sys.argv[1], newline="", encoding="utf-8-sig").read() else 1)' "$work/h.csv"

# badutf8.json: raw invalid bytes in a region name, a breakdown value and
# a key (JSON's \u escapes cannot make them).
python3 - "$result" "$work/badutf8.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["regions"][1]["name"] = "SYD_MARK"
for row in doc["summary"]:
    if row["region"] == "Syd":
        row["region"] = "SYD_MARK"
sectors = doc["regions"][0]["indicators"]["funding_share"]["result"]["breakdowns"]["sector"]
sectors[0]["value"] = "VALUE_MARK"
text = json.dumps(doc, ensure_ascii=False).encode("utf-8")
text = text.replace(b"SYD_MARK", b"Syd\xff\xfe\xc2\x9b\xe2\x82")   # 0xFF, 0xFE, C1 CSI, a cut sequence
text = text.replace(b"VALUE_MARK", b"\xc0\xafenergy\xed\xa0\x80")  # overlong '/', a surrogate
open(sys.argv[2], "wb").write(text)
PY
# A result document is checked before any renderer reads it (issue 18,
# "Untrusted documents"; core/eval/result_check.h): invalid UTF-8 is
# refused with the file, line and column, and nothing is written. That the
# renderers still escape such bytes byte by byte, should any reach them,
# is tests/test_render_safe.c's to check.
for format in table markdown html csv json xlsx; do
    run_jv report "$work/badutf8.json" -f "$format" -o "$work/bad.$format"
    check "invalid UTF-8 to $format: refused (exit 1)" status_is 1
    check "  naming the file, line and column" stderr_has "badutf8.json:1:"
    check "  as not UTF-8" stderr_has "not valid UTF-8"
    check "  writing nothing" [ ! -e "$work/bad.$format" ]
done
finish
