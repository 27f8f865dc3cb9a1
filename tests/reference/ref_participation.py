"""participation of INDICATORS.md, written from that page alone.

State of a scope: per group kind — ("main",), ("arena", a), ("type", t),
("chairs",), ("by", column, value) — and category, the seats; plus rows,
the arena → arena type map and whether role / arena_type exist.  Protected
count: seats.  Balance uses the odd-seat rule on every seats split.
"""
from ref_common import (CATS, CATS4, DataError, balance_certain, balance_of,
                        gender_of, share, wilson)
from ref_disclosure import total_families

ROLES = ("gender", "arena", "arena_type", "role", "count")
CHAIRS = {"chair", "ordförande"}


def zero():
    return {g: 0 for g in CATS}


def consume(ev, region, params):
    by = list(params.get("by", []))
    t = ev.read(region, "participation", ROLES + tuple(by))
    if t is None:
        return None
    st = {"kinds": {("main",): zero()}, "rows": 0, "types": {}, "by": by,
          "has_role": t["has"]["role"], "has_type": t["has"]["arena_type"]}
    if st["has_role"]:
        st["kinds"][("chairs",)] = zero()
    for line, r in t["rows"]:
        where = "%s:%d" % (t["path"], line)
        g = gender_of(t["genders"], r["gender"] or "", where)
        n = 1
        if r["count"] is not None and r["count"].strip():
            n = int(r["count"].strip())
        arena = r["arena"].strip()
        kinds = [("main",), ("arena", arena)]
        if st["has_type"]:
            typ = (r["arena_type"] or "").strip()
            if st["types"].setdefault(arena, typ) != typ:
                raise DataError(where + ": arena with two types")
            kinds.append(("type", typ))
        if st["has_role"] and (r["role"] or "").strip().casefold() in CHAIRS:
            kinds.append(("chairs",))
        for col in by:
            kinds.append(("by", col, (r[col] or "").strip()))
        for k in kinds:
            st["kinds"].setdefault(k, zero())[g] += n
        st["rows"] += 1
    return st


def pool(states):
    tot = {"kinds": {("main",): zero()}, "rows": 0, "types": {},
           "by": states[0]["by"] if states else [],
           "has_role": any(s["has_role"] for s in states),
           "has_type": any(s["has_type"] for s in states)}
    for s in states:
        tot["rows"] += s["rows"]
        for a, typ in s["types"].items():
            if tot["types"].setdefault(a, typ) != typ:
                raise DataError("arena %r has two types across regions" % a)
        for kind, split in s["kinds"].items():
            dst = tot["kinds"].setdefault(kind, zero())
            for g in CATS:
                dst[g] += split[g]
    return tot


def values(st, tag, col=None):
    vals = [k[-1] for k in st["kinds"]
            if k[0] == tag and (col is None or k[1] == col)]
    return sorted(vals, key=lambda v: v.encode("utf-8"))


def declare(scoped):
    groups, families = {}, []
    for sid, st in scoped:
        for kind, split in st["kinds"].items():
            groups[(sid, kind)] = {g: (split[g],) for g in CATS4}
        main = (sid, ("main",))
        for col in st["by"]:                                   # (a), (b)
            families.append(([(sid, ("by", col, v)) for v in values(st, "by", col)],
                             main))
        families.append(([(sid, ("arena", a)) for a in values(st, "arena")], main))
        if st["has_type"]:
            families.append(([(sid, ("type", t)) for t in values(st, "type")], main))
            for t in values(st, "type"):
                arenas = [a for a in values(st, "arena") if st["types"].get(a) == t]
                families.append(([(sid, ("arena", a)) for a in arenas],
                                 (sid, ("type", t))))
    families.extend(total_families(scoped))                    # (c)
    return groups, families


def seat_class(w, m, band):
    """Class with the odd-seat rule; w, m may be None (suppressed)."""
    if w is None or m is None:
        return "no_data"
    if (w, m) != (0, 0) and abs(w - m) <= 1:
        return "balanced"
    return balance_of(share(w, m), band)


def split_result(split, key, sup, ev):
    cells, totals = sup
    out = {"by_gender": {}}
    for g in CATS:
        hidden = (key, g) in cells
        out["by_gender"][g] = {"seats": None if hidden else split[g],
                               "suppressed": hidden}
    hidden = key in totals
    out["total"] = {"seats": None if hidden else sum(split.values()),
                    "suppressed": hidden}
    w = out["by_gender"]["woman"]["seats"]
    m = out["by_gender"]["man"]["seats"]
    out["women_share"] = {"seats": share(w, m)}
    out["balance"] = seat_class(w, m, ev.band)
    ci = None if w is None or m is None else wilson(w, w + m, ev.z)
    out["balance_certain"] = balance_certain(out["balance"], ci, ev.band)
    out["ci"] = ci
    return out


def arena_share(st, arenas, band):
    classes = [seat_class(st["kinds"][("arena", a)]["woman"],
                          st["kinds"][("arena", a)]["man"], band) for a in arenas]
    classified = sum(1 for c in classes if c != "no_data")
    bal = sum(1 for c in classes if c == "balanced")
    return (bal / classified if classified else None), classified


def finish(ev, sid, st, sup):
    res = split_result(st["kinds"][("main",)], (sid, ("main",)), sup, ev)
    arenas = values(st, "arena")
    res["arenas"] = []
    for a in arenas:
        e = {"value": a}
        e.update(split_result(st["kinds"][("arena", a)], (sid, ("arena", a)), sup, ev))
        res["arenas"].append(e)
    res["arenas_balanced_share"], res["arenas_classified"] = arena_share(
        st, arenas, ev.band)
    # "arena_types ... if arena_type", "chairs ... if role": without the
    # column the key is null, since "every key named on this page is always
    # present" (the page could also be read as leaving the key out).
    res["arena_types"] = None
    res["chairs"] = None
    if st["has_type"]:
        res["arena_types"] = []
        for t in values(st, "type"):
            e = {"value": t}
            e.update(split_result(st["kinds"][("type", t)], (sid, ("type", t)), sup, ev))
            mine = [a for a in arenas if st["types"].get(a) == t]
            e["arenas_balanced_share"], e["arenas_classified"] = arena_share(
                st, mine, ev.band)
            res["arena_types"].append(e)
    if st["has_role"]:
        res["chairs"] = split_result(st["kinds"].get(("chairs",), zero()),
                                     (sid, ("chairs",)), sup, ev)
    res["breakdowns"] = {}
    for col in st["by"]:
        lst = []
        for v in values(st, "by", col):
            e = {"value": v}
            e.update(split_result(st["kinds"][("by", col, v)],
                                  (sid, ("by", col, v)), sup, ev))
            lst.append(e)
        res["breakdowns"][col] = lst
    res["headline"] = {"metric": "women_share_seats",
                       "value": res["women_share"]["seats"], "unit": "share",
                       "balance": res["balance"],
                       "balance_certain": res["balance_certain"], "ci": res["ci"]}
    hidden = (sid, ("main",)) in sup[1]
    return {"status": "ok", "rows": None if hidden else st["rows"],
            "skipped_rows": None if hidden else 0, "result": res}
