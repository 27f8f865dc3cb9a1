/* core/data/dataset.h — reading one table file into typed, columnar rowsets.
 *
 * The dataset layer's contract with the run (core/eval/run.c):
 *  1. A table reader opens one CSV file (or one sheet of an .xlsx
 *     workbook, whose rows come as records: data/xlsx.h), reads its header, maps every
 *     requested role to a column (source->columns, default: the role's own
 *     name; matching is exact after trimming), and checks that every
 *     required role has one — before any row is read.
 *  2. jv_table_reader_next() returns the next rowset of at most
 *     JV_ROWSET_CAPACITY rows, each role converted once to its type
 *     (include/jamvikt/batch.h, rule 2). Memory does not grow with the number
 *     of rows: only category dictionaries grow (with distinct values).
 *  3. Gender roles map codes per INDICATORS.md (defaults + source->codes,
 *     which win); CATEGORY roles with `codes` accept only those; other
 *     CATEGORY values are the trimmed cell text.
 *  4. A bad value stops the read with "FILE:LINE: column 'x': message"
 *     (G_IO_ERROR-free domain JV_DATA_ERROR), or, when source->on_error is
 *     JV_ON_ERROR_SKIP, leaves the row out and counts it.
 *  5. Warnings (SCB 1/2 gender codes read, values rounded to 4 decimals)
 *     are collected, one line each, worded for the user.
 *  6. A checking reader (`jamvikt check`) records every problem it finds
 *     in a jv_problem_list (data/problem.h) — each bad cell of a bad row,
 *     every missing column, warnings about what usually means a wrong
 *     export — and reads on to the end; a reader for a run is not slowed
 *     by this.
 * The types the reader's stages share (the source, the role requests, the
 * rowset, the error domain) are in data/table_source.h, included here.
 */
#ifndef JV_DATA_DATASET_H
#define JV_DATA_DATASET_H

#include <glib.h>
#include <jamvikt/batch.h>

#include "data/problem.h"
#include "data/table_source.h"

/* Opens the file and checks the header. NULL + error on failure.
 * `roles` is copied. */
jv_table_reader *jv_table_reader_open(const jv_table_source *source, const jv_role_request *roles,
                                      size_t n_roles, GError **error);
/* The next rowset, or NULL at the end (error unset) or on error (set). */
const jv_rowset *jv_table_reader_next(jv_table_reader *reader, GError **error);
/* The file's column name for role request i (NULL if absent). Borrowed. */
const char *jv_table_reader_column_name(const jv_table_reader *reader, size_t i);
guint64 jv_table_reader_rows(const jv_table_reader *reader);    /* rows kept */
guint64 jv_table_reader_skipped(const jv_table_reader *reader); /* rows skipped */
guint64 jv_table_reader_bytes(const jv_table_reader *reader);   /* bytes read */
/* Lowercase hex SHA-256 of the whole file, after the last rowset; NULL
 * unless source->hash. Borrowed. */
const char *jv_table_reader_sha256(const jv_table_reader *reader);
/* Warnings and skip reasons so far (char*, borrowed). */
const GPtrArray *jv_table_reader_warnings(const jv_table_reader *reader);
void jv_table_reader_free(jv_table_reader *reader);
/* Where reading stopped: the offset of the first row not handed out (for a
 * byte range, where the next range must start). */
guint64 jv_table_reader_next_offset(const jv_table_reader *reader);
/* Values of role request i rounded to 4 decimals, in rows kept. */
guint64 jv_table_reader_rounded(const jv_table_reader *reader, size_t i);
/* The closing warnings, as the reader words them (owned by the caller). */
char *jv_table_rounded_warning(const char *display, guint64 count, const char *column);
/* "FILE: column 'x': N rows have an empty gender cell, read as gender
 * unknown" and "FILE: column 'x': N cells read '-' ..., read as 0". */
char *jv_table_empty_gender_warning(const char *display, guint64 count, const char *column);
char *jv_table_dash_warning(const char *display, guint64 count, const char *column);
/* Per role request i: empty gender cells, and '-' read as 0 (rows kept). */
guint64 jv_table_reader_empty_gender(const jv_table_reader *r, size_t i);
guint64 jv_table_reader_dashes(const jv_table_reader *r, size_t i);
/* truncated: more skipped rows were reported than the JV_SKIP_REASONS listed. */
char *jv_table_skipped_warning(const char *display, guint64 skipped, gboolean truncated);
#define JV_SKIP_REASONS 5 /* skipped rows whose reason a warning gives */

/* Cuts the file into about n_chunks byte ranges that each start at a row
 * (outside quotes): appends the start offsets (guint64) to `starts` and the
 * line number at each to `lines`. The first start is the first row after
 * the header; a start of 0 alone means "read the file whole". */
gboolean jv_table_split(const jv_table_source *source, size_t n_chunks, GArray *starts,
                        GArray *lines, GError **error);
/* The same, calling found(start, line, user) for each start as soon as it
 * is known (in order), so reading can begin before the split ends. */
typedef void (*jv_split_fn)(guint64 start, guint64 line, void *user);
gboolean jv_table_split_each(const jv_table_source *source, size_t n_chunks, jv_split_fn found,
                             void *user, GError **error);
/* Like jv_table_reader_open, but hands out only the rows that start in
 * [start, end) (end 0: to the end of the file); `first_line` is the line
 * number at `start`. The header is still read from the file's start. */
jv_table_reader *jv_table_reader_open_range(const jv_table_source *source,
                                            const jv_role_request *roles, size_t n_roles,
                                            guint64 start, guint64 end, guint64 first_line,
                                            GError **error);

/* Like jv_table_reader_open_range (start = end = 0: the whole file), but
 * for checking: problems go to `problems` (borrowed; must outlive the
 * reader) instead of stopping the read. A missing column leaves its role
 * absent, a bad row is counted in jv_table_reader_skipped() and left out;
 * jv_table_reader_next() then never fails: an error the tokenizer cannot
 * read past is recorded and ends the file. Of the ranges of one file,
 * only the one that starts at the first row reports the header's
 * problems. NULL when the file cannot be read at all (the reason is in
 * `problems`). Problems on a row are errors, or warnings when the source
 * says "on_error": "skip". */
jv_table_reader *jv_table_reader_open_checking(const jv_table_source *source,
                                               const jv_role_request *roles, size_t n_roles,
                                               guint64 start, guint64 end, guint64 first_line,
                                               jv_problem_list *problems);

#endif /* JV_DATA_DATASET_H */
