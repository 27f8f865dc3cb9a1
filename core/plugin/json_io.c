/* core/plugin/json_io.c — jv_writer and jv_node on top of cJSON (see
 * json_io.h). NaN and infinities become null, so plugins never special-case
 * a figure that cannot be computed; int64 values beyond 2^53 are written as
 * strings of digits so saved states stay exact. */
#include "plugin/json_io.h"
#include "rules/stats.h"
#include "util/text.h"

#include <errno.h>
#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define EXACT_DOUBLE_LIMIT 9007199254740992LL /* 2^53 */

void jv_writer_init(jv_writer *w, cJSON *root)
{
    w->stack[0] = root;
    w->depth = 0;
    w->overflow = 0;
    w->bad_text = 0;
    w->bad_key[0] = '\0';
}

/* Text a plugin may put into a document: valid UTF-8, no C0 control or
 * DEL (a renderer or terminal must never receive them from a plugin). */
static gboolean clean_text(const char *s)
{
    if (!g_utf8_validate(s, -1, NULL))
        return FALSE;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return FALSE;
    return TRUE;
}

/* 0 when every key and string of item (and below) is clean, else 1 for a
 * key, 2 for a string. */
static int unclean(const cJSON *item)
{
    if (cJSON_IsString(item) && item->valuestring != NULL && !clean_text(item->valuestring))
        return 2;
    for (const cJSON *c = item->child; c != NULL; c = c->next) {
        if (c->string != NULL && !clean_text(c->string))
            return 1;
        int bad = unclean(c);
        if (bad)
            return bad;
    }
    return 0;
}

static void add(jv_writer *w, const char *key, cJSON *item)
{
    if (w->overflow) {
        cJSON_Delete(item);
        return;
    }
    int bad = key != NULL && !clean_text(key) ? 1 : unclean(item);
    if (bad) {
        if (!w->bad_text) {
            w->bad_text = bad;
            char *shown = jv_text_escape_terminal(key ? key : "", -1, 40);
            g_strlcpy(w->bad_key, shown, sizeof w->bad_key);
            g_free(shown);
        }
        cJSON_Delete(item);
        return;
    }
    cJSON *container = w->stack[w->depth];
    if (cJSON_IsArray(container))
        cJSON_AddItemToArray(container, item);
    else
        cJSON_AddItemToObject(container, key ? key : "", item);
}

static void push(jv_writer *w, const char *key, cJSON *item)
{
    if (!w->overflow && key != NULL && !clean_text(key)) {
        add(w, key, item); /* marks the writer and deletes item */
        w->overflow++;     /* what goes inside is left out with it */
        return;
    }
    if (w->overflow || w->depth + 1 >= JV_WRITER_DEPTH) {
        w->overflow++;
        cJSON_Delete(item);
        return;
    }
    add(w, key, item);
    w->stack[++w->depth] = item;
}

static void pop(jv_writer *w)
{
    if (w->overflow > 0)
        w->overflow--;
    else if (w->depth > 0)
        w->depth--;
}

void jv_json_begin_object(jv_writer *w, const char *key) { push(w, key, cJSON_CreateObject()); }
void jv_json_end_object(jv_writer *w) { pop(w); }
void jv_json_begin_array(jv_writer *w, const char *key) { push(w, key, cJSON_CreateArray()); }
void jv_json_end_array(jv_writer *w) { pop(w); }

static cJSON *number_or_null(double value)
{
    return isfinite(value) ? cJSON_CreateNumber(value) : cJSON_CreateNull();
}

void jv_json_put_number(jv_writer *w, const char *key, double value)
{
    add(w, key, number_or_null(value));
}

void jv_json_put_integer(jv_writer *w, const char *key, int64_t value)
{
    if (value <= EXACT_DOUBLE_LIMIT && value >= -EXACT_DOUBLE_LIMIT) {
        add(w, key, cJSON_CreateNumber((double)value));
        return;
    }
    char digits[32];
    snprintf(digits, sizeof digits, "%" PRId64, value);
    add(w, key, cJSON_CreateString(digits));
}

void jv_json_put_fixed(jv_writer *w, const char *key, int64_t value)
{
    add(w, key, cJSON_CreateNumber((double)value / 10000.0));
}

void jv_json_put_string(jv_writer *w, const char *key, const char *value)
{
    add(w, key, value ? cJSON_CreateString(value) : cJSON_CreateNull());
}

void jv_json_put_bool(jv_writer *w, const char *key, int value)
{
    add(w, key, cJSON_CreateBool(value != 0));
}

void jv_json_put_null(jv_writer *w, const char *key) { add(w, key, cJSON_CreateNull()); }

void jv_json_put_interval(jv_writer *w, const char *key, const double ci[2])
{
    if (ci == NULL || !isfinite(ci[0]) || !isfinite(ci[1])) {
        add(w, key, cJSON_CreateNull());
        return;
    }
    cJSON *pair = cJSON_CreateArray();
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(ci[0]));
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(ci[1]));
    add(w, key, pair);
}

void jv_json_put_balance(jv_writer *w, const char *key, jv_balance cls)
{
    const char *name = jv_stats_balance_name(cls);
    add(w, key, name ? cJSON_CreateString(name) : cJSON_CreateNull());
}

void jv_json_put_tristate(jv_writer *w, const char *key, int value)
{
    add(w, key, value < 0 ? cJSON_CreateNull() : cJSON_CreateBool(value != 0));
}

void jv_json_put_gap(jv_writer *w, const char *key, double value, const double ci[2])
{
    jv_json_begin_object(w, key);
    jv_json_put_number(w, "value", value);
    jv_json_put_interval(w, "ci", ci);
    jv_json_end_object(w);
}

void jv_json_put_headline(jv_writer *w, const jv_headline *h)
{
    jv_json_begin_object(w, "headline");
    jv_json_put_string(w, "metric", h->metric);
    jv_json_put_string(w, "label", h->label);
    jv_json_put_number(w, "value", h->value);
    jv_json_put_string(w, "unit", h->unit);
    jv_json_put_balance(w, "balance", h->balance);
    jv_json_put_tristate(w, "balance_certain", h->balance_certain);
    jv_json_put_interval(w, "ci", h->ci);
    jv_json_end_object(w);
}

/* --- reader: a jv_node is a cJSON item --- */

const jv_node *jv_json_node_get(const jv_node *node, const char *key)
{
    const cJSON *item = (const cJSON *)node;
    if (!cJSON_IsObject(item) || key == NULL)
        return NULL;
    return (const jv_node *)cJSON_GetObjectItemCaseSensitive(item, key);
}

size_t jv_json_node_size(const jv_node *node)
{
    const cJSON *item = (const cJSON *)node;
    return cJSON_IsArray(item) ? (size_t)cJSON_GetArraySize(item) : 0;
}

const jv_node *jv_json_node_at(const jv_node *node, size_t i)
{
    const cJSON *item = (const cJSON *)node;
    if (!cJSON_IsArray(item) || i > (size_t)INT32_MAX)
        return NULL;
    return (const jv_node *)cJSON_GetArrayItem(item, (int)i);
}

double jv_json_node_number(const jv_node *node)
{
    const cJSON *item = (const cJSON *)node;
    return cJSON_IsNumber(item) ? item->valuedouble : NAN;
}

int jv_json_node_integer(const jv_node *node, int64_t *out)
{
    const cJSON *item = (const cJSON *)node;
    if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        if (v != floor(v) || v > (double)EXACT_DOUBLE_LIMIT || v < -(double)EXACT_DOUBLE_LIMIT)
            return -1;
        *out = (int64_t)v;
        return 0;
    }
    if (cJSON_IsString(item) && item->valuestring[0] != '\0') {
        char *end = NULL;
        errno = 0;
        long long v = strtoll(item->valuestring, &end, 10);
        if (errno != 0 || *end != '\0')
            return -1;
        *out = (int64_t)v;
        return 0;
    }
    return -1;
}

int jv_json_node_is_null(const jv_node *node) { return cJSON_IsNull((const cJSON *)node) ? 1 : 0; }

const char *jv_json_node_string(const jv_node *node)
{
    const cJSON *item = (const cJSON *)node;
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

int jv_json_node_bool(const jv_node *node)
{
    const cJSON *item = (const cJSON *)node;
    if (cJSON_IsTrue(item))
        return 1;
    if (cJSON_IsFalse(item))
        return 0;
    return -1;
}
