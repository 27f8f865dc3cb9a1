/* core/data/table_split.c — cuts a CSV file into byte ranges that start at
 * row boundaries, so the ranges can be read in parallel and their plugin
 * states merged (DESIGN.md "Data flow": the result must not depend on how
 * the work was split).
 *
 * A boundary is a position just after a line break that is outside quotes:
 * the number of '"' bytes before it is even (RFC 4180 escapes a quote by
 * doubling it, which keeps the parity). One sequential pass over the file,
 * in 1 MiB blocks, counts quotes and line breaks sixteen bytes at a time, so the line
 * number at every boundary is known too. Files with lone-CR line ends are
 * not split (they are rare and still read whole). */
#include "data/csv.h"
#include "data/dataset.h"
#include "util/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

/* 16 bytes at a time with GCC's portable vector extensions (SSE2 on
 * x86-64, NEON on ARM): a comparison gives -1 per matching byte, which is
 * subtracted into per-byte counters, summed before they can overflow. */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

static guint64 sum16(bytes16 v)
{
    guint64 total = 0;
    for (int i = 0; i < 16; i++)
        total += v[i];
    return total;
}

/* A sequential scan of the file in bounded blocks (memory stays flat). */
typedef struct scan {
    int fd;
    char *block;
    guint64 block_start; /* file offset of block[0] */
    size_t block_length;
    guint64 at;     /* scanned up to here */
    guint64 quotes; /* '"' bytes before `at` */
    guint64 lines;  /* '\n' bytes before `at` */
    gboolean eof;
} scan;

#define SCAN_BLOCK ((size_t)1 << 20)

/* Makes `at` fall inside the block; FALSE at the end of the file. */
static gboolean fill(scan *s)
{
    if (s->at < s->block_start + s->block_length)
        return TRUE;
    if (s->eof)
        return FALSE;
    ssize_t n;
    do
        n = pread(s->fd, s->block, SCAN_BLOCK, (off_t)s->at);
    while (n < 0 && errno == EINTR);
    s->block_start = s->at;
    s->block_length = n > 0 ? (size_t)n : 0;
    s->eof = n <= 0;
    return n > 0;
}

static void count_bytes(scan *s, const char *p, size_t n)
{
    const bytes16 quote = {'"', '"', '"', '"', '"', '"', '"', '"',
                           '"', '"', '"', '"', '"', '"', '"', '"'};
    const bytes16 newline = {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
                             '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
    size_t i = 0;
    while (i + 16 <= n) {
        bytes16 quotes = {0}, lines = {0};
        for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
            bytes16 v;
            memcpy(&v, p + i, 16);
            quotes -= (bytes16)(v == quote);
            lines -= (bytes16)(v == newline);
        }
        s->quotes += sum16(quotes);
        s->lines += sum16(lines);
    }
    for (; i < n; i++) {
        s->quotes += p[i] == '"';
        s->lines += p[i] == '\n';
    }
}

/* Advances the counts to position `to` (or the end of the file). */
static void scan_to(scan *s, guint64 to)
{
    while (s->at < to && fill(s)) {
        guint64 block_end = s->block_start + s->block_length;
        guint64 stop = to < block_end ? to : block_end;
        count_bytes(s, s->block + (s->at - s->block_start), (size_t)(stop - s->at));
        s->at = stop;
    }
}

/* Advances past the next line break; FALSE at the end of the file. */
static gboolean scan_line(scan *s)
{
    while (fill(s)) {
        const char *p = s->block + (s->at - s->block_start);
        size_t left = s->block_length - (size_t)(s->at - s->block_start);
        const char *nl = memchr(p, '\n', left);
        guint64 to = nl ? s->at + (guint64)(nl - p) + 1 : s->block_start + s->block_length;
        scan_to(s, to);
        if (nl)
            return TRUE;
    }
    return FALSE;
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
    if (csv != NULL && jv_csv_next(csv, &record, NULL) == 1 &&
        jv_csv_next(csv, &record, NULL) == 1) {
        *offset = record.offset;
        *line = record.line;
        found = TRUE;
    }
    if (csv != NULL)
        jv_csv_free(csv);
    close(fd);
    return found;
}

gboolean jv_table_split_each(const jv_table_source *source, size_t n_chunks, jv_split_fn found,
                             void *user, GError **error)
{
    guint64 data_start = 0, data_line = 0;
    if (!first_row(source, &data_start, &data_line)) {
        found(0, 0, user);
        return TRUE;
    }
    scan s = {0};
    s.fd = open(source->path, O_RDONLY | O_CLOEXEC);
    if (s.fd < 0) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO, _("%s: cannot open the file: %s"),
                    source->display_path, g_strerror(errno));
        return FALSE;
    }
    struct stat st;
    guint64 size = fstat(s.fd, &st) == 0 ? (guint64)st.st_size : 0;
    s.block = g_malloc(SCAN_BLOCK);
    found(data_start, data_line, user);
    scan_to(&s, data_start);
    guint64 quotes_at_start = s.quotes, lines_at_start = s.lines;
    for (size_t k = 1; k < n_chunks; k++) {
        guint64 target = data_start + (size - data_start) * k / n_chunks;
        if (target <= s.at)
            continue;
        scan_to(&s, target);
        /* the next line break outside quotes */
        gboolean more;
        while ((more = scan_line(&s)) && ((s.quotes - quotes_at_start) & 1) != 0)
            ;
        if (!more || s.at >= size)
            break;
        found(s.at, data_line + (s.lines - lines_at_start), user);
    }
    g_free(s.block);
    close(s.fd);
    return TRUE;
}

typedef struct collected {
    GArray *starts, *lines;
} collected;

static void collect(guint64 start, guint64 line, void *user)
{
    collected *c = user;
    g_array_append_val(c->starts, start);
    g_array_append_val(c->lines, line);
}

gboolean jv_table_split(const jv_table_source *source, size_t n_chunks, GArray *starts,
                        GArray *lines, GError **error)
{
    collected c = {.starts = starts, .lines = lines};
    return jv_table_split_each(source, n_chunks, collect, &c, error);
}
