"""tests/render/check_xlsx.py — reads a workbook written by `jamvikt -f
xlsx` back with openpyxl and compares it with the JSON document of the
same result: every summary figure, and every gender's measures and
women's shares in the main rows of an indicator's sheet (English labels).
A number must be a numeric cell equal to the JSON double (full
precision); null must be a text symbol: "×" inside a suppressed cell (or a
share over one), "." where the figure cannot occur, ".." for no data.
Prints one line per failure and exits 1 if there was any.

An indicator's sheet is found by its English title (evaluation.plugins[]
.title.en, else the name made readable: "funding_share" → "Funding
share"), with what Excel forbids in sheet names ([]:*?/\\) as "_" and cut
to 28 characters.

usage: check_xlsx.py WORKBOOK.xlsx RESULT.json INDICATOR..."""
import json
import sys

import openpyxl

GENDERS = {"woman": "Women", "man": "Men", "non_binary": "Non-binary", "mixed": "Mixed",
           "unknown": "Unknown", "total": "Total"}
MEASURES = {"applications": "Applications", "granted": "Granted applications",
            "amount_applied": "Amount applied for", "amount_granted": "Amount granted",
            "approval_rate": "Approval rate", "mean_granted": "Mean amount granted",
            "grant_ratio": "Share of the amount applied for that was granted", "seats": "Seats"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def same(cell, value, where, symbols):
    if isinstance(value, bool) or value is None:
        if value is None and cell.value not in symbols:
            fail("%s: %r, expected one of %s" % (where, cell.value, symbols))
        return
    if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
        fail("%s: %r is not a number (expected %r)" % (where, cell.value, value))
    elif float(cell.value) != float(value):
        fail("%s: %r != %r" % (where, cell.value, value))


def summary(book, doc):
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    if len(rows) != len(doc["summary"]):
        fail("summary: %d rows, the document has %d" % (len(rows), len(doc["summary"])))
    keys = [k for k in doc["summary"][0] if k != "region"]
    if len(header) != len(keys) + 1:
        fail("summary: %d columns for %d headlines" % (len(header) - 1, len(keys)))
    for row, item in zip(rows, doc["summary"]):
        for k, key in enumerate(keys):
            same(row[k + 1], item[key], "summary %s %s" % (item["region"], key), ("×", ".", ".."))
    total = rows[-1]
    if not all(c.font.b for c in total if c.value is not None):
        fail("summary: the total row is not bold")
    if any(c.font.b for c in rows[0]):
        fail("summary: a region row is bold")


def sheet_name(doc, name):
    title = None
    for p in doc["evaluation"]["plugins"]:
        if p["name"] == name and isinstance(p.get("title"), dict):
            title = p["title"].get("en")
    if not title:
        title = name.replace("_", " ")
        title = title[0].upper() + title[1:]
    for c in "[]:*?/\\":
        title = title.replace(c, "_")
    return title[:28]


def indicator(book, doc, name):
    sheet = book[sheet_name(doc, name)]
    # Group labels are merged across their columns: carry them forward.
    groups, group = [], None
    for c in sheet[1]:
        group = c.value if c.value is not None else group
        groups.append(group)
    subs = [c.value for c in sheet[2]]
    columns = {(g, s): i for i, (g, s) in enumerate(zip(groups, subs))}
    main = [r for r in sheet.iter_rows(min_row=3) if r[1].value is None]
    scopes = [(r["name"], r) for r in doc["regions"]] + [("Total", doc["total"])]
    scopes = [(n, s) for n, s in scopes if name in s["indicators"]]
    if len(main) != len(scopes):
        fail("%s: %d main rows for %d scopes" % (name, len(main), len(scopes)))
    checked = 0
    for row, (scope, node) in zip(main, scopes):
        if row[0].value != scope:
            fail("%s: row %r, expected %r" % (name, row[0].value, scope))
        result = node["indicators"][name].get("result")
        if node["indicators"][name]["status"] != "ok":
            # no data in every figure, the reason in the last column
            if [c.value for c in row[3:-1]] != [".."] * (len(row) - 4) or not row[-1].value:
                fail("%s %s: not computed, but shown as %r" % (name, scope, [c.value for c in row]))
            checked += 1
            continue
        cells = dict(result["by_gender"], total=result["total"])
        hidden = cells["woman"]["suppressed"] or cells["man"]["suppressed"]
        for gender, cell in cells.items():
            for measure, value in cell.items():
                key = (GENDERS[gender], MEASURES.get(measure))
                if key not in columns:
                    continue
                symbols = ("×",) if cell["suppressed"] else ("..",)
                same(row[columns[key]], value, "%s %s %s.%s" % (name, scope, gender, measure), symbols)
                checked += 1
        for measure, value in result["women_share"].items():
            key = ("Women's share", MEASURES[measure])
            same(row[columns[key]], value, "%s %s women_share.%s" % (name, scope, measure),
                 ("×",) if hidden else ("..",))
            checked += 1
    if checked == 0:
        fail("%s: nothing compared" % name)
    return checked


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = json.load(f)
    summary(book, doc)
    n = sum(indicator(book, doc, name) for name in sys.argv[3:])
    print("%d cells compared, %d failures" % (n + len(doc["summary"]), len(failures)))
    sys.exit(1 if failures else 0)


main()
