/* core/render/report_result.h — one indicator's section of the report in
 * one scope (report_result.c): its headline as a sentence, then its tables
 * recognised by shape (report.h rule 1). Internal to core/render. */
#ifndef JV_RENDER_REPORT_RESULT_H
#define JV_RENDER_REPORT_RESULT_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"
#include "render/report_model.h"

/* One indicator's section in one scope (NULL when the scope does not
 * have it). */
jv_section *jv_report_section(const cJSON *doc, jv_lang lang, const char *indicator,
                              const cJSON *entry);
/* The same with the note marker of a skipped indicator (or NULL) and
 * without file names when `publish`. */
jv_section *jv_report_section_with(const cJSON *doc, jv_lang lang, const char *indicator,
                                   const cJSON *entry, const char *marker, gboolean publish);

#endif /* JV_RENDER_REPORT_RESULT_H */
