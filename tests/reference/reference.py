#!/usr/bin/env python3
"""Independent reference implementation of INDICATORS.md.

    reference.py EVALUATION.json [--min-cell N] [-o OUT.json]

Reads the evaluation's CSV tables (plain dialect: comma, UTF-8) and writes
a document shaped like `jamvikt run -f json` — `regions`, `total`,
`summary` — with the four built-in indicators computed from INDICATORS.md
alone: nothing here is taken from jamvikt's C code.  compare.py checks a
jamvikt result against it.  Standard library only; exit 1 on a data error.
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True      # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ref_common                     # noqa: E402
import ref_disclosure                 # noqa: E402
import ref_funding                    # noqa: E402
import ref_goals                      # noqa: E402
import ref_participation              # noqa: E402
import ref_periods                    # noqa: E402
import ref_training                   # noqa: E402

SPLIT_PLUGINS = {"funding_share": ref_funding, "participation": ref_participation,
                 "training_reach": ref_training}


def run_split_plugin(ev, mod, plugin, params, periods=()):
    """Results for every region (None = skipped) and the total, and per
    period the same (a list of (results, total) in period order)."""
    per, sup = ref_periods.run_layers(ev, mod, list(periods), params)
    out = []
    for layer in [None] + list(periods):
        states, total, present = per[layer]
        results = [None if s is None else mod.finish(ev, (layer, i), s, sup)
                   for i, s in enumerate(states)]
        tres = mod.finish(ev, (layer, "T"), total, sup)
        if plugin == "training_reach":
            any_pop = any(s["has_pop"] for _, s in present)
            for r in results + [tres]:
                if r is not None:
                    r["result"]["headline"] = ref_training.headline(r["result"], any_pop)
        out.append((results, tres))
    return out[0][0], out[0][1], out[1:]


def run_goals(ev, params):
    states = [ref_goals.consume(ev, r, params) for r in ev.regions]
    present = [s for s in states if s is not None]
    results = [None if s is None else ref_goals.finish(ev, i, s, False)
               for i, s in enumerate(states)]
    return results, ref_goals.finish(ev, "T", ref_goals.pool(present), True)


def reference(ev):
    doc = {"regions": [{"name": r["name"], "indicators": {}} for r in ev.regions],
           "total": {"name": "total", "indicators": {}}}
    metrics = []
    periods = ref_periods.values(ev) if ref_periods.column(ev) else None
    if periods is not None:
        for scope in doc["regions"] + [doc["total"]]:
            scope["periods"] = [{"value": p, "indicators": {}} for p in periods]
            scope["trend"] = {}
    for ind in ev.indicators:
        plugin = ind["plugin"]
        name = ind.get("name", plugin)
        params = ind.get("params", {})
        if plugin == "goal_fulfilment":
            results, tres = run_goals(ev, params)
        elif plugin in SPLIT_PLUGINS:
            layered = periods is not None and ref_periods.periodised(ev, plugin)
            results, tres, by_period = run_split_plugin(ev, SPLIT_PLUGINS[plugin], plugin,
                                                        params, periods if layered else ())
            scopes = doc["regions"] + [doc["total"]]
            for k, (presults, ptres) in enumerate(by_period):
                for scope, res in zip(scopes, presults + [ptres]):
                    scope["periods"][k]["indicators"][name] = (
                        res if res is not None else {"status": "skipped"})
            for s, scope in enumerate(scopes):
                if not by_period:
                    continue
                entries = [dict(scope["periods"][k]["indicators"][name], period=p)
                           for k, p in enumerate(periods)]
                t = ref_periods.trend(ev, entries)
                if t is not None:
                    scope["trend"][name] = t
        else:
            continue
        for reg, res in zip(doc["regions"], results):
            reg["indicators"][name] = res if res is not None else {"status": "skipped"}
        doc["total"]["indicators"][name] = tres
        for res in results + [tres]:
            if res is not None and res.get("status") == "ok":
                key = "%s.%s" % (name, res["result"]["headline"]["metric"])
                if key not in metrics:
                    metrics.append(key)
    doc["summary"] = []
    for scope in doc["regions"] + [doc["total"]]:
        row = {"region": scope["name"]}
        for key in metrics:
            name, metric = key.split(".", 1)
            res = scope["indicators"].get(name, {})
            head = res.get("result", {}).get("headline", {})
            row[key] = head.get("value") if head.get("metric") == metric else None
        doc["summary"].append(row)
    return doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("evaluation")
    ap.add_argument("--min-cell", type=int, default=None)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args(argv)
    try:
        ev = ref_common.Evaluation(a.evaluation, a.min_cell)
        doc = reference(ev)
    except ref_common.DataError as e:
        print("reference.py: %s" % e, file=sys.stderr)
        return 1
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if a.output == "-":
        sys.stdout.write(text)
    else:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
