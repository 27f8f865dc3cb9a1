#!/usr/bin/env python3
"""bench/make_regions_doc.py — writes a result document with N regions, for
timing the renderers on many regions (issue: rendering was quadratic in
regions). Each region is a copy of the first region of a template result
document (default: tests/data/render/result.json) under its own name
("Region 00001" ...), with its row in `summary`; the total and the rest
are the template's. The figures are not a real pool of the regions: only
the shape and the size matter here.

With --small, each region keeps only its first indicator without its
breakdowns (about 1.5 kB a region, the size of a one-indicator run).

usage: make_regions_doc.py [--small] N [TEMPLATE.json] > doc.json"""
import copy
import json
import os
import sys

args = sys.argv[1:]
small = args[:1] == ["--small"]
if small:
    args = args[1:]
n = int(args[0])
here = os.path.dirname(os.path.abspath(__file__))
template = args[1] if len(args) > 1 else os.path.join(here, "..", "tests", "data", "render", "result.json")
with open(template, encoding="utf-8") as f:
    doc = json.load(f)
first, row = doc["regions"][0], doc["summary"][0]
if small:
    name, entry = next(iter(first["indicators"].items()))
    entry = copy.deepcopy(entry)
    entry.get("result", {}).pop("breakdowns", None)
    first = dict(first, indicators={name: entry})
regions, summary = [], []
for i in range(n):
    name = "Region %05d" % (i + 1)
    region = copy.deepcopy(first)
    region["name"] = name
    regions.append(region)
    summary.append(dict(row, region=name))
doc["regions"] = regions
doc["summary"] = summary + [doc["summary"][-1]]
json.dump(doc, sys.stdout, ensure_ascii=False)
