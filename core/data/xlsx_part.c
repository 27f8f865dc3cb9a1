/* core/data/xlsx_part.c — one member of an .xlsx zip archive read as
 * streaming XML (xlsx_private.h), with the checks that keep a hostile or
 * broken workbook from costing unbounded time or memory (xlsx.h rule 2):
 * the inflated bytes are counted as libxml2 pulls them, against the
 * member's declared size, a cap, and a compression ratio. libxml2's own
 * messages are caught per reader (never printed) and a DTD is refused, so
 * no entity can be declared, let alone expanded. */
#include "data/xlsx_private.h"

#include <inttypes.h>
#include <string.h>

#include "data/table_source.h"
#include "util/i18n.h"

static void set_part_error(jv_xlsx_part *part, char *message)
{
    if (part->error == NULL)
        part->error = message;
    else
        g_free(message);
}

static int read_member(void *context, char *buffer, int length)
{
    jv_xlsx_part *part = context;
    if (part->error != NULL)
        return -1;
    zip_int64_t got = zip_fread(part->file, buffer, (zip_uint64_t)length);
    if (got < 0) {
        set_part_error(
            part, g_strdup_printf(_("the archive is corrupt (%s)"), zip_file_strerror(part->file)));
        return -1;
    }
    part->read += (guint64)got;
    if (part->read > part->declared) {
        set_part_error(part, g_strdup(_("the archive is corrupt (a member inflates to more "
                                        "bytes than its header says)")));
        return -1;
    }
    if (part->read > part->limit) {
        set_part_error(part, g_strdup_printf(_("a member inflates to more than %" PRIu64
                                               " MiB; refused as a possible zip bomb"),
                                             part->limit >> 20));
        return -1;
    }
    if (part->read > JV_XLSX_RATIO_FREE && part->read / JV_XLSX_MAX_RATIO > part->compressed) {
        set_part_error(part, g_strdup_printf(_("a member inflates to more than %d times its "
                                               "compressed size; refused as a possible zip bomb"),
                                             JV_XLSX_MAX_RATIO));
        return -1;
    }
    return (int)got;
}

static int close_member(void *context)
{
    (void)context;
    return 0;
}

static void catch_xml_error(void *context, xmlErrorPtr error)
{
    jv_xlsx_part *part = context;
    if (error == NULL || error->level < XML_ERR_ERROR)
        return;
    char *message = g_strstrip(g_strdup(error->message ? error->message : "malformed XML"));
    set_part_error(part, g_strdup_printf(_("malformed XML at line %d: %s"), error->line, message));
    g_free(message);
}

static gboolean fail(jv_xlsx_part *part, GError **error)
{
    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                _("%s: %s: %s; save the workbook "
                  "again from Excel, or export the sheet as CSV"),
                part->display, part->name, part->error ? part->error : "malformed XML");
    return FALSE;
}

jv_xlsx_part *jv_xlsx_part_open(zip_t *zip, const char *name, const char *display, guint64 limit,
                                gboolean missing_ok, GError **error)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name, 0, &st) != 0) {
        if (!missing_ok)
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                        _("%s: not an Excel workbook: it has no %s"), display, name);
        return NULL;
    }
    guint64 size = (st.valid & ZIP_STAT_SIZE) ? st.size : G_MAXUINT64;
    guint64 packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (size > limit) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: %s would inflate to %" PRIu64 " bytes, over the reader's "
                      "limit of %" PRIu64 " MiB for it; save the sheet as CSV instead"),
                    display, name, size, limit >> 20);
        return NULL;
    }
    if (size > JV_XLSX_RATIO_FREE && size / JV_XLSX_MAX_RATIO > packed) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: %s would inflate to %" PRIu64 " bytes from %" PRIu64
                      ", more than %d times its compressed size; refused as a possible zip bomb"),
                    display, name, size, packed, JV_XLSX_MAX_RATIO);
        return NULL;
    }
    zip_file_t *file = zip_fopen(zip, name, 0);
    if (file == NULL) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: cannot read %s from the archive: %s"), display, name, zip_strerror(zip));
        return NULL;
    }
    jv_xlsx_part *part = g_new0(jv_xlsx_part, 1);
    part->file = file;
    part->name = g_strdup(name);
    part->display = display;
    part->declared = size;
    part->compressed = packed;
    part->limit = limit;
    part->xml = xmlReaderForIO(read_member, close_member, part, name, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (part->xml == NULL) {
        set_part_error(part, g_strdup(_("cannot start the XML reader")));
        fail(part, error);
        jv_xlsx_part_close(part);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(part->xml, catch_xml_error, part);
    return part;
}

int jv_xlsx_part_read(jv_xlsx_part *part, GError **error)
{
    int got = xmlTextReaderRead(part->xml);
    if (got == 1 && xmlTextReaderNodeType(part->xml) == XML_READER_TYPE_DOCUMENT_TYPE) {
        set_part_error(part, g_strdup(_("a document type declaration, which Excel never writes")));
        got = -1;
    }
    if (got == 0 && part->error == NULL && part->read < part->declared &&
        part->declared != G_MAXUINT64) {
        /* libxml2 stopped before the member's end: trailing bytes are
         * harmless, but make sure the CRC of the whole member is checked */
        char rest[4096];
        while (part->error == NULL && read_member(part, rest, sizeof rest) > 0)
            ;
    }
    if (part->error != NULL || got < 0)
        return fail(part, error) ? 0 : -1;
    return got;
}

const char *jv_xlsx_part_name(const jv_xlsx_part *part)
{
    const xmlChar *name = xmlTextReaderConstLocalName(part->xml);
    return name ? (const char *)name : "";
}

const char *jv_xlsx_part_attribute(jv_xlsx_part *part, const char *name)
{
    if (xmlTextReaderMoveToAttribute(part->xml, (const xmlChar *)name) != 1)
        return NULL;
    const char *value = (const char *)xmlTextReaderConstValue(part->xml);
    xmlTextReaderMoveToElement(part->xml);
    return value;
}

int jv_xlsx_part_text(jv_xlsx_part *part, GString *out, size_t max, GError **error)
{
    if (xmlTextReaderIsEmptyElement(part->xml))
        return 0;
    int depth = xmlTextReaderDepth(part->xml);
    int skipping = -1; /* depth of the element being left out */
    for (;;) {
        if (jv_xlsx_part_read(part, error) <= 0) {
            if (error == NULL || *error == NULL) {
                set_part_error(part, g_strdup(_("the document ends inside an element")));
                fail(part, error);
            }
            return -1;
        }
        int type = xmlTextReaderNodeType(part->xml);
        int at = xmlTextReaderDepth(part->xml);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (at == depth)
                return 0;
            if (at == skipping)
                skipping = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            if (skipping < 0 && strcmp(jv_xlsx_part_name(part), "rPh") == 0 &&
                !xmlTextReaderIsEmptyElement(part->xml))
                skipping = at;
            continue;
        }
        if (skipping >= 0)
            continue;
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const char *value = (const char *)xmlTextReaderConstValue(part->xml);
            size_t n = value ? strlen(value) : 0;
            if (out->len + n > max) {
                set_part_error(part, g_strdup_printf(_("a text of more than %zu bytes"), max));
                fail(part, error);
                return -1;
            }
            g_string_append_len(out, value, (gssize)n);
        }
    }
}

void jv_xlsx_part_close(jv_xlsx_part *part)
{
    if (part == NULL)
        return;
    if (part->xml != NULL)
        xmlFreeTextReader(part->xml);
    if (part->file != NULL)
        zip_fclose(part->file);
    g_free(part->name);
    g_free(part->error);
    g_free(part);
}
