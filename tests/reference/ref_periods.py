"""Periods (DESIGN.md "Periods (year over year)"), written from that page
and INDICATORS.md alone: each period's results are a run over only that
period's rows (tables without the period column apply whole to every
period), disclosure is decided over all periods at once with the period
families (every group of a scope across the periods, margin its
all-periods counterpart) and every family within each period, and the
trend's change uses Newcombe's interval on the counts behind the share.
"""
import ref_common
import ref_disclosure

# The main table of each built-in split indicator.
MAIN_TABLE = {"funding_share": "funding", "participation": "participation",
              "training_reach": "training"}
# The count behind a headline that is a women's share of counts.
SHARE_COUNT = {"women_share_seats": "seats",
               "women_share_persons_reached": "persons_reached"}


def column(ev):
    return ev.doc.get("periods", {}).get("column")


def has_column(ev, region, table):
    """Does this region's table file have the period column?"""
    t = ev.read_unfiltered(region, table, [column(ev)])
    return t is not None and t["has"][column(ev)]


def periodised(ev, plugin):
    return plugin in MAIN_TABLE and any(has_column(ev, r, MAIN_TABLE[plugin])
                                        for r in ev.regions)


def values(ev):
    """The periods: as listed, else every value of the column in any table
    the split indicators read, sorted by UTF-8 bytes."""
    listed = ev.doc["periods"].get("values")
    if listed is not None:
        return [v.strip() for v in listed]
    found = set()
    for r in ev.regions:
        for table in ("funding", "participation", "training", "population"):
            t = ev.read_unfiltered(r, table, [column(ev)])
            if t is None or not t["has"][column(ev)]:
                continue
            for _, row in t["rows"]:
                v = (row[column(ev)] or "").strip()
                if v:
                    found.add(v)
    return sorted(found, key=lambda s: s.encode("utf-8"))


def run_layers(ev, mod, periods, params):
    """States, totals, groups and families of every layer (None: all
    periods), with the period families, and the pattern decided over all."""
    layers = [None] + periods
    per, groups, families = {}, {}, []
    for layer in layers:
        ev.period = layer
        try:
            states = [mod.consume(ev, r, params) for r in ev.regions]
        finally:
            ev.period = None
        present = [(i, s) for i, s in enumerate(states) if s is not None]
        total = mod.pool([s for _, s in present])
        scoped = [((layer, i), s) for i, s in present] + [((layer, "T"), total)]
        g, f = mod.declare(scoped)
        groups.update(g)
        families += f
        per[layer] = (states, total, present)
    if periods:
        for (sid, kind) in [k for k in groups if k[0][0] is None]:
            members = [((p, sid[1]), kind) for p in periods if ((p, sid[1]), kind) in groups]
            families.append((members, (sid, kind)))
    return per, ref_disclosure.decide(groups, families, ev.min_cell)


def change(ev, first, last):
    """{from, to, value, ci} of the last period's headline minus the first's."""
    hf, hl = first["result"]["headline"], last["result"]["headline"]
    out = {"from": first["period"], "to": last["period"], "value": None, "ci": None}
    if hf["value"] is not None and hl["value"] is not None:
        out["value"] = hl["value"] - hf["value"]
    measure = SHARE_COUNT.get(hl["metric"])
    if out["value"] is not None and measure and hl["ci"] is not None and hf["ci"] is not None:
        def counts(res):
            bg = res["result"]["by_gender"]
            w, m = bg["woman"][measure], bg["man"][measure]
            return (w, None if None in (w, m) else w + m)
        k1, n1 = counts(last)
        k2, n2 = counts(first)
        out["ci"] = ref_common.newcombe(k1, n1, k2, n2, ev.z)["ci"]
    return out


def trend(ev, entries):
    """The trend of one indicator from its period entries (each an entry
    with "period" added), or None when one is not ok."""
    if any(e.get("status") != "ok" for e in entries):
        return None
    h0 = entries[0]["result"]["headline"]
    return {"metric": h0["metric"], "unit": h0["unit"],
            "values": [{"period": e["period"], "value": e["result"]["headline"]["value"],
                        "ci": e["result"]["headline"]["ci"],
                        "balance": e["result"]["headline"]["balance"]} for e in entries],
            "change": change(ev, entries[0], entries[-1])}
