/* core/render/report_trend.h — the report's trend tables (report_trend.c):
 * every indicator's headline per period. Internal to core/render. */
#ifndef JV_RENDER_REPORT_TREND_H
#define JV_RENDER_REPORT_TREND_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/report_model.h"

/* The trend tables, added to the report (none without periods), and
 * whether a trend's "change" has an interval that excludes 0. */
void jv_report_trend(jv_report *report, const cJSON *doc);
gboolean jv_trend_change_excludes_zero(const cJSON *change);

#endif /* JV_RENDER_REPORT_TREND_H */
