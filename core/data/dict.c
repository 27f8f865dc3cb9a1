/* core/data/dict.c — category dictionaries (contract in dict.h). */
#include "data/dict.h"

#include <stdatomic.h>

#define GENDER_DICT_ID 1

static atomic_uint_fast64_t next_id = GENDER_DICT_ID + 1;

void jv_category_dict_init(jv_category_dict *dict)
{
    dict->dict.id = (uint64_t)atomic_fetch_add(&next_id, 1);
    dict->dict.size = 0;
    dict->dict.values = NULL;
    jv_intern_init(&dict->map);
    dict->values = g_array_new(FALSE, FALSE, sizeof(jv_string));
}

void jv_category_dict_clear(jv_category_dict *dict)
{
    jv_intern_clear(&dict->map);
    if (dict->values != NULL)
        g_array_free(dict->values, TRUE);
    dict->values = NULL;
    dict->dict.size = 0;
    dict->dict.values = NULL;
}

uint32_t jv_category_dict_add(jv_category_dict *dict, const char *value, size_t length,
                              uint64_t hash)
{
    uint32_t code = dict->values->len;
    jv_string stored = {.data = jv_intern_insert(&dict->map, value, length, hash, code),
                        .length = (uint32_t)length};
    g_array_append_val(dict->values, stored);
    dict->dict.values = (const jv_string *)(void *)dict->values->data;
    dict->dict.size = dict->values->len;
    return code;
}

static const jv_string gender_values[JV_GENDERS] = {
    {.data = "woman", .length = 5},       {.data = "man", .length = 3},
    {.data = "non_binary", .length = 10}, {.data = "mixed", .length = 5},
    {.data = "unknown", .length = 7},
};
static const jv_dict gender_dict = {
    .id = GENDER_DICT_ID, .size = JV_GENDERS, .values = gender_values};

const jv_dict *jv_gender_dict(void) { return &gender_dict; }
