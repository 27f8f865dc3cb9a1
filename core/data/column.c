/* core/data/column.c — converting one role's cells into typed arrays
 * (contract in column.h). The hot path per cell is: one switch, one hash
 * lookup for codes and categories, or one hand-written number scan. */
#include "data/column.h"

#include <string.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"
#include "data/problem.h"
#include "data/recode.h"
#include "util/i18n.h"

static const char *const utf8_hint =
    N_("the text is not valid UTF-8; if the file was saved by Excel as \"CSV\" "
       "(not \"CSV UTF-8\"), set \"encoding\": \"windows-1252\" in the evaluation file");

static const char *type_noun(jv_type type)
{
    switch (type) {
    case JV_TYPE_ID:
        return _("identifiers");
    case JV_TYPE_NUMBER:
        return _("numbers");
    case JV_TYPE_INTEGER:
        return _("whole numbers");
    default:
        return _("yes/no values");
    }
}

static void fill_absent(jv_role_column *c)
{
    static const char empty[] = "";
    memset(c->missing, 1, JV_ROWSET_CAPACITY);
    for (size_t i = 0; i < JV_ROWSET_CAPACITY; i++) {
        if (c->codes_out)
            c->codes_out[i] = c->kind == JV_CELL_GENDER ? JV_UNKNOWN : 0;
        if (c->ids)
            c->ids[i] = (jv_string){empty, 0};
    }
}

int jv_role_column_init(jv_role_column *c, const jv_role_request *request, int field,
                        const char *column_name, GHashTable *user_codes, const char *file,
                        GError **error)
{
    memset(c, 0, sizeof *c);
    c->request = *request;
    c->request.name = g_strdup(request->name);
    c->request.codes = g_strdup(request->codes);
    c->request.required_by = g_strdup(request->required_by);
    c->request.sign_by = g_strdup(request->sign_by);
    c->column_name = g_strdup(column_name);
    c->field = field;
    jv_intern_init(&c->cache);
    const char *role = c->request.name;
    switch (request->type) {
    case JV_TYPE_GENDER:
        c->kind = JV_CELL_GENDER;
        c->codes = jv_codes_new_gender(user_codes, file, role, error);
        break;
    case JV_TYPE_CATEGORY:
        c->dict = g_new0(jv_category_dict, 1);
        jv_category_dict_init(c->dict);
        if (request->codes != NULL) {
            c->kind = JV_CELL_CODED;
            c->codes = jv_codes_new_closed(request->codes, user_codes, file, role, error);
            for (guint i = 0; c->codes && i < jv_codes_count(c->codes); i++) {
                const char *v = jv_codes_canonical(c->codes, i);
                jv_category_dict_add(c->dict, v, strlen(v), jv_intern_hash(v, strlen(v)));
            }
        } else {
            c->kind = JV_CELL_CATEGORY;
            if (user_codes != NULL)
                c->codes = jv_codes_new_open(user_codes);
        }
        break;
    case JV_TYPE_ID:
    case JV_TYPE_NUMBER:
    case JV_TYPE_INTEGER:
    case JV_TYPE_BOOLEAN:
        c->kind = request->type == JV_TYPE_ID        ? JV_CELL_ID
                  : request->type == JV_TYPE_NUMBER  ? JV_CELL_NUMBER
                  : request->type == JV_TYPE_INTEGER ? JV_CELL_INTEGER
                                                     : JV_CELL_BOOLEAN;
        if (user_codes != NULL) {
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_VALUE,
                        _("%s: \"codes\" are given for '%s', which holds %s; codes apply "
                          "only to gender and category columns"),
                        file, role, type_noun(request->type));
            return -1;
        }
        break;
    default:
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_VALUE,
                    _("%s: role '%s' asks for an unknown type %d"), file, role, (int)request->type);
        return -1;
    }
    if ((c->kind == JV_CELL_GENDER || c->kind == JV_CELL_CODED) && c->codes == NULL)
        return -1; /* error set by jv_codes_new_* */

    c->missing = g_new0(uint8_t, JV_ROWSET_CAPACITY);
    c->out.role = c->request.name;
    c->out.type = request->type;
    c->out.present = field >= 0;
    switch (c->kind) {
    case JV_CELL_GENDER:
    case JV_CELL_CODED:
    case JV_CELL_CATEGORY:
        c->codes_out = g_new0(uint32_t, JV_ROWSET_CAPACITY);
        c->out.codes = c->codes_out;
        c->out.dict = c->dict ? &c->dict->dict : jv_gender_dict();
        break;
    case JV_CELL_ID:
        c->ids = g_new0(jv_string, JV_ROWSET_CAPACITY);
        c->out.ids = c->ids;
        break;
    case JV_CELL_NUMBER:
    case JV_CELL_INTEGER:
        c->numbers = g_new0(int64_t, JV_ROWSET_CAPACITY);
        c->out.numbers = c->numbers;
        break;
    case JV_CELL_BOOLEAN:
        c->booleans = g_new0(uint8_t, JV_ROWSET_CAPACITY);
        c->out.booleans = c->booleans;
        break;
    }
    if (field < 0) {
        fill_absent(c);
        c->out.missing = c->missing;
    }
    return 0;
}

void jv_role_column_clear(jv_role_column *c)
{
    g_free((char *)c->request.name);
    g_free((char *)c->request.codes);
    g_free((char *)c->request.required_by);
    g_free((char *)c->request.sign_by);
    g_free(c->column_name);
    jv_codes_free(c->codes);
    jv_intern_clear(&c->cache);
    if (c->dict != NULL) {
        jv_category_dict_clear(c->dict);
        g_free(c->dict);
    }
    g_free(c->missing);
    g_free(c->codes_out);
    g_free(c->numbers);
    g_free(c->booleans);
    g_free(c->ids);
    memset(c, 0, sizeof *c);
}

/* The code of a cell text not yet in the cache, for GENDER and CODED
 * columns; cached when found. */
static int lookup_code(jv_role_column *c, jv_row_context *ctx, const char *text, size_t length,
                       uint64_t hash, char **message)
{
    if (!g_utf8_validate(text, (gssize)length, NULL)) {
        ctx->fail_code = JV_PROBLEM_ENCODING;
        *message = g_strdup(_(utf8_hint));
        return -1;
    }
    int value = jv_codes_lookup(c->codes, text, length);
    if (value < 0) {
        ctx->fail_code = JV_PROBLEM_UNKNOWN_CODE;
        char *shown = jv_text_for_message(text, length);
        *message = g_strdup_printf(_("unknown %s '%s' — accepted: %s (add it under \"codes\" "
                                     "in the evaluation file)"),
                                   c->kind == JV_CELL_GENDER ? _("gender code") : _("value"), shown,
                                   jv_codes_accepted(c->codes));
        g_free(shown);
        return -1;
    }
    jv_intern_insert(&c->cache, text, length, hash, (uint32_t)value);
    return value;
}

/* A CATEGORY cell: the code of its value, or a pending new value. */
/* memcmp() == 0 for the few bytes of a category cell, without a call. */
static inline gboolean same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return FALSE;
    return TRUE;
}

/* Caches a category cell whose code is known (see last_text). */
static inline void remember(jv_role_column *c, const char *text, size_t length, uint32_t code)
{
    if (length == 0 || length > sizeof c->last_text)
        return;
    memcpy(c->last_text, text, length);
    c->last_length = (uint32_t)length;
    c->last_code = code;
}

static int convert_category(jv_role_column *c, jv_row_context *ctx, size_t row, const char *text,
                            size_t length, char **message)
{
    uint64_t hash = jv_intern_hash(text, length);
    const char *value = text;
    size_t value_length = length;
    uint64_t value_hash = hash;
    int64_t code;
    if (c->codes == NULL) {
        code = jv_category_dict_find(c->dict, text, length, hash);
    } else {
        const jv_intern_entry *e = jv_intern_find(&c->cache, text, length, hash);
        code = e ? (int64_t)e->value : -1;
    }
    if (code >= 0) {
        c->codes_out[row] = (uint32_t)code;
        remember(c, text, length, (uint32_t)code);
        return 0;
    }
    if (!g_utf8_validate(text, (gssize)length, NULL)) {
        ctx->fail_code = JV_PROBLEM_ENCODING;
        *message = g_strdup(_(utf8_hint));
        return -1;
    }
    if (c->codes != NULL) {
        int i = jv_codes_lookup(c->codes, text, length);
        if (i >= 0) {
            value = jv_codes_canonical(c->codes, (guint)i);
            value_length = strlen(value);
            value_hash = jv_intern_hash(value, value_length);
        }
        code = jv_category_dict_find(c->dict, value, value_length, value_hash);
        if (code >= 0) {
            jv_intern_insert(&c->cache, text, length, hash, (uint32_t)code);
            c->codes_out[row] = (uint32_t)code;
            return 0;
        }
    }
    ctx->pending[ctx->n_pending++] =
        (jv_pending_value){c, row, text, value, length, value_length, hash, value_hash};
    return 0;
}

static int convert_empty(jv_role_column *c, jv_row_context *ctx, size_t row, char **message)
{
    if (c->kind == JV_CELL_GENDER) {
        c->codes_out[row] = JV_UNKNOWN;
        ctx->noted[ctx->n_noted++] = c; /* counted when the row is kept */
        return 0;
    }
    if (c->kind == JV_CELL_CATEGORY && (c->request.flags & JV_ROLE_EMPTY_IS_VALUE))
        return convert_category(c, ctx, row, "", 0, message);
    if (c->request.flags & JV_ROLE_REQUIRED) {
        ctx->fail_code = JV_PROBLEM_EMPTY_REQUIRED;
        *message = g_strdup_printf(_("empty cell in required column; fill it in (or set "
                                     "\"on_error\": \"skip\" to leave such rows out)%s%s%s"),
                                   c->request.required_by ? _(" (a rule of plugin '") : "",
                                   c->request.required_by ? c->request.required_by : "",
                                   c->request.required_by ? "')" : "");
        return -1;
    }
    c->missing[row] = 1;
    c->any_missing = TRUE;
    if (c->codes_out)
        c->codes_out[row] = 0;
    if (c->numbers)
        c->numbers[row] = 0;
    if (c->booleans)
        c->booleans[row] = 0;
    if (c->ids) {
        c->ids[row] = (jv_string){(const char *)(uintptr_t)ctx->ids->len, 0};
        g_byte_array_append(ctx->ids, (const guint8 *)"", 1);
    }
    return 0;
}

static int check_sign(const jv_role_column *c, jv_row_context *ctx, int64_t v, const char *text,
                      size_t length, char **message)
{
    gboolean negative_bad = (c->request.flags & JV_ROLE_NONNEGATIVE) && v < 0;
    gboolean nonpositive_bad = (c->request.flags & JV_ROLE_POSITIVE) && v <= 0;
    if (!negative_bad && !nonpositive_bad)
        return 0;
    ctx->fail_code = JV_PROBLEM_OUT_OF_RANGE;
    ctx->fail_status = JV_CONVERT_OK;
    char *shown = jv_text_for_message(text, length);
    const char *by = c->request.sign_by;
    *message = g_strdup_printf(
        nonpositive_bad ? _("'%s' is not allowed: the value must be greater than 0%s%s%s")
                        : _("'%s' is negative, which is not allowed: the value must be "
                            "0 or more%s%s%s"),
        shown, by ? _(" (a rule of plugin '") : "", by ? by : "", by ? "')" : "");
    g_free(shown);
    return -1;
}

int jv_role_column_convert(jv_role_column *c, jv_row_context *ctx, size_t row, const char *text,
                           size_t length, char **message)
{
    c->missing[row] = 0;
    if (length == 0)
        return convert_empty(c, ctx, row, message);
    if (length == c->last_length && same_bytes(text, c->last_text, length)) {
        c->codes_out[row] = c->last_code;
        return 0;
    }
    switch (c->kind) {
    case JV_CELL_GENDER:
    case JV_CELL_CODED: {
        uint64_t hash = jv_intern_hash(text, length);
        const jv_intern_entry *e = jv_intern_find(&c->cache, text, length, hash);
        int value = e ? (int)e->value : lookup_code(c, ctx, text, length, hash, message);
        if (value < 0)
            return -1;
        if (value & JV_CODES_SCB) {
            /* never cached: every such cell must raise the SCB warning's
             * flag, in case the row that first raised it is skipped */
            ctx->scb = TRUE;
            c->codes_out[row] = (uint32_t)(value & ~JV_CODES_SCB);
            return 0;
        }
        c->codes_out[row] = (uint32_t)value;
        remember(c, text, length, (uint32_t)value);
        return 0;
    }
    case JV_CELL_CATEGORY:
        return convert_category(c, ctx, row, text, length, message);
    case JV_CELL_ID:
        if (jv_has_high_bytes(text, length) && !g_utf8_validate(text, (gssize)length, NULL)) {
            ctx->fail_code = JV_PROBLEM_ENCODING;
            *message = g_strdup(_(utf8_hint));
            return -1;
        }
        c->ids[row] = (jv_string){(const char *)(uintptr_t)ctx->ids->len, (uint32_t)length};
        g_byte_array_append(ctx->ids, (const guint8 *)text, (guint)length);
        g_byte_array_append(ctx->ids, (const guint8 *)"", 1);
        return 0;
    case JV_CELL_NUMBER:
    case JV_CELL_INTEGER: {
        int64_t v;
        jv_convert_status s = c->kind == JV_CELL_NUMBER
                                  ? jv_convert_number(text, length, ctx->decimal_comma, &v)
                                  : jv_convert_integer(text, length, ctx->decimal_comma, &v);
        if (s == JV_CONVERT_ROUNDED)
            ctx->rounded[ctx->n_rounded++] = c;
        else if (s == JV_CONVERT_NOT_A_NUMBER && jv_convert_is_dash(text, length)) {
            /* Excel's accounting format shows 0 as '-' */
            v = 0;
            ctx->noted[ctx->n_noted++] = c;
        } else if (s != JV_CONVERT_OK) {
            ctx->fail_code = s == JV_CONVERT_COMMA_NOT_ALLOWED ? JV_PROBLEM_DECIMAL_COMMA
                             : s == JV_CONVERT_OVERFLOW        ? JV_PROBLEM_OUT_OF_RANGE
                                                               : JV_PROBLEM_TYPE_ERROR;
            ctx->fail_status = (int)s;
            *message = jv_convert_message_for(s, text, length, ctx->decimal_comma);
            return -1;
        }
        if (check_sign(c, ctx, v, text, length, message) < 0)
            return -1;
        c->numbers[row] = v;
        return 0;
    }
    case JV_CELL_BOOLEAN:
        if (jv_convert_boolean(text, length, &c->booleans[row]) != JV_CONVERT_OK) {
            ctx->fail_code = JV_PROBLEM_TYPE_ERROR;
            ctx->fail_status = JV_CONVERT_NOT_BOOLEAN;
            *message = jv_convert_message(JV_CONVERT_NOT_BOOLEAN, text, length);
            return -1;
        }
        return 0;
    }
    return 0;
}

char *jv_role_column_hint(const jv_role_column *c, const jv_row_context *ctx, const char *text,
                          size_t length)
{
    const char *code = ctx->fail_code ? ctx->fail_code : "";
    if (strcmp(code, JV_PROBLEM_ENCODING) == 0)
        return g_strdup(_("if the file was saved by Excel as \"CSV\" (not \"CSV UTF-8\"), set "
                          "\"encoding\": \"windows-1252\" in the evaluation file"));
    if (strcmp(code, JV_PROBLEM_UNKNOWN_CODE) == 0)
        return g_strdup_printf(_("accepted: %s; add other codes under \"codes\" in the "
                                 "evaluation file"),
                               jv_codes_accepted(c->codes));
    if (strcmp(code, JV_PROBLEM_EMPTY_REQUIRED) == 0)
        return g_strdup(_("fill it in (or set \"on_error\": \"skip\" to leave such rows out)"));
    if (strcmp(code, JV_PROBLEM_OUT_OF_RANGE) == 0 && ctx->fail_status == JV_CONVERT_OK)
        return g_strdup((c->request.flags & JV_ROLE_POSITIVE)
                            ? _("the value must be greater than 0")
                            : _("the value must be 0 or more"));
    if (strcmp(code, JV_PROBLEM_TYPE_ERROR) == 0 || strcmp(code, JV_PROBLEM_DECIMAL_COMMA) == 0 ||
        strcmp(code, JV_PROBLEM_OUT_OF_RANGE) == 0)
        return jv_convert_hint_for((jv_convert_status)ctx->fail_status, text, length,
                                   ctx->decimal_comma);
    return NULL;
}

void jv_role_column_finish_rowset(jv_role_column *c, size_t n_rows, const GByteArray *ids)
{
    if (c->field >= 0) {
        c->out.missing = c->any_missing ? c->missing : NULL;
        if (c->ids != NULL)
            for (size_t i = 0; i < n_rows; i++)
                c->ids[i].data = (const char *)ids->data + (uintptr_t)c->ids[i].data;
    }
    c->any_missing = FALSE;
}

void jv_row_begin(jv_row_context *ctx)
{
    ctx->ids_mark = ctx->ids->len;
    ctx->scb = FALSE;
    ctx->n_pending = 0;
    ctx->n_rounded = 0;
    ctx->n_noted = 0;
}

void jv_row_commit(jv_row_context *ctx)
{
    for (size_t i = 0; i < ctx->n_pending; i++) {
        const jv_pending_value *p = &ctx->pending[i];
        jv_role_column *c = p->column;
        uint32_t code = jv_category_dict_add(c->dict, p->value, p->value_length, p->value_hash);
        if (c->codes != NULL)
            jv_intern_insert(&c->cache, p->cell, p->cell_length, p->cell_hash, code);
        c->codes_out[p->row] = code;
    }
    for (size_t i = 0; i < ctx->n_rounded; i++)
        ctx->rounded[i]->rounded++;
    for (size_t i = 0; i < ctx->n_noted; i++) {
        jv_role_column *c = ctx->noted[i];
        if (c->kind == JV_CELL_GENDER)
            c->empty++;
        else
            c->dashes++;
    }
    ctx->n_pending = ctx->n_rounded = ctx->n_noted = 0;
}

void jv_row_discard(jv_row_context *ctx)
{
    g_byte_array_set_size(ctx->ids, ctx->ids_mark);
    ctx->n_pending = ctx->n_rounded = ctx->n_noted = 0;
    ctx->scb = FALSE;
}
