"""funding_share of INDICATORS.md, written from that page alone.

State of a scope: per group kind — ("main",) or ("by", column, value) — and
category, [applications, granted, amount_applied×10⁴, amount_granted×10⁴];
plus rows and whether amount_applied exists.  Protected counts:
applications, granted (in that order).
"""
from ref_common import (CATS, CATS4, SCALE, DataError, balance_of, fixed,
                        gender_of, newcombe, ratio, share, wilson)
from ref_disclosure import total_families

ROLES = ("gender", "amount_granted", "amount_applied", "decision")
GRANTED = {"granted", "beviljad"}
REJECTED = {"rejected", "avslag"}


def empty_split():
    return {g: [0, 0, 0, 0] for g in CATS}


def consume(ev, region, params):
    by = list(params.get("by", []))
    t = ev.read(region, "funding", ROLES + tuple(by))
    if t is None:
        return None
    st = {"kinds": {("main",): empty_split()}, "rows": 0,
          "has_applied": t["has"]["amount_applied"], "by": by}
    for line, r in t["rows"]:
        where = "%s:%d" % (t["path"], line)
        g = gender_of(t["genders"], r["gender"] or "", where)
        granted_amt = fixed(r["amount_granted"], where)
        applied_amt = 0
        if r["amount_applied"] is not None and r["amount_applied"].strip():
            applied_amt = fixed(r["amount_applied"], where)
        dec = (r["decision"] or "").strip().casefold()
        if dec == "":
            is_granted = granted_amt > 0
        elif dec in GRANTED:
            is_granted = True
        elif dec in REJECTED:
            if granted_amt > 0:
                raise DataError(where + ": rejected with an amount granted")
            is_granted = False
        else:
            raise DataError(where + ": bad decision %r" % dec)
        cells = [st["kinds"][("main",)][g]]
        for col in by:
            val = (r[col] or "").strip()
            cells.append(st["kinds"].setdefault(("by", col, val), empty_split())[g])
        for c in cells:
            c[0] += 1
            c[1] += 1 if is_granted else 0
            c[2] += applied_amt
            c[3] += granted_amt
        st["rows"] += 1
    return st


def pool(states):
    tot = {"kinds": {("main",): empty_split()}, "rows": 0,
           "has_applied": all(s["has_applied"] for s in states),
           "by": states[0]["by"] if states else []}
    for s in states:
        tot["rows"] += s["rows"]
        for kind, split in s["kinds"].items():
            dst = tot["kinds"].setdefault(kind, empty_split())
            for g in CATS:
                for i in range(4):
                    dst[g][i] += split[g][i]
    return tot


def sorted_values(st, col):
    return sorted((k[2] for k in st["kinds"] if k[0] == "by" and k[1] == col),
                  key=lambda v: v.encode("utf-8"))


def declare(scoped):
    """Groups and families (a), (b), (c).  scoped: [(scope id, state)], total last."""
    groups, families = {}, []
    for sid, st in scoped:
        for kind, split in st["kinds"].items():
            groups[(sid, kind)] = {g: (split[g][0], split[g][1]) for g in CATS4}
        for col in st["by"]:                               # (a) and (b)
            members = [(sid, ("by", col, v)) for v in sorted_values(st, col)]
            families.append((members, (sid, ("main",))))
    families.extend(total_families(scoped))                # (c)
    return groups, families


def measures(c, has_applied, z):
    apps, gr, applied, granted = c
    amt_g = granted / SCALE
    amt_a = applied / SCALE if has_applied else None
    return {"applications": apps, "granted": gr, "amount_applied": amt_a,
            "amount_granted": amt_g, "approval_rate": ratio(gr, apps),
            "approval_rate_ci": wilson(gr, apps, z),
            "mean_granted": ratio(amt_g, gr), "grant_ratio": ratio(amt_g, amt_a)}


NULL_MEASURES = dict.fromkeys(("applications", "granted", "amount_applied",
                               "amount_granted", "approval_rate",
                               "approval_rate_ci", "mean_granted", "grant_ratio"))


def split_result(split, key, sup, has_applied, ev):
    cells, totals = sup
    out = {"by_gender": {}}
    for g in CATS:
        if (key, g) in cells:
            out["by_gender"][g] = dict(NULL_MEASURES, suppressed=True)
        else:
            out["by_gender"][g] = dict(measures(split[g], has_applied, ev.z),
                                       suppressed=False)
    if key in totals:
        out["total"] = dict(NULL_MEASURES, suppressed=True)
    else:
        tot = [sum(split[g][i] for g in CATS) for i in range(4)]
        out["total"] = dict(measures(tot, has_applied, ev.z), suppressed=False)
    w, m = out["by_gender"]["woman"], out["by_gender"]["man"]
    out["women_share"] = {k: share(w[k], m[k]) for k in
                          ("applications", "granted", "amount_applied",
                           "amount_granted")}
    out["balance"] = balance_of(out["women_share"]["amount_granted"], ev.band)
    out["balance_certain"] = None      # a share of money has no interval
    out["approval_gap"] = newcombe(w["granted"], w["applications"],
                                   m["granted"], m["applications"], ev.z)
    return out


def finish(ev, sid, st, sup):
    res = split_result(st["kinds"][("main",)], (sid, ("main",)), sup,
                       st["has_applied"], ev)
    res["breakdowns"] = {}
    for col in st["by"]:
        lst = []
        for v in sorted_values(st, col):
            kind = ("by", col, v)
            entry = {"value": v}
            entry.update(split_result(st["kinds"][kind], (sid, kind), sup,
                                      st["has_applied"], ev))
            lst.append(entry)
        res["breakdowns"][col] = lst
    res["headline"] = {"metric": "women_share_amount_granted",
                       "value": res["women_share"]["amount_granted"],
                       "unit": "share", "balance": res["balance"],
                       "balance_certain": None, "ci": None}
    hidden = (sid, ("main",)) in sup[1]
    return {"status": "ok", "rows": None if hidden else st["rows"],
            "skipped_rows": None if hidden else 0, "result": res}
