/* tests/participation_checks.h — what the participation suites assert
 * about a split of a result (seats, figures, suppression), shared by
 * test_participation.c and test_participation_rules.c. */
#ifndef JV_TESTS_PARTICIPATION_CHECKS_H
#define JV_TESTS_PARTICIPATION_CHECKS_H

#include <cjson/cJSON.h>

#define R0 "regions/0/indicators/participation/result/"
#define R1 "regions/1/indicators/participation/result/"
#define T "total/indicators/participation/result/"

/* split + key in one of a few rotating buffers; the assert_* helpers copy
 * their split path first, so it may itself come from part_at(). */
char *part_at(const char *split, const char *key);
/* The seats of a split, every cell published. */
void assert_seats(cJSON *doc, const char *split_path, double w, double m, double nb, double mixed,
                  double unknown);
/* share (NaN: null), balance, balance_certain (-1 null, 0, 1) and ci
 * (lower NaN: null) of a split. */
void assert_figures(cJSON *doc, const char *split_path, double share, const char *balance,
                    int certain, double lower, double upper);
/* Every measure of a split suppressed: seats of woman and man, the total,
 * and every figure built on them. */
void assert_suppressed(cJSON *doc, const char *split_path);

#endif /* JV_TESTS_PARTICIPATION_CHECKS_H */
