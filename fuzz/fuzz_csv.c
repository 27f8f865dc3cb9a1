/* fuzz/fuzz_csv.c — libFuzzer target for the dataset layer (core/data):
 * the CSV tokenizer and the table reader must turn any bytes into rows or
 * an error — never a crash, a sanitizer report or unbounded memory.
 *
 * The first input byte chooses the reading options (delimiter, decimal
 * mark, encoding, on_error, check mode); the rest is the file. Each input:
 *  1. is tokenized twice, with the default buffer and with a tiny one that
 *     must be refilled and grown mid-record: both must give the same
 *     records (a checksum of every field, line and offset) and the same
 *     outcome — the buffering must never change what is read;
 *  2. is read by the table reader with one role of every type, touching
 *     every value it hands out; in check mode also by a checking reader,
 *     which must find an error exactly when the run's reader fails, and
 *     else keep and skip the same rows (fuzz_table.c, shared with
 *     fuzz_xlsx.c);
 *  3. is cut by jv_table_split and read again range by range (checking
 *     ranges too, in check mode).
 * Built by ./configure --enable-fuzzing (fuzz/local.am); fuzz/replay.c
 * runs the same function over saved inputs in every build (make check). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "data/csv.h"
#include "fuzz_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes the bytes to an in-memory file; its /proc path goes in `path`. */
static int memory_file(const uint8_t *data, size_t size, char *path, size_t path_size)
{
    int fd = memfd_create("fuzz.csv", MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)n;
    }
    snprintf(path, path_size, "/proc/self/fd/%d", fd);
    return fd;
}

/* Every record of the file, folded into one checksum; -1 on an error. */
static int tokenize(const char *path, char delimiter, size_t buffer_size, guint64 *sum)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    jv_csv_options options = {.display_path = "fuzz.csv",
                              .delimiter = delimiter,
                              .buffer_size = buffer_size,
                              .max_record = (size_t)1 << 20};
    jv_csv *csv = jv_csv_new(fd, &options, NULL);
    int status = csv ? 0 : -1;
    jv_csv_record record;
    guint64 h = 1469598103934665603ull;
    while (csv != NULL) {
        int got = jv_csv_next(csv, &record, NULL);
        if (got <= 0) {
            status = got;
            break;
        }
        h = (h ^ record.n_fields ^ (record.line << 20) ^ (record.offset << 40)) * 1099511628211ull;
        for (size_t i = 0; i < record.n_fields; i++) {
            const jv_string *f = &record.fields[i];
            for (uint32_t k = 0; k < f->length; k++)
                h = (h ^ (unsigned char)f->data[k]) * 1099511628211ull;
            h = (h ^ 0x100) * 1099511628211ull;
        }
    }
    jv_csv_free(csv);
    close(fd);
    *sum = h;
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delimiters[4] = {0, ',', ';', '\t'};
    static const char decimals[4] = {0, '.', ',', 0};
    if (size < 1)
        return 0;
    uint8_t choice = data[0];
    char path[64];
    int fd = memory_file(data + 1, size - 1, path, sizeof path);
    if (fd < 0)
        return 0;

    /* 1. the buffering never changes what is read */
    guint64 big = 0, tiny = 0;
    char delimiter = delimiters[choice & 3];
    int big_status = tokenize(path, delimiter, 0, &big);
    int tiny_status = tokenize(path, delimiter, 4 + (choice >> 2), &tiny);
    if (big_status != tiny_status || big != tiny)
        __builtin_trap();

    /* 2. the table reader, with every role type */
    jv_table_source source = {.path = path,
                              .display_path = "fuzz.csv",
                              .delimiter = delimiter,
                              .decimal = decimals[(choice >> 2) & 3],
                              .encoding = (choice & 0x10) ? "windows-1252" : NULL,
                              .on_error = (choice & 0x20) ? JV_ON_ERROR_SKIP : JV_ON_ERROR_STOP,
                              .hash = (choice & 0x40) != 0};
    guint64 rows = 0, skipped = 0;
    gboolean run_ok = fuzz_table_read_whole(&source, NULL, &rows, &skipped);
    if (choice & 0x80)
        fuzz_table_check_predicts_run(&source, run_ok, rows, skipped);

    /* 3. the same file cut into ranges */
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint64));
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(guint64));
    source.hash = FALSE;
    if (jv_table_split(&source, 3, starts, lines, NULL) && starts->len > 1) {
        for (guint k = 0; k < starts->len; k++) {
            guint64 start = g_array_index(starts, guint64, k);
            guint64 end = k + 1 < starts->len ? g_array_index(starts, guint64, k + 1) : 0;
            guint64 line = g_array_index(lines, guint64, k);
            jv_problem_list *problems = (choice & 0x80) ? jv_problem_list_new(20) : NULL;
            jv_table_reader *reader =
                problems
                    ? jv_table_reader_open_checking(&source, fuzz_table_roles, fuzz_table_n_roles,
                                                    start, end, line, problems)
                    : jv_table_reader_open_range(&source, fuzz_table_roles, fuzz_table_n_roles,
                                                 start, end, line, NULL);
            if (reader != NULL) {
                if (!fuzz_table_drain(reader) && problems != NULL)
                    __builtin_trap();
                jv_table_reader_free(reader);
            }
            jv_problem_list_free(problems);
        }
    }
    g_array_unref(starts);
    g_array_unref(lines);
    close(fd);
    return 0;
}
