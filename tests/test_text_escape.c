/* tests/test_text_escape.c — util/text.h's terminal escaping: what a bad
 * file's or a plugin's bytes look like in a message. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "util/text.h"

static void expect(const char *in, ssize_t length, size_t max, const char *want)
{
    char *got = jv_text_escape_terminal(in, length, max);
    CU_ASSERT_STRING_EQUAL(got, want);
    g_free(got);
}

static void test_control_bytes_are_escaped(void)
{
    expect("\x1b[2Jcleared", -1, 0, "\\x1b[2Jcleared");
    expect("a\tb\r\nc\x7f", -1, 0, "a\\x09b\\x0d\\x0ac\\x7f");
    /* a NUL inside a cell (length given) */
    expect("x\0y", 3, 0, "x\\x00y");
}

static void test_bytes_that_are_not_utf8_are_escaped(void)
{
    expect("caf\xe9", -1, 0, "caf\\xe9"); /* Windows-1252 é */
    expect("\xff\xfe", -1, 0, "\\xff\\xfe");
    expect("\xe2\x82", -1, 0, "\\xe2\\x82"); /* a cut-off € */
}

static void test_valid_text_stays_as_it_is(void)
{
    expect("Örebro län – 45 000 kr", -1, 0, "Örebro län – 45 000 kr");
    expect("back\\slash", -1, 0, "back\\slash");
}

static void test_hidden_and_reordering_characters_are_escaped(void)
{
    expect("a\xc2\x85"
           "b",
           -1, 0, "a\\u{0085}b"); /* C1 NEL */
    expect("\xe2\x80\xae"
           "txt.exe",
           -1, 0, "\\u{202e}txt.exe"); /* RLO */
}

static void test_a_long_text_is_cut_without_splitting_an_escape(void)
{
    /* max 5: four characters of output and the ellipsis; "\x1b" is four */
    expect("ab\x1b"
           "cdef",
           -1, 5, "ab…");
    expect("abcdefgh", -1, 5, "abcd…");
    expect("abcde", -1, 5, "abcde"); /* fits: not cut */
}

static void test_a_message_keeps_its_lines(void)
{
    char *got = jv_text_escape_message("line one\n\tline \x1b two");
    CU_ASSERT_STRING_EQUAL(got, "line one\n\tline \\x1b two");
    g_free(got);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"control bytes are escaped", test_control_bytes_are_escaped},
        {"bytes that are not UTF-8 are escaped", test_bytes_that_are_not_utf8_are_escaped},
        {"valid text stays as it is", test_valid_text_stays_as_it_is},
        {"hidden and reordering characters are escaped",
         test_hidden_and_reordering_characters_are_escaped},
        {"a long text is cut without splitting an escape",
         test_a_long_text_is_cut_without_splitting_an_escape},
        {"a message keeps its lines", test_a_message_keeps_its_lines},
        {NULL, NULL}};
    return jvt_main("text_escape", tests);
}
