/* core/render/xlsx_sheet.h — one indicator's sheet of the Excel workbook,
 * in wide form (xlsx_sheet.c; the workbook's contract is xlsx.h).
 * Internal to core/render. */
#ifndef JV_RENDER_XLSX_SHEET_H
#define JV_RENDER_XLSX_SHEET_H

#include "render/xlsx.h"

/* The indicator's sheet, added to the workbook. */
void jv_xlsx_indicator_sheet(jv_xlsx *x, const char *indicator);

#endif /* JV_RENDER_XLSX_SHEET_H */
