/* tests/test_render_safe.c — text from documents made safe before it is
 * rendered (core/render/safe_text.h): invalid UTF-8 and control bytes
 * shown as "\xNN", valid text untouched, tabs and line breaks kept where
 * the format can hold them, keys and values of a document both fixed on a
 * copy (the document itself never changes); and the document index
 * (doc.h) giving the same scopes as the walk. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "render/doc.h"
#include "render/safe_text.h"

static void expect(const char *text, jv_safe_mode mode, const char *expected)
{
    GString *out = g_string_new(NULL);
    jv_safe_text_append(out, text, mode);
    if (strcmp(out->str, expected) != 0)
        fprintf(stderr, "\n  got '%s', expected '%s'\n", out->str, expected);
    CU_ASSERT_STRING_EQUAL(out->str, expected);
    CU_ASSERT_EQUAL(jv_safe_text_ok(text, mode), strcmp(text, expected) == 0);
    g_string_free(out, TRUE);
}

static void test_valid_text_is_untouched(void)
{
    expect("\xc3\x96rebro \xe2\x80\x93 V\xc3\xa4sternorrland \xf0\x9f\x98\x80", JV_SAFE_LINE,
           "\xc3\x96rebro \xe2\x80\x93 V\xc3\xa4sternorrland \xf0\x9f\x98\x80");
    expect("a\\x1b stays as typed", JV_SAFE_LINE, "a\\x1b stays as typed");
}

static void test_control_bytes_are_escaped(void)
{
    /* ESC [ 2 J clears a terminal; DEL; U+009B (C2 9B) is CSI for some. */
    expect("\x1b[2JNorr", JV_SAFE_LINE, "\\x1b[2JNorr");
    expect("a\x7f"
           "b",
           JV_SAFE_TEXT, "a\\x7fb");
    expect("x\xc2\x9by", JV_SAFE_TEXT, "x\\xc2\\x9by");
    /* Tabs and line breaks: kept for csv and xlsx, escaped on one line. */
    expect("a\tb\r\nc", JV_SAFE_TEXT, "a\tb\r\nc");
    expect("a\tb\r\nc", JV_SAFE_LINE, "a\\x09b\\x0d\\x0ac");
    /* JSON escapes controls itself: only invalid UTF-8 matters there. */
    expect("\x1b\xc2\x9b", JV_SAFE_UTF8, "\x1b\xc2\x9b");
}

static void test_invalid_utf8_is_escaped_byte_by_byte(void)
{
    expect("Syd\xff\xfe", JV_SAFE_UTF8, "Syd\\xff\\xfe");
    /* A sequence cut short by the end of the string: never read past. */
    expect("Syd\xe2\x82", JV_SAFE_LINE, "Syd\\xe2\\x82");
    expect("\xf0\x9f", JV_SAFE_UTF8, "\\xf0\\x9f");
    /* Overlong '/', a UTF-16 surrogate, a lone continuation byte. */
    expect("\xc0\xaf", JV_SAFE_UTF8, "\\xc0\\xaf");
    expect("\xed\xa0\x80", JV_SAFE_UTF8, "\\xed\\xa0\\x80");
    expect("a\x80"
           "b",
           JV_SAFE_UTF8, "a\\x80b");
}

static void test_document_is_copied_with_keys_and_values_fixed(void)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    cJSON *region = cJSON_CreateObject();
    cJSON_AddStringToObject(region, "name", "Norr\x1b[2J");
    cJSON_AddItemToArray(regions, region);
    CU_ASSERT_PTR_NULL(jv_safe_doc(doc, JV_SAFE_UTF8)); /* nothing invalid */
    cJSON_AddNumberToObject(region, "bad\xff key", 1);
    cJSON *safe = jv_safe_doc(doc, JV_SAFE_LINE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(safe);
    const cJSON *copy = cJSON_GetArrayItem(cJSON_GetObjectItem(safe, "regions"), 0);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(copy, "name")->valuestring, "Norr\\x1b[2J");
    CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItem(copy, "bad\\xff key"));
    /* The original is unchanged. */
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(region, "name")->valuestring, "Norr\x1b[2J");
    cJSON_Delete(safe);
    cJSON_Delete(doc);
}

static void test_index_gives_the_same_scopes_as_the_walk(void)
{
    cJSON *doc =
        cJSON_Parse("{\"regions\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}],"
                    " \"total\": {\"name\": \"total\"}}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const cJSON *walked[5];
    guint n = jv_doc_scope_count(doc);
    CU_ASSERT_EQUAL(n, 4); /* 3 regions and the total */
    for (guint i = 0; i < 5; i++)
        walked[i] = jv_doc_scope(doc, i);
    jv_doc_index_begin(doc);
    jv_doc_index_begin(doc); /* nested: still the same index */
    jv_doc_index_end();
    CU_ASSERT_EQUAL(jv_doc_scope_count(doc), n);
    for (guint i = 0; i < 5; i++)
        CU_ASSERT_PTR_EQUAL(jv_doc_scope(doc, i), walked[i]);
    CU_ASSERT_FALSE(jv_doc_scope_is_total(doc, 2));
    CU_ASSERT_TRUE(jv_doc_scope_is_total(doc, 3));
    CU_ASSERT_STRING_EQUAL(jv_doc_scope_name(doc, 1), "B");
    jv_doc_index_end();
    CU_ASSERT_PTR_EQUAL(jv_doc_scope(doc, 3), walked[3]);
    cJSON_Delete(doc);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"valid_text_is_untouched", test_valid_text_is_untouched},
        {"control_bytes_are_escaped", test_control_bytes_are_escaped},
        {"invalid_utf8_is_escaped_byte_by_byte", test_invalid_utf8_is_escaped_byte_by_byte},
        {"document_is_copied_with_keys_and_values_fixed",
         test_document_is_copied_with_keys_and_values_fixed},
        {"index_gives_the_same_scopes_as_the_walk", test_index_gives_the_same_scopes_as_the_walk},
        {NULL, NULL}};
    return jvt_main("render safe text", tests);
}
