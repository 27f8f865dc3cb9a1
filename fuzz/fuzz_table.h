/* fuzz/fuzz_table.h — what the two table fuzz targets (fuzz_csv.c and
 * fuzz_xlsx.c) share: one role of every type, reading a table to its end
 * while touching every value, and the rule that `check` predicts `run`.
 *
 * Every check fails with __builtin_trap(), so libFuzzer (and fuzz/replay.c
 * under the sanitizers) reports it as a crash with the input that made it. */
#ifndef JV_FUZZ_TABLE_H
#define JV_FUZZ_TABLE_H

#include <glib.h>
#include <stddef.h>

#include <jamvikt/plugin.h>

#include "data/dataset.h"
#include "data/problem.h"

/* One role of every type (gender, coded and open categories, id, number,
 * integer, boolean) and an optional role no seed has, named as in the
 * built-in plugins' tables so that the seeds (tests/ and examples/)
 * reach the value conversions at once. */
extern const jv_role_request fuzz_table_roles[];
extern const size_t fuzz_table_n_roles;

/* Reads every rowset, touching each value so that ASan sees every access;
 * traps when a code does not name a value of its dictionary. FALSE when
 * reading stopped at an error. */
gboolean fuzz_table_drain(jv_table_reader *reader);

/* A whole-table read with fuzz_table_roles: as `run` reads (problems
 * NULL) or as `check` reads (into `problems`; a checking reader never
 * fails). FALSE when it failed; else the rows kept and skipped. */
gboolean fuzz_table_read_whole(const jv_table_source *source, jv_problem_list *problems,
                               guint64 *rows, guint64 *skipped);

/* Reads `source` as `check` does and traps unless it predicts the run
 * that gave `run_ok`, `rows` and `skipped`: an error exactly when the run
 * failed, else the same rows kept and skipped; and every problem names
 * its code, message and file. */
void fuzz_table_check_predicts_run(const jv_table_source *source, gboolean run_ok, guint64 rows,
                                   guint64 skipped);

#endif /* JV_FUZZ_TABLE_H */
