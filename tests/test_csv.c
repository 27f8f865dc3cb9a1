/* tests/test_csv.c — the streaming CSV tokenizer (core/data/csv.h):
 * RFC 4180 quoting, line endings, byte-order marks, delimiter detection,
 * physical line numbers, byte ranges, and bounded memory. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "data/csv.h"
#include "data/dataset.h"
#include "harness.h"

/* A CSV file in the temporary folder, open for reading. */
typedef struct temp_csv {
    char *path;
    int fd;
} temp_csv;

static temp_csv temp_write(const char *bytes, size_t length)
{
    temp_csv t;
    int wfd = g_file_open_tmp("jv-test-csv-XXXXXX.csv", &t.path, NULL);
    g_assert(wfd >= 0);
    for (size_t done = 0; done < length;) {
        ssize_t n = write(wfd, bytes + done, length - done);
        g_assert(n > 0);
        done += (size_t)n;
    }
    close(wfd);
    t.fd = open(t.path, O_RDONLY);
    return t;
}

static void temp_remove(temp_csv *t)
{
    close(t->fd);
    g_unlink(t->path);
    g_free(t->path);
}

/* All records of `text` as "field|field|...", one string per record,
 * each followed by "@LINE"; NULL + *error on an error. */
static GPtrArray *records_of(const char *text, size_t length, const jv_csv_options *given,
                             GError **error)
{
    temp_csv t = temp_write(text, length);
    jv_csv_options options = {.display_path = "t.csv"};
    if (given)
        options = *given;
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    jv_csv *csv = jv_csv_new(t.fd, &options, error);
    if (csv != NULL) {
        jv_csv_record r;
        int got;
        while ((got = jv_csv_next(csv, &r, error)) > 0) {
            GString *s = g_string_new(NULL);
            for (size_t i = 0; i < r.n_fields; i++)
                g_string_append_printf(s, "%s%.*s", i ? "|" : "", (int)r.fields[i].length,
                                       r.fields[i].data);
            g_string_append_printf(s, "@%" G_GUINT64_FORMAT, r.line);
            g_ptr_array_add(out, g_string_free(s, FALSE));
        }
        if (got < 0)
            g_clear_pointer(&out, g_ptr_array_unref);
        jv_csv_free(csv);
    } else {
        g_clear_pointer(&out, g_ptr_array_unref);
    }
    temp_remove(&t);
    return out;
}

static void expect_records(const char *text, const char *const *expected)
{
    GError *error = NULL;
    GPtrArray *got = records_of(text, strlen(text), NULL, &error);
    if (error != NULL)
        fprintf(stderr, "\n  unexpected error: %s\n", error->message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    size_t n = 0;
    while (expected[n] != NULL)
        n++;
    CU_ASSERT_EQUAL(got->len, n);
    for (size_t i = 0; i < n && i < got->len; i++) {
        CU_ASSERT_STRING_EQUAL(g_ptr_array_index(got, i), expected[i]);
        if (strcmp(g_ptr_array_index(got, i), expected[i]) != 0)
            fprintf(stderr, "\n  record %zu: got '%s', expected '%s'\n", i,
                    (char *)g_ptr_array_index(got, i), expected[i]);
    }
    g_ptr_array_unref(got);
}

static void expect_error(const char *text, size_t length, const jv_csv_options *options,
                         const char *message)
{
    GError *error = NULL;
    GPtrArray *got = records_of(text, length, options, &error);
    CU_ASSERT_PTR_NULL(got);
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(g_error_matches(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT));
    CU_ASSERT_STRING_EQUAL(error->message, message);
    if (strcmp(error->message, message) != 0)
        fprintf(stderr, "\n  got: %s\n", error->message);
    g_error_free(error);
    if (got)
        g_ptr_array_unref(got);
}

static void test_plain_fields_split_on_the_delimiter(void)
{
    expect_records("a,b,c\n1,2,3\n", (const char *[]){"a|b|c@1", "1|2|3@2", NULL});
}

static void test_quoted_fields_keep_delimiters_and_doubled_quotes(void)
{
    /* "x,y" is one field; "say ""hi""" is: say "hi"; "" is empty */
    expect_records("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n",
                   (const char *[]){"a|b|c@1", "x,y|say \"hi\"|@2", NULL});
}

static void test_quoted_line_break_advances_the_line_count(void)
{
    /* line 1 header; the record on line 2 holds a break, so the next
     * record starts on line 4 */
    expect_records("h1,h2\n\"two\nlines\",1\nz,2\n",
                   (const char *[]){"h1|h2@1", "two\nlines|1@2", "z|2@4", NULL});
}

static void test_crlf_and_lone_cr_end_records(void)
{
    expect_records("a,b\r\n1,2\r3,4\n5,6",
                   (const char *[]){"a|b@1", "1|2@2", "3|4@3", "5|6@4", NULL});
    /* inside quotes a CRLF is one line break, a lone CR one too: the
     * record of line 2 spans lines 2, 3 and 4, so q is on line 5 */
    expect_records("a\r\n\"x\r\ny\rz\"\r\nq\r\n",
                   (const char *[]){"a@1", "x\r\ny\rz@2", "q@5", NULL});
}

static void test_utf8_byte_order_mark_is_skipped(void)
{
    expect_records("\xef\xbb\xbf"
                   "id;kön\n1;k\n",
                   (const char *[]){"id|kön@1", "1|k@2", NULL});
}

static void test_utf16_file_is_an_error(void)
{
    expect_error("\xff\xfei\0d\0", 6, NULL,
                 "t.csv: the file is UTF-16 text; save it as CSV in UTF-8 (in Excel: \"CSV "
                 "UTF-8\")");
}

static char detected(const char *text)
{
    temp_csv t = temp_write(text, strlen(text));
    jv_csv_options options = {.display_path = "t.csv"};
    jv_csv *csv = jv_csv_new(t.fd, &options, NULL);
    char d = csv ? jv_csv_delimiter(csv) : 0;
    jv_csv_free(csv);
    temp_remove(&t);
    return d;
}

static void test_delimiter_is_detected_from_the_header(void)
{
    CU_ASSERT_EQUAL(detected("a;b;c\n1,5;2;3\n"), ';');
    CU_ASSERT_EQUAL(detected("a\tb\tc\n"), '\t');
    CU_ASSERT_EQUAL(detected("a,b,c\n"), ',');
    CU_ASSERT_EQUAL(detected("only\n1\n"), ',');     /* none: ',' */
    CU_ASSERT_EQUAL(detected("\"a,b,c\";d\n"), ';'); /* quoted commas don't count */
    CU_ASSERT_EQUAL(detected("\n\n  \na;b\n"), ';'); /* blank lines skipped */
    CU_ASSERT_EQUAL(detected("a,b;c\n"), ';');       /* a tie goes to ';' */
}

static void test_given_delimiter_is_used(void)
{
    jv_csv_options options = {.display_path = "t.csv", .delimiter = ','};
    GPtrArray *got = records_of("a;b,c\n", 6, &options, NULL);
    CU_ASSERT_EQUAL_FATAL(got->len, 1);
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(got, 0), "a;b|c@1");
    g_ptr_array_unref(got);
}

static void test_trailing_delimiter_and_missing_final_line_break(void)
{
    expect_records("a,b,\n,,\nx,y,z", (const char *[]){"a|b|@1", "||@2", "x|y|z@3", NULL});
}

static void test_blanks_around_a_quoted_field_are_dropped(void)
{
    /* blanks outside the quotes are no part of the value; unquoted blanks
     * stay (the reader trims them) */
    expect_records("a, \"b,1\" ,c \n", (const char *[]){"a|b,1|c @1", NULL});
}

static void test_quote_inside_an_unquoted_field_is_kept(void)
{
    expect_records("size,n\n5\" screen,1\n", (const char *[]){"size|n@1", "5\" screen|1@2", NULL});
}

static void test_nul_byte_is_an_error_naming_its_line(void)
{
    expect_error("a,b\n1,2\n3,\0\n", 11, NULL,
                 "t.csv:3: the file contains a NUL byte, so it is not a text file; save it "
                 "as CSV in UTF-8 or Windows-1252");
}

static void test_unclosed_quote_names_the_line_where_it_opened(void)
{
    expect_error("a,b\n1,2\n3,\"open\n4,5\n6,7\n", 24, NULL,
                 "t.csv:3: a quoted field opened on this line is never closed: a closing "
                 "quote (\") is missing");
}

static void test_text_after_a_closing_quote_is_an_error(void)
{
    expect_error("a,b\n\"x\"y,1\n", 11, NULL,
                 "t.csv:2: text follows a closing quote; a quote inside a quoted field must "
                 "be doubled (\"\")");
}

static void test_records_longer_than_the_buffer_grow_it(void)
{
    /* a 4-byte buffer is far shorter than any record: every record is cut
     * and read again after the buffer grows */
    jv_csv_options options = {.display_path = "t.csv", .buffer_size = 4};
    const char *text = "name,note\n\"Anna \"\"A\"\"\",\"two\nlines\"\nBo,plain\n";
    GPtrArray *got = records_of(text, strlen(text), &options, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL_FATAL(got->len, 3);
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(got, 1), "Anna \"A\"|two\nlines@2");
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(got, 2), "Bo|plain@4");
    g_ptr_array_unref(got);
}

/* Random fields with every special character, written per RFC 4180 and
 * read back through buffers of many sizes: the values must survive. */
static void test_random_fields_survive_any_buffer_size(void)
{
    static const char alphabet[] = "ab,;\"\n\r x\t\xc3\xa5";
    GRand *rand = g_rand_new_with_seed(4180);
    GString *text = g_string_new(NULL);
    GPtrArray *expected = g_ptr_array_new_with_free_func(g_free);
    guint64 line = 1;
    for (int r = 0; r < 300; r++) {
        GString *rec = g_string_new(NULL);
        int n = g_rand_int_range(rand, 1, 6);
        guint64 breaks = 0;
        for (int f = 0; f < n; f++) {
            GString *value = g_string_new(NULL);
            int len = g_rand_int_range(rand, 0, 12);
            for (int k = 0; k < len; k++)
                g_string_append_c(value, alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)]);
            if (f > 0) {
                g_string_append_c(text, ',');
                g_string_append_c(rec, '|');
            }
            g_string_append_c(text, '"');
            for (size_t k = 0; k < value->len; k++) {
                char c = value->str[k];
                g_string_append_c(text, c);
                if (c == '"')
                    g_string_append_c(text, '"');
                if (c == '\n' || (c == '\r' && (k + 1 == value->len || value->str[k + 1] != '\n')))
                    breaks++;
            }
            g_string_append_c(text, '"');
            g_string_append(rec, value->str);
            g_string_free(value, TRUE);
        }
        g_string_append(text, r % 2 ? "\r\n" : "\n");
        g_string_append_printf(rec, "@%" G_GUINT64_FORMAT, line);
        line += breaks + 1;
        g_ptr_array_add(expected, g_string_free(rec, FALSE));
    }
    static const size_t sizes[] = {4, 5, 7, 16, 64, 1000, 0};
    for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++) {
        jv_csv_options options = {
            .display_path = "t.csv", .delimiter = ',', .buffer_size = sizes[s]};
        GError *error = NULL;
        GPtrArray *got = records_of(text->str, text->len, &options, &error);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_EQUAL(got->len, expected->len);
        for (guint i = 0; i < got->len && i < expected->len; i++)
            if (strcmp(g_ptr_array_index(got, i), g_ptr_array_index(expected, i)) != 0) {
                CU_FAIL("record differs");
                fprintf(stderr, "\n  buffer %zu record %u differs\n", sizes[s], i);
                break;
            }
        g_ptr_array_unref(got);
    }
    g_ptr_array_unref(expected);
    g_string_free(text, TRUE);
    g_rand_free(rand);
}

static void test_record_longer_than_the_cap_is_an_error(void)
{
    jv_csv_options options = {.display_path = "t.csv", .buffer_size = 8, .max_record = 32};
    char text[100];
    memset(text, 'x', sizeof text);
    memcpy(text, "a\nb\n", 4); /* the third line has 96 bytes */
    expect_error(text, sizeof text, &options,
                 "t.csv:3: a row is longer than 0 MiB; is this a CSV file?");
    /* an open quote is named as the likely cause */
    memcpy(text, "a\n\"b", 4);
    expect_error(text, sizeof text, &options,
                 "t.csv:2: a quoted field opened on this line runs on for more than 0 MiB; a "
                 "closing quote (\") is probably missing");
}

static void test_ten_megabyte_field_is_read(void)
{
    size_t n = 10u << 20;
    char *text = g_malloc(n + 16);
    size_t len = 0;
    len += (size_t)g_snprintf(text, 16, "a,b\n1,\"");
    memset(text + len, 'z', n);
    len += n;
    memcpy(text + len, "\"\n2,3\n", 6);
    len += 6;
    temp_csv t = temp_write(text, len);
    jv_csv_options options = {.display_path = "t.csv"};
    jv_csv *csv = jv_csv_new(t.fd, &options, NULL);
    jv_csv_record r;
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
    CU_ASSERT_EQUAL(r.fields[1].length, n);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
    CU_ASSERT_EQUAL(r.line, 3);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 0);
    jv_csv_free(csv);
    temp_remove(&t);
    g_free(text);
}

static void test_record_over_64_mib_is_an_error_not_a_crash(void)
{
    /* an unclosed quote on line 2 swallows the 65 MiB that follow */
    size_t n = 65u << 20;
    char *text = g_malloc(n);
    memset(text, 'q', n);
    memcpy(text, "a\n\"", 3);
    GError *error = NULL;
    GPtrArray *got = records_of(text, n, NULL, &error);
    CU_ASSERT_PTR_NULL(got);
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_STRING_EQUAL(error->message,
                           "t.csv:2: a quoted field opened on this line runs on for more than "
                           "64 MiB; a closing quote (\") is probably missing");
    g_error_free(error);
    g_free(text);
}

static void test_offsets_and_byte_ranges(void)
{
    /* offsets: "h\n" 0-1, "1\n" 2-3, "22\n" 4-6, "333\n" 7-10 */
    const char *text = "h\n1\n22\n333\n";
    temp_csv t = temp_write(text, strlen(text));
    jv_csv_options whole = {.display_path = "t.csv"};
    jv_csv *csv = jv_csv_new(t.fd, &whole, NULL);
    jv_csv_record r;
    uint64_t offsets[4];
    for (int i = 0; i < 4; i++) {
        CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
        offsets[i] = r.offset;
    }
    CU_ASSERT_EQUAL(offsets[1], 2);
    CU_ASSERT_EQUAL(offsets[2], 4);
    CU_ASSERT_EQUAL(offsets[3], 7);
    CU_ASSERT_EQUAL(jv_csv_bytes_read(csv), 11);
    jv_csv_free(csv);
    /* the range [2, 7) holds the records starting at 2 and 4 */
    jv_csv_options range = {
        .display_path = "t.csv", .start = 2, .end = 7, .first_line = 2, .delimiter = ','};
    csv = jv_csv_new(t.fd, &range, NULL);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
    CU_ASSERT_EQUAL(r.offset, 2);
    CU_ASSERT_EQUAL(r.line, 2);
    CU_ASSERT_NSTRING_EQUAL(r.fields[0].data, "1", 1);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 1);
    CU_ASSERT_EQUAL(r.line, 3);
    CU_ASSERT_EQUAL(r.fields[0].length, 2);
    CU_ASSERT_EQUAL(jv_csv_next(csv, &r, NULL), 0);
    jv_csv_free(csv);
    temp_remove(&t);
}

static void test_checksum_covers_every_byte(void)
{
    const char *text = "\xef\xbb\xbf"
                       "a;b\r\n1;2\r\n";
    temp_csv t = temp_write(text, strlen(text));
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    jv_csv_options options = {.display_path = "t.csv", .checksum = sum, .buffer_size = 4};
    jv_csv *csv = jv_csv_new(t.fd, &options, NULL);
    jv_csv_record r;
    while (jv_csv_next(csv, &r, NULL) > 0)
        ;
    char *expected = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
    CU_ASSERT_STRING_EQUAL(g_checksum_get_string(sum), expected);
    g_free(expected);
    g_checksum_free(sum);
    jv_csv_free(csv);
    temp_remove(&t);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"plain_fields_split_on_the_delimiter", test_plain_fields_split_on_the_delimiter},
        {"quoted_fields_keep_delimiters_and_doubled_quotes",
         test_quoted_fields_keep_delimiters_and_doubled_quotes},
        {"quoted_line_break_advances_the_line_count",
         test_quoted_line_break_advances_the_line_count},
        {"crlf_and_lone_cr_end_records", test_crlf_and_lone_cr_end_records},
        {"utf8_byte_order_mark_is_skipped", test_utf8_byte_order_mark_is_skipped},
        {"utf16_file_is_an_error", test_utf16_file_is_an_error},
        {"delimiter_is_detected_from_the_header", test_delimiter_is_detected_from_the_header},
        {"given_delimiter_is_used", test_given_delimiter_is_used},
        {"trailing_delimiter_and_missing_final_line_break",
         test_trailing_delimiter_and_missing_final_line_break},
        {"blanks_around_a_quoted_field_are_dropped", test_blanks_around_a_quoted_field_are_dropped},
        {"quote_inside_an_unquoted_field_is_kept", test_quote_inside_an_unquoted_field_is_kept},
        {"nul_byte_is_an_error_naming_its_line", test_nul_byte_is_an_error_naming_its_line},
        {"unclosed_quote_names_the_line_where_it_opened",
         test_unclosed_quote_names_the_line_where_it_opened},
        {"text_after_a_closing_quote_is_an_error", test_text_after_a_closing_quote_is_an_error},
        {"records_longer_than_the_buffer_grow_it", test_records_longer_than_the_buffer_grow_it},
        {"random_fields_survive_any_buffer_size", test_random_fields_survive_any_buffer_size},
        {"record_longer_than_the_cap_is_an_error", test_record_longer_than_the_cap_is_an_error},
        {"ten_megabyte_field_is_read", test_ten_megabyte_field_is_read},
        {"record_over_64_mib_is_an_error_not_a_crash",
         test_record_over_64_mib_is_an_error_not_a_crash},
        {"offsets_and_byte_ranges", test_offsets_and_byte_ranges},
        {"checksum_covers_every_byte", test_checksum_covers_every_byte},
        {NULL, NULL},
    };
    return jvt_main("csv", tests);
}
