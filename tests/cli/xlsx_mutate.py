#!/usr/bin/env python3
"""tests/cli/xlsx_mutate.py — makes broken and hostile variants of a good
.xlsx workbook for the reader's error-path tests (tests/cli/test_xlsx.sh).

    xlsx_mutate.py MODE IN.xlsx OUT.xlsx

Modes: bomb (the sheet inflates > 250 times its compressed size), lying-size
(the sheet's headers claim fewer bytes than it inflates to), wide (a cell
beyond column XFD), many-cells (17000 cells in one row), dtd (a DOCTYPE with
an entity), bad-shared (a cell refers to a shared string that does not
exist), big-shared (shared strings over the 128 MiB cap), empty-sheet, broken-xml (the sheet's XML is cut short), crc (one
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
elif mode == 'big-shared':  # the headers will claim 129 MiB (below)
    members.setdefault('xl/sharedStrings.xml', b'<sst><si><t>x</t></si></sst>')
elif mode == 'empty-sheet':
    members[sheet] = (HEAD + '<sheetData/></worksheet>').encode()
elif mode == 'broken-xml':
    members[sheet] = xml[:len(xml) * 2 // 3].encode()
else:
    sys.exit('unknown mode ' + mode)

with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in members.items():
        z.writestr(name, data)



def set_size(raw, member, size):
    """Writes `size` as the member's uncompressed size in its local and
    central headers, so the archive stays consistent."""
    with zipfile.ZipFile(dst) as z:
        local = z.getinfo(member).header_offset
    struct.pack_into('<I', raw, local + 22, size)
    end = raw.rfind(b'PK\x05\x06')
    at = struct.unpack('<I', raw[end + 16:end + 20])[0]
    while raw[at:at + 4] == b'PK\x01\x02':
        n, m, k = struct.unpack('<HHH', raw[at + 28:at + 34])
        if raw[at + 46:at + 46 + n].decode() == member:
            struct.pack_into('<I', raw, at + 24, size)
        at += 46 + n + m + k


if mode in ('lying-size', 'crc', 'big-shared'):
    raw = bytearray(open(dst, 'rb').read())
    if mode == 'crc':
        with zipfile.ZipFile(dst) as z:
            info = z.getinfo(sheet)
        local = info.header_offset
        name_len, extra_len = struct.unpack('<HH', raw[local + 26:local + 30])
        raw[local + 30 + name_len + extra_len + info.compress_size // 2] ^= 0x55
    elif mode == 'lying-size':
        with zipfile.ZipFile(dst) as z:
            set_size(raw, sheet, z.getinfo(sheet).file_size // 4)
    else:
        set_size(raw, 'xl/sharedStrings.xml', 129 << 20)
    open(dst, 'wb').write(raw)
