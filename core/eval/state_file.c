/* core/eval/state_file.c — a finished region's states saved to a file and
 * pooled later, in another process (DESIGN.md "Data flow"; `jamvikt run
 * --save-state DIR`, `jamvikt merge`).
 *
 * A state file is versioned JSON ("jamvikt_state": 1) holding one region:
 * the evaluation's name and options, the region's inputs and warnings, and
 * per indicator its plugin, version, params, status, row counts and the
 * plugin's own save() output — aggregates only, never a person-level row or
 * identifier — but counts below min_cell too, so a state is a confidential
 * working file. Files are named NNN-<region>.state.json so that a folder
 * lists its regions in evaluation order, and written as one set with a
 * manifest (state_set.h). Merging checks that every file agrees on
 * options, plugins, versions and params and that no region comes twice,
 * then pools exactly as a single run does: the merged document equals the
 * single run's byte for byte. */
#include "config.h"
#include "eval/run_internal.h"
#include "eval/doc_file.h"
#include "eval/state_check.h"
#include "eval/state_set.h"
#include "plugin/json_io.h"
#include "util/i18n.h"

#include <string.h>

static cJSON *options_json(const jv_run *run)
{
    const jv_eval_options *o = &run->evaluation->options;
    cJSON *options = cJSON_CreateObject();
    cJSON_AddNumberToObject(options, "min_cell", (double)run->min_cell);
    cJSON *band = cJSON_AddArrayToObject(options, "balance");
    cJSON_AddItemToArray(band, cJSON_CreateNumber(o->balance_low));
    cJSON_AddItemToArray(band, cJSON_CreateNumber(o->balance_high));
    cJSON_AddNumberToObject(options, "confidence", o->confidence);
    cJSON_AddBoolToObject(options, "hash_inputs", run->hash_inputs);
    return options;
}

static cJSON *strings_json(const GPtrArray *strings)
{
    cJSON *array = cJSON_CreateArray();
    for (guint i = 0; i < strings->len; i++)
        cJSON_AddItemToArray(array, cJSON_CreateString(g_ptr_array_index(strings, i)));
    return array;
}

/* A file name that keeps the evaluation order and is safe on any system. */
static char *state_file_name(size_t index, const char *region)
{
    GString *name = g_string_new(NULL);
    g_string_printf(name, "%03zu-", index + 1);
    for (const char *p = region; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(name, g_unichar_tolower(c));
        else if (name->str[name->len - 1] != '-')
            g_string_append_c(name, '-');
    }
    g_string_append(name, ".state.json");
    return g_string_free(name, FALSE);
}

static cJSON *region_state(jv_run *run, size_t r, GError **error)
{
    jv_scope *scope = &run->regions[r];
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "jamvikt_state", JV_STATE_FORMAT);
    cJSON *about = cJSON_AddObjectToObject(doc, "jamvikt");
    cJSON_AddStringToObject(about, "version", PACKAGE_VERSION);
    char *abi = g_strdup_printf("%d.%d", JV_ABI_MAJOR, JV_ABI_MINOR);
    cJSON_AddStringToObject(about, "abi", abi);
    g_free(abi);
    cJSON *evaluation = cJSON_AddObjectToObject(doc, "evaluation");
    cJSON_AddStringToObject(evaluation, "name", run->evaluation->name);
    cJSON_AddItemToObject(evaluation, "options", options_json(run));
    cJSON_AddStringToObject(doc, "region", scope->name);
    cJSON *periods = jv_period_state_header(run);
    if (periods != NULL)
        cJSON_AddItemToObject(doc, "periods", periods);
    cJSON *inputs = cJSON_AddArrayToObject(doc, "inputs");
    for (guint k = 0; k < run->inputs->len; k++) {
        const jv_input *in = &g_array_index(run->inputs, jv_input, k);
        if (in->region == NULL || strcmp(in->region, scope->name) != 0)
            continue;
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "table", in->table);
        cJSON_AddStringToObject(item, "file", in->file);
        cJSON_AddNumberToObject(item, "bytes", (double)in->bytes);
        if (in->sha256)
            cJSON_AddStringToObject(item, "sha256", in->sha256);
        cJSON_AddItemToArray(inputs, item);
    }
    cJSON_AddItemToObject(doc, "warnings", strings_json(scope->warnings));
    cJSON_AddItemToObject(doc, "evaluation_warnings", strings_json(run->warnings));
    cJSON *indicators = cJSON_AddArrayToObject(doc, "indicators");
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        jv_outcome *o = &scope->outcomes[i];
        cJSON *item = jv_indicator_identity(ind);
        cJSON_AddItemToArray(indicators, item);
        if (ind->failed) {
            cJSON_AddStringToObject(item, "status", "error");
            cJSON_AddStringToObject(item, "reason", ind->failure);
            continue;
        }
        cJSON_AddStringToObject(item, "status", o->status == JV_STATUS_OK ? "ok" : "skipped");
        if (o->status != JV_STATUS_OK) {
            cJSON_AddStringToObject(item, "reason", o->reason);
            continue;
        }
        cJSON_AddNumberToObject(item, "rows", (double)o->rows);
        cJSON_AddNumberToObject(item, "skipped_rows", (double)o->skipped);
        if (ind->desc->save == NULL) {
            g_set_error(error, JV_RUN_ERROR, 0,
                        _("--save-state: plugin '%s' cannot save its state (it has no save/load)"),
                        ind->desc->name);
            cJSON_Delete(doc);
            return NULL;
        }
        cJSON *state = cJSON_AddObjectToObject(item, "state");
        jv_writer w;
        jv_writer_init(&w, state);
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        if (ind->desc->save(&ctx, o->state, &w) != 0) {
            jv_ctx_set_gerror(&ctx, "save() failed without a message", error);
            jv_ctx_clear_error(&ctx);
            cJSON_Delete(doc);
            return NULL;
        }
        jv_ctx_clear_error(&ctx);
        if (!jv_period_state_save(run, scope, i, item, error)) {
            cJSON_Delete(doc);
            return NULL;
        }
    }
    return doc;
}

/* SHA-256 of the evaluation file, when it is a regular file; else NULL. */
static char *evaluation_digest(const jv_evaluation *evaluation)
{
    if (evaluation->path == NULL || !g_file_test(evaluation->path, G_FILE_TEST_IS_REGULAR))
        return NULL;
    gsize length = 0;
    char *text = jv_doc_file_read(evaluation->path, "evaluation file", &length, NULL);
    if (text == NULL)
        return NULL;
    char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)text, length);
    g_free(text);
    return sha;
}

/* What the set's manifest says besides its regions (state_set.h, 3). */
static cJSON *manifest_header(jv_run *run)
{
    cJSON *header = cJSON_CreateObject();
    cJSON *about = cJSON_AddObjectToObject(header, "jamvikt");
    cJSON_AddStringToObject(about, "version", PACKAGE_VERSION);
    cJSON *evaluation = cJSON_AddObjectToObject(header, "evaluation");
    cJSON_AddStringToObject(evaluation, "name", run->evaluation->name);
    char *digest = evaluation_digest(run->evaluation);
    if (digest != NULL)
        cJSON_AddStringToObject(evaluation, "sha256", digest);
    else
        cJSON_AddNullToObject(evaluation, "sha256");
    g_free(digest);
    cJSON_AddItemToObject(evaluation, "options", options_json(run));
    cJSON *plugins = cJSON_AddArrayToObject(header, "plugins");
    for (guint i = 0; i < run->indicators->len; i++)
        cJSON_AddItemToArray(plugins, jv_indicator_identity(g_ptr_array_index(run->indicators, i)));
    return header;
}

gboolean jv_state_save(jv_run *run, const char *dir, GError **error)
{
    jv_state_set_file *files = g_new0(jv_state_set_file, run->n_regions ? run->n_regions : 1);
    gboolean ok = TRUE;
    for (size_t r = 0; ok && r < run->n_regions; r++) {
        cJSON *doc = region_state(run, r, error);
        if (doc == NULL) {
            ok = FALSE;
            break;
        }
        char *text = cJSON_Print(doc);
        cJSON_Delete(doc);
        files[r].region = g_strdup(run->regions[r].name);
        files[r].name = state_file_name(r, run->regions[r].name);
        files[r].text = g_strdup(text);
        files[r].length = strlen(text);
        free(text);
    }
    if (ok) {
        cJSON *header = manifest_header(run);
        ok = jv_state_set_save(dir, files, run->n_regions, header, error);
        cJSON_Delete(header);
    }
    for (size_t r = 0; r < run->n_regions; r++)
        jv_state_set_file_clear(&files[r]);
    g_free(files);
    return ok;
}
