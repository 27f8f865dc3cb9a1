/* plugins/training-reach/training_reach.h — what the files of the
 * training_reach plugin share: the state, and the functions each file
 * offers the callbacks in training_reach.c. Not installed, not an API.
 *
 * A state is either
 *  - a region's (or one chunk's) state from init()/consume(): the person
 *    set, plus in `agg` only the target group values seen, the population
 *    sums and whether the hours column exists; or
 *  - an aggregated state (the total's, or a region's loaded from a saved
 *    state): everything in `agg`, no person at all.
 * tr_state_view() gives the aggregate of either kind, so pool(), cells(),
 * finish() and save() never look at persons directly.
 */
#ifndef JV_TRAINING_REACH_H
#define JV_TRAINING_REACH_H

#include <jamvikt/jamvikt.h>

#include "aggregate.h"
#include "persons.h"

/* The host table the entry function received. */
extern const jv_host *tr_host;

/* Roles of tables[0] `training` and tables[1] `population`, in declaration
 * order (= column order in batches, batch.h rule 1). */
enum { TR_TRAINING = 0, TR_POPULATION = 1 };
enum { TR_T_PERSON, TR_T_GENDER, TR_T_TARGET_GROUP, TR_T_COMPLETED, TR_T_HOURS,
       TR_T_ROLES };
enum { TR_P_TARGET_GROUP, TR_P_GENDER, TR_P_SIZE, TR_P_ROLES };

/* A category column's dictionary codes → group indices, filled lazily, so
 * a scope lists only the values found in its own rows. */
typedef struct tr_codes {
    uint64_t dict_id;
    uint32_t *to_group; /* TR_NO_INDEX: not seen in a row yet */
    size_t size;
} tr_codes;

typedef struct tr_state {
    int aggregated;     /* 1: total or loaded; `agg` holds everything */
    tr_persons persons;
    tr_aggregate agg;
    tr_codes training_groups, population_groups;
    uint64_t *hashes;   /* consume(): the batch's identifier hashes */
    size_t hashes_capacity;
    char *region;       /* the region's name for messages, or NULL */
} tr_state;

/* The aggregate of `state`: its own `agg` when aggregated, else computed
 * into `scratch` (initialised by the caller, who clears it afterwards).
 * -1 after host->error(). */
int tr_state_view(jv_ctx *ctx, const tr_state *state, tr_aggregate *scratch,
                  const tr_aggregate **out);

/* cells.c: the disclosure key of target group i ("tg/<value>"),
 * malloc'ed (NULL when memory is exhausted). */
char *tr_group_key(const tr_aggregate *agg, uint32_t i);
/* cells.c: declares the groups and families (INDICATORS.md). */
int tr_cells(jv_ctx *ctx, const tr_aggregate *agg, jv_cells *cells);

/* result.c: a region's data error: a target group reached above its
 * population. -1 after host->error() naming region and group. */
int tr_check_population(jv_ctx *ctx, const tr_aggregate *agg, const char *region);
/* result.c: writes the result object; `any_population`: some region of the
 * evaluation has population rows (chooses the headline). */
int tr_write_result(jv_ctx *ctx, const tr_aggregate *agg, int any_population,
                    jv_writer *out);

/* saved.c: a finished region's aggregate as JSON, and back. */
int tr_save(jv_ctx *ctx, const tr_aggregate *agg, const char *region,
            jv_writer *out);
/* Fills `agg` (initialised, empty); *region gets the saved region name
 * (host->strdup) or NULL. -1 after host->error(). */
int tr_load(jv_ctx *ctx, const jv_node *in, tr_aggregate *agg, char **region);

#endif /* JV_TRAINING_REACH_H */
