"""Disclosure control of INDICATORS.md, written from that page alone.

A group is a key (any hashable) with, per category of CATS4, the tuple of
its protected counts (the first one orders rule 3's choice).  A family is
(members in tie-break order, margin).  decide() applies rule 1, then rules
2 and 3 in rounds, each round reading the pattern as it stood when the
round began, until a round adds nothing.  It returns (cells, totals): the
suppressed (group, category) pairs and the groups whose total is suppressed.
"""
from ref_common import CATS4


def total_families(scoped, kinds_of=lambda st: st["kinds"]):
    """Families (c): each kind of group the total (the last of scoped, a
    list of (scope id, state)) has is the margin of that kind in the
    regions that have it, in their order."""
    tsid, tst = scoped[-1]
    return [([(sid, kind) for sid, st in scoped[:-1] if kind in kinds_of(st)], (tsid, kind))
            for kind in kinds_of(tst)]


def decide(groups, families, min_cell):
    cells, totals = set(), set()
    if min_cell > 0:                                   # rule 1
        for key, split in groups.items():
            for g in CATS4:
                if any(0 < c < min_cell for c in split[g]):
                    cells.add((key, g))
    while True:
        new_cells, new_totals = set(), set()
        for key in groups:                             # rule 2
            if key not in totals and any((key, g) in cells for g in CATS4):
                new_totals.add(key)
        for members, margin in families:               # rule 3
            for g in CATS4:
                line = [(m, g) for m in members] + [(margin, g)]
                if sum(1 for c in line if c in cells) != 1:
                    continue
                best, best_count = None, None
                for m in members:
                    if (m, g) in cells:
                        continue
                    c = groups[m][g][0]
                    if c > 0 and (best is None or c < best_count):
                        best, best_count = m, c
                new_cells.add((best, g) if best is not None else (margin, g))
        new_cells -= cells
        new_totals -= totals
        if not new_cells and not new_totals:
            return cells, totals
        cells |= new_cells
        totals |= new_totals

