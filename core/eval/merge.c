/* core/eval/merge.c — pools saved region states into one evaluation (see
 * merge.h). Each path is a state set (state_set.h) whose files are read
 * through its manifest, and every state is checked field by field
 * (state_check.h) before anything in it is used; a file's own faults are
 * named before its set's. Region names compare trimmed and NFC-normalised.
 * Every state file must agree with the first on the evaluation's
 * options and on each indicator's plugin, version and params, the loaded
 * plugin must have the same version, and no region may come twice; then
 * the states are loaded with the plugins' load() and finished exactly as a
 * single run finishes (pool, disclosure decided afresh over all regions,
 * result document). */
#include "eval/input_file.h"
#include "eval/merge.h"
#include "eval/doc_file.h"
#include "eval/period_state.h"
#include "eval/person_level.h"
#include "eval/pool.h"
#include "eval/result.h"
#include "eval/state_check.h"
#include "eval/state_set.h"
#include "util/i18n.h"

#include <string.h>

typedef struct state_file {
    char *path;
    cJSON *doc;
} state_file;

static void state_file_free(gpointer data)
{
    state_file *f = data;
    g_free(f->path);
    cJSON_Delete(f->doc);
    g_free(f);
}

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* A state agrees with its set's manifest: the region the manifest lists,
 * and the same options and indicators (a file of another run put in the
 * folder with the manifest's hash edited would still fail here). */
static gboolean agrees_with_manifest(const state_file *f, const char *region, const cJSON *manifest,
                                     GError **error)
{
    const cJSON *options = get(get(f->doc, "evaluation"), "options");
    const cJSON *listed = get(get(manifest, "evaluation"), "options");
    const char *what = NULL;
    if (g_strcmp0(cJSON_GetStringValue(get(f->doc, "region")), region) != 0)
        what = "region";
    else if (!cJSON_Compare(options, listed, TRUE))
        what = "options";
    else {
        const cJSON *plugins = get(manifest, "plugins"), *indicators = get(f->doc, "indicators");
        if (cJSON_GetArraySize(plugins) != cJSON_GetArraySize(indicators))
            what = "indicators";
        for (int i = 0; what == NULL && i < cJSON_GetArraySize(plugins); i++) {
            static const char *const keys[] = {"name", "plugin", "version", "params"};
            const cJSON *x = cJSON_GetArrayItem(plugins, i), *y = cJSON_GetArrayItem(indicators, i);
            for (size_t k = 0; what == NULL && k < G_N_ELEMENTS(keys); k++)
                if (!cJSON_Compare(get(x, keys[k]), get(y, keys[k]), TRUE))
                    what = "indicators";
        }
    }
    if (what == NULL)
        return TRUE;
    g_set_error(error, JV_RUN_ERROR, 0,
                _("%s: does not match what the set's %s says (its %s): a state of another run, "
                  "not of this set"),
                f->path, JV_STATE_MANIFEST, what);
    return FALSE;
}

static gboolean read_states_of(GPtrArray *files, const char *path, GError **error)
{
    GArray *set = g_array_new(FALSE, TRUE, sizeof(jv_state_set_file));
    g_array_set_clear_func(set, (GDestroyNotify)jv_state_set_file_clear);
    cJSON *manifest = NULL;
    GError *set_error = NULL;
    gboolean ok = jv_state_set_read(path, set, &manifest, &set_error, error);
    /* first what is wrong inside a file, then what is wrong with the set */
    guint first = files->len;
    for (guint k = 0; ok && k < set->len; k++) {
        jv_state_set_file *member = &g_array_index(set, jv_state_set_file, k);
        cJSON *doc = jv_doc_text_parse(member->text, member->length, member->name, error);
        ok = doc != NULL && jv_state_check(doc, member->name, error);
        state_file *f = g_new0(state_file, 1);
        f->path = g_strdup(member->name);
        f->doc = doc;
        g_ptr_array_add(files, f);
    }
    if (ok && set_error != NULL) {
        g_propagate_error(error, set_error);
        set_error = NULL;
        ok = FALSE;
    }
    for (guint k = 0; ok && k < set->len; k++)
        ok = agrees_with_manifest(g_ptr_array_index(files, first + k),
                                  g_array_index(set, jv_state_set_file, k).region, manifest, error);
    g_clear_error(&set_error);
    cJSON_Delete(manifest);
    g_array_unref(set);
    return ok;
}

static GPtrArray *read_states(const char *const *paths, GError **error)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(state_file_free);
    for (size_t i = 0; paths[i] != NULL; i++)
        if (!read_states_of(files, paths[i], error)) {
            g_ptr_array_unref(files);
            return NULL;
        }
    return files;
}

/* The evaluation every state was made for, from the first state. */
static void fake_evaluation(jv_evaluation *e, const state_file *first)
{
    const cJSON *evaluation = get(first->doc, "evaluation");
    const cJSON *options = get(evaluation, "options");
    const cJSON *band = get(options, "balance");
    memset(e, 0, sizeof *e);
    e->path = first->path;
    e->dir = ".";
    e->name = cJSON_IsString(get(evaluation, "name")) ? get(evaluation, "name")->valuestring : "";
    e->options.min_cell = (int64_t)cJSON_GetNumberValue(get(options, "min_cell"));
    e->options.balance_low = cJSON_GetNumberValue(cJSON_GetArrayItem(band, 0));
    e->options.balance_high = cJSON_GetNumberValue(cJSON_GetArrayItem(band, 1));
    e->options.confidence = cJSON_GetNumberValue(get(options, "confidence"));
    e->options.hash_inputs = cJSON_IsTrue(get(options, "hash_inputs"));
}

/* Region names are one region when they are equal after trimming and NFC
 * normalisation ("Örebro" typed two ways, "Örebro " with a space). */
static char *region_key(const char *name)
{
    char *trimmed = g_strstrip(g_strdup(name));
    char *key = g_utf8_normalize(trimmed, -1, G_NORMALIZE_NFC);
    if (key == NULL)
        return trimmed;
    g_free(trimmed);
    return key;
}

static gboolean agree(const state_file *first, const state_file *f, GError **error)
{
    const cJSON *a = get(get(first->doc, "evaluation"), "options");
    const cJSON *b = get(get(f->doc, "evaluation"), "options");
    if (!cJSON_Compare(a, b, TRUE)) {
        char *ta = cJSON_PrintUnformatted(a), *tb = cJSON_PrintUnformatted(b);
        g_set_error(error, JV_RUN_ERROR, 0,
                    _("%s and %s were made with different options (%s vs %s): pool only states "
                      "from runs with the same min_cell, balance band and confidence"),
                    first->path, f->path, ta, tb);
        free(ta);
        free(tb);
        return FALSE;
    }
    const cJSON *ia = get(first->doc, "indicators"), *ib = get(f->doc, "indicators");
    if (cJSON_GetArraySize(ia) != cJSON_GetArraySize(ib)) {
        g_set_error(error, JV_RUN_ERROR, 0, _("%s and %s have different indicators"), first->path,
                    f->path);
        return FALSE;
    }
    for (int i = 0; i < cJSON_GetArraySize(ia); i++) {
        const cJSON *x = cJSON_GetArrayItem(ia, i), *y = cJSON_GetArrayItem(ib, i);
        static const char *const keys[] = {"name", "plugin", "version", "params"};
        for (size_t k = 0; k < G_N_ELEMENTS(keys); k++)
            if (!cJSON_Compare(get(x, keys[k]), get(y, keys[k]), TRUE)) {
                char *tx = cJSON_PrintUnformatted(get(x, keys[k]));
                char *ty = cJSON_PrintUnformatted(get(y, keys[k]));
                g_set_error(error, JV_RUN_ERROR, 0,
                            _("%s and %s disagree on indicator %d's %s (%s vs %s)"), first->path,
                            f->path, i + 1, keys[k], tx, ty);
                free(tx);
                free(ty);
                return FALSE;
            }
    }
    return TRUE;
}

static gboolean bind_from_state(jv_plan *plan, const state_file *first, const jv_registry *registry,
                                GError **error)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, get(first->doc, "indicators")) {
        const char *plugin = cJSON_GetStringValue(get(item, "plugin"));
        const char *version = cJSON_GetStringValue(get(item, "version"));
        const char *name = cJSON_GetStringValue(get(item, "name"));
        const jv_loaded_plugin *p = plugin ? jv_registry_find(registry, plugin) : NULL;
        if (p == NULL || name == NULL) {
            g_set_error(error, JV_RUN_ERROR, 0, _("%s: plugin '%s' is not installed here"),
                        first->path, plugin ? plugin : "?");
            return FALSE;
        }
        if (g_strcmp0(p->desc.version, version) != 0) {
            g_set_error(error, JV_RUN_ERROR, 0,
                        _("%s: saved by plugin '%s' %s, but %s is installed here (%s): states "
                          "must be pooled with the plugin version that made them"),
                        first->path, plugin, version ? version : "?", p->desc.version, p->path);
            return FALSE;
        }
        if (p->desc.load == NULL) {
            g_set_error(error, JV_RUN_ERROR, 0, _("plugin '%s' cannot load saved states"), plugin);
            return FALSE;
        }
        jv_indicator *ind = jv_indicator_bind(name, p, get(item, "params"), first->path,
                                              &plan->plugin_options, error);
        if (ind == NULL)
            return FALSE;
        g_ptr_array_add(plan->indicators, ind);
    }
    return TRUE;
}

static gboolean load_region(jv_outcomes *out, jv_scope *scope, const state_file *f, GError **error)
{
    const cJSON *item;
    guint i = 0;
    cJSON_ArrayForEach(item, get(f->doc, "indicators")) {
        jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        jv_outcome *o = &scope->outcomes[i];
        const char *status = cJSON_GetStringValue(get(item, "status"));
        const char *reason = cJSON_GetStringValue(get(item, "reason"));
        if (g_strcmp0(status, "ok") != 0) {
            gboolean error_status = g_strcmp0(status, "error") == 0;
            if (error_status)
                jv_outcomes_fail_indicator(out, i, reason ? reason : "failed");
            o->status = error_status ? JV_STATUS_ERROR : JV_STATUS_SKIPPED;
            o->reason = g_strdup(reason ? reason : "");
            i++;
            continue;
        }
        o->rows = (guint64)cJSON_GetNumberValue(get(item, "rows"));
        o->skipped = (guint64)cJSON_GetNumberValue(get(item, "skipped_rows"));
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
        o->state = ind->desc->load(&ctx, (const jv_node *)get(item, "state"));
        if (o->state == NULL) {
            /* As a failing callback in `run`: with --keep-going the
             * indicator is "error" everywhere and the document is written. */
            GError *e = NULL;
            jv_ctx_set_gerror(&ctx, "load() returned no state", &e);
            jv_ctx_clear_error(&ctx);
            char *message = g_strdup_printf("%s: %s", f->path, e->message);
            g_error_free(e);
            if (!out->plan->options->keep_going) {
                g_set_error_literal(error, JV_RUN_ERROR, 0, message);
                g_free(message);
                return FALSE;
            }
            jv_outcomes_fail_indicator(out, i, message);
            g_free(message);
            i++;
            continue;
        }
        jv_ctx_clear_error(&ctx);
        i++;
    }
    const cJSON *w;
    cJSON_ArrayForEach(w, get(f->doc, "warnings"))
        if (cJSON_IsString(w))
            g_ptr_array_add(scope->warnings, g_strdup(w->valuestring));
    cJSON_ArrayForEach(w, get(f->doc, "evaluation_warnings")) {
        gboolean seen = FALSE;
        for (guint k = 0; cJSON_IsString(w) && k < out->warnings->len; k++)
            seen = seen || strcmp(g_ptr_array_index(out->warnings, k), w->valuestring) == 0;
        if (cJSON_IsString(w) && !seen)
            g_ptr_array_add(out->warnings, g_strdup(w->valuestring));
    }
    const cJSON *in;
    cJSON_ArrayForEach(in, get(f->doc, "inputs")) {
        const char *sha = cJSON_GetStringValue(get(in, "sha256"));
        jv_input input = {g_strdup(scope->name), g_strdup(cJSON_GetStringValue(get(in, "table"))),
                          g_strdup(cJSON_GetStringValue(get(in, "file"))),
                          (guint64)cJSON_GetNumberValue(get(in, "bytes")), g_strdup(sha)};
        g_array_append_val(out->inputs, input);
    }
    return TRUE;
}

/* The periods of every region (period_state.c). */
static gboolean load_periods(jv_outcomes *out, GPtrArray *files, GError **error)
{
    const cJSON **docs = g_new0(const cJSON *, files->len);
    const char **paths = g_new0(const char *, files->len);
    for (guint f = 0; f < files->len; f++) {
        docs[f] = ((state_file *)g_ptr_array_index(files, f))->doc;
        paths[f] = ((state_file *)g_ptr_array_index(files, f))->path;
    }
    gboolean ok = jv_period_states_load(out, docs, paths, files->len, error);
    g_free(docs);
    g_free(paths);
    return ok;
}

cJSON *jv_merge_states(const char *const *paths, const jv_registry *registry,
                       const jv_run_options *options, gboolean *failed, GError **error)
{
    GPtrArray *files = read_states(paths, error);
    if (files == NULL)
        return NULL;
    if (files->len == 0) {
        g_set_error(error, JV_RUN_ERROR, 0, _("no saved states given"));
        g_ptr_array_unref(files);
        return NULL;
    }
    const state_file *first = g_ptr_array_index(files, 0);
    jv_evaluation evaluation;
    fake_evaluation(&evaluation, first);
    /* the states' min_cell unless the command overrides it: states hold
     * aggregates before disclosure, so any min_cell can be decided here */
    jv_run_options merged_options = *options;
    jv_plan plan;
    jv_plan_init(&plan, &evaluation, &merged_options, FALSE);
    if (failed)
        *failed = FALSE;
    if (!bind_from_state(&plan, first, registry, error)) {
        jv_plan_clear(&plan);
        g_ptr_array_unref(files);
        return NULL;
    }
    cJSON *doc = NULL;
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    jv_outcomes out;
    jv_outcomes_init(&out, &plan);
    out.n_regions = files->len;
    out.regions = g_new0(jv_scope, files->len);
    for (guint r = 0; r < files->len; r++) {
        const state_file *f = g_ptr_array_index(files, r);
        const char *region = cJSON_GetStringValue(get(f->doc, "region"));
        if (region == NULL) {
            g_set_error(error, JV_RUN_ERROR, 0, _("%s: no region name in the saved state"),
                        f->path);
            goto out;
        }
        char *key = region_key(region);
        const char *twin = g_hash_table_lookup(seen, key);
        if (twin != NULL) {
            g_set_error(error, JV_RUN_ERROR, 0, _("region '%s' comes twice: in %s and in %s"),
                        region, twin, f->path);
            g_free(key);
            goto out;
        }
        g_hash_table_insert(seen, key, f->path);
        if (!agree(first, f, error))
            goto out;
        jv_scope_init(&out, &out.regions[r], (int)r, region, NULL);
        if (!load_region(&out, &out.regions[r], f, error))
            goto out;
    }
    if (!load_periods(&out, files, error))
        goto out;
    if (jv_pool(&out, error))
        doc = jv_result_build(&out, failed, error);
    if (doc != NULL && !jv_person_level_check(&out, doc, error)) {
        cJSON_Delete(doc);
        doc = NULL;
    }
out:
    g_hash_table_unref(seen);
    jv_outcomes_clear(&out);
    jv_plan_clear(&plan);
    g_ptr_array_unref(files);
    return doc;
}
