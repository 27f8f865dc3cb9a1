/* core/rules/stats.h — the statistics of INDICATORS.md, as plain
 * functions: normal quantile, Wilson and Newcombe intervals, women's share,
 * the 40/60 class and whether it is certain. The host API wraps these for
 * plugins; nothing here knows about plugins or GLib.
 *
 * Undefined results are NaN (a share with no women and no men, an interval
 * over n = 0), never an error.
 */
#ifndef JV_RULES_STATS_H
#define JV_RULES_STATS_H

#include <stdint.h>
#include <jamvikt/host.h>

/* Φ⁻¹(p) for 0 < p < 1 (Wichura's AS241); NaN outside. */
double jv_stats_normal_quantile(double p);
/* z = Φ⁻¹((1 + confidence) / 2). */
double jv_stats_z(double confidence);
/* Wilson score interval for k of n; NaNs when n == 0. */
void jv_stats_wilson(int64_t k, int64_t n, double z, double ci[2]);
/* d = k1/n1 - k2/n2 with Newcombe's hybrid score interval (method 10);
 * NaNs when n1 or n2 is 0. */
void jv_stats_newcombe(int64_t k1, int64_t n1, int64_t k2, int64_t n2, double z, double *difference,
                       double ci[2]);
/* q_woman / (q_woman + q_man), NaN when the denominator is 0 or NaN. */
double jv_stats_women_share(double q_woman, double q_man);
/* The 40/60 class of `share` in the band [low, high]. */
jv_balance jv_stats_balance(double share, double low, double high);
/* 1 when the Wilson interval of k of n lies inside cls's band
 * (men_dominated [0, low), balanced [low, high], women_dominated (high, 1]),
 * 0 when not, -1 when n == 0 or cls is NONE or NO_DATA. */
int jv_stats_balance_certain(jv_balance cls, int64_t k, int64_t n, double z, double low,
                             double high);
/* "no_data", "men_dominated", "balanced", "women_dominated"; NULL for NONE. */
const char *jv_stats_balance_name(jv_balance cls);

#endif /* JV_RULES_STATS_H */
