/* core/data/table_split.c — cuts a CSV file into byte ranges that start at
 * row boundaries, so the ranges can be read in parallel and their plugin
 * states merged (DESIGN.md "Data flow": the result must not depend on how
 * the work was split).
 *
 * A boundary is a position just after a line break that is outside quotes:
 * the number of '"' bytes before it is even (RFC 4180 escapes a quote by
 * doubling it, which keeps the parity). One sequential pass over the mapped
 * file counts quotes and line breaks eight bytes at a time, so the line
 * number at every boundary is known too. Files with lone-CR line ends are
 * not split (they are rare and still read whole). */
#include "data/csv.h"
#include "data/dataset.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Bytes equal to `c` in the 8-byte word w, as a count (SWAR). */
static inline unsigned count_byte(uint64_t w, uint64_t pattern)
{
    uint64_t x = w ^ pattern;
    /* high bit of each byte set where the byte of x is zero */
    uint64_t t = ((x & 0x7f7f7f7f7f7f7f7full) + 0x7f7f7f7f7f7f7f7full) | x;
    return (unsigned)__builtin_popcountll(~t & 0x8080808080808080ull);
}

typedef struct scan {
    const char *data;
    guint64 size;
    guint64 at;       /* scanned up to here */
    guint64 quotes;   /* '"' bytes before `at` */
    guint64 lines;    /* '\n' bytes before `at` */
} scan;

/* Advances the counts to position `to`. */
static void scan_to(scan *s, guint64 to)
{
    const uint64_t quote = 0x2222222222222222ull, newline = 0x0a0a0a0a0a0a0a0aull;
    while (s->at < to && (s->at & 7) != 0) {
        s->quotes += s->data[s->at] == '"';
        s->lines += s->data[s->at] == '\n';
        s->at++;
    }
    while (s->at + 8 <= to) {
        uint64_t w;
        memcpy(&w, s->data + s->at, 8);
        s->quotes += count_byte(w, quote);
        s->lines += count_byte(w, newline);
        s->at += 8;
    }
    while (s->at < to) {
        s->quotes += s->data[s->at] == '"';
        s->lines += s->data[s->at] == '\n';
        s->at++;
    }
}

/* Where the first row after the header starts, and its line. FALSE when the
 * file has no row (nothing to split) or cannot be read. */
static gboolean first_row(const jv_table_source *source, guint64 *offset, guint64 *line)
{
    int fd = open(source->path, O_RDONLY);
    if (fd < 0)
        return FALSE;
    jv_csv_options options = {0};
    options.display_path = source->display_path;
    options.delimiter = source->delimiter;
    jv_csv *csv = jv_csv_new(fd, &options, NULL);
    gboolean found = FALSE;
    jv_csv_record record;
    if (csv != NULL && jv_csv_next(csv, &record, NULL) == 1 && jv_csv_next(csv, &record, NULL) == 1) {
        *offset = record.offset;
        *line = record.line;
        found = TRUE;
    }
    if (csv != NULL)
        jv_csv_free(csv);
    close(fd);
    return found;
}

gboolean jv_table_split(const jv_table_source *source, size_t n_chunks, GArray *starts,
                        GArray *lines, GError **error)
{
    guint64 data_start = 0, data_line = 0;
    if (!first_row(source, &data_start, &data_line)) {
        guint64 zero = 0;
        g_array_append_val(starts, zero);
        g_array_append_val(lines, zero);
        return TRUE;
    }
    GMappedFile *file = g_mapped_file_new(source->path, FALSE, error);
    if (file == NULL)
        return FALSE;
    scan s = {g_mapped_file_get_contents(file), g_mapped_file_get_length(file), 0, 0, 0};
    g_array_append_val(starts, data_start);
    g_array_append_val(lines, data_line);
    scan_to(&s, data_start);
    guint64 quotes_at_start = s.quotes, lines_at_start = s.lines;
    for (size_t k = 1; k < n_chunks; k++) {
        guint64 target = data_start + (s.size - data_start) * k / n_chunks;
        if (target <= s.at)
            continue;
        scan_to(&s, target);
        /* the next line break outside quotes */
        const char *nl;
        while ((nl = memchr(s.data + s.at, '\n', s.size - s.at)) != NULL) {
            scan_to(&s, (guint64)(nl - s.data) + 1);
            if (((s.quotes - quotes_at_start) & 1) == 0)
                break;
        }
        if (nl == NULL || s.at >= s.size)
            break;
        guint64 at = s.at, line = data_line + (s.lines - lines_at_start);
        g_array_append_val(starts, at);
        g_array_append_val(lines, line);
    }
    g_mapped_file_unref(file);
    return TRUE;
}
