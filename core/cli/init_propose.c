/* core/cli/init_propose.c — from scanned files to a proposed evaluation
 * (contract in init_propose.h). Recognition works on column names only
 * (init_columns.c), codes are checked with the readers' own code tables
 * (data/codes.h, data/convert.h), so what init accepts a run accepts. */
#include "cli/init_propose.h"

#include <string.h>

#include "cli/init_columns.h"
#include "data/codes.h"
#include "data/convert.h"

/* A table of the plugins: its roles (union over plugins). */
typedef struct kind {
    const char *name;
    GPtrArray *roles; /* const jv_role* (borrowed from the registry) */
    GArray *required; /* gboolean per role */
} kind;

/* One file recognised as a kind. */
typedef struct match {
    const kind *kind;
    jv_init_file *file;
    int *column; /* per role: the file's column index, or -1 */
} match;

static void kind_free(kind *k)
{
    g_ptr_array_unref(k->roles);
    g_array_unref(k->required);
    g_free(k);
}

static void match_free(match *m)
{
    g_free(m->column);
    g_free(m);
}

static GPtrArray *kinds_of(const jv_registry *registry)
{
    GPtrArray *kinds = g_ptr_array_new_with_free_func((GDestroyNotify)kind_free);
    for (guint p = 0; p < registry->plugins->len; p++) {
        const jv_plugin *plugin =
            &((jv_loaded_plugin *)g_ptr_array_index(registry->plugins, p))->desc;
        for (size_t t = 0; t < plugin->n_tables; t++) {
            const jv_table_spec *spec = &plugin->tables[t];
            kind *k = NULL;
            for (guint i = 0; i < kinds->len && k == NULL; i++)
                if (strcmp(((kind *)g_ptr_array_index(kinds, i))->name, spec->name) == 0)
                    k = g_ptr_array_index(kinds, i);
            if (k == NULL) {
                k = g_new0(kind, 1);
                k->name = spec->name;
                k->roles = g_ptr_array_new();
                k->required = g_array_new(FALSE, TRUE, sizeof(gboolean));
                g_ptr_array_add(kinds, k);
            }
            for (size_t r = 0; r < spec->n_roles; r++) {
                const jv_role *role = &spec->roles[r];
                gboolean required = (role->flags & JV_ROLE_REQUIRED) != 0;
                guint i = 0;
                while (i < k->roles->len &&
                       strcmp(((const jv_role *)g_ptr_array_index(k->roles, i))->name,
                              role->name) != 0)
                    i++;
                if (i == k->roles->len) {
                    g_ptr_array_add(k->roles, (gpointer)role);
                    g_array_append_val(k->required, required);
                } else if (required) {
                    g_array_index(k->required, gboolean, i) = TRUE;
                }
            }
        }
    }
    return kinds;
}

/* "\"name\":", as an anchor; valid until the fourth call after. */
static const char *quoted(const char *name)
{
    static char ring[4][256];
    static int next;
    char *out = ring[next++ % 4];
    g_snprintf(out, sizeof ring[0], "\"%s\":", name);
    return out;
}

static void issue(jv_init_proposal *p, const char *a0, const char *a1, const char *a2,
                  char *message)
{
    jv_init_issue *i = g_new0(jv_init_issue, 1);
    i->message = message;
    i->anchors[0] = a0 ? g_strdup(a0) : NULL;
    i->anchors[1] = a0 && a1 ? g_strdup(a1) : NULL;
    i->anchors[2] = a0 && a1 && a2 ? g_strdup(a2) : NULL;
    g_ptr_array_add(p->issues, i);
}

/* The best column for `role` in `file`: its index, or -1; *tied: another
 * column matched as well. */
static int column_for(const char *role, const jv_init_file *file, int *tied)
{
    int best = -1, best_rank = G_MAXINT;
    *tied = -1;
    for (guint c = 0; c < file->columns->len; c++) {
        int rank = jv_init_role_rank(role, g_ptr_array_index(file->columns, c));
        if (rank < 0)
            continue;
        if (rank < best_rank) {
            best = (int)c;
            best_rank = rank;
            *tied = -1;
        } else if (rank == best_rank) {
            *tied = (int)c;
        }
    }
    return best;
}

/* Recognises the file (contract rule 2): a new match, or NULL. */
static match *recognise(jv_init_proposal *p, GPtrArray *kinds, jv_init_file *file)
{
    match *best = NULL;
    int best_score = 0;
    gboolean best_complete = FALSE;
    for (guint k = 0; k < kinds->len; k++) {
        const kind *kd = g_ptr_array_index(kinds, k);
        match *m = g_new0(match, 1);
        m->kind = kd;
        m->file = file;
        m->column = g_new(int, kd->roles->len);
        int score = 0, besides_gender = 0;
        gboolean complete = TRUE;
        for (guint r = 0; r < kd->roles->len; r++) {
            const jv_role *role = g_ptr_array_index(kd->roles, r);
            int tied;
            m->column[r] = column_for(role->name, file, &tied);
            score += m->column[r] >= 0;
            besides_gender += m->column[r] >= 0 && role->type != JV_TYPE_GENDER;
            if (m->column[r] < 0 && g_array_index(kd->required, gboolean, r))
                complete = FALSE;
        }
        gboolean better = besides_gender > 0 && (best == NULL || (complete && !best_complete) ||
                                                 (complete == best_complete && score > best_score));
        if (better) {
            if (best)
                match_free(best);
            best = m;
            best_score = score;
            best_complete = complete;
        } else {
            match_free(m);
        }
    }
    if (best == NULL || (!best_complete && best_score < 2)) {
        if (best)
            match_free(best);
        GString *names = g_string_new(NULL);
        for (guint c = 0; c < file->columns->len; c++)
            g_string_append_printf(names, "%s'%s'", c ? ", " : "",
                                   (const char *)g_ptr_array_index(file->columns, c));
        issue(p, NULL, NULL, NULL,
              g_strdup_printf("%s: not used: its columns (%s) name no table's roles; name its "
                              "columns as in `jamvikt plugins` and add it under \"tables\"",
                              file->path, names->str));
        g_string_free(names, TRUE);
        return NULL;
    }
    return best;
}

static const char *role_name(const match *m, guint r)
{
    return ((const jv_role *)g_ptr_array_index(m->kind->roles, r))->name;
}

static const char *column_name(const match *m, guint r)
{
    return m->column[r] >= 0 ? g_ptr_array_index(m->file->columns, m->column[r]) : NULL;
}

/* The table settings of one match, as JSON. */
static cJSON *settings_json(const match *m)
{
    cJSON *t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "file", m->file->name);
    if (m->file->sheet)
        cJSON_AddStringToObject(t, "sheet", m->file->sheet);
    cJSON *columns = cJSON_AddObjectToObject(t, "columns");
    for (guint r = 0; r < m->kind->roles->len; r++)
        if (m->column[r] >= 0)
            cJSON_AddStringToObject(columns, role_name(m, r), column_name(m, r));
    if (!m->file->xlsx) {
        char d[2] = {m->file->delimiter, 0};
        cJSON_AddStringToObject(t, "delimiter", d[0] == '\t' ? "tab" : d);
        if (m->file->decimal_comma)
            cJSON_AddStringToObject(t, "decimal", ",");
        if (strcmp(m->file->encoding, "utf-8") != 0)
            cJSON_AddStringToObject(t, "encoding", m->file->encoding);
    }
    return t;
}

/* Whether `value` is a code the reader knows for the role; *canonical
 * (newly allocated). */
static gboolean known_code(const jv_role *role, const char *value, char **canonical)
{
    if (role->type == JV_TYPE_BOOLEAN) {
        uint8_t b;
        gboolean ok = jv_convert_boolean(value, strlen(value), &b) == JV_CONVERT_OK;
        *canonical = ok ? g_strdup(b ? "yes" : "no") : NULL;
        return ok;
    }
    jv_codes *codes = role->type == JV_TYPE_GENDER
                          ? jv_codes_new_gender(NULL, "init", role->name, NULL)
                          : jv_codes_new_closed(role->codes, NULL, "init", role->name, NULL);
    if (codes == NULL)
        return FALSE;
    int i = jv_codes_lookup(codes, value, strlen(value));
    if (i >= 0)
        *canonical = g_strdup(jv_codes_canonical(codes, (guint)(i & ~JV_CODES_SCB)));
    jv_codes_free(codes);
    return i >= 0;
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Checks every code of the kind's coded roles over all its files (rule 3),
 * adding known extra codes to `settings` ("codes"); lists the values of
 * open categories too. */
static void propose_codes(jv_init_proposal *p, const kind *k, GPtrArray *matches, cJSON *settings)
{
    for (guint r = 0; r < k->roles->len; r++) {
        const jv_role *role = g_ptr_array_index(k->roles, r);
        gboolean coded = role->type == JV_TYPE_GENDER || role->type == JV_TYPE_BOOLEAN ||
                         (role->type == JV_TYPE_CATEGORY && role->codes != NULL);
        if (!coded && role->type != JV_TYPE_CATEGORY)
            continue;
        GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
        const char *column = NULL;
        for (guint i = 0; i < matches->len; i++) {
            const match *m = g_ptr_array_index(matches, i);
            if (m->kind != k || m->column[r] < 0)
                continue;
            column = column ? column : column_name(m, r);
            GHashTableIter it;
            gpointer value;
            g_hash_table_iter_init(&it, g_ptr_array_index(m->file->values, m->column[r]));
            while (g_hash_table_iter_next(&it, &value, NULL))
                g_hash_table_add(seen, value);
        }
        GPtrArray *values = g_ptr_array_new();
        GHashTableIter all;
        gpointer key;
        g_hash_table_iter_init(&all, seen);
        while (g_hash_table_iter_next(&all, &key, NULL))
            g_ptr_array_add(values, key);
        g_ptr_array_sort(values, compare_strings);
        GString *line = g_string_new(NULL);
        /* an open category: its values are listed, as they will appear */
        for (guint v = 0; !coded && v < values->len; v++) {
            if (v == 12) {
                g_string_append_printf(line, " … (%u values%s)", values->len,
                                       values->len >= JV_INIT_MAX_VALUES ? " or more" : "");
                break;
            }
            g_string_append_printf(line, "%s'%s'", v ? ", " : "",
                                   (const char *)g_ptr_array_index(values, v));
        }
        for (guint v = 0; coded && v < values->len; v++) {
            const char *value = g_ptr_array_index(values, v);
            char *canonical = NULL;
            const char *extra = NULL;
            if (!known_code(role, value, &canonical) && role->type != JV_TYPE_BOOLEAN)
                extra = jv_init_extra_code(role->name, value);
            if (extra != NULL) {
                cJSON *codes = cJSON_GetObjectItemCaseSensitive(settings, "codes");
                if (codes == NULL)
                    codes = cJSON_AddObjectToObject(settings, "codes");
                cJSON *mine = cJSON_GetObjectItemCaseSensitive(codes, role->name);
                if (mine == NULL)
                    mine = cJSON_AddObjectToObject(codes, role->name);
                cJSON_AddStringToObject(mine, value, extra);
                canonical = g_strdup(extra);
            }
            g_string_append_printf(line, "%s'%s' → %s%s", v ? ", " : "", value,
                                   canonical ? canonical : "?", extra ? " (added to codes)" : "");
            if (canonical == NULL) {
                char *accepted = NULL;
                if (role->type == JV_TYPE_BOOLEAN)
                    issue(p, "\"tables\":", quoted(k->name), "\"columns\":",
                          g_strdup_printf("%s: column '%s' (role %s): '%s' is not a yes/no value; "
                                          "change it in the data (ja/nej, yes/no, 1/0)",
                                          k->name, column, role->name, value));
                else {
                    if (role->type == JV_TYPE_GENDER)
                        accepted = g_strdup("woman, man, non_binary, mixed or unknown");
                    else
                        accepted = g_strdup(role->codes);
                    issue(p, "\"tables\":", quoted(k->name), "\"columns\":",
                          g_strdup_printf("%s: column '%s' (role %s): unknown code '%s'; map it "
                                          "in this table's settings: \"codes\": { \"%s\": { "
                                          "\"%s\": \"…\" } } (one of: %s)",
                                          k->name, column, role->name, value, role->name, value,
                                          accepted));
                }
                g_free(accepted);
            }
            g_free(canonical);
        }
        if (values->len > 0)
            g_ptr_array_add(p->found, g_strdup_printf("%s.%s ('%s'): %s", k->name, role->name,
                                                      column, line->str));
        g_string_free(line, TRUE);
        g_ptr_array_unref(values);
        g_hash_table_unref(seen);
    }
}

/* The region column of a file, or -1. */
static int region_column(const jv_init_file *file)
{
    int tied;
    return column_for("region", file, &tied);
}

/* Region names in SCB's county order (län code order). */
static const char *const counties[] = {"stockholm",    "uppsala",
                                       "sodermanland", "ostergotland",
                                       "jonkoping",    "kronoberg",
                                       "kalmar",       "gotland",
                                       "blekinge",     "skane",
                                       "halland",      "vastragotaland",
                                       "varmland",     "orebro",
                                       "vastmanland",  "dalarna",
                                       "gavleborg",    "vasternorrland",
                                       "jamtland",     "vasterbotten",
                                       "norrbotten",   NULL};

static int county_index(const char *name)
{
    char *f = jv_init_fold(name);
    if (g_str_has_prefix(f, "region"))
        memmove(f, f + 6, strlen(f + 6) + 1);
    if (g_str_has_suffix(f, "slan"))
        f[strlen(f) - 4] = '\0';
    else if (g_str_has_suffix(f, "lan"))
        f[strlen(f) - 3] = '\0';
    int index = -1;
    for (int i = 0; counties[i] && index < 0; i++)
        if (strcmp(f, counties[i]) == 0)
            index = i;
    g_free(f);
    return index;
}

static int compare_regions(gconstpointer a, gconstpointer b)
{
    const jv_init_region *x = *(jv_init_region *const *)a, *y = *(jv_init_region *const *)b;
    int i = county_index(x->name), j = county_index(y->name);
    if (i >= 0 && j >= 0 && i != j)
        return i - j;
    return strcmp(x->name, y->name);
}

/* A region named by its files' region column when that has one value. */
static void name_region(jv_init_region *region)
{
    for (guint f = 0; f < region->files->len; f++) {
        jv_init_file *file = g_ptr_array_index(region->files, f);
        int c = region_column(file);
        if (c < 0)
            continue;
        GHashTable *values = g_ptr_array_index(file->values, c);
        if (g_hash_table_size(values) != 1)
            continue;
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, values);
        g_hash_table_iter_next(&it, &value, NULL);
        g_free(region->name);
        region->name = g_strdup(value);
        return;
    }
}

jv_init_proposal *jv_init_propose(const jv_registry *registry, const char *name, GPtrArray *regions,
                                  gboolean national)
{
    jv_init_proposal *p = g_new0(jv_init_proposal, 1);
    p->issues = g_ptr_array_new();
    p->found = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *kinds = kinds_of(registry);
    GPtrArray *matches = g_ptr_array_new_with_free_func((GDestroyNotify)match_free);
    if (!national) {
        for (guint i = 0; i < regions->len; i++)
            name_region(g_ptr_array_index(regions, i));
        g_ptr_array_sort(regions, compare_regions);
    }

    /* per region and kind: the file (the first by name when two are) */
    GHashTable **chosen = g_new0(GHashTable *, regions->len ? regions->len : 1);
    for (guint i = 0; i < regions->len; i++) {
        jv_init_region *region = g_ptr_array_index(regions, i);
        chosen[i] = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint f = 0; f < region->files->len; f++) {
            jv_init_file *file = g_ptr_array_index(region->files, f);
            if (file->error != NULL) {
                issue(p, NULL, NULL, NULL, g_strdup_printf("%s (not used)", file->error));
                continue;
            }
            match *m = recognise(p, kinds, file);
            if (m == NULL)
                continue;
            match *before = g_hash_table_lookup(chosen[i], m->kind->name);
            if (before != NULL) {
                issue(p, NULL, NULL, NULL,
                      g_strdup_printf("%s: looks like a %s table too, as %s does; only %s is "
                                      "used — set \"file\" to choose the other",
                                      file->path, m->kind->name, before->file->name,
                                      before->file->name));
                match_free(m);
                continue;
            }
            g_hash_table_insert(chosen[i], (gpointer)m->kind->name, m);
            g_ptr_array_add(matches, m);
        }
    }

    cJSON *doc = cJSON_CreateObject();
    p->doc = doc;
    cJSON_AddStringToObject(doc, "name", name);
    cJSON_AddStringToObject(doc, "$comment",
                            "Proposed by `jamvikt init`: check the column mapping and the "
                            "codes, then run `jamvikt run` on this file.");
    cJSON *options = cJSON_AddObjectToObject(doc, "options");
    cJSON_AddNumberToObject(options, "min_cell", 5);
    cJSON *band = cJSON_AddArrayToObject(options, "balance");
    cJSON_AddItemToArray(band, cJSON_CreateNumber(0.4));
    cJSON_AddItemToArray(band, cJSON_CreateNumber(0.6));
    cJSON_AddNumberToObject(options, "confidence", 0.95);
    cJSON *tables = cJSON_AddObjectToObject(doc, "tables");
    cJSON *region_list = national ? NULL : cJSON_CreateArray();
    GHashTable *defaults = g_hash_table_new(g_str_hash, g_str_equal); /* kind → cJSON* */

    for (guint k = 0; k < kinds->len; k++) {
        const kind *kd = g_ptr_array_index(kinds, k);
        cJSON *settings = NULL;
        for (guint i = 0; i < regions->len && settings == NULL; i++) {
            match *m = g_hash_table_lookup(chosen[i], kd->name);
            if (m == NULL)
                continue;
            settings = settings_json(m);
            cJSON_AddItemToObject(tables, kd->name, settings);
            g_hash_table_insert(defaults, (gpointer)kd->name, settings);
            for (guint r = 0; r < kd->roles->len; r++) {
                int tied;
                const jv_role *role = g_ptr_array_index(kd->roles, r);
                if (m->column[r] >= 0 && (column_for(role->name, m->file, &tied), tied >= 0))
                    issue(p, "\"tables\":", quoted(kd->name), quoted(role->name),
                          g_strdup_printf("%s: role %s: both '%s' and '%s' could be its column; "
                                          "'%s' was taken — edit this line if it is the other",
                                          kd->name, role->name, column_name(m, r),
                                          (const char *)g_ptr_array_index(m->file->columns, tied),
                                          column_name(m, r)));
                if (m->column[r] < 0 && g_array_index(kd->required, gboolean, r))
                    issue(p, "\"tables\":", quoted(kd->name), "\"columns\":",
                          g_strdup_printf("%s: no column for the required role %s in %s; add "
                                          "\"%s\": \"<your column>\" to \"columns\"",
                                          kd->name, role->name, m->file->path, role->name));
            }
        }
        if (settings != NULL)
            propose_codes(p, kd, matches, settings);
    }

    for (guint i = 0; i < regions->len; i++) {
        jv_init_region *region = g_ptr_array_index(regions, i);
        GString *line = g_string_new(NULL);
        g_string_append_printf(line, "%s (%s):", national ? "national tables" : region->name,
                               region->dir);
        cJSON *entry = national ? NULL : cJSON_CreateObject();
        cJSON *overrides = NULL;
        if (entry) {
            cJSON_AddStringToObject(entry, "name", region->name);
            cJSON_AddStringToObject(entry, "dir", region->dir);
        }
        for (guint k = 0; k < kinds->len; k++) {
            const kind *kd = g_ptr_array_index(kinds, k);
            match *m = g_hash_table_lookup(chosen[i], kd->name);
            if (m == NULL)
                continue;
            g_string_append_printf(line, " %s = %s%s%s%s;", kd->name, m->file->name,
                                   m->file->sheet ? "[" : "", m->file->sheet ? m->file->sheet : "",
                                   m->file->sheet ? "]" : "");
            cJSON *mine = settings_json(m);
            cJSON *base = g_hash_table_lookup(defaults, kd->name);
            cJSON *diff = cJSON_CreateObject();
            for (cJSON *item = mine->child; item != NULL; item = item->next) {
                cJSON *other = cJSON_GetObjectItemCaseSensitive(base, item->string);
                if (strcmp(item->string, "codes") != 0 &&
                    (other == NULL || !cJSON_Compare(item, other, TRUE)))
                    cJSON_AddItemToObject(diff, item->string, cJSON_Duplicate(item, TRUE));
            }
            cJSON_Delete(mine);
            if (entry != NULL && diff->child != NULL) {
                if (overrides == NULL)
                    overrides = cJSON_AddObjectToObject(entry, "tables");
                cJSON_AddItemToObject(overrides, kd->name, diff);
            } else {
                cJSON_Delete(diff);
            }
        }
        g_ptr_array_add(p->found, g_string_free(line, FALSE));
        if (entry)
            cJSON_AddItemToArray(region_list, entry);
    }
    if (national) {
        cJSON *split = cJSON_AddObjectToObject(doc, "regions");
        const char *column = NULL;
        jv_init_region *region = regions->len ? g_ptr_array_index(regions, 0) : NULL;
        for (guint f = 0; region && f < region->files->len && column == NULL; f++) {
            jv_init_file *file = g_ptr_array_index(region->files, f);
            int c = file->error ? -1 : region_column(file);
            if (c >= 0)
                column = g_ptr_array_index(file->columns, c);
        }
        cJSON_AddStringToObject(split, "column", column ? column : "region");
        cJSON_AddStringToObject(split, "dir", region ? region->dir : ".");
        if (column == NULL)
            issue(p, "\"regions\":", "\"column\":", NULL,
                  g_strdup("no region column found in the tables: name the column that says "
                           "which region a row belongs to"));
    } else {
        cJSON_AddItemToObject(doc, "regions", region_list);
    }

    /* every plugin whose required tables were found somewhere */
    cJSON *indicators = cJSON_AddArrayToObject(doc, "indicators");
    for (guint i = 0; i < registry->plugins->len; i++) {
        const jv_plugin *plugin =
            &((jv_loaded_plugin *)g_ptr_array_index(registry->plugins, i))->desc;
        gboolean all = TRUE;
        for (size_t t = 0; t < plugin->n_tables; t++)
            if ((plugin->tables[t].required || t == 0) &&
                !g_hash_table_contains(defaults, plugin->tables[t].name))
                all = FALSE;
        if (all) {
            cJSON *entry = cJSON_CreateObject();
            cJSON_AddStringToObject(entry, "plugin", plugin->name);
            cJSON_AddItemToArray(indicators, entry);
        }
    }
    if (cJSON_GetArraySize(indicators) == 0)
        issue(p, "\"indicators\":", NULL, NULL,
              g_strdup("no indicator has all its tables: no file was recognised as a table "
                       "an indicator needs"));

    g_hash_table_unref(defaults);
    for (guint i = 0; i < regions->len; i++)
        g_hash_table_unref(chosen[i]);
    g_free(chosen);
    g_ptr_array_unref(matches);
    g_ptr_array_unref(kinds);
    return p;
}

void jv_init_proposal_free(jv_init_proposal *p)
{
    if (p == NULL)
        return;
    cJSON_Delete(p->doc);
    for (guint i = 0; i < p->issues->len; i++) {
        jv_init_issue *issue = g_ptr_array_index(p->issues, i);
        g_free(issue->message);
        for (int a = 0; a < 4; a++)
            g_free(issue->anchors[a]);
        g_free(issue);
    }
    g_ptr_array_unref(p->issues);
    g_ptr_array_unref(p->found);
    g_free(p);
}

void jv_init_region_free(jv_init_region *region)
{
    if (region == NULL)
        return;
    g_free(region->name);
    g_free(region->dir);
    g_ptr_array_unref(region->files);
    g_free(region);
}
