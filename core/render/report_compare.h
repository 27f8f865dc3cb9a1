/* core/render/report_compare.h — the report's tables that set regions side
 * by side (report_compare.c). Internal to core/render. */
#ifndef JV_RENDER_REPORT_COMPARE_H
#define JV_RENDER_REPORT_COMPARE_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/report_model.h"

/* The comparison and goal tables across scopes, added to the report. */
void jv_report_compare(jv_report *report, const cJSON *doc);

#endif /* JV_RENDER_REPORT_COMPARE_H */
