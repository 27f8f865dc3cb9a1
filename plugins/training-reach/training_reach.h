/* plugins/training-reach/training_reach.h — what the files of the
 * training_reach plugin share: the state, the gender tally it is counted
 * in, and the functions each file offers the callbacks in
 * training_reach.c. Not installed, not an API.
 *
 * The figures live in one gender tally of the host (jamvikt/tally.h):
 *  - its main split has one item per distinct person of a region: persons
 *    reached (protected), participations, hours, persons whose genders
 *    disagree;
 *  - its breakdown "target_group" overlaps (tally.h rule 8): a person
 *    reached in two groups counts once in the main split and once, with
 *    all their figures, in each group; a group also holds the persons of
 *    it "covered" (reached in a scope with population rows for the group),
 *    the population and its number of rows.
 * A region's state (or a chunk's) holds its persons, and in the tally only
 * the population rows and a zero item per target group seen in a training
 * row (so every such group is listed); tr_state_build() then counts the
 * persons into the tally once, when pool(), cells(), finish() or save()
 * first needs the figures — a cache in the state, fine as a state is used
 * by one thread at a time and no row comes after. A built state (the
 * total's from init(), a loaded one, a region's after the build) is read
 * through its tally only, so a region saved and loaded gives the figures
 * of the region itself.
 */
#ifndef JV_TRAINING_REACH_H
#define JV_TRAINING_REACH_H

#include <jamvikt/jamvikt.h>

/* The host table the entry function received. */
extern const jv_host *tr_host;

/* Roles of tables[0] `training` and tables[1] `population`, in declaration
 * order (= column order in batches, batch.h rule 1). */
enum { TR_TRAINING = 0, TR_POPULATION = 1 };
enum { TR_T_PERSON, TR_T_GENDER, TR_T_TARGET_GROUP, TR_T_COMPLETED, TR_T_HOURS, TR_T_ROLES };
enum { TR_P_TARGET_GROUP, TR_P_GENDER, TR_P_SIZE, TR_P_ROLES };

/* The tally's measures (cells[g * TR_MEASURES + m]) and its breakdown. */
enum {
    TR_PERSONS,
    TR_PARTICIPATIONS,
    TR_HOURS,
    TR_DISAGREEING,
    TR_COVERED,
    TR_POPULATION_SIZE,
    TR_POPULATION_ROWS,
    TR_MEASURES
};
enum { TR_GROUPS = 0 };

#define TR_NO_GROUP UINT32_MAX

/* What configure() made of the parameters. */
typedef struct tr_instance {
    int completed_only; /* count only completed rows */
} tr_instance;

/* A distinct person (INDICATORS.md: distinct by `person` within a region).
 * Only what merge() needs to stay exact in any order: the gender of the
 * row with the smallest file position among the rows with a known gender
 * (min wins), the set of known genders seen (bit g; two bits = rows that
 * disagree), the counted rows, their hours and the target groups of
 * counted rows (the first inline, every further one in `pairs`). */
typedef struct tr_person {
    int64_t participations;   /* counted rows */
    int64_t hours;            /* fixed point, sum over counted rows */
    uint64_t gender_position; /* file position of the row that set gender */
    uint32_t group;           /* first target group of a counted row */
    uint8_t gender;           /* jv_gender; JV_UNKNOWN until a known one */
    uint8_t genders_seen;     /* bit g: a row with known gender g */
} tr_person;

/* The persons of a region's rows (persons.c). Person i is key i of `ids`;
 * group indices are those of `names`, which holds every target group value
 * of the training dictionaries (map_translate); `seen[k]`: value k is in a
 * training row. Memory grows with persons and values, never with rows. */
typedef struct tr_persons {
    jv_map *ids;      /* identifiers, in order of first sight */
    tr_person *items; /* map_size(ids) used */
    size_t capacity;
    jv_map *names; /* target group values */
    uint8_t *seen; /* map_size(names) used */
    size_t seen_capacity;
    jv_map *pairs; /* further groups: (person, group) as 8 bytes */
} tr_persons;

typedef struct tr_state {
    tr_persons persons; /* a region's (ids == NULL: none) */
    jv_tally *tally;
    int built;         /* the persons are counted into the tally */
    int hours_present; /* some batch had the hours column */
    char *region;      /* the region's name for messages, or NULL */
} tr_state;

/* Whether row i has no value in `column` (an absent column has none). */
static inline int tr_missing(const jv_column *column, size_t i)
{
    return !column->present || (column->missing != NULL && column->missing[i]);
}

/* persons.c */
void tr_persons_init(tr_persons *set);
void tr_persons_clear(tr_persons *set);
/* Adds a batch of the training table (row errors: hours). -1 after
 * host->error()/row_error(). */
int tr_persons_consume(jv_ctx *ctx, tr_state *state, const jv_batch *batch);
/* into += from (persons, their groups, seen values). -1 after
 * host->error() (a person's hours past INT64_MAX). */
int tr_persons_merge(jv_ctx *ctx, tr_persons *into, const tr_persons *from);
/* Counts a region's persons into state->tally; nothing to do for a built
 * state. -1 after host->error(). */
int tr_state_build(jv_ctx *ctx, const tr_state *state);

/* result.c: declares the groups and families (INDICATORS.md). */
int tr_cells(jv_ctx *ctx, const tr_state *state, jv_cells *cells);
/* result.c: a region's data error: a target group reached above its
 * population. -1 after host->error() naming region and group. */
int tr_check_population(jv_ctx *ctx, const tr_state *state);
/* result.c: whether any target group of `tally` has population rows. */
int tr_has_population(const jv_tally *tally);
/* result.c: writes the result object; `any_population`: some region of
 * the evaluation has population rows (chooses the headline). */
int tr_write_result(jv_ctx *ctx, const tr_state *state, int any_population, jv_writer *out);

#endif /* JV_TRAINING_REACH_H */
