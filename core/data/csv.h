/* core/data/csv.h — a streaming RFC 4180 tokenizer over a file descriptor.
 *
 * Contract:
 *  1. Records come one at a time as (pointer, length) fields into the
 *     tokenizer's own buffer, unquoted in place ("a""b" → a"b); they are
 *     borrowed until the next call. No allocation per record or field.
 *  2. Quoted fields may hold separators, doubled quotes and line breaks;
 *     record ends are LF, CRLF or a lone CR. A UTF-8 byte-order mark at
 *     offset 0 is skipped; a UTF-16 one is an error.
 *  3. Line numbers are physical, 1-based: a line break inside quotes
 *     advances them too. Every record knows its first line and the byte
 *     offset (in the file) where it starts.
 *  4. The buffer starts at options->buffer_size and doubles for a record
 *     that does not fit, up to options->max_record; a longer record is a
 *     JV_DATA_ERROR_FORMAT error, so memory stays bounded. So are a NUL
 *     byte, text after a closing quote, and a quote still open at the end
 *     of the file (named by the line where it opened).
 *  5. A byte range [start, end) reads the records that start inside it:
 *     `start` must be a record start; reading stops before the first record
 *     starting at or after `end` (which may run past `end`).
 *  6. Every byte read is fed to options->checksum when one is given.
 * Messages read "FILE:LINE: ..." with FILE = options->display_path.
 */
#ifndef JV_DATA_CSV_H
#define JV_DATA_CSV_H

#include <glib.h>
#include <jamvikt/batch.h>
#include <stdint.h>

#define JV_CSV_BUFFER_SIZE ((size_t)1 << 20) /* 1 MiB */
#define JV_CSV_MAX_RECORD ((size_t)64 << 20) /* 64 MiB */
#define JV_CSV_MAX_FIELDS ((size_t)1 << 20)

typedef struct jv_csv_options {
    const char *display_path; /* how messages name the file (borrowed) */
    char delimiter;           /* ',', ';', '\t'; 0: detect (see below) */
    uint64_t start;           /* byte range start (a record start), 0 */
    uint64_t end;             /* byte range end; 0: the end of the file */
    uint64_t first_line;      /* line number at `start`; 0 means 1 */
    size_t buffer_size;       /* 0: JV_CSV_BUFFER_SIZE */
    size_t max_record;        /* 0: JV_CSV_MAX_RECORD */
    GChecksum *checksum;      /* borrowed, or NULL */
} jv_csv_options;

typedef struct jv_csv_record {
    const jv_string *fields; /* n_fields, borrowed, not NUL-terminated */
    size_t n_fields;
    uint64_t offset; /* byte offset of the record in the file */
    uint64_t line;   /* physical line where the record starts */
    size_t bytes;    /* raw length, line break excluded */
    gboolean quoted; /* some field was quoted */
} jv_csv_record;

typedef struct jv_csv jv_csv;

/* Starts reading fd (borrowed: the caller closes it) at options->start.
 * With delimiter 0 the first non-blank line is scanned (outside quotes):
 * the most frequent of ';', TAB and ',' wins (ties in that order); none
 * at all means ','. NULL + error on a read error or a UTF-16 file. */
jv_csv *jv_csv_new(int fd, const jv_csv_options *options, GError **error);
/* 1: *record filled; 0: no more records; -1: error set. */
int jv_csv_next(jv_csv *csv, jv_csv_record *record, GError **error);
char jv_csv_delimiter(const jv_csv *csv);
/* The problem code (data/problem.h) of the error jv_csv_next last
 * returned: "csv-syntax", "encoding" (a NUL byte) or "unreadable-file". */
const char *jv_csv_problem(const jv_csv *csv);
/* Bytes read from fd so far (the whole file once jv_csv_next returned 0
 * on a whole-file reader). */
uint64_t jv_csv_bytes_read(const jv_csv *csv);
/* The file offset of the first record not handed out yet (after the last
 * record of a range: where the next range must start). */
uint64_t jv_csv_next_offset(const jv_csv *csv);
void jv_csv_free(jv_csv *csv);

#endif /* JV_DATA_CSV_H */
