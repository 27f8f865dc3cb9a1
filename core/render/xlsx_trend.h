/* core/render/xlsx_trend.h — the trend sheet of the Excel workbook
 * (xlsx_trend.c; the workbook's contract is xlsx.h). Internal to
 * core/render. */
#ifndef JV_RENDER_XLSX_TREND_H
#define JV_RENDER_XLSX_TREND_H

#include "render/xlsx.h"

/* The trend sheet (headline per period and the change), added only when
 * the document has periods. */
void jv_xlsx_trend_sheet(jv_xlsx *x);

#endif /* JV_RENDER_XLSX_TREND_H */
