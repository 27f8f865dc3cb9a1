/* core/plugin/describe.c — copies a plugin's titles, labels and units into
 * the result document (see describe.h). */
#include "plugin/describe.h"

#include <stddef.h>

const char *jv_unit_word(jv_unit unit)
{
    switch (unit) {
    case JV_UNIT_SHARE:
        return "share";
    case JV_UNIT_COUNT:
        return "count";
    case JV_UNIT_AMOUNT:
        return "amount";
    case JV_UNIT_NUMBER:
        return "number";
    case JV_UNIT_POINTS:
        return "points";
    case JV_UNIT_AMOUNT_DIFFERENCE:
        return "amount_difference";
    case JV_UNIT_NUMBER_DIFFERENCE:
        return "number_difference";
    }
    return NULL;
}

void jv_plugin_describe(const jv_plugin *desc, cJSON *item)
{
    if (desc->texts != NULL && desc->texts[0].lang != NULL) {
        cJSON *title = cJSON_AddObjectToObject(item, "title");
        cJSON *labels = NULL;
        for (const jv_translation *t = desc->texts; t->lang != NULL; t++) {
            cJSON_AddStringToObject(title, t->lang, t->title);
            if (t->labels == NULL || t->labels[0].key == NULL)
                continue;
            if (labels == NULL)
                labels = cJSON_AddObjectToObject(item, "labels");
            cJSON *own = cJSON_AddObjectToObject(labels, t->lang);
            for (const jv_label *l = t->labels; l->key != NULL; l++)
                cJSON_AddStringToObject(own, l->key, l->text);
        }
    }
    if (desc->units != NULL && desc->units[0].key != NULL) {
        cJSON *units = cJSON_AddObjectToObject(item, "units");
        for (const jv_key_unit *u = desc->units; u->key != NULL; u++)
            cJSON_AddStringToObject(units, u->key, jv_unit_word(u->unit));
    }
}
