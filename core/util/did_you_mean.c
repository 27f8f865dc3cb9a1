/* core/util/did_you_mean.c — closest candidate by optimal-string-alignment
 * distance (see did_you_mean.h). Three rolling rows on the stack: no
 * allocation, so it is safe to call on any input. */
#include "did_you_mean.h"

#include <string.h>

#define MAX_WORD 64

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t jv_did_you_mean_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAX_WORD || m > MAX_WORD)
        return MAX_WORD + 1;
    /* rows[k % 3] is row i - 2 + k of the dynamic-programming table. */
    size_t rows[3][MAX_WORD + 1];
    size_t *before = rows[0], *previous = rows[1], *current = rows[2];
    for (size_t j = 0; j <= m; j++)
        previous[j] = j;
    for (size_t i = 1; i <= n; i++) {
        current[0] = i;
        unsigned char ca = lower((unsigned char)a[i - 1]);
        for (size_t j = 1; j <= m; j++) {
            unsigned char cb = lower((unsigned char)b[j - 1]);
            size_t cost = ca == cb ? 0 : 1;
            size_t d = min3(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && ca == lower((unsigned char)b[j - 2]) &&
                lower((unsigned char)a[i - 2]) == cb && before[j - 2] + 1 < d)
                d = before[j - 2] + 1;
            current[j] = d;
        }
        size_t *spare = before;
        before = previous;
        previous = current;
        current = spare;
    }
    return previous[m];
}

const char *jv_did_you_mean(const char *word, const char *const *candidates)
{
    if (word == NULL || candidates == NULL)
        return NULL;
    size_t limit = strlen(word) <= 3 ? 1 : 2;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (const char *const *c = candidates; *c != NULL; c++) {
        size_t d = jv_did_you_mean_distance(word, *c);
        if (d < best_distance) {
            best = *c;
            best_distance = d;
        }
    }
    return best;
}
