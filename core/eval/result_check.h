/* core/eval/result_check.h — the checks a result document passes before
 * `jamvikt report` renders it (DESIGN.md "Result document", INDICATORS.md
 * "Result shapes"): the frame (jamvikt, evaluation with every option
 * checked as `run` checks it, regions, total, summary, warnings), every
 * indicator entry (status, rows), and inside each result every key of the
 * shared vocabulary — counts whole and >= 0, shares in [0, 1], intervals
 * ordered, balance classes and units from their lists, the five genders of
 * every by_gender — and the invariants of INDICATORS.md (granted <=
 * applications, persons_reached <= participations, chairs <= seats).
 * Messages name the file and the JSON path.
 *
 * Sections of the document and of a scope are tables in result_check.c: a
 * new section (e.g. a scope's "periods" and "trend") is one entry and one
 * function. */
#ifndef JV_EVAL_RESULT_CHECK_H
#define JV_EVAL_RESULT_CHECK_H

#include <cjson/cJSON.h>
#include <glib.h>

#define JV_RESULT_SCHEMA 1

/* TRUE when `doc` (borrowed) is a valid result document; else FALSE and
 * one GError naming `file` and the JSON path. */
gboolean jv_result_check(const cJSON *doc, const char *file, GError **error);

#endif /* JV_EVAL_RESULT_CHECK_H */
