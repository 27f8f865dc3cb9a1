/* core/util/text.h — small text checks the core shares. (The did-you-mean
 * for unknown names is util/did_you_mean.h.) */
#ifndef JV_UTIL_TEXT_H
#define JV_UTIL_TEXT_H

/* TRUE when s matches [a-z][a-z0-9_]* (plugin, table, role, param names). */
int jv_text_is_identifier(const char *s);

#endif /* JV_UTIL_TEXT_H */
