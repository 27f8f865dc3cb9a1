/* plugins/funding-share/funding_share.h — what funding_share.c (descriptor,
 * configure, consume, merge/pool, save/load) and funding_share_result.c
 * (finish) share. Internal to the module: only jamvikt_plugin_entry is
 * exported.
 *
 * A state is one gender tally (jamvikt/tally.h, SDK 1.1) with the
 * measures below, for the main split and every value of each params.by
 * column (INDICATORS.md "funding_share"). Sums of money are fixed-point
 * integers (× JV_FIXED_SCALE); the host keeps every cell, sum and total
 * exact (tally.h rule 2), merges, pools, saves, loads and declares the
 * disclosure cells.
 */
#ifndef JV_FUNDING_SHARE_H
#define JV_FUNDING_SHARE_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/jamvikt.h>

/* The host table from jamvikt_plugin_entry (set once, read everywhere). */
extern const jv_host *fs_host;

/* The static roles of table `funding`, in batch column order. */
enum { FS_GENDER, FS_AMOUNT_GRANTED, FS_AMOUNT_APPLIED, FS_DECISION, FS_N_ROLES };
/* Codes of the decision role (its canonical values, in order). */
enum { FS_DECISION_GRANTED = 0, FS_DECISION_REJECTED = 1 };

/* The tally's measures, in this order in a cell. applications and granted
 * are the protected counts (applications ranks groups); applied_rows counts
 * the rows with an amount_applied value, so a scope without any can write
 * amount_applied as null. */
enum { FS_APPLICATIONS, FS_GRANTED, FS_APPLIED, FS_AMOUNT, FS_APPLIED_ROWS, FS_N_MEASURES };

/* What configure() read: the breakdown columns and their batch columns. */
typedef struct fs_instance {
    size_t n_by;
    char **by;      /* column (role) names: host->param_columns's block */
    int *by_column; /* index of each in batches of `funding` */
} fs_instance;

int fs_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out);

#endif /* JV_FUNDING_SHARE_H */
