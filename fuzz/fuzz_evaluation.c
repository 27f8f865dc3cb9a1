/* fuzz/fuzz_evaluation.c — libFuzzer target for the evaluation file parser
 * (core/config/evaluation.h): any bytes must give an evaluation or an error
 * with a message — never a crash, a sanitizer report or a read past the
 * text (which is not NUL-terminated here). A parsed evaluation is also
 * asked for the settings of every table in every region, as the run does.
 * Built by ./configure --enable-fuzzing (fuzz/local.am); fuzz/replay.c
 * runs the same function over saved inputs in every build (make check). */
#include <stdint.h>
#include <string.h>

#include "config/evaluation.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void table_settings(const jv_evaluation *e, const jv_region_def *region)
{
    static const char *const names[] = {"funding", "participation", "training", "goals",
                                        "population"};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++) {
        char *path = NULL;
        jv_table_settings *s = jv_evaluation_table(e, region, names[k], &path);
        if (path == NULL)
            __builtin_trap();
        if (s != NULL && s->columns != NULL)
            (void)g_hash_table_size(s->columns);
        jv_table_settings_free(s);
        g_free(path);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a copy of exactly `size` bytes, so ASan sees any read past them */
    char *text = g_malloc(size ? size : 1);
    memcpy(text, data, size);
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_parse(text, size, "fuzz/evaluation.json", &error);
    if (e != NULL) {
        if (error != NULL)
            __builtin_trap();
        if (e->regions_column != NULL)
            table_settings(e, NULL);
        for (guint r = 0; e->regions != NULL && r < e->regions->len; r++)
            table_settings(e, g_ptr_array_index(e->regions, r));
        jv_evaluation_free(e);
    } else if (error == NULL || error->message == NULL || error->message[0] == '\0') {
        __builtin_trap(); /* a failure must say why */
    }
    g_clear_error(&error);
    g_free(text);
    return 0;
}
