# po/po2c.awk — turns a GNU gettext catalogue (po/sv.po) into the C table
# that core/render/i18n.c looks messages up in (jv_catalog_sv). Handles
# multi-line strings; leaves out the header, fuzzy entries and entries
# without a translation (they fall back to the msgid). PO string escapes
# are C escapes, so strings are copied as they are.
function flush() {
    if (msgid != "" && msgstr != "" && !fuzzy)
        printf "    {\"%s\", \"%s\"},\n", msgid, msgstr
    msgid = ""; msgstr = ""; fuzzy = 0; state = ""
}
function body(line) {
    sub(/^[^"]*"/, "", line)
    sub(/"[ \t\r]*$/, "", line)
    return line
}
BEGIN {
    print "/* Generated from po/sv.po by po/po2c.awk: do not edit. */"
    print "#include \"render/i18n.h\""
    print ""
    print "const jv_catalog_entry jv_catalog_sv[] = {"
}
/^#,.*fuzzy/ { flush(); fuzzy = 1; next }
/^#/ { next }
/^msgid / { if (state == "msgstr") { f = fuzzy; flush(); fuzzy = f } msgid = body($0); state = "msgid"; next }
/^msgstr / { msgstr = body($0); state = "msgstr"; next }
/^"/ {
    if (state == "msgid") msgid = msgid body($0)
    else if (state == "msgstr") msgstr = msgstr body($0)
    next
}
/^[ \t\r]*$/ { if (state == "msgstr") flush(); next }
END {
    flush()
    print "    {0, 0}"
    print "};"
    print ""
    print "const size_t jv_catalog_sv_length = sizeof jv_catalog_sv / sizeof jv_catalog_sv[0] - 1;"
}
