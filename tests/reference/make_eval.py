#!/usr/bin/env python3
"""Write an evaluation file for data made by gen-data.

    make_eval.py TEMPLATE.json OUTDIR [--variant plain|options]

Copies TEMPLATE (the example evaluation, whose regions live in
data/<slug>), keeps the regions whose folder exists under OUTDIR, and
writes OUTDIR/evaluation.json.  The `options` variant changes every option
and parameter the reference knows, so a run exercises non-defaults:
confidence 0.9, band [0.45, 0.55], training_reach completed_only false,
goal_fulfilment region_threshold 0.6, and participation `by` also on
arena_type and role.
"""
import argparse
import json
import os
import sys


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("template")
    ap.add_argument("outdir")
    ap.add_argument("--variant", choices=["plain", "options"], default="plain")
    a = ap.parse_args(argv)
    with open(a.template, encoding="utf-8") as f:
        ev = json.load(f)
    ev["regions"] = [r for r in ev["regions"]
                     if os.path.isdir(os.path.join(a.outdir, r["dir"]))]
    if a.variant == "options":
        ev["options"].update({"confidence": 0.9, "balance": [0.45, 0.55]})
        for ind in ev["indicators"]:
            p = ind.setdefault("params", {})
            if ind["plugin"] == "training_reach":
                p["completed_only"] = False
            elif ind["plugin"] == "goal_fulfilment":
                p["region_threshold"] = 0.6
            elif ind["plugin"] == "participation":
                p["by"] = p.get("by", []) + ["arena_type", "role"]
    with open(os.path.join(a.outdir, "evaluation.json"), "w", encoding="utf-8") as f:
        json.dump(ev, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
