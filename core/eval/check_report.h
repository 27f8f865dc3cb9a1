/* core/eval/check_report.h — the report of `jamvikt check` from the
 * outcomes of a checking read (see check_report.c). */
#ifndef JV_EVAL_CHECK_REPORT_H
#define JV_EVAL_CHECK_REPORT_H

#include <cjson/cJSON.h>

#include "eval/outcomes.h"

/* Per file what was read and every problem found; takes the problem
 * lists out of `out`. */
cJSON *jv_check_report(jv_outcomes *out);

#endif /* JV_EVAL_CHECK_REPORT_H */
