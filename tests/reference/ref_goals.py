"""goal_fulfilment of INDICATORS.md, written from that page alone.

State of a region: its goals in file order, each (id, area, weight,
progress or None, status, fulfilment or None, self-assessment).  The total
keeps every region's goals (regions in evaluation order) and how many
regions have goals and fulfil them.  Goals are never suppressed.
"""
from ref_common import DataError, number

ROLES = ("goal_id", "baseline", "target", "outcome", "self_assessment",
         "area", "weight")
ASSESS = {"will_meet": "will_meet", "ja": "will_meet", "partly": "partly",
          "delvis": "partly", "will_not_meet": "will_not_meet",
          "nej": "will_not_meet", "": None}
STATUSES = ("met", "partly_met", "not_met", "not_reported")


def consume(ev, region, params):
    t = ev.read(region, "goals", ROLES)
    if t is None:
        return None
    goals = []
    for line, r in t["rows"]:
        where = "%s:%d" % (t["path"], line)
        base = number(r["baseline"], where)
        target = number(r["target"], where)
        if target == base:
            raise DataError(where + ": target equals baseline")
        weight = 1.0
        if r["weight"] is not None and r["weight"].strip():
            weight = number(r["weight"], where)
        assess = ASSESS.get((r["self_assessment"] or "").strip().casefold(), "?")
        if assess == "?":
            raise DataError(where + ": bad self_assessment")
        out = (r["outcome"] or "").strip()
        if out == "":
            progress, status, ful = None, "not_reported", None
        else:
            progress = (number(out, where) - base) / (target - base)
            status = ("met" if progress >= 1 else
                      "partly_met" if progress > 0 else "not_met")
            ful = min(max(progress, 0.0), 1.0)
        area = (r["area"] or "").strip() if t["has"]["area"] else None
        goals.append((r["goal_id"].strip(), area, weight, progress, status, ful,
                      assess))
    return {"goals": goals, "rows": len(t["rows"]),
            "threshold": params.get("region_threshold", 1.0)}


def fulfils(st):
    goals = st["goals"]
    if not goals:
        return None
    done, total = 0.0, 0.0
    for g in goals:
        total += g[2]
        if g[4] == "met" or (g[4] == "not_reported" and g[6] == "will_meet"):
            done += g[2]
    return done / total >= st["threshold"] - 1e-9


def pool(states):
    goals = [g for s in states for g in s["goals"]]
    flags = [fulfils(s) for s in states]
    known = [f for f in flags if f is not None]
    return {"goals": goals, "rows": sum(s["rows"] for s in states),
            "regions": len(known), "fulfilling": sum(1 for f in known if f)}


def summary(goals):
    met_w = rep_w = ful_w = 0.0
    for g in goals:
        if g[4] != "not_reported":
            rep_w += g[2]
            ful_w += g[2] * g[5]
            if g[4] == "met":
                met_w += g[2]
    if rep_w == 0:
        return None, None
    return met_w / rep_w, ful_w / rep_w


def finish(ev, sid, st, is_total):
    goals = st["goals"]
    res = {"goals": len(goals),
           "by_status": {s: sum(1 for g in goals if g[4] == s) for s in STATUSES}}
    res["share_met"], res["mean_fulfilment"] = summary(goals)
    areas = sorted({g[1] for g in goals if g[1] is not None},
                   key=lambda v: v.encode("utf-8"))
    res["areas"] = []
    for a in areas:
        mine = [g for g in goals if g[1] == a]
        sm, mf = summary(mine)
        res["areas"].append({"value": a, "goals": len(mine), "share_met": sm,
                             "mean_fulfilment": mf})
    if is_total:
        res["regions"] = st["regions"]
        res["regions_fulfilling"] = st["fulfilling"]
        res["share_regions_fulfilling"] = (st["fulfilling"] / st["regions"]
                                           if st["regions"] else None)
        res["headline"] = {"metric": "share_regions_fulfilling",
                           "value": res["share_regions_fulfilling"], "unit": "share",
                           "balance": None, "balance_certain": None, "ci": None}
    else:
        res["fulfils"] = fulfils(st)
        res["per_goal"] = [{"goal_id": g[0], "progress": g[3], "status": g[4],
                            "fulfilment": g[5]} for g in goals]
        res["headline"] = {"metric": "share_met", "value": res["share_met"],
                           "unit": "share", "balance": None,
                           "balance_certain": None, "ci": None}
    return {"status": "ok", "rows": st["rows"], "skipped_rows": 0, "result": res}
