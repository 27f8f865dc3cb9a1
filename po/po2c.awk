# po/po2c.awk — turns a GNU gettext catalogue (po/sv.po) into the C table
# that core/util/i18n.c looks messages up in (jv_catalog_sv). Handles
# multi-line strings and plural entries (the msgid with msgstr[0], the
# msgid_plural with msgstr[1]: Swedish and English share the rule n != 1);
# leaves out the header, fuzzy entries and entries without a translation
# (they fall back to the msgid). PO string escapes are C escapes, so
# strings are copied as they are; xgettext's `%<PRIu64>` becomes the
# <inttypes.h> macro again, so the key is the string the C source builds.
function cstr(s) {
    gsub(/%<PRI[a-zA-Z0-9]+>/, "&\"", s)
    gsub(/%<PRI/, "%\" PRI", s)
    gsub(/>"/, " \"", s)
    return "\"" s "\""
}
function emit(id, str) {
    if (id != "" && str != "")
        printf "    {%s, %s},\n", cstr(id), cstr(str)
}
function flush() {
    if (!fuzzy) {
        emit(msgid, msgstr)
        emit(plural, plural_str)
    }
    msgid = ""; msgstr = ""; plural = ""; plural_str = ""; fuzzy = 0; state = ""
}
function body(line) {
    sub(/^[^"]*"/, "", line)
    sub(/"[ \t\r]*$/, "", line)
    return line
}
BEGIN {
    print "/* Generated from po/sv.po by po/po2c.awk: do not edit. */"
    print "#include <inttypes.h>"
    print ""
    print "#include \"util/i18n.h\""
    print ""
    print "const jv_catalog_entry jv_catalog_sv[] = {"
}
/^#,.*fuzzy/ { flush(); fuzzy = 1; next }
/^#/ { next }
/^msgid / { if (state != "" && state != "msgid") { f = fuzzy; flush(); fuzzy = f } msgid = body($0); state = "msgid"; next }
/^msgid_plural / { plural = body($0); state = "plural"; next }
/^msgstr\[0\] / { msgstr = body($0); state = "msgstr"; next }
/^msgstr\[1\] / { plural_str = body($0); state = "plural_str"; next }
/^msgstr / { msgstr = body($0); state = "msgstr"; next }
/^"/ {
    if (state == "msgid") msgid = msgid body($0)
    else if (state == "plural") plural = plural body($0)
    else if (state == "msgstr") msgstr = msgstr body($0)
    else if (state == "plural_str") plural_str = plural_str body($0)
    next
}
/^[ \t\r]*$/ { if (state == "msgstr" || state == "plural_str") flush(); next }
END {
    flush()
    print "    {0, 0}"
    print "};"
    print ""
    print "const size_t jv_catalog_sv_length = sizeof jv_catalog_sv / sizeof jv_catalog_sv[0] - 1;"
}
