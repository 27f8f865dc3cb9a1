/* core/plugin/tally_private.h — the inside of a jv_tally, shared by
 * tally.c (creation, merge), tally_add.c (counting), tally_cells.c
 * (reading, disclosure) and tally_save.c (save, load). Types
 * only: the functions of the tally's files are in tally_impl.h. */
#ifndef JV_PLUGIN_TALLY_PRIVATE_H
#define JV_PLUGIN_TALLY_PRIVATE_H

#include <jamvikt/host.h>
#include <stdint.h>

#define TALLY_MAX_MEASURES 16
#define TALLY_NOT_YET UINT32_MAX /* a dictionary code not translated yet */

typedef struct tally_breakdown {
    char *name;
    int column;      /* batch column, or -1 */
    int overlapping; /* tally.h rule 8: counted by tally_add_value only */
    jv_map *values;  /* value → index (insertion order) */
    int64_t *cells;  /* index * stride + g * n_measures + m */
    size_t capacity; /* values the cells array has room for */
    /* the dictionary translation of tally_add (lazy: only values of
     * counted rows are interned, tally.h rule 3) */
    uint64_t dict_id;
    uint32_t *codes; /* code → index or TALLY_NOT_YET */
    size_t n_codes, codes_capacity;
    uint32_t empty; /* index of "" or TALLY_NOT_YET */
    uint32_t *rows; /* tally_add's scratch: the value index per row */
    size_t rows_capacity;
    /* caches, dropped when a value is added */
    size_t *sorted; /* sorted position → index */
    char **keys;    /* sorted position → disclosure key */
} tally_breakdown;

struct jv_tally {
    const jv_host *host;
    const jv_tally_spec *spec;
    size_t n_measures;
    size_t stride;                   /* JV_GENDERS * n_measures */
    int at_most[TALLY_MAX_MEASURES]; /* measure index or -1 */
    int64_t main[JV_GENDERS * TALLY_MAX_MEASURES];
    int64_t totals[TALLY_MAX_MEASURES]; /* per measure over the scope */
    size_t n_breakdowns;
    tally_breakdown *by;
};

#endif /* JV_PLUGIN_TALLY_PRIVATE_H */
