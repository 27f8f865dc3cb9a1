#!/usr/bin/env python3
"""Compare a jamvikt result with the reference implementation's.

    compare.py RESULT.json REFERENCE.json [--tol 1e-9] [--max N]

Walks `regions`, `total` and `summary` of both documents and prints every
disagreement with its path: a number that differs by more than --tol
(absolute), null against a value, a different string or boolean (balance
classes, `suppressed` flags, statuses), a key or list entry on one side
only, or list entries in a different order.  Lists of objects with a
`value` are matched by value, the summary by region; headline `label`s are
free text and not compared.  Exit status: 0 when they agree, 1 otherwise.
"""
import argparse
import json
import sys

IGNORED_KEYS = {"label", "reason", "message"}


class Walker:
    def __init__(self, tol):
        self.tol = tol
        self.diffs = []

    def report(self, path, a, b, what=""):
        self.diffs.append("%s: jamvikt=%s reference=%s%s" % (
            path, json.dumps(a, ensure_ascii=False),
            json.dumps(b, ensure_ascii=False), (" (" + what + ")") if what else ""))

    def walk(self, path, a, b):
        if isinstance(a, dict) and isinstance(b, dict):
            for k in list(a) + [k for k in b if k not in a]:
                if k in IGNORED_KEYS:
                    continue
                if k not in a:
                    self.report(path + "." + k, "<missing>", b[k], "key absent in jamvikt")
                elif k not in b:
                    self.report(path + "." + k, a[k], "<missing>", "key absent in reference")
                else:
                    self.walk(path + "." + k, a[k], b[k])
        elif isinstance(a, list) and isinstance(b, list):
            self.walk_list(path, a, b)
        elif isinstance(a, bool) or isinstance(b, bool):
            if a is not b:
                self.report(path, a, b)
        elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
            if abs(a - b) > self.tol:
                self.report(path, a, b, "differs by %.3g" % (a - b))
        elif a != b:
            self.report(path, a, b)

    def walk_list(self, path, a, b):
        key = None
        for k in ("value", "region"):
            if (a or b) and all(isinstance(x, dict) and k in x for x in a + b):
                key = k
                break
        if key is None:
            if len(a) != len(b):
                self.report(path, a, b, "lengths %d and %d" % (len(a), len(b)))
                return
            for i, (x, y) in enumerate(zip(a, b)):
                self.walk("%s[%d]" % (path, i), x, y)
            return
        ka = [x[key] for x in a]
        kb = [x[key] for x in b]
        common = [k for k in ka if k in kb]
        if common != [k for k in kb if k in ka]:
            self.report(path, ka, kb, "order of entries")
        for k in ka:
            if k not in kb:
                self.report("%s[%s=%s]" % (path, key, k), "<present>", "<missing>")
        for k in kb:
            if k not in ka:
                self.report("%s[%s=%s]" % (path, key, k), "<missing>", "<present>")
        ib = {x[key]: x for x in b}
        for x in a:
            if x[key] in ib:
                self.walk("%s[%s=%s]" % (path, key, x[key]), x, ib[x[key]])


def compare(result, ref, tol):
    w = Walker(tol)
    ra, rb = result.get("regions", []), ref.get("regions", [])
    if [r["name"] for r in ra] != [r["name"] for r in rb]:
        w.report("regions", [r["name"] for r in ra], [r["name"] for r in rb],
                 "region names")
    for x, y in zip(ra, rb):
        w.walk("regions[%s].indicators" % x["name"], x.get("indicators"),
               y.get("indicators"))
    w.walk("total.indicators", result.get("total", {}).get("indicators"),
           ref.get("total", {}).get("indicators"))
    w.walk("summary", result.get("summary"), ref.get("summary"))
    return w.diffs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("result")
    ap.add_argument("reference")
    ap.add_argument("--tol", type=float, default=1e-9)
    ap.add_argument("--max", type=int, default=200, help="print at most N lines")
    a = ap.parse_args(argv)
    with open(a.result, encoding="utf-8") as f:
        result = json.load(f)
    with open(a.reference, encoding="utf-8") as f:
        ref = json.load(f)
    diffs = compare(result, ref, a.tol)
    for line in diffs[:a.max]:
        print(line)
    if len(diffs) > a.max:
        print("... and %d more" % (len(diffs) - a.max))
    if diffs:
        print("%d disagreement(s) between %s and %s" % (len(diffs), a.result, a.reference))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
