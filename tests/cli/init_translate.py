#!/usr/bin/env python3
"""tests/cli/init_translate.py — turns the English test tables of
tests/data/init/en (one folder per region) into what a Swedish region
keeps: every column, file name and code in Swedish, semicolons, decimal
comma, a no-break space between thousands in money, CRLF, a UTF-8
byte-order mark — and one region in Windows-1252 without one.

    init_translate.py EN-DIR SV-DIR"""
import csv
import io
import os
import sys

FILES = {"funding.csv": "beviljade stöd.csv", "participation.csv": "deltagande i organ.csv",
         "training.csv": "utbildningar.csv", "population.csv": "målgrupper.csv",
         "goals.csv": "mål.csv"}
COLUMNS = {
    "id": "Ärendenummer", "region": "Län", "year": "År", "programme": "Program",
    "recipient_gender": "Kön", "gender": "Kön", "age_band": "Åldersgrupp",
    "foreign_background": "Utländsk bakgrund", "sector": "Bransch",
    "amount_applied": "Sökt belopp", "amount_granted": "Beviljat belopp", "decision": "Beslut",
    "arena": "Organ", "arena_type": "Typ av organ", "role": "Roll", "count": "Antal",
    "person_id": "Person-id", "course": "Kurs", "target_group": "Målgrupp", "hours": "Timmar",
    "completed": "Genomförd", "size": "Antal", "goal_id": "Mål-id", "area": "Område",
    "goal": "Mål", "baseline": "Utgångsvärde", "target": "Målvärde", "outcome": "Utfall",
    "direction": "Riktning", "deadline": "Slutdatum", "weight": "Vikt",
    "self_assessment": "Självskattning",
}
GENDER = {"woman": "kvinna", "man": "man", "non_binary": "icke-binär", "mixed": "blandad",
          "unknown": "okänd"}
CODES = {
    "recipient_gender": GENDER, "gender": GENDER,
    "decision": {"granted": "beviljad", "rejected": "avslag"},
    "self_assessment": {"will_meet": "ja", "partly": "delvis", "will_not_meet": "nej"},
    "completed": {"yes": "ja", "no": "nej"}, "foreign_background": {"yes": "ja", "no": "nej"},
    "arena_type": {"decision": "beslutande", "advisory": "rådgivande", "learning": "lärande"},
    "target_group": {"politician": "politiker", "official": "tjänsteperson",
                     "business_adviser": "företagsrådgivare", "project_manager": "projektledare"},
    "direction": {"increase": "öka", "decrease": "minska"},
}
MONEY = {"amount_applied", "amount_granted"}
DECIMALS = {"hours", "baseline", "target", "outcome", "weight"}


def swedish_number(text, money):
    whole, _, fraction = text.partition(".")
    if money and len(whole) > 3:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = "\u00a0".join([whole] + groups)
    return whole + ("," + fraction if fraction else "")


def translate(src, dst, encoding):
    with open(src, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow([COLUMNS.get(name, name) for name in header])
    for row in rows[1:]:
        cells = []
        for name, value in zip(header, row):
            if name in CODES:
                value = CODES[name].get(value, value)
            elif value and (name in MONEY or name in DECIMALS):
                value = swedish_number(value, name in MONEY)
            cells.append(value)
        w.writerow(cells)
    data = out.getvalue()
    with open(dst, "wb") as f:
        if encoding == "utf-8":
            f.write(b"\xef\xbb\xbf")
        f.write(data.encode(encoding))


en, sv = sys.argv[1], sys.argv[2]
for region in sorted(os.listdir(en)):
    if not os.path.isdir(os.path.join(en, region)):
        continue
    os.makedirs(os.path.join(sv, region), exist_ok=True)
    encoding = "windows-1252" if region == "uppsala" else "utf-8"
    for name, swedish in FILES.items():
        translate(os.path.join(en, region, name), os.path.join(sv, region, swedish), encoding)
