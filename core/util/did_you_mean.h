/* core/util/did_you_mean.h — "did you mean ...?" for a misspelt key or
 * name: the closest candidate by edit distance, or none when nothing is
 * close enough to be a likely typo.
 *
 * Contract:
 *  1. The distance is the optimal-string-alignment distance (insertions,
 *     deletions, substitutions and swaps of two neighbours cost 1),
 *     computed on ASCII-lower-cased bytes, so "Delimiter" and "delimtier"
 *     both find "delimiter".
 *  2. A candidate is close when its distance is at most 1 for words of up
 *     to 3 bytes and at most 2 for longer words; the closest wins, ties go
 *     to the earlier candidate.
 *  3. Words or candidates longer than 64 bytes never match (no allocation).
 */
#ifndef JV_UTIL_DID_YOU_MEAN_H
#define JV_UTIL_DID_YOU_MEAN_H

#include <stddef.h>

/* The closest of `candidates` (NULL-terminated) to `word`, or NULL.
 * Returns one of the candidates (borrowed). */
const char *jv_did_you_mean(const char *word, const char *const *candidates);

/* The distance of rule 1, or a number > 64 when either is longer than 64. */
size_t jv_did_you_mean_distance(const char *a, const char *b);

#endif /* JV_UTIL_DID_YOU_MEAN_H */
