/* core/data/xlsx_book.c — what an .xlsx workbook says about itself before
 * any row is read (xlsx_private.h): its sheets in order and the zip member
 * of each (workbook.xml and its relationships), whether dates count from
 * 1904, which cell styles show a number as a date (styles.xml), and the
 * shared strings table — held in memory, so its member is capped at
 * JV_XLSX_MAX_SHARED_STRINGS (xlsx.h rule 1). Also the two pieces of text
 * arithmetic on numbers' own texts: dates, and exponents written out. */
#include "data/xlsx_private.h"

#include <math.h>
#include <string.h>

#include "data/table_source.h"
#include "util/i18n.h"

#define RELS_NS_HINT "relationships"

/* Reads `name` to the end, calling each(part, user) on every start tag. */
typedef gboolean (*element_fn)(jv_xlsx_part *part, void *user, GError **error);
static gboolean each_element(zip_t *zip, const char *name, const char *display, guint64 limit,
                             gboolean missing_ok, element_fn each, void *user, GError **error)
{
    GError *local = NULL;
    jv_xlsx_part *part = jv_xlsx_part_open(zip, name, display, limit, missing_ok, &local);
    if (part == NULL) {
        if (local == NULL)
            return TRUE; /* missing, and that is fine */
        g_propagate_error(error, local);
        return FALSE;
    }
    int got;
    while ((got = jv_xlsx_part_read(part, error)) == 1) {
        if (xmlTextReaderNodeType(part->xml) == XML_READER_TYPE_ELEMENT &&
            !each(part, user, error)) {
            got = -1;
            break;
        }
    }
    jv_xlsx_part_close(part);
    return got == 0;
}

/* The folder of a member ("xl/workbook.xml" → "xl/"). */
static char *folder_of(const char *name)
{
    const char *slash = strrchr(name, '/');
    return slash ? g_strndup(name, (gsize)(slash - name + 1)) : g_strdup("");
}

/* A relationship target resolved against the folder of its source. */
static char *resolve_target(const char *folder, const char *target)
{
    if (target[0] == '/')
        return g_strdup(target + 1);
    GString *path = g_string_new(folder);
    while (g_str_has_prefix(target, "../") || g_str_has_prefix(target, "./")) {
        if (target[1] == '/') {
            target += 2;
            continue;
        }
        target += 3;
        if (path->len > 0)
            g_string_truncate(path, path->len - 1);
        const char *slash = strrchr(path->str, '/');
        g_string_truncate(path, slash ? (gsize)(slash - path->str + 1) : 0);
    }
    g_string_append(path, target);
    return g_string_free(path, FALSE);
}

typedef struct rels {
    const char *folder;
    GHashTable *targets; /* Id → member */
    char *office_document, *shared_strings, *styles;
} rels;

static gboolean on_relationship(jv_xlsx_part *part, void *user, GError **error)
{
    (void)error;
    rels *r = user;
    if (strcmp(jv_xlsx_part_name(part), "Relationship") != 0)
        return TRUE;
    const char *target = jv_xlsx_part_attribute(part, "Target");
    if (target == NULL)
        return TRUE;
    char *member = resolve_target(r->folder, target);
    const char *type = jv_xlsx_part_attribute(part, "Type");
    if (type != NULL && g_str_has_suffix(type, "/officeDocument") && r->office_document == NULL)
        r->office_document = g_strdup(member);
    if (type != NULL && g_str_has_suffix(type, "/sharedStrings") && r->shared_strings == NULL)
        r->shared_strings = g_strdup(member);
    if (type != NULL && g_str_has_suffix(type, "/styles") && r->styles == NULL)
        r->styles = g_strdup(member);
    const char *id = jv_xlsx_part_attribute(part, "Id");
    if (id != NULL)
        g_hash_table_insert(r->targets, g_strdup(id), member);
    else
        g_free(member);
    return TRUE;
}

typedef struct workbook {
    jv_xlsx_book *book;
    GPtrArray *ids; /* char*: each sheet's relationship id */
} workbook;

/* The r:id attribute, whatever its prefix. Newly allocated or NULL. */
static char *relationship_id(jv_xlsx_part *part)
{
    char *id = NULL;
    while (id == NULL && xmlTextReaderMoveToNextAttribute(part->xml) == 1) {
        const xmlChar *local = xmlTextReaderConstLocalName(part->xml);
        const xmlChar *ns = xmlTextReaderConstNamespaceUri(part->xml);
        if (local && ns && strcmp((const char *)local, "id") == 0 &&
            strstr((const char *)ns, RELS_NS_HINT) != NULL)
            id = g_strdup((const char *)xmlTextReaderConstValue(part->xml));
    }
    xmlTextReaderMoveToElement(part->xml);
    return id;
}

static gboolean on_workbook(jv_xlsx_part *part, void *user, GError **error)
{
    (void)error;
    workbook *w = user;
    const char *name = jv_xlsx_part_name(part);
    if (strcmp(name, "workbookPr") == 0) {
        const char *v = jv_xlsx_part_attribute(part, "date1904");
        w->book->date1904 = v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (strcmp(name, "sheet") == 0) {
        const char *sheet = jv_xlsx_part_attribute(part, "name");
        char *id = relationship_id(part);
        if (sheet == NULL || id == NULL) {
            g_free(id);
            return TRUE;
        }
        g_ptr_array_add(w->book->sheet_names, g_strdup(sheet));
        g_ptr_array_add(w->ids, id);
    }
    return TRUE;
}

/* Built-in number formats that show a date (ECMA-376 18.8.30, and the
 * East Asian ones Excel maps to dates). 18–21 and 45–47 are times only. */
static gboolean builtin_date(long id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A custom format code shows a date when it has a day, month or year
 * outside quotes, escapes and [brackets] ('m' next to h or s is minutes). */
static gboolean code_is_date(const char *code)
{
    gboolean day_or_year = FALSE, month = FALSE, hour_or_second = FALSE;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            const char *end = strchr(p + 1, '"');
            if (end == NULL)
                break;
            p = end;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1] == '\0')
                break;
            p++;
        } else if (*p == '[') {
            const char *end = strchr(p, ']');
            if (end == NULL)
                break;
            p = end;
        } else {
            char c = g_ascii_tolower(*p);
            day_or_year |= c == 'd' || c == 'y';
            month |= c == 'm';
            hour_or_second |= c == 'h' || c == 's';
        }
    }
    return day_or_year || (month && !hour_or_second);
}

typedef struct styles {
    jv_xlsx_book *book;
    GHashTable *custom_dates; /* numFmtId (as pointer) of custom date formats */
    int cell_xfs_depth;       /* depth of <cellXfs>, -1 outside */
} styles;

static gboolean on_style(jv_xlsx_part *part, void *user, GError **error)
{
    (void)error;
    styles *s = user;
    const char *name = jv_xlsx_part_name(part);
    int depth = xmlTextReaderDepth(part->xml);
    if (s->cell_xfs_depth >= 0 && depth <= s->cell_xfs_depth)
        s->cell_xfs_depth = -1; /* past </cellXfs> */
    if (strcmp(name, "numFmt") == 0) {
        const char *id = jv_xlsx_part_attribute(part, "numFmtId");
        const char *code = jv_xlsx_part_attribute(part, "formatCode");
        if (id != NULL && code != NULL && code_is_date(code))
            g_hash_table_add(s->custom_dates, GINT_TO_POINTER(atoi(id) + 1));
    } else if (strcmp(name, "cellXfs") == 0) {
        s->cell_xfs_depth = depth;
    } else if (strcmp(name, "xf") == 0 && s->cell_xfs_depth >= 0 &&
               depth == s->cell_xfs_depth + 1) {
        const char *id = jv_xlsx_part_attribute(part, "numFmtId");
        long n = id ? strtol(id, NULL, 10) : 0;
        gboolean date =
            builtin_date(n) || g_hash_table_contains(s->custom_dates, GINT_TO_POINTER((int)n + 1));
        g_array_append_val(s->book->date_styles, date);
    }
    return TRUE;
}

typedef struct strings {
    jv_xlsx_book *book;
    GString *text;
} strings;

static gboolean on_string(jv_xlsx_part *part, void *user, GError **error)
{
    strings *s = user;
    if (strcmp(jv_xlsx_part_name(part), "si") != 0)
        return TRUE;
    guint32 at = (guint32)s->book->strings->len; /* < 4 GiB: the part is capped */
    g_string_truncate(s->text, 0);
    if (jv_xlsx_part_text(part, s->text, JV_XLSX_MAX_SHARED_STRINGS, error) < 0)
        return FALSE;
    g_string_append_len(s->book->strings, s->text->str, (gssize)s->text->len);
    g_string_append_c(s->book->strings, '\0');
    g_array_append_val(s->book->string_at, at);
    return TRUE;
}

gboolean jv_xlsx_book_load(jv_xlsx_book *book, zip_t *zip, const char *display, GError **error)
{
    memset(book, 0, sizeof *book);
    book->sheet_names = g_ptr_array_new_with_free_func(g_free);
    book->sheet_parts = g_ptr_array_new_with_free_func(g_free);
    book->date_styles = g_array_new(FALSE, FALSE, sizeof(gboolean));
    book->strings = g_string_new(NULL);
    book->string_at = g_array_new(FALSE, FALSE, sizeof(guint32));

    rels top = {.folder = "",
                .targets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
    gboolean ok = each_element(zip, "_rels/.rels", display, JV_XLSX_MAX_SMALL_PART, TRUE,
                               on_relationship, &top, error);
    char *workbook_part = top.office_document ? top.office_document : g_strdup("xl/workbook.xml");
    g_hash_table_unref(top.targets);
    g_free(top.shared_strings);
    g_free(top.styles);

    char *folder = folder_of(workbook_part);
    char *base = g_path_get_basename(workbook_part);
    char *rels_part = g_strconcat(folder, "_rels/", base, ".rels", NULL);
    rels book_rels = {.folder = folder,
                      .targets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
    workbook w = {.book = book, .ids = g_ptr_array_new_with_free_func(g_free)};
    ok = ok && each_element(zip, workbook_part, display, JV_XLSX_MAX_SMALL_PART, FALSE, on_workbook,
                            &w, error);
    ok = ok && each_element(zip, rels_part, display, JV_XLSX_MAX_SMALL_PART, FALSE, on_relationship,
                            &book_rels, error);
    for (guint i = 0; ok && i < w.ids->len; i++) {
        const char *member = g_hash_table_lookup(book_rels.targets, g_ptr_array_index(w.ids, i));
        if (member == NULL) {
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                        _("%s: the workbook is corrupt: sheet '%s' has no part in %s"), display,
                        (const char *)g_ptr_array_index(book->sheet_names, i), rels_part);
            ok = FALSE;
        } else
            g_ptr_array_add(book->sheet_parts, g_strdup(member));
    }
    if (ok && book->sheet_names->len == 0) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT, _("%s: the workbook has no sheets"),
                    display);
        ok = FALSE;
    }
    styles s = {.book = book, .custom_dates = g_hash_table_new(NULL, NULL), .cell_xfs_depth = -1};
    ok = ok && each_element(zip, book_rels.styles ? book_rels.styles : "xl/styles.xml", display,
                            JV_XLSX_MAX_SMALL_PART, TRUE, on_style, &s, error);
    g_hash_table_unref(s.custom_dates);
    strings str = {.book = book, .text = g_string_new(NULL)};
    ok = ok &&
         each_element(zip,
                      book_rels.shared_strings ? book_rels.shared_strings : "xl/sharedStrings.xml",
                      display, JV_XLSX_MAX_SHARED_STRINGS, TRUE, on_string, &str, error);
    g_string_free(str.text, TRUE);
    g_ptr_array_unref(w.ids);
    g_hash_table_unref(book_rels.targets);
    g_free(book_rels.shared_strings);
    g_free(book_rels.styles);
    g_free(book_rels.office_document);
    g_free(rels_part);
    g_free(base);
    g_free(folder);
    g_free(workbook_part);
    return ok;
}

void jv_xlsx_book_clear(jv_xlsx_book *book)
{
    if (book->sheet_names)
        g_ptr_array_unref(book->sheet_names);
    if (book->sheet_parts)
        g_ptr_array_unref(book->sheet_parts);
    if (book->date_styles)
        g_array_unref(book->date_styles);
    if (book->strings)
        g_string_free(book->strings, TRUE);
    if (book->string_at)
        g_array_unref(book->string_at);
    memset(book, 0, sizeof *book);
}

/* Splits a plain decimal "123.45" into integer and fraction digits. */
static gboolean split_decimal(const char *text, const char **whole, size_t *n_whole,
                              const char **fraction, size_t *n_fraction)
{
    const char *p = text;
    *whole = p;
    while (g_ascii_isdigit(*p))
        p++;
    *n_whole = (size_t)(p - *whole);
    *fraction = p;
    *n_fraction = 0;
    if (*p == '.') {
        *fraction = ++p;
        while (g_ascii_isdigit(*p))
            p++;
        *n_fraction = (size_t)(p - *fraction);
    }
    return *p == '\0' && *n_whole > 0;
}

gboolean jv_xlsx_date_text(const char *number, gboolean date1904, GString *out)
{
    const char *whole, *fraction;
    size_t n_whole, n_fraction;
    if (!split_decimal(number, &whole, &n_whole, &fraction, &n_fraction) || n_whole > 7)
        return FALSE;
    long days = strtol(whole, NULL, 10);
    /* the time of day: the fraction × 86400 s, rounded, from at most 13
     * digits so the product stays in 64 bits */
    guint64 f = 0, scale = 1;
    for (size_t i = 0; i < n_fraction && i < 13; i++) {
        f = f * 10 + (guint64)(fraction[i] - '0');
        scale *= 10;
    }
    guint64 seconds = (f * 86400 + scale / 2) / scale;
    if (seconds >= 86400) {
        seconds -= 86400;
        days++;
    }
    GDate date;
    if (date1904)
        g_date_set_dmy(&date, 1, G_DATE_JANUARY, 1904);
    else if (days >= 61)
        g_date_set_dmy(&date, 30, G_DATE_DECEMBER, 1899); /* Excel's 29 Feb 1900 */
    else
        g_date_set_dmy(&date, 31, G_DATE_DECEMBER, 1899);
    if (!date1904 && days < 1)
        return FALSE;
    if (!date1904 && days == 60) {
        g_string_assign(out, "1900-02-29"); /* the day Excel believes in */
    } else {
        g_date_add_days(&date, (guint)days);
        if (!g_date_valid(&date))
            return FALSE;
        g_string_printf(out, "%04d-%02d-%02d", g_date_get_year(&date), g_date_get_month(&date),
                        g_date_get_day(&date));
    }
    if (seconds > 0)
        g_string_append_printf(out, "T%02u:%02u:%02u", (unsigned)(seconds / 3600),
                               (unsigned)(seconds / 60 % 60), (unsigned)(seconds % 60));
    return TRUE;
}

gboolean jv_xlsx_plain_number(const char *number, GString *out)
{
    const char *e = strpbrk(number, "eE");
    if (e == NULL)
        return FALSE;
    const char *p = number;
    gboolean negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    GString *digits = g_string_new(NULL);
    long point = -1; /* digits before the decimal point */
    for (; p < e; p++) {
        if (g_ascii_isdigit(*p))
            g_string_append_c(digits, *p);
        else if (*p == '.' && point < 0)
            point = (long)digits->len;
        else
            break;
    }
    char *end;
    long exponent = strtol(e + 1, &end, 10);
    if (p != e || digits->len == 0 || *end != '\0' || end == e + 1 || exponent > 400 ||
        exponent < -400) {
        g_string_free(digits, TRUE);
        return FALSE;
    }
    if (point < 0)
        point = (long)digits->len;
    point += exponent;
    g_string_assign(out, negative ? "-" : "");
    if (point <= 0) {
        g_string_append(out, "0.");
        for (long i = point; i < 0; i++)
            g_string_append_c(out, '0');
        g_string_append(out, digits->str);
    } else if ((size_t)point >= digits->len) {
        g_string_append(out, digits->str);
        for (size_t i = digits->len; i < (size_t)point; i++)
            g_string_append_c(out, '0');
    } else {
        g_string_append_len(out, digits->str, point);
        g_string_append_c(out, '.');
        g_string_append(out, digits->str + point);
    }
    g_string_free(digits, TRUE);
    return TRUE;
}

gboolean jv_xlsx_shortest_number(const char *number, GString *out)
{
    /* only texts of 16 or more significant digits can be a double printed
     * longer than it needs (openpyxl writes %.16g: 65.1 as
     * 65.09999999999999); Excel itself writes the shortest text */
    int digits = 0;
    gboolean leading = TRUE;
    const char *p = number;
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (g_ascii_isdigit(*p) && !(leading && *p == '0')) {
            digits++;
            leading = FALSE;
        } else if (!g_ascii_isdigit(*p) && *p != '.' && *p != '-' && *p != '+')
            return FALSE;
    }
    if (digits < 16)
        return FALSE;
    char *end;
    double value = g_ascii_strtod(number, &end);
    if (*end != '\0' || !isfinite(value))
        return FALSE;
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    for (int precision = 15; precision <= 17; precision++) {
        char format[8];
        g_snprintf(format, sizeof format, "%%.%dg", precision);
        g_ascii_formatd(buffer, sizeof buffer, format, value);
        if (g_ascii_strtod(buffer, NULL) == value)
            break;
    }
    g_string_assign(out, buffer);
    return TRUE;
}
