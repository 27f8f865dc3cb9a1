#!/usr/bin/env python3
"""Rewrite gen-data tables so a run exercises more of INDICATORS.md.

    mutate.py DATADIR [--seed S]

gen-data writes one spelling per category, one gender per person, a count
of 1 and a decision on every row.  This rewrites each region's tables in
place, deterministically, using only inputs INDICATORS.md defines without
doubt: other accepted gender codes (trimmed, any case), blank decisions and
`beviljad`/`avslag`, amounts with decimals (some past 4, rounded
half-to-even), padded and empty breakdown values, counts 0-4, `ordförande`
chairs, persons whose first rows are `unknown` or whose later rows name
another gender, every `completed` spelling, hours with decimals, a target
group with no population rows and one whose population has only women,
and `ja`/`delvis`/`nej` self-assessments, fractional weights, empty areas.
"""
import argparse
import csv
import os
import random
import sys

GENDER_SPELLINGS = {
    "woman": ["K", "kvinna", " Female ", "WOMEN", "2", "Kvinnor", "f"],
    "man": ["M", "män", "Male", "1", " MAN", "Men"],
    "mixed": ["blandat", "Both", "MIXED"],
    "unknown": ["", "okänd", "..", "-", "Uppgift saknas", "OKÄNT"],
    "non_binary": ["x", "icke-binär", "Non-Binary", "ickebinär"],
}


def respell(rng, g, p=0.3):
    if rng.random() < p:
        return rng.choice(GENDER_SPELLINGS[g])
    return g


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def save(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def rewrite(rng, path, mutate):
    """Rewrites the table at path with mutate(rng, header, rows, column
    index by name), which changes the rows in place."""
    h, rows = load(path)
    mutate(rng, h, rows, {name: i for i, name in enumerate(h)})
    save(path, h, rows)


def sometimes(rng, p, r, c, column, value):
    """With probability p, sets the row's column to value (a callable is
    called for it then, so that it draws from rng only when it applies)."""
    if rng.random() < p:
        r[c[column]] = value() if callable(value) else value


def with_decimals(rng, text):
    v = int(text)
    if v == 0 or rng.random() > 0.2:
        return text
    return "%d.%s" % (v - 1, rng.choice(["5", "25", "0001", "99995", "12345", "00005"]))


def funding(rng, h, rows, c):
    for r in rows:
        g = r[c["recipient_gender"]]
        if g in ("woman", "man") and rng.random() < 0.01:
            g = "non_binary"
        r[c["recipient_gender"]] = respell(rng, g)
        r[c["amount_applied"]] = with_decimals(rng, r[c["amount_applied"]])
        r[c["amount_granted"]] = with_decimals(rng, r[c["amount_granted"]])
        x = rng.random()
        if x < 0.15:
            r[c["decision"]] = ""
        elif x < 0.3:
            r[c["decision"]] = {"granted": "beviljad", "rejected": "avslag"}[r[c["decision"]]]
        sometimes(rng, 0.05, r, c, "sector", " %s " % r[c["sector"]])
        sometimes(rng, 0.03, r, c, "age_band", "")


def participation(rng, h, rows, c):
    for r in rows:
        r[c["gender"]] = respell(rng, r[c["gender"]])
        if rng.random() < 0.3:
            r[c["count"]] = str(rng.choice([0, 2, 3, 4]))
        if r[c["role"]] == "chair" and rng.random() < 0.5:
            r[c["role"]] = "ordförande"
        sometimes(rng, 0.03, r, c, "age_band", "")


def training(rng, h, rows, c):
    seen = {}
    for r in rows:
        pid = r[c["person_id"]]
        g = r[c["gender"]]
        first = pid not in seen
        seen.setdefault(pid, 0)
        seen[pid] += 1
        if first and rng.random() < 0.3:
            r[c["gender"]] = rng.choice(GENDER_SPELLINGS["unknown"])
        elif not first and rng.random() < 0.2:
            # a later row disagrees; the person keeps their first known gender,
            # unless every earlier row was unknown (then this one must stay)
            r[c["gender"]] = respell(rng, {"woman": "man", "man": "woman"}[g], 0.5) \
                if seen[pid] > 2 else respell(rng, g)
        else:
            r[c["gender"]] = respell(rng, g)
        x = rng.random()
        yes = r[c["completed"]] == "yes"
        if x < 0.2:
            r[c["completed"]] = "" if yes else "nej"
        elif x < 0.5:
            r[c["completed"]] = rng.choice(["ja", "true", "1"] if yes else ["false", "0", "nej"])
        sometimes(rng, 0.2, r, c, "hours",
                  lambda: rng.choice(["0.25", "1.33333", "2.00005", "7", "0"]))
        sometimes(rng, 0.03, r, c, "target_group", "other")


def population(rng, h, rows, c):
    region = rows[0][c["region"]] if rows else ""
    for r in rows:
        r[c["gender"]] = respell(rng, r[c["gender"]])
    extra = [""] * len(h)
    extra[c["region"]] = region
    extra[c["target_group"]] = "observer"
    extra[c["gender"]] = "woman"
    extra[c["size"]] = str(rng.randint(0, 9))
    rows.append(extra)


def goals(rng, h, rows, c):
    for r in rows:
        if rng.random() < 0.4:
            r[c["self_assessment"]] = {"will_meet": "ja", "partly": "delvis",
                                       "will_not_meet": "nej"}[r[c["self_assessment"]]]
        sometimes(rng, 0.3, r, c, "weight", lambda: rng.choice(["0.5", "1.5", "3"]))
        sometimes(rng, 0.1, r, c, "area", "")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("datadir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    for region in sorted(os.listdir(a.datadir)):
        d = os.path.join(a.datadir, region)
        for name, fn in (("funding", funding), ("participation", participation),
                         ("training", training), ("population", population),
                         ("goals", goals)):
            rewrite(rng, os.path.join(d, name + ".csv"), fn)
    return 0


if __name__ == "__main__":
    sys.exit(main())
