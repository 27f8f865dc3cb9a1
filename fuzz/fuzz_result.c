/* fuzz/fuzz_result.c — libFuzzer target for the result-document reader of
 * `jamvikt report` (core/eval/doc_file.h, result_check.h) and the
 * renderers behind it: any bytes must give an error with a message, or a
 * checked document that every format renders — never a crash, a
 * sanitizer report or a read past the text. Built by ./configure
 * --enable-fuzzing (fuzz/local.am); fuzz/replay.c runs it over saved
 * inputs in every build (make check). */
#include <stdint.h>
#include <string.h>

#include "eval/doc_file.h"
#include "eval/result_check.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = g_malloc(size ? size : 1);
    memcpy(text, data, size);
    GError *error = NULL;
    cJSON *doc = jv_doc_text_parse(text, size, "fuzz/result.json", &error);
    if (doc != NULL && !jv_result_check(doc, "fuzz/result.json", &error)) {
        cJSON_Delete(doc);
        doc = NULL;
    }
    if (doc != NULL) {
        if (error != NULL)
            __builtin_trap();
        static const char *const formats[] = {"table", "markdown", "csv", "html", "json", "xlsx"};
        for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
            GString *out = jv_render(doc, formats[i], FALSE, &error);
            if (out != NULL)
                g_string_free(out, TRUE);
            g_clear_error(&error);
        }
        cJSON_Delete(doc);
    } else if (error == NULL || error->message == NULL || error->message[0] == '\0') {
        __builtin_trap(); /* a failure must say why */
    }
    g_clear_error(&error);
    g_free(text);
    return 0;
}
