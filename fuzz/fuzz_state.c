/* fuzz/fuzz_state.c — libFuzzer target for the saved-state reader of
 * `jamvikt merge` (core/eval/doc_file.h, state_check.h; a document with
 * "jamvikt_state_set" is checked as a state set's manifest): any bytes must
 * give a checked document or an error with a message — never a crash or a
 * sanitizer report. A state that passes is then read as merge reads it
 * (options cast to integers, counts to guint64), and every node under each
 * indicator's "state" is read through the host's JSON reader
 * (core/plugin/json_io.c: the jv_node functions plugins' load() use), with
 * every type asked of every node, so no bad type drives it into undefined
 * behaviour. Built by ./configure --enable-fuzzing (fuzz/local.am);
 * fuzz/replay.c runs it over saved inputs in every build (make check). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "eval/doc_file.h"
#include "eval/state_check.h"
#include "plugin/json_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile double sink;

/* Every question a plugin's load() may ask, of every node below `node`. */
static void read_nodes(const jv_node *node, int depth)
{
    int64_t integer = 0;
    sink += jv_json_node_number(node);
    if (jv_json_node_integer(node, &integer) == 0)
        sink += (double)integer;
    const char *text = jv_json_node_string(node);
    sink += text != NULL ? (double)strlen(text) : 0;
    sink += jv_json_node_bool(node);
    sink += jv_json_node_get(node, "format") != NULL;
    sink += jv_json_node_get(node, NULL) != NULL;
    sink += jv_json_node_at(node, (size_t)-1) != NULL;
    size_t n = jv_json_node_size(node);
    for (size_t i = 0; i < n && depth < 64; i++)
        read_nodes(jv_json_node_at(node, i), depth + 1);
    const cJSON *item = (const cJSON *)node;
    if (cJSON_IsObject(item))
        for (const cJSON *m = item->child; m != NULL && depth < 64; m = m->next)
            read_nodes(jv_json_node_get(node, m->string), depth + 1);
}

/* What merge.c reads from a checked state. */
static void read_as_merge(const cJSON *doc)
{
    const cJSON *options = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc, "evaluation"), "options");
    int64_t min_cell =
        (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(options, "min_cell"));
    double confidence =
        cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(options, "confidence"));
    if (min_cell < 0 || !(confidence > 0 && confidence < 1))
        __builtin_trap(); /* the checks let through what run refuses */
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "indicators")) {
        const cJSON *rows = cJSON_GetObjectItemCaseSensitive(item, "rows");
        if (rows != NULL)
            sink += (double)(uint64_t)cJSON_GetNumberValue(rows);
        const cJSON *state = cJSON_GetObjectItemCaseSensitive(item, "state");
        if (state != NULL)
            read_nodes((const jv_node *)state, 0);
    }
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "inputs"))
        sink +=
            (double)(uint64_t)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(item, "bytes"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a copy of exactly `size` bytes, so ASan sees any read past them */
    char *text = g_malloc(size ? size : 1);
    memcpy(text, data, size);
    GError *error = NULL;
    cJSON *doc = jv_doc_text_parse(text, size, "fuzz/x.state.json", &error);
    /* a state set's manifest is read from elsewhere too */
    if (doc != NULL && cJSON_GetObjectItemCaseSensitive(doc, "jamvikt_state_set") != NULL) {
        if (!jv_state_manifest_check(doc, "fuzz/jamvikt-manifest.json", &error) &&
            (error == NULL || error->message[0] == '\0'))
            __builtin_trap();
        cJSON_Delete(doc);
        g_clear_error(&error);
        g_free(text);
        return 0;
    }
    if (doc != NULL && !jv_state_check(doc, "fuzz/x.state.json", &error)) {
        cJSON_Delete(doc);
        doc = NULL;
    }
    if (doc != NULL) {
        if (error != NULL)
            __builtin_trap();
        read_as_merge(doc);
        cJSON_Delete(doc);
    } else if (error == NULL || error->message == NULL || error->message[0] == '\0') {
        __builtin_trap(); /* a failure must say why */
    }
    g_clear_error(&error);
    g_free(text);
    return 0;
}
