/* core/data/csv.c — the streaming CSV tokenizer (contract in csv.h).
 *
 * The buffer always holds the current record from its first byte, followed
 * by a NUL sentinel, so the inner loops scan with one table lookup per byte
 * and no bounds check: reaching the sentinel means either a real NUL byte
 * (an error) or the end of the data read so far. A record cut off by the
 * end of the buffer is parsed again from its start after the buffer was
 * refilled (or grown); quotes are removed only once a record is complete,
 * so a re-parse always sees the original bytes.
 *
 * With SSE2 the scans look at 16 bytes at once for the bytes that end a
 * field; the buffer has 16 spare bytes after the sentinel so such a load
 * never leaves it (bytes past the sentinel are never used).
 */
#include "data/csv.h"

#include <inttypes.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "data/problem.h"
#include "data/table_source.h"
#include "util/i18n.h"

struct jv_csv {
    int fd;
    char *display;
    char delimiter;
    char *buf;            /* cap + 1 + PAD bytes: data, the NUL sentinel */
    size_t cap, pos, len; /* pos: start of the next record */
    size_t max_record;
    uint64_t buf_offset; /* file offset of buf[0] */
    uint64_t file_pos;   /* file offset of the next read */
    uint64_t end;        /* 0: no range end */
    uint64_t line;       /* line of buf[pos] */
    uint64_t bytes_read;
    gboolean eof, use_pread;
    GChecksum *checksum;
    const char *problem; /* the code of the last error (problem.h) */
    jv_string *fields;
    uint8_t *doubled; /* per field: holds "" pairs to undo */
    size_t fields_cap;
    uint8_t stop[256];  /* ends an unquoted field */
    uint8_t qstop[256]; /* needs a look inside a quoted field */
};

enum { PARSE_DONE, PARSE_MORE, PARSE_ERROR };

#define PAD 16

/* Finding the next byte that ends a field (the delimiter, or '"' inside
 * quotes, '\n', '\r', NUL); the sentinel guarantees there is one. */
#if defined(__SSE2__)
typedef struct stops {
    __m128i special, n, r, z;
} stops;

static inline stops stops_for(const uint8_t *table, char special)
{
    (void)table;
    return (stops){_mm_set1_epi8(special), _mm_set1_epi8('\n'), _mm_set1_epi8('\r'),
                   _mm_setzero_si128()};
}

static inline char *find_stop(char *p, const stops *s)
{
    for (;; p += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, s->special), _mm_cmpeq_epi8(v, s->n)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, s->r), _mm_cmpeq_epi8(v, s->z)));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (bits != 0)
            return p + __builtin_ctz(bits);
    }
}
#else
typedef struct stops {
    const uint8_t *table;
} stops;

static inline stops stops_for(const uint8_t *table, char special)
{
    (void)special;
    return (stops){table};
}

static inline char *find_stop(char *p, const stops *s)
{
    while (!s->table[(unsigned char)*p])
        p++;
    return p;
}
#endif

static void set_classes(jv_csv *csv)
{
    memset(csv->stop, 0, sizeof csv->stop);
    memset(csv->qstop, 0, sizeof csv->qstop);
    csv->stop[(unsigned char)csv->delimiter] = 1;
    csv->stop['\n'] = csv->stop['\r'] = csv->stop[0] = 1;
    csv->qstop['"'] = csv->qstop['\n'] = csv->qstop['\r'] = csv->qstop[0] = 1;
}

static ssize_t read_some(jv_csv *csv, char *into, size_t n)
{
    for (;;) {
        ssize_t got =
            csv->use_pread ? pread(csv->fd, into, n, (off_t)csv->file_pos) : read(csv->fd, into, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && errno == ESPIPE && csv->use_pread && csv->file_pos == 0) {
            csv->use_pread = FALSE; /* a pipe: plain reads from its start */
            continue;
        }
        return got;
    }
}

/* Makes room after the data (moving the current record to the front, or
 * growing the buffer) and reads until the buffer is full or the file ends.
 * quote_line: where an open quote started, for the too-long message. */
static int refill(jv_csv *csv, uint64_t quote_line, GError **error)
{
    if (csv->pos > 0) {
        memmove(csv->buf, csv->buf + csv->pos, csv->len - csv->pos);
        csv->buf_offset += csv->pos;
        csv->len -= csv->pos;
        csv->pos = 0;
    }
    if (csv->len == csv->cap) {
        if (csv->cap >= csv->max_record) {
            csv->problem = JV_PROBLEM_CSV_SYNTAX;
            size_t mib = csv->max_record >> 20;
            if (quote_line)
                g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                            _("%s:%" PRIu64 ": a quoted field opened on this line "
                              "runs on for more than %zu MiB; a closing quote (\") is "
                              "probably missing"),
                            csv->display, quote_line, mib);
            else
                g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                            _("%s:%" PRIu64 ": a row is longer than %zu MiB; "
                              "is this a CSV file?"),
                            csv->display, csv->line, mib);
            return -1;
        }
        csv->cap = MIN(csv->cap * 2, csv->max_record);
        csv->buf = g_realloc(csv->buf, csv->cap + 1 + PAD);
    }
    while (csv->len < csv->cap && !csv->eof) {
        ssize_t got = read_some(csv, csv->buf + csv->len, csv->cap - csv->len);
        if (got < 0) {
            csv->problem = JV_PROBLEM_UNREADABLE;
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO, _("%s: cannot read the file: %s"),
                        csv->display, g_strerror(errno));
            return -1;
        }
        if (got == 0) {
            csv->eof = TRUE;
            break;
        }
        if (csv->checksum)
            g_checksum_update(csv->checksum, (const guchar *)csv->buf + csv->len, (gssize)got);
        csv->len += (size_t)got;
        csv->file_pos += (uint64_t)got;
        csv->bytes_read += (uint64_t)got;
    }
    csv->buf[csv->len] = '\0';
    return 0;
}

static int nul_error(jv_csv *csv, uint64_t line, GError **error)
{
    csv->problem = JV_PROBLEM_ENCODING;
    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                _("%s:%" PRIu64 ": the file contains a NUL byte, so it is not a "
                  "text file; save it as CSV in UTF-8 or Windows-1252"),
                csv->display, line);
    return PARSE_ERROR;
}

/* Scans the first non-blank line outside quotes and picks the delimiter. */
static int scan_first_line(const jv_csv *csv, char *delimiter)
{
    size_t counts[3] = {0, 0, 0}; /* ';', '\t', ',' */
    static const char candidates[3] = {';', '\t', ','};
    gboolean in_quote = FALSE, blank = TRUE;
    for (size_t i = csv->pos; i < csv->len; i++) {
        char c = csv->buf[i];
        if (c == '"') {
            in_quote = !in_quote;
            blank = FALSE;
        } else if (in_quote) {
            continue;
        } else if (c == '\n' || c == '\r') {
            if (!blank)
                goto done;
        } else if (c == ';') {
            counts[0]++, blank = FALSE;
        } else if (c == '\t') {
            counts[1]++, blank = FALSE;
        } else if (c == ',') {
            counts[2]++, blank = FALSE;
        } else if (c != ' ') {
            blank = FALSE;
        }
    }
    if (!csv->eof)
        return PARSE_MORE;
done:;
    size_t best = 0; /* ties go to the earlier candidate */
    for (size_t k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    *delimiter = counts[best] > 0 ? candidates[best] : ',';
    return PARSE_DONE;
}

static int grow_fields(jv_csv *csv, GError **error)
{
    if (csv->fields_cap >= JV_CSV_MAX_FIELDS) {
        csv->problem = JV_PROBLEM_CSV_SYNTAX;
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s:%" PRIu64 ": a row has more than %zu fields; "
                      "is this a CSV file?"),
                    csv->display, csv->line, (size_t)JV_CSV_MAX_FIELDS);
        return -1;
    }
    csv->fields_cap *= 2;
    csv->fields = g_renew(jv_string, csv->fields, csv->fields_cap);
    csv->doubled = g_renew(uint8_t, csv->doubled, csv->fields_cap);
    return 0;
}

/* Removes one quote of every "" pair, in place. */
static void undouble(jv_string *field)
{
    char *w = (char *)field->data;
    const char *r = field->data, *end = field->data + field->length;
    while (r < end) {
        if (*r == '"')
            r++; /* the first of a pair; the second is copied */
        *w++ = *r++;
    }
    field->length = (uint32_t)(w - field->data);
}

static inline int is_blank(char c, char delimiter)
{
    return c == ' ' || (c == '\t' && delimiter != '\t');
}

/* Parses the record at buf[pos]. PARSE_MORE: it runs past the data read so
 * far (*quote_line: the line of a quote still open, else 0). */
static int parse_record(jv_csv *csv, jv_csv_record *record, uint64_t *quote_line, GError **error)
{
    char *const start = csv->buf + csv->pos;
    const char *const end = csv->buf + csv->len;
    const char delimiter = csv->delimiter;
    const gboolean eof = csv->eof;
    char *p = start, *record_end;
    size_t n = 0;
    uint64_t lines = 0; /* line breaks so far in this record */
    gboolean quoted = FALSE, any_doubled = FALSE;
    const stops field_stops = stops_for(csv->stop, delimiter);
    const stops quote_stops = stops_for(csv->qstop, '"');
    *quote_line = 0;

    for (;;) {
        if (n == csv->fields_cap && grow_fields(csv, error) < 0)
            return PARSE_ERROR;
        char *q = p;
        while (is_blank(*q, delimiter))
            q++;
        if (*q == '"') {
            uint64_t open_line = csv->line + lines;
            char *d = q + 1;
            uint8_t doubled = 0;
            for (;;) {
                d = find_stop(d, &quote_stops);
                if (*d == '"') {
                    if (d + 1 == end && !eof)
                        goto more_quoted;
                    if (d[1] != '"')
                        break;
                    d += 2;
                    doubled = 1;
                } else if (*d == '\n') {
                    lines++;
                    d++;
                } else if (*d == '\r') {
                    if (d + 1 == end && !eof)
                        goto more_quoted;
                    if (d[1] != '\n')
                        lines++;
                    d++;
                } else if (d == end) {
                    if (!eof)
                        goto more_quoted;
                    csv->problem = JV_PROBLEM_CSV_SYNTAX;
                    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                                _("%s:%" PRIu64 ": a quoted field opened on this "
                                  "line is never closed: a closing quote (\") is missing"),
                                csv->display, open_line);
                    return PARSE_ERROR;
                } else {
                    return nul_error(csv, csv->line + lines, error);
                }
                continue;
            more_quoted:
                *quote_line = open_line;
                return PARSE_MORE;
            }
            csv->fields[n].data = q + 1;
            csv->fields[n].length = (uint32_t)(d - (q + 1));
            csv->doubled[n] = doubled;
            any_doubled |= doubled;
            quoted = TRUE;
            p = d + 1;
            while (is_blank(*p, delimiter))
                p++;
            if (*p != delimiter && *p != '\n' && *p != '\r' && *p != '\0') {
                csv->problem = JV_PROBLEM_CSV_SYNTAX;
                g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                            _("%s:%" PRIu64 ": text follows a closing quote; a "
                              "quote inside a quoted field must be doubled (\"\")"),
                            csv->display, csv->line + lines);
                return PARSE_ERROR;
            }
        } else {
            char *field = p; /* blanks before it are part of it */
            p = q;
            p = find_stop(p, &field_stops);
            csv->fields[n].data = field;
            csv->fields[n].length = (uint32_t)(p - field);
            csv->doubled[n] = 0;
        }
        n++;
        if (*p == delimiter) {
            p++;
            continue;
        }
        record_end = p;
        if (*p == '\n') {
            lines++;
            p++;
        } else if (*p == '\r') {
            if (p + 1 == end && !eof)
                return PARSE_MORE;
            lines++;
            p++;
            if (*p == '\n')
                p++;
        } else if (p == end) {
            if (!eof)
                return PARSE_MORE;
        } else {
            return nul_error(csv, csv->line + lines, error);
        }
        break;
    }
    if (any_doubled)
        for (size_t i = 0; i < n; i++)
            if (csv->doubled[i])
                undouble(&csv->fields[i]);
    record->fields = csv->fields;
    record->n_fields = n;
    record->offset = csv->buf_offset + csv->pos;
    record->line = csv->line;
    record->bytes = (size_t)(record_end - start);
    record->quoted = quoted;
    csv->line += lines;
    csv->pos = (size_t)(p - csv->buf);
    return PARSE_DONE;
}

jv_csv *jv_csv_new(int fd, const jv_csv_options *options, GError **error)
{
    char delimiter = options->delimiter;
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: '%c' cannot be the delimiter; use ',', ';' or a tab"),
                    options->display_path, delimiter);
        return NULL;
    }
    jv_csv *csv = g_new0(jv_csv, 1);
    csv->fd = fd;
    csv->display = g_strdup(options->display_path ? options->display_path : "(input)");
    csv->max_record = options->max_record ? options->max_record : JV_CSV_MAX_RECORD;
    csv->cap = options->buffer_size ? options->buffer_size : JV_CSV_BUFFER_SIZE;
    csv->cap = CLAMP(csv->cap, 4, MAX(csv->max_record, 4));
    csv->max_record = MAX(csv->max_record, csv->cap);
    csv->buf = g_malloc0(csv->cap + 1 + PAD);
    csv->buf[0] = '\0';
    csv->buf_offset = csv->file_pos = options->start;
    csv->end = options->end;
    csv->line = options->first_line ? options->first_line : 1;
    csv->use_pread = TRUE;
    csv->checksum = options->checksum;
    csv->fields_cap = 64;
    csv->fields = g_new(jv_string, csv->fields_cap);
    csv->doubled = g_new(uint8_t, csv->fields_cap);
    if (refill(csv, 0, error) < 0)
        goto fail;
    if (options->start == 0) {
        const unsigned char *b = (const unsigned char *)csv->buf;
        if (csv->len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                        _("%s: the file is UTF-16 text; save it as CSV in UTF-8 "
                          "(in Excel: \"CSV UTF-8\")"),
                        csv->display);
            goto fail;
        }
        if (csv->len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            csv->pos = 3;
    }
    while (delimiter == 0) {
        if (scan_first_line(csv, &delimiter) == PARSE_DONE)
            break;
        if (refill(csv, 0, error) < 0)
            goto fail;
    }
    csv->delimiter = delimiter;
    set_classes(csv);
    return csv;
fail:
    jv_csv_free(csv);
    return NULL;
}

#if defined(__SSE2__)
/* The common record in one pass: no quote, wholly in the buffer. Each
 * 16-byte block becomes a bit mask of the bytes that end fields, and every
 * set bit is one field, so every byte is looked at once. Anything else — a
 * quote, a NUL (or the sentinel: the record is cut off), a CR at the end of
 * the data, more fields than fit — returns PARSE_MORE and the record is
 * parsed by parse_record, which handles every case. */
static int parse_record_fast(jv_csv *csv, jv_csv_record *record)
{
    char *const start = csv->buf + csv->pos;
    const __m128i d = _mm_set1_epi8(csv->delimiter), n = _mm_set1_epi8('\n'),
                  r = _mm_set1_epi8('\r'), q = _mm_set1_epi8('"'), z = _mm_setzero_si128();
    jv_string *fields = csv->fields;
    size_t count = 0;
    char *field = start;
    for (char *block = start;; block += 16) {
        if (count + 16 > csv->fields_cap)
            return PARSE_MORE;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)block);
        unsigned delimiters = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d));
        unsigned others = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, n), _mm_cmpeq_epi8(v, r)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, z))));
        if (others != 0)
            delimiters &= (1u << __builtin_ctz(others)) - 1; /* those before it */
        while (delimiters != 0) {
            char *s = block + __builtin_ctz(delimiters);
            delimiters &= delimiters - 1;
            fields[count].data = field;
            fields[count].length = (uint32_t)(s - field);
            count++;
            field = s + 1;
        }
        if (others == 0)
            continue;
        char *s = block + __builtin_ctz(others);
        if (*s != '\n' && *s != '\r')
            return PARSE_MORE; /* a quote, a NUL, or the end of the data */
        char *next = s + 1;
        if (*s == '\r') {
            if (next == csv->buf + csv->len)
                return PARSE_MORE;
            if (*next == '\n')
                next++;
        }
        fields[count].data = field;
        fields[count].length = (uint32_t)(s - field);
        record->fields = fields;
        record->n_fields = count + 1;
        record->offset = csv->buf_offset + csv->pos;
        record->line = csv->line;
        record->bytes = (size_t)(s - start);
        record->quoted = FALSE;
        csv->line++;
        csv->pos = (size_t)(next - csv->buf);
        return PARSE_DONE;
    }
}
#endif

int jv_csv_next(jv_csv *csv, jv_csv_record *record, GError **error)
{
    for (;;) {
        if (csv->end && csv->buf_offset + csv->pos >= csv->end)
            return 0;
        if (csv->pos == csv->len) {
            if (csv->eof)
                return 0;
            if (refill(csv, 0, error) < 0)
                return -1;
            continue;
        }
#if defined(__SSE2__)
        if (parse_record_fast(csv, record) == PARSE_DONE)
            return 1;
#endif
        uint64_t quote_line;
        int r = parse_record(csv, record, &quote_line, error);
        if (r == PARSE_DONE)
            return 1;
        if (r == PARSE_ERROR || refill(csv, quote_line, error) < 0)
            return -1;
    }
}

const char *jv_csv_problem(const jv_csv *csv)
{
    return csv->problem ? csv->problem : JV_PROBLEM_CSV_SYNTAX;
}

char jv_csv_delimiter(const jv_csv *csv) { return csv->delimiter; }

uint64_t jv_csv_bytes_read(const jv_csv *csv) { return csv->bytes_read; }

uint64_t jv_csv_next_offset(const jv_csv *csv) { return csv->buf_offset + csv->pos; }

void jv_csv_free(jv_csv *csv)
{
    if (csv == NULL)
        return;
    g_free(csv->display);
    g_free(csv->buf);
    g_free(csv->fields);
    g_free(csv->doubled);
    g_free(csv);
}
