/* core/util/text.h — small text helpers the core shares: edit distance and
 * the did-you-mean suggestion used in every "unknown name" message. */
#ifndef JV_UTIL_TEXT_H
#define JV_UTIL_TEXT_H

#include <stddef.h>

/* Levenshtein distance between two byte strings. */
size_t jv_text_distance(const char *a, const char *b);
/* The candidate closest to `word` (NULL-terminated list) when it is close
 * enough to be a likely typo (distance <= 2, or <= a third of the length),
 * else NULL. Borrowed from candidates. */
const char *jv_text_closest(const char *word, const char *const *candidates);
/* TRUE when s matches [a-z][a-z0-9_]* (plugin, table, role, param names). */
int jv_text_is_identifier(const char *s);

#endif /* JV_UTIL_TEXT_H */
