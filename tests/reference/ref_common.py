"""Common rules of INDICATORS.md for the reference implementation.

Written from /work/shared/INDICATORS.md alone (not from jamvikt's C code):
gender codes, exact fixed-point sums, women's share, the 40/60 balance,
balance_certain, Wilson and Newcombe intervals, and reading an evaluation's
CSV tables (the plain dialect: comma, UTF-8, optional BOM).  Standard
library only.  Every function here is pure; nothing is cached globally.
"""
import csv
import decimal
import json
import math
import os
import statistics

CATS = ("woman", "man", "non_binary", "mixed", "unknown")
CATS4 = ("woman", "man", "non_binary", "mixed")   # the ones that can be suppressed

DEFAULT_GENDER_CODES = {
    "woman": ["woman", "women", "female", "f", "k", "kvinna", "kvinnor", "2"],
    "man": ["man", "men", "male", "m", "män", "1"],
    "non_binary": ["non_binary", "non-binary", "nonbinary", "x", "icke-binär",
                   "ickebinär"],
    "mixed": ["mixed", "blandat", "both"],
    "unknown": ["", "unknown", "okänd", "okänt", "uppgift saknas", "..", "-"],
}

SCALE = 10 ** 4   # money and hours: fixed point, 4 decimals


class DataError(Exception):
    """A data error INDICATORS.md says stops the run."""


def fold(text):
    return text.strip().casefold()


def gender_table(overrides):
    """Code → canonical: the defaults, then the evaluation's codes (which win)."""
    table = {}
    for canon, codes in DEFAULT_GENDER_CODES.items():
        for code in codes:
            table[fold(code)] = canon
    for code, canon in (overrides or {}).items():
        table[fold(code)] = canon
    return table


def gender_of(table, cell, where):
    key = fold(cell)
    if key not in table:
        raise DataError("%s: unknown gender code %r" % (where, cell))
    return table[key]


def fixed(cell, where):
    """A number as an integer × 10⁴, rounded half-to-even past 4 decimals."""
    text = cell.strip().replace(" ", "").replace("\u00a0", "")
    try:
        d = decimal.Decimal(text)
    except decimal.InvalidOperation:
        raise DataError("%s: not a number: %r" % (where, cell))
    q = (d * SCALE).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_EVEN)
    return int(q)


def number(cell, where):
    try:
        return float(cell.strip().replace(",", "."))
    except ValueError:
        raise DataError("%s: not a number: %r" % (where, cell))


def z_of(confidence):
    return statistics.NormalDist().inv_cdf((1.0 + confidence) / 2.0)


def ratio(num, den):
    if num is None or den is None or den == 0:
        return None
    return num / den


def share(w, m):
    """Women's share w / (w + m); None when a part is None or the sum is 0."""
    if w is None or m is None or w + m == 0:
        return None
    return w / (w + m)


def wilson(k, n, z):
    if k is None or n is None or n == 0:
        return None
    p = k / n
    z2 = z * z
    den = 1.0 + z2 / n
    centre = (p + z2 / (2.0 * n)) / den
    half = z * math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / den
    return [centre - half, centre + half]


def newcombe(k1, n1, k2, n2, z):
    """{value, ci} of p1 − p2 by Newcombe's method 10; nulls on n = 0 or None."""
    if None in (k1, n1, k2, n2) or n1 == 0 or n2 == 0:
        return {"value": None, "ci": None}
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, z)
    l2, u2 = wilson(k2, n2, z)
    d = p1 - p2
    return {"value": d,
            "ci": [d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
                   d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)]}


def balance_of(s, band):
    lo, hi = band
    if s is None:
        return "no_data"
    if lo <= s <= hi:
        return "balanced"
    return "men_dominated" if s < lo else "women_dominated"


def balance_certain(cls, ci, band):
    """Wilson interval entirely inside the class's band; None without one.

    The outer limits 0 and 1 are not tested: a Wilson interval lies in
    [0, 1] by construction, and a last-bit rounding below 0 must not turn
    the answer (INDICATORS.md does not say; see the report)."""
    if ci is None or cls == "no_data":
        return None
    lo, hi = band
    a, b = ci
    if cls == "men_dominated":
        return b < lo
    if cls == "balanced":
        return a >= lo and b <= hi
    return a > hi


class Evaluation:
    """The parts of an evaluation file the reference needs."""

    def __init__(self, path, min_cell=None):
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.base = os.path.dirname(os.path.abspath(path))
        opts = self.doc.get("options", {})
        self.min_cell = opts.get("min_cell", 5) if min_cell is None else min_cell
        self.band = tuple(opts.get("balance", [0.40, 0.60]))
        self.z = z_of(opts.get("confidence", 0.95))
        self.regions = self.doc["regions"]
        self.indicators = self.doc["indicators"]
        self.period = None    # a period: read() keeps only its rows

    def read(self, region, table, roles):
        """read_unfiltered(), keeping only the current period's rows when
        the table has the period column (DESIGN.md "Periods")."""
        col = self.doc.get("periods", {}).get("column")
        if self.period is None or col is None:
            return self.read_unfiltered(region, table, roles)
        t = self.read_unfiltered(region, table, list(roles) + [col])
        if t is None or not t["has"][col]:
            return t
        t["rows"] = [(line, row) for line, row in t["rows"]
                     if (row[col] or "").strip() == self.period]
        return t

    def table_settings(self, region, table):
        s = dict(self.doc.get("tables", {}).get(table, {}))
        over = region.get("tables", {}).get(table, {})
        for k, v in over.items():
            if isinstance(v, dict) and isinstance(s.get(k), dict):
                merged = dict(s[k])
                merged.update(v)
                s[k] = merged
            else:
                s[k] = v
        return s

    def read_unfiltered(self, region, table, roles):
        """(rows, gender table) for a region's table, or None if absent.

        rows: list of (line number, {role: cell text or None}); a role whose
        column is missing is None in every row."""
        s = self.table_settings(region, table)
        fname = s.get("file", table + ".csv")
        path = fname if os.path.isabs(fname) else os.path.join(
            self.base, region.get("dir", "."), fname)
        if not os.path.exists(path):
            return None
        cols = s.get("columns", {})
        genders = gender_table(s.get("codes", {}).get("gender"))
        with open(path, encoding=s.get("encoding", "utf-8-sig"), newline="") as f:
            reader = csv.reader(f, delimiter=s.get("delimiter", ","))
            header = next(reader)
            index = {}
            for role in roles:
                col = cols.get(role, role)
                index[role] = header.index(col) if col in header else None
            rows = []
            for line, rec in enumerate(reader, start=2):
                if not rec:
                    continue
                rows.append((line, {r: (rec[i] if i is not None else None)
                                    for r, i in index.items()}))
        return {"rows": rows, "genders": genders, "path": path,
                "has": {r: i is not None for r, i in index.items()}}
