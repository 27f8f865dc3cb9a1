#!/usr/bin/env python3
"""tests/data/render/make_result.py — writes result.json, the small result
document the renderer tests read, from the hand-chosen counts below. It is
an independent implementation of the formulas in INDICATORS.md (women's
share, Wilson, Newcombe method 10, 40/60 class), kept so every number of
result.json can be traced to a count here. Run it only to change the test
document; the tests never run it.

The suppression pattern is chosen by hand to exercise the renderers (a
suppressed category, suppressed breakdown cells and totals); it is not the
pattern the core's disclosure control would pick for these counts."""
import json
import math
import sys

Z = 1.959963984540054  # 0.95
GENDERS = ["woman", "man", "non_binary", "mixed", "unknown"]


def wilson(k, n):
    if n == 0:
        return None
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return [centre - half, centre + half]


def newcombe(k1, n1, k2, n2):
    if n1 == 0 or n2 == 0:
        return {"value": None, "ci": None}
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p1 - p2
    return {"value": d, "ci": [d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
                               d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)]}


def share(w, m):
    return None if w + m == 0 else w / (w + m)


def balance(s):
    if s is None:
        return "no_data"
    return "men_dominated" if s < 0.40 else "women_dominated" if s > 0.60 else "balanced"


def certain(s, ci):
    if ci is None or s is None:
        return None
    lo, hi = ci
    c = balance(s)
    if c == "men_dominated":
        return hi < 0.40
    if c == "balanced":
        return lo >= 0.40 and hi <= 0.60
    return lo > 0.60


# --- funding_share: (sector, gender) -> applications, granted, applied, granted amount
FUNDING = {
    "Norr": {("energy", "woman"): (2, 1, 200000, 100000),
             ("energy", "man"): (8, 4, 1200000, 400000),
             ("ict", "woman"): (6, 4, 600000, 300000),
             ("ict", "man"): (7, 3, 1000000, 350000),
             ("ict", "mixed"): (2, 1, 100000, 60000),
             ("retail; wholesale", "woman"): (2, 1, 200000, 50000),
             ("retail; wholesale", "man"): (5, 3, 800000, 300000),
             ("retail; wholesale", "unknown"): (1, 1, 50000, 50000)},
    "Syd": {("energy", "woman"): (9, 5, 1200000, 500000),
            ("energy", "man"): (5, 4, 800000, 400000),
            ("ict", "woman"): (6, 4, 800000, 400000),
            ("ict", "man"): (10, 8, 1600000, 700000)},
}
# (scope, sector or None for the split, gender) suppressed by hand
FUNDING_SUPPRESSED = {("Norr", None, "mixed"), ("Norr", "energy", "woman"),
                      ("Norr", "retail; wholesale", "woman"), ("Norr", "ict", "mixed"),
                      ("total", None, "mixed"), ("total", "ict", "mixed"),
                      ("total", "energy", "woman"), ("total", "retail; wholesale", "woman")}
MEASURES = ["applications", "granted", "amount_applied", "amount_granted"]


def funding_cells(cells, sector):
    out = {g: [0, 0, 0, 0] for g in GENDERS}
    for (s, g), v in cells.items():
        if sector is None or s == sector:
            out[g] = [a + b for a, b in zip(out[g], v)]
    return out


def funding_split(scope, sector, counts):
    def measures(c):
        a, gr, ap, am = c
        return {"applications": a, "granted": gr, "amount_applied": ap, "amount_granted": am,
                "approval_rate": gr / a if a else None, "approval_rate_ci": wilson(gr, a),
                "mean_granted": am / gr if gr else None, "grant_ratio": am / ap if ap else None}
    nulls = {k: None for k in measures([1, 1, 1, 1])}
    by_gender, any_suppressed = {}, False
    for g in GENDERS:
        s = (scope, sector, g) in FUNDING_SUPPRESSED
        any_suppressed |= s
        by_gender[g] = dict(nulls if s else measures(counts[g]), suppressed=s)
    total = [sum(counts[g][i] for g in GENDERS) for i in range(4)]
    w, m = counts["woman"], counts["man"]
    hidden = by_gender["woman"]["suppressed"] or by_gender["man"]["suppressed"]
    shares = {k: None if hidden else share(w[i], m[i]) for i, k in enumerate(MEASURES)}
    gap = {"value": None, "ci": None} if hidden else newcombe(w[1], w[0], m[1], m[0])
    return {"by_gender": by_gender,
            "total": dict(nulls if any_suppressed else measures(total), suppressed=any_suppressed),
            "women_share": shares, "balance": balance(shares["amount_granted"]),
            "balance_certain": None, "approval_gap": gap}, sum(total[:1])


def funding(scope, cells):
    split, rows = funding_split(scope, None, funding_cells(cells, None))
    sectors = sorted({s for s, _ in cells}, key=lambda s: s.encode())
    entries = []
    for s in sectors:
        e, _ = funding_split(scope, s, funding_cells(cells, s))
        entries.append(dict(value=s, **e))
    result = dict(split, breakdowns={"sector": entries})
    result["headline"] = {"metric": "women_share_amount_granted",
                          "label": "Women's share of the money granted",
                          "value": split["women_share"]["amount_granted"], "unit": "share",
                          "balance": split["balance"], "balance_certain": None, "ci": None}
    hidden = split["total"]["suppressed"]
    return {"status": "ok", "rows": None if hidden else rows,
            "skipped_rows": None if hidden else 0, "result": result}


# --- participation (Norr only; Syd has no participation table)
ARENAS = {"board": {"woman": 5, "man": 4}, "committee": {"woman": 7, "man": 5, "unknown": 1}}


def seats_split(counts, suppressed=()):
    by_gender = {g: {"seats": None if g in suppressed else counts.get(g, 0),
                     "suppressed": g in suppressed} for g in GENDERS}
    w, m = counts.get("woman", 0), counts.get("man", 0)
    hidden = "woman" in suppressed or "man" in suppressed
    s = None if hidden else share(w, m)
    ci = None if hidden or w + m == 0 else wilson(w, w + m)
    cls = balance(s)
    if s is not None and abs(w - m) <= 1:
        cls = "balanced"  # the odd seat
    return {"by_gender": by_gender,
            "total": {"seats": None if suppressed else sum(counts.values()),
                      "suppressed": bool(suppressed)},
            "women_share": {"seats": s}, "balance": cls,
            "balance_certain": certain(s, ci) if cls == balance(s) else (None if s is None else False),
            "ci": ci}


def participation():
    pooled = {}
    for a in ARENAS.values():
        for g, n in a.items():
            pooled[g] = pooled.get(g, 0) + n
    split = seats_split(pooled)
    arenas = [dict(value=name, **seats_split(c)) for name, c in sorted(ARENAS.items())]
    classified = [a for a in arenas if a["balance"] != "no_data"]
    result = dict(split, arenas=arenas,
                  arenas_balanced_share=sum(a["balance"] == "balanced" for a in classified) / len(classified),
                  arenas_classified=len(classified),
                  chairs=seats_split({"woman": 1, "man": 1}, suppressed=("woman", "man")))
    result["headline"] = {"metric": "women_share_seats", "label": "Women's share of seats",
                          "value": split["women_share"]["seats"], "unit": "share",
                          "balance": split["balance"], "balance_certain": split["balance_certain"],
                          "ci": split["ci"]}
    return {"status": "ok", "rows": 3, "skipped_rows": 0, "result": result}


# --- goal_fulfilment: goal_id, area, baseline, target, outcome, self_assessment
GOALS = {"Norr": [("G1", "competence", 0, 10, 10, None), ("G2", "competence", 0, 4, 1, None),
                  ("G3", "leadership", 2, 5, None, "will_meet")],
         "Syd": [("S1", "leadership", 10, 20, 25, None), ("S2", "competence", 1, 3, 3, None)]}


def goal_rows(goals):
    rows = []
    for gid, area, base, target, outcome, assess in goals:
        if outcome is None:
            rows.append((gid, area, None, "not_reported", None, assess))
            continue
        p = (outcome - base) / (target - base)
        status = "met" if p >= 1 else "partly_met" if p > 0 else "not_met"
        rows.append((gid, area, p, status, min(max(p, 0), 1), assess))
    return rows


def goal_summary(rows):
    reported = [r for r in rows if r[3] != "not_reported"]
    by_status = {s: sum(r[3] == s for r in rows) for s in ["met", "partly_met", "not_met", "not_reported"]}
    return {"goals": len(rows), "by_status": by_status,
            "share_met": by_status["met"] / len(reported) if reported else None,
            "mean_fulfilment": sum(r[4] for r in reported) / len(reported) if reported else None}


def goals(scope_rows, region=True):
    s = goal_summary(scope_rows)
    areas = []
    for area in sorted({r[1] for r in scope_rows}):
        a = goal_summary([r for r in scope_rows if r[1] == area])
        areas.append({"value": area, "goals": a["goals"], "share_met": a["share_met"],
                      "mean_fulfilment": a["mean_fulfilment"]})
    result = {"headline": None, **s, "areas": areas}
    if region:
        fulfilled = sum(1 for r in scope_rows if r[3] == "met" or (r[3] == "not_reported" and r[5] == "will_meet"))
        result["fulfils"] = fulfilled / len(scope_rows) >= 1.0 - 1e-9
        result["per_goal"] = [{"goal_id": r[0], "progress": r[2], "status": r[3], "fulfilment": r[4]}
                              for r in scope_rows]
        result["headline"] = {"metric": "share_met", "label": "Share of reported goals met (by weight)",
                              "value": s["share_met"], "unit": "share", "balance": None,
                              "balance_certain": None, "ci": None}
    return {"status": "ok", "rows": len(scope_rows), "skipped_rows": 0, "result": result}


# --- mentoring: a custom indicator (not a built-in), measures mentees and sessions
MENTORING = {"Norr": ({"woman": 7, "man": 3}, {"woman": 20, "man": 10}, 4),
             "Syd": ({"woman": 4, "man": 6}, {"woman": 8, "man": 12}, 3)}


STIPEND_GAP = -91000


def mentoring(mentees, sessions, mentors):
    w, m = mentees["woman"], mentees["man"]
    s = share(w, m)
    ci = wilson(w, w + m)
    by_gender = {g: {"mentees": mentees.get(g, 0), "sessions": sessions.get(g, 0), "suppressed": False}
                 for g in GENDERS}
    result = {"by_gender": by_gender,
              "total": {"mentees": sum(mentees.values()), "sessions": sum(sessions.values()),
                        "suppressed": False},
              "women_share": {"mentees": s, "sessions": share(sessions["woman"], sessions["man"])},
              "balance": balance(s), "balance_certain": certain(s, ci), "ci": ci, "mentors": mentors,
              # women's mean stipend minus men's, in kronor: a money difference whose
              # plugin declares the unit amount_difference (ABI 1.1), so it must not be
              # shown as percentage points although its name ends in "gap".
              "stipend_gap": STIPEND_GAP}
    result["headline"] = {"metric": "women_share_mentees", "label": "Women's share of mentees",
                          "value": s, "unit": "share", "balance": balance(s),
                          "balance_certain": certain(s, ci), "ci": ci}
    return {"status": "ok", "rows": sum(mentees.values()), "skipped_rows": 0, "result": result}


# What the loader copies from the plugins' ABI 1.1 texts and units: titles
# for two built-ins (participation stays a 1.0 plugin without any, so the
# renderers fall back to its name), and a custom plugin with labels.
WORDS = {
    "funding_share": {"title": {"en": "Funding: applications and money granted",
                                "sv": "Finansiering: ansökningar och beviljade medel"}},
    "goal_fulfilment": {"title": {"en": "Goal fulfilment", "sv": "Måluppfyllelse"}},
    "mentoring": {"title": {"en": "Mentoring programme", "sv": "Mentorprogram"},
                  "labels": {"en": {"mentees": "Mentees", "stipend_gap":
                                    "Difference in mean stipend (women − men)"},
                             "sv": {"mentees": "Adepter", "sessions": "Träffar",
                                    "mentors": "Mentorer",
                                    "women_share_mentees": "Kvinnors andel av adepterna",
                                    "stipend_gap": "Skillnad i genomsnittligt stipendium "
                                                   "(kvinnor − män)"}},
                  "units": {"mentees": "count", "sessions": "count", "mentors": "count",
                            "stipend_gap": "amount_difference"}},
}


def main():
    all_funding = {}
    for cells in FUNDING.values():
        for k, v in cells.items():
            all_funding[k] = [a + b for a, b in zip(all_funding.get(k, [0, 0, 0, 0]), v)]
    norr_goals, syd_goals = goal_rows(GOALS["Norr"]), goal_rows(GOALS["Syd"])
    total_goals = goals(norr_goals + syd_goals, region=False)
    fulfils = [goals(norr_goals)["result"]["fulfils"], goals(syd_goals)["result"]["fulfils"]]
    total_goals["result"].update(regions=2, regions_fulfilling=sum(fulfils),
                                 share_regions_fulfilling=sum(fulfils) / 2)
    total_goals["result"]["headline"] = {
        "metric": "share_regions_fulfilling", "label": "Share of regions fulfilling their goals",
        "value": sum(fulfils) / 2, "unit": "share", "balance": None, "balance_certain": None, "ci": None}
    total_mentees = {k: MENTORING["Norr"][0][k] + MENTORING["Syd"][0][k] for k in ("woman", "man")}
    total_sessions = {k: MENTORING["Norr"][1][k] + MENTORING["Syd"][1][k] for k in ("woman", "man")}
    regions = [
        {"name": "Norr", "indicators": {
            "funding_share": funding("Norr", FUNDING["Norr"]),
            "participation": participation(),
            "goal_fulfilment": goals(norr_goals),
            "mentoring": mentoring(*MENTORING["Norr"])}},
        {"name": "Syd", "indicators": {
            "funding_share": funding("Syd", FUNDING["Syd"]),
            "participation": {"status": "skipped",
                              "reason": "no participation table for Syd: "
                                        "data/syd/participation.csv not found"},
            "goal_fulfilment": goals(syd_goals),
            "mentoring": mentoring(*MENTORING["Syd"])}}]
    total = {"name": "total", "indicators": {
        "funding_share": funding("total", all_funding),
        "participation": participation(),
        "goal_fulfilment": total_goals,
        "mentoring": mentoring(total_mentees, total_sessions, 7)}}
    summary = []
    for scope in regions + [total]:
        row = {"region": scope["name"]}
        for name, key in [("funding_share", "women_share_amount_granted"),
                          ("participation", "women_share_seats"), ("goal_fulfilment", "share_met"),
                          ("goal_fulfilment", "share_regions_fulfilling"),
                          ("mentoring", "women_share_mentees")]:
            h = scope["indicators"][name].get("result", {}).get("headline")
            row[name + "." + key] = h["value"] if h and h["metric"] == key else None
        summary.append(row)
    doc = {"jamvikt": {"version": "0.1.0", "result_schema": 1},
           "evaluation": {"name": "Rendertest 2018",
                          "options": {"min_cell": 5, "balance": [0.4, 0.6], "confidence": 0.95,
                                      "hash_inputs": False},
                          "plugins": [dict({"name": n, "plugin": n, "version": "1.0.0",
                                            "params": {}}, **WORDS.get(n, {}))
                                      for n in ["funding_share", "participation", "goal_fulfilment",
                                                "mentoring"]],
                          "inputs": [{"region": "Norr", "table": "funding",
                                      "file": "data/norr/funding.csv", "bytes": 1234},
                                     {"region": "Syd", "table": "funding",
                                      "file": "data/syd/funding.csv", "bytes": 987}]},
           "regions": regions, "total": total, "summary": summary,
           "warnings": ["data/syd/funding.csv: gender coded 1/2 read as SCB's 1 = man, 2 = woman"]}
    json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
