/* core/render/trend_text.h — the trend tables for the terminal table
 * (trend_text.c, used by table.c). Internal to core/render. */
#ifndef JV_RENDER_TREND_TEXT_H
#define JV_RENDER_TREND_TEXT_H

#include <glib.h>

#include "render/report_model.h"

/* The report's trend tables as aligned text, appended to `out`. */
void jv_trend_text(GString *out, const jv_report *report);

#endif /* JV_RENDER_TREND_TEXT_H */
