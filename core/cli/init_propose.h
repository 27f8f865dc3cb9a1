/* core/cli/init_propose.h — the evaluation `jamvikt init` proposes for a
 * folder of tables: which table each file is (by its columns, never its
 * name), the column of each role, the codes, the dialect, the regions and
 * the indicators whose tables were found; and what it could not decide.
 *
 * Contract:
 *  1. Table kinds and their roles come from the loaded plugins (the
 *     union over plugins of each table's roles; a role is required when a
 *     plugin requires it), so a custom plugin's table is proposed too when
 *     its roles are named like the roles.
 *  2. A file is the kind whose required roles all have a column and which
 *     has the most roles with one; failing that, the kind with the most
 *     (at least one besides gender), its missing roles reported.
 *  3. Every code of a gender, coded category or boolean column is looked
 *     up as a run would; one the readers do not know but the vocabulary
 *     does (init_columns.h) is written under "codes", any other reported.
 *  4. Issues carry anchors: strings that, found one after the other in
 *     the written file, lead to the line to edit.
 * Everything returned is owned by the caller: jv_init_proposal_free(). */
#ifndef JV_CLI_INIT_PROPOSE_H
#define JV_CLI_INIT_PROPOSE_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "cli/init_scan.h"
#include "plugin/loader.h"

/* One region's folder (or, national: the one folder) and its files. */
typedef struct jv_init_region {
    char *name;       /* from the folder; replaced by the region column's
                            single value when the files have one */
    char *dir;        /* as the evaluation file will say it */
    GPtrArray *files; /* jv_init_file*, owned */
} jv_init_region;

typedef struct jv_init_issue {
    char *message;
    char *anchors[4]; /* NULL-ended */
} jv_init_issue;

typedef struct jv_init_proposal {
    cJSON *doc;
    GPtrArray *issues; /* jv_init_issue* */
    GPtrArray *found;  /* char*: what was recognised, one line each */
} jv_init_proposal;

/* `regions` (jv_init_region*) borrowed; national: one region whose rows
 * are split by a region column. */
jv_init_proposal *jv_init_propose(const jv_registry *registry, const char *name, GPtrArray *regions,
                                  gboolean national);
void jv_init_proposal_free(jv_init_proposal *proposal);
void jv_init_region_free(jv_init_region *region);

#endif /* JV_CLI_INIT_PROPOSE_H */
