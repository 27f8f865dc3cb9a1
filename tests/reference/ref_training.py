"""training_reach of INDICATORS.md, written from that page alone.

State of a scope: per category, persons reached, participations (counted
rows) and hours×10⁴; per target group and category, persons reached and
population (or None for a group without population rows); the pooled
`reach` per category; rows.  A person's gender is the first non-unknown
gender of their rows in file order; persons are distinct within a region,
and the total adds the regions' figures.  Protected count: persons_reached.
"""
from ref_common import (CATS, CATS4, SCALE, DataError, balance_certain,
                        balance_of, fixed, gender_of, newcombe, ratio, share,
                        wilson)
from ref_disclosure import total_families

ROLES = ("person", "gender", "target_group", "completed", "hours")
YES = {"yes", "true", "1", "ja", ""}
NO = {"no", "false", "0", "nej"}


def zero():
    return {g: 0 for g in CATS}


def consume(ev, region, params):
    t = ev.read(region, "training", ROLES)
    if t is None:
        return None
    completed_only = params.get("completed_only", True)
    persons = {}          # id -> [gender, reached, set of groups reached]
    st = {"reached": zero(), "parts": zero(), "hours": zero(), "rows": 0,
          "groups": {}, "pop": {}}
    rows = []
    for line, r in t["rows"]:
        where = "%s:%d" % (t["path"], line)
        pid = r["person"].strip()
        if pid == "":
            raise DataError(where + ": empty person")
        g = gender_of(t["genders"], r["gender"] or "", where)
        comp = (r["completed"] or "").strip().casefold()
        if comp not in YES and comp not in NO:
            raise DataError(where + ": bad completed %r" % comp)
        counted = (comp in YES) or not completed_only
        hours = 0
        if r["hours"] is not None and r["hours"].strip():
            hours = fixed(r["hours"], where)
        tg = (r["target_group"] or "").strip() if t["has"]["target_group"] else None
        p = persons.setdefault(pid, ["unknown", False, set()])
        if p[0] == "unknown" and g != "unknown":
            p[0] = g
        rows.append((pid, counted, hours, tg))
        if tg is not None:
            st["groups"].setdefault(tg, zero())
        st["rows"] += 1
    for pid, counted, hours, tg in rows:
        if not counted:
            continue
        p = persons[pid]
        st["parts"][p[0]] += 1
        st["hours"][p[0]] += hours
        p[1] = True
        if tg is not None:
            p[2].add(tg)
    for p in persons.values():
        if p[1]:
            st["reached"][p[0]] += 1
        for tg in p[2]:
            st["groups"][tg][p[0]] += 1
    pt = ev.read(region, "population", ("target_group", "gender", "size"))
    if pt is not None:
        for line, r in pt["rows"]:
            where = "%s:%d" % (pt["path"], line)
            tg = r["target_group"].strip()
            g = gender_of(pt["genders"], r["gender"] or "", where)
            st["groups"].setdefault(tg, zero())
            st["pop"].setdefault(tg, zero())[g] += int(r["size"].strip())
    # "A group reached above its population is a data error": read per
    # gender, leaving out `unknown` (a population by unknown gender means
    # nothing, and reading it literally would make every trainee of unknown
    # gender in a group with population rows an error).  INDICATORS.md does
    # not say which; see the report.
    for tg, pop in st["pop"].items():
        for g in CATS4:
            if st["groups"][tg][g] > pop[g]:
                raise DataError("target group %r reached above its population" % tg)
    st["has_pop"] = bool(st["pop"])
    st["reach"] = None
    if st["has_pop"]:
        st["reach"] = {g: [sum(st["groups"][tg][g] for tg in st["pop"]),
                           sum(p[g] for p in st["pop"].values())] for g in CATS}
    return st


def pool(states):
    tot = {"reached": zero(), "parts": zero(), "hours": zero(), "rows": 0,
           "groups": {}, "pop": {}}
    for s in states:
        tot["rows"] += s["rows"]
        for key in ("reached", "parts", "hours"):
            for g in CATS:
                tot[key][g] += s[key][g]
        for tg, split in s["groups"].items():
            dst = tot["groups"].setdefault(tg, zero())
            for g in CATS:
                dst[g] += split[g]
        for tg, split in s["pop"].items():
            dst = tot["pop"].setdefault(tg, zero())
            for g in CATS:
                dst[g] += split[g]
    tot["has_pop"] = any(s["has_pop"] for s in states)
    tot["reach"] = None
    if tot["has_pop"]:      # the sums of the regions' reach figures
        tot["reach"] = {g: [sum(s["reach"][g][i] for s in states if s["reach"])
                            for i in (0, 1)] for g in CATS}
    return tot


def by_bytes(keys):
    return sorted(keys, key=lambda v: v.encode("utf-8"))


def kinds(st):
    out = {("main",): {g: (st["reached"][g],) for g in CATS4}}
    for tg, split in st["groups"].items():
        out[("tg", tg)] = {g: (split[g],) for g in CATS4}
    if st["reach"] is not None:
        out[("reach",)] = {g: (st["reach"][g][0],) for g in CATS4}
    return out


def declare(scoped):
    groups, families = {}, []
    for sid, st in scoped:
        for kind, split in kinds(st).items():
            groups[(sid, kind)] = split
        if st["reach"] is not None:
            families.append(([(sid, ("tg", tg)) for tg in by_bytes(st["pop"])],
                             (sid, ("reach",))))
        families.append(([(sid, ("tg", tg)) for tg in by_bytes(st["groups"])],
                         (sid, ("main",))))
    families.extend(total_families(scoped, kinds))
    return groups, families


def finish(ev, sid, st, sup):
    cells, totals = sup
    res = {"by_gender": {}}
    main = (sid, ("main",))
    for g in CATS:
        if (main, g) in cells:
            res["by_gender"][g] = {"persons_reached": None, "participations": None,
                                   "hours": None, "hours_per_person": None,
                                   "suppressed": True}
        else:
            h = st["hours"][g] / SCALE
            res["by_gender"][g] = {"persons_reached": st["reached"][g],
                                   "participations": st["parts"][g], "hours": h,
                                   "hours_per_person": ratio(h, st["reached"][g]),
                                   "suppressed": False}
    if main in totals:
        res["total"] = {"persons_reached": None, "participations": None,
                        "hours": None, "hours_per_person": None, "suppressed": True}
    else:
        pr = sum(st["reached"].values())
        h = sum(st["hours"].values()) / SCALE
        res["total"] = {"persons_reached": pr,
                        "participations": sum(st["parts"].values()), "hours": h,
                        "hours_per_person": ratio(h, pr), "suppressed": False}
    w, m = res["by_gender"]["woman"], res["by_gender"]["man"]
    res["women_share"] = {k: share(w[k], m[k])
                          for k in ("persons_reached", "participations", "hours")}
    res["balance"] = balance_of(res["women_share"]["persons_reached"], ev.band)
    ci = None
    if w["persons_reached"] is not None and m["persons_reached"] is not None:
        ci = wilson(w["persons_reached"], w["persons_reached"] + m["persons_reached"],
                    ev.z)
    res["balance_certain"] = balance_certain(res["balance"], ci, ev.band)
    res["target_groups"] = []
    for tg in by_bytes(st["groups"]):
        key = (sid, ("tg", tg))
        pop = st["pop"].get(tg)
        e = {"value": tg, "by_gender": {}}
        for g in CATS:
            hidden = (key, g) in cells
            k = None if hidden else st["groups"][tg][g]
            n = None if pop is None else pop[g]
            e["by_gender"][g] = {"persons_reached": k, "population": n,
                                 "reach_rate": ratio(k, n),
                                 "reach_rate_ci": wilson(k, n, ev.z),
                                 "suppressed": hidden}
        bw, bm = e["by_gender"]["woman"], e["by_gender"]["man"]
        e["reach_gap"] = newcombe(bw["persons_reached"], bw["population"],
                                  bm["persons_reached"], bm["population"], ev.z)
        res["target_groups"].append(e)
    res["reach"] = None          # "if population": null without (as chairs)
    if st["reach"] is not None:
        key = (sid, ("reach",))
        res["reach"] = {}
        for g in ("woman", "man"):
            hidden = (key, g) in cells
            k = None if hidden else st["reach"][g][0]
            n = st["reach"][g][1]
            res["reach"][g] = {"reached": k, "population": n, "rate": ratio(k, n),
                               "ci": wilson(k, n, ev.z), "suppressed": hidden}
        rw, rm = res["reach"]["woman"], res["reach"]["man"]
        res["reach"]["gap"] = newcombe(rw["reached"], rw["population"],
                                       rm["reached"], rm["population"], ev.z)
    hidden = main in totals
    return {"status": "ok", "rows": None if hidden else st["rows"],
            "skipped_rows": None if hidden else 0, "result": res}


def headline(res, any_population):
    if any_population:
        gap = (res["reach"] or {}).get("gap", {"value": None, "ci": None})
        return {"metric": "reach_gap", "value": gap["value"], "unit": "difference",
                "balance": None, "balance_certain": None, "ci": gap["ci"]}
    return {"metric": "women_share_persons_reached",
            "value": res["women_share"]["persons_reached"], "unit": "share",
            "balance": res["balance"], "balance_certain": res["balance_certain"],
            "ci": None}
