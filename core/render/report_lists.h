/* core/render/report_lists.h — the tables of the lists in one indicator's
 * result (report_lists.c): breakdown values, arenas, target groups, areas
 * and goals, built on the section's cells (report_cells.h). Internal to
 * core/render. */
#ifndef JV_RENDER_REPORT_LISTS_H
#define JV_RENDER_REPORT_LISTS_H

#include <cjson/cJSON.h>

#include "render/report_cells.h"

/* The table of a list (breakdown values, arenas, target groups, areas,
 * goals) added to the section; nothing for an empty list or one of no
 * objects. `main`: the result's main measure. */
void jv_section_list_table(const jv_section_ctx *c, const char *caption, const char *value_header,
                           const cJSON *list, const char *main);

#endif /* JV_RENDER_REPORT_LISTS_H */
