/* core/eval/warning_disclosure.h — the result's warnings without counts
 * that disclosure control suppresses (rules in warning_disclosure.c). */
#ifndef JV_EVAL_WARNING_DISCLOSURE_H
#define JV_EVAL_WARNING_DISCLOSURE_H

#include <glib.h>

/* `text` as the result may state it for a scope whose counts are hidden
 * or not, whose cell of unknown gender is suppressed or not, under
 * min_cell: newly allocated, or NULL when the line must be left out. */
char *jv_warning_disclose(const char *text, gboolean hidden, gboolean unknown_hidden,
                          int64_t min_cell);

#endif /* JV_EVAL_WARNING_DISCLOSURE_H */
