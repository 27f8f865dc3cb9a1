/* core/data/xlsx_private.h — what the parts of the .xlsx reader share:
 * opening one zip member as a streaming XML reader with the bomb checks
 * (xlsx_part.c), and the workbook's sheets, shared strings and date
 * styles (xlsx_book.c). Not an interface for anything outside xlsx*.c. */
#ifndef JV_DATA_XLSX_PRIVATE_H
#define JV_DATA_XLSX_PRIVATE_H

#include <glib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "data/xlsx_limits.h"

/* One zip member being read as XML. */
typedef struct jv_xlsx_part {
    zip_file_t *file;
    xmlTextReaderPtr xml;
    char *name;          /* the member's name */
    const char *display; /* how messages name the workbook (borrowed) */
    guint64 declared, compressed, read, limit;
    char *error; /* why reading stopped (set by the read callback) */
} jv_xlsx_part;

/* Opens member `name` of `zip` for reading as XML, refusing one declared
 * larger than `limit` or than the ratio allows. NULL + error. */
jv_xlsx_part *jv_xlsx_part_open(zip_t *zip, const char *name, const char *display, guint64 limit,
                                gboolean missing_ok, GError **error);
/* The next node: 1, 0 at the end, -1 + error (corrupt XML, a bomb, a DTD). */
int jv_xlsx_part_read(jv_xlsx_part *part, GError **error);
/* The local name of the current node ("row", "c", ...), never NULL. */
const char *jv_xlsx_part_name(const jv_xlsx_part *part);
/* An attribute of the current element (borrowed until the next read), or NULL. */
const char *jv_xlsx_part_attribute(jv_xlsx_part *part, const char *name);
/* Appends the text of the current element (which must be a start tag) up
 * to its end tag to `out`, leaving out what is inside elements named
 * `skip` (NULL: none). -1 + error; text over `max` bytes is an error. */
int jv_xlsx_part_text(jv_xlsx_part *part, GString *out, size_t max, GError **error);
void jv_xlsx_part_close(jv_xlsx_part *part);

/* The workbook: its sheets in order, where each lives, the date styles
 * and the shared strings. */
typedef struct jv_xlsx_book {
    GPtrArray *sheet_names; /* char*, owned */
    GPtrArray *sheet_parts; /* char*, owned: zip member of each sheet */
    gboolean date1904;
    GArray *date_styles; /* gboolean per cellXfs index */
    GString *strings;    /* every shared string, NUL after each */
    GArray *string_at;   /* guint32 offset of each in `strings` */
} jv_xlsx_book;

/* Reads workbook.xml, its rels, the styles and the shared strings.
 * FALSE + error. */
gboolean jv_xlsx_book_load(jv_xlsx_book *book, zip_t *zip, const char *display, GError **error);
void jv_xlsx_book_clear(jv_xlsx_book *book);

/* The text of a number in a date style as an ISO date: into `out`
 * (replacing it). FALSE if the text is no serial date (left as is). */
gboolean jv_xlsx_date_text(const char *number, gboolean date1904, GString *out);
/* A number's text with an exponent written out ("1.5E-3" → "0.0015"),
 * into `out` (replacing it); FALSE (out untouched) when there is none or
 * the text is not a number. */
gboolean jv_xlsx_plain_number(const char *number, GString *out);

/* A number's text of 16 or more significant digits as the shortest text
 * that denotes the same double (what Excel itself writes: "65.1" for
 * openpyxl's "65.09999999999999"), into `out` (replacing it); FALSE (out
 * untouched) for shorter texts, which are kept exactly as they are. */
gboolean jv_xlsx_shortest_number(const char *number, GString *out);

#endif /* JV_DATA_XLSX_PRIVATE_H */
