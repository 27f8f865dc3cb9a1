#!/usr/bin/env python3
"""tests/cli/xlsx_mutate.py — makes broken and hostile variants of a good
.xlsx workbook for the reader's error-path tests (tests/cli/test_xlsx.sh).

    xlsx_mutate.py MODE IN.xlsx OUT.xlsx

Modes: bomb (the sheet inflates > 250 times its compressed size), lying-size
(the sheet's headers claim fewer bytes than it inflates to), wide (a cell
beyond column XFD), many-cells (17000 cells in one row), dtd (a DOCTYPE with
an entity), bad-shared (a cell refers to a shared string that does not
exist), empty-sheet, broken-xml (the sheet's XML is cut short), crc (one
byte of the sheet's compressed data changed). Only the standard library."""
import struct
import sys
import zipfile

mode, src, dst = sys.argv[1:4]
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def first_sheet(names):
    return sorted(n for n in names if n.startswith('xl/worksheets/sheet'))[0]


with zipfile.ZipFile(src) as z:
    members = {n: z.read(n) for n in z.namelist()}
sheet = first_sheet(members)
xml = members[sheet].decode()
header_row = '<row r="1"><c r="A1" t="inlineStr"><is><t>gender</t></is></c></row>'
if mode == 'bomb':
    members[sheet] = (HEAD + '<sheetData>' + ' ' * (40 << 20) + '</sheetData></worksheet>').encode()
elif mode in ('lying-size', 'crc'):
    pass
elif mode == 'wide':
    members[sheet] = xml.replace('</sheetData>', '<row r="1000"><c r="XFE1000"><v>1</v></c></row></sheetData>').encode()
elif mode == 'many-cells':
    cells = '<c><v>1</v></c>' * 17000
    members[sheet] = xml.replace('</sheetData>', '<row r="1000">' + cells + '</row></sheetData>').encode()
elif mode == 'dtd':
    members[sheet] = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
                      + xml[xml.index('<worksheet'):]).encode()
elif mode == 'bad-shared':
    members[sheet] = xml.replace('</sheetData>', '<row r="1000"><c r="B1000" t="s"><v>999999</v></c></row></sheetData>').encode()
elif mode == 'empty-sheet':
    members[sheet] = (HEAD + '<sheetData/></worksheet>').encode()
elif mode == 'broken-xml':
    members[sheet] = xml[:len(xml) * 2 // 3].encode()
else:
    sys.exit('unknown mode ' + mode)

with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in members.items():
        z.writestr(name, data)

if mode in ('lying-size', 'crc'):
    raw = bytearray(open(dst, 'rb').read())
    with zipfile.ZipFile(dst) as z:
        info = z.getinfo(sheet)
    local = info.header_offset
    name_len, extra_len = struct.unpack('<HH', raw[local + 26:local + 30])
    data = local + 30 + name_len + extra_len
    if mode == 'crc':
        raw[data + info.compress_size // 2] ^= 0x55
    else:
        small = info.file_size // 4
        struct.pack_into('<I', raw, local + 22, small)
        central = raw.find(b'PK\x01\x02' + raw[local + 4:local + 6])
        while central >= 0:
            n = struct.unpack('<H', raw[central + 28:central + 30])[0]
            if raw[central + 46:central + 46 + n].decode() == sheet:
                struct.pack_into('<I', raw, central + 24, small)
                break
            central = raw.find(b'PK\x01\x02', central + 4)
    open(dst, 'wb').write(raw)
