/* core/render/report.h — what a report shows, before any format: the
 * result document turned into captioned tables of display-ready cells, in
 * one language. Markdown, HTML and the terminal table draw from this
 * model, so they show the same figures with the same rounding and labels.
 *
 * Contract:
 *  1. Built from the result document only (doc.h), through each
 *     indicator's headline and the shared shapes: the main split (a table
 *     per scope and indicator: total, women, men, and the other categories
 *     when non-zero or suppressed), object splits, gender objects, lists of
 *     splits (breakdown values, arenas), other lists, flat objects and key
 *     figures. Unknown shapes are left out (the CSV carries every number).
 *  2. A table that shows women's shares carries one bar per row for a
 *     chart (`bars`): every chart has its table.
 *  3. A null, or a value that is not a number, shows why it is missing
 *     (symbols.h): × when it is suppressed (its cell, or a cell it is
 *     built on), . when it cannot occur in that row, .. otherwise; an
 *     indicator a scope did not compute is "..¹", note ¹ giving the reason.
 *  4. Indicators are named by their titles (words.h), never by their ids,
 *     except in the (not published) table of indicators.
 * The report owns everything in it; jv_report_free() frees it all.
 * Its types and building blocks are report_model.h; report.c builds it
 * from its stages: one indicator's section (report_result.h), the tables
 * across scopes (report_compare.h) and the trends (report_trend.h).
 */
#ifndef JV_RENDER_REPORT_H
#define JV_RENDER_REPORT_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"
#include "render/report_model.h"

jv_report *jv_report_build(const cJSON *doc, jv_lang lang);
/* The same, for publication when `publish` (see render.h). */
jv_report *jv_report_build_with(const cJSON *doc, jv_lang lang, gboolean publish);
void jv_report_free(jv_report *report);

#endif /* JV_RENDER_REPORT_H */
