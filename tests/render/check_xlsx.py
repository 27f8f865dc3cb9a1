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

With periods (the scopes have "trend"), the "Trend" sheet: per indicator
a heading starting with its title, a header of the periods and "Change
FROM–TO", then per scope its headline per period, the change and its
interval as numbers equal to the JSON (× over suppressed period cells, ..
for no data, . for the interval a headline does not have), "*" exactly
where the interval excludes 0, the legend line under a table with
intervals, number formats by the headline's unit and the total bold.
Without periods, no such sheet.

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


def title_of(doc, name):
    title = None
    for p in doc["evaluation"]["plugins"]:
        if p["name"] == name and isinstance(p.get("title"), dict):
            title = p["title"].get("en")
    if not title:
        title = name.replace("_", " ")
        title = title[0].upper() + title[1:]
    return title


def sheet_name(doc, name):
    title = title_of(doc, name)
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


# Number formats by the headline's unit: (period cells, change and interval).
TREND_FORMATS = {"share": ("0.0%", "+0.0%;-0.0%;0.0%"), "rate": ("0.0%", "+0.0%;-0.0%;0.0%"),
                 "difference": ("+0.0%;-0.0%;0.0%", "+0.0%;-0.0%;0.0%"),
                 "amount": ("#,##0", "+#,##0;-#,##0;0"), "count": ("#,##0", "+#,##0;-#,##0;0")}


def headline_hidden(result):
    cells = (result or {}).get("by_gender") or {}
    return any((cells.get(g) or {}).get("suppressed") for g in ("woman", "man"))


def trend_row(row, scope, node, name, bold):
    where = "trend %s %s" % (name, scope)
    if row[0].value != scope:
        fail("%s: row %r, expected %r" % (where, row[0].value, scope))
    trend = node["trend"][name]
    values = trend["values"]
    n = len(values)
    formats = TREND_FORMATS.get(trend.get("unit"))
    hidden_ends = False
    checked = 0
    for k, v in enumerate(values):
        period = node["periods"][k]
        if period["value"] != v["period"]:
            fail("%s: periods out of order" % where)
        hidden = v["value"] is None and headline_hidden(
            period["indicators"].get(name, {}).get("result"))
        hidden_ends |= hidden and k in (0, n - 1)
        cell = row[1 + k]
        same(cell, v["value"], "%s %s" % (where, v["period"]), ("×",) if hidden else ("..",))
        if formats and v["value"] is not None and cell.number_format != formats[0]:
            fail("%s %s: format %r" % (where, v["period"], cell.number_format))
        checked += 1
    change = trend["change"]
    why = ("×",) if hidden_ends and change["value"] is None else ("..",)
    same(row[n + 1], change["value"], "%s change" % where, why)
    ci = change["ci"]
    for e in (0, 1):
        same(row[n + 2 + e], ci[e] if ci else None, "%s change ci[%d]" % (where, e),
             why if change["value"] is None else (".",))
    for c in row[n + 1:n + 4]:
        if formats and isinstance(c.value, (int, float)) and c.number_format != formats[1]:
            fail("%s: change format %r" % (where, c.number_format))
    excludes = bool(ci) and (ci[0] > 0 or ci[1] < 0)
    marker = row[n + 4].value if len(row) > n + 4 else None
    if marker != ("*" if excludes else None):
        fail("%s: marker %r, the interval %r" % (where, marker, ci))
    if any(bool(c.font.b) != bold for c in row[:n + 2] if c.value is not None):
        fail("%s: bold should be %s" % (where, bold))
    return checked + 3, bool(ci)


def trends(book, doc):
    scopes = [(r["name"], r) for r in doc["regions"]] + [("Total", doc["total"])]
    names = []
    for _, s in scopes:
        names += [k for k in (s.get("trend") or {}) if k not in names]
    if not names:
        if "Trend" in book.sheetnames:
            fail("a Trend sheet without periods")
        return 0
    if book.sheetnames[1] != "Trend":
        fail("the Trend sheet is not second: %r" % book.sheetnames)
        return 0
    rows = list(book["Trend"].iter_rows())
    heads = [i for i, r in enumerate(rows) if r[0].value == "Region"]
    if len(heads) != len(names):
        fail("Trend: %d tables for %d indicators with a trend" % (len(heads), len(names)))
    checked = 0
    for name, h in zip(names, heads):
        heading = rows[h - 1][0].value or ""
        if not heading.startswith(title_of(doc, name) + " — "):
            fail("Trend %s: heading %r" % (name, heading))
        model = next(s["trend"][name] for _, s in scopes if name in (s.get("trend") or {}))
        periods = [v["period"] for v in model["values"]]
        header = [c.value for c in rows[h]]
        want = ["Region"] + periods + ["Change %s–%s" % (model["change"]["from"],
                                                        model["change"]["to"]), "lower", "upper"]
        if header[:len(want)] != want:
            fail("Trend %s: header %r, expected %r" % (name, header, want))
        mine = [(n, s) for n, s in scopes if name in (s.get("trend") or {})]
        any_ci = False
        for i, (scope, node) in enumerate(mine):
            c, with_ci = trend_row(rows[h + 1 + i], scope, node, name, scope == "Total")
            checked += c
            any_ci |= with_ci
        after = rows[h + 1 + len(mine)][0].value if h + 1 + len(mine) < len(rows) else None
        legend = str(after or "").startswith("*: the change's interval excludes 0")
        if legend != any_ci:
            fail("Trend %s: legend line %r with intervals %s" % (name, after, any_ci))
    return checked


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = json.load(f)
    summary(book, doc)
    n = sum(indicator(book, doc, name) for name in sys.argv[3:]) + trends(book, doc)
    print("%d cells compared, %d failures" % (n + len(doc["summary"]), len(failures)))
    sys.exit(1 if failures else 0)


main()
