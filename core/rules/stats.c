/* core/rules/stats.c — the statistics of INDICATORS.md "Common rules":
 * the normal quantile (Wichura's AS241, PPND16, full double precision),
 * z for a confidence level, the Wilson score interval, Newcombe's hybrid
 * score interval for a difference of proportions (method 10), the women's
 * share, the 40/60 class and whether the class is certain.
 *
 * Contract (core/rules/stats.h): pure functions, no allocation, no GLib.
 * Anything that cannot be computed — including bad input such as k > n or
 * negative counts — is NaN (or -1 for balance_certain), never a crash.
 */
#include "rules/stats.h"

#include <math.h>
#include <stddef.h>

/* Horner evaluation of c[0] + c[1] r + ... + c[7] r^7. */
static double poly7(const double c[8], double r)
{
    double v = c[7];
    for (int i = 6; i >= 0; i--)
        v = v * r + c[i];
    return v;
}

/* Coefficients of AS241 PPND16 (Wichura 1988, Applied Statistics 37:477),
 * lowest power first. */
static const double as241_a[8] = {3.3871328727963666080e+0, 1.3314166789178437745e+2,
                                  1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                  4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                  3.3430575583588128105e+4, 2.5090809287301226727e+3};
static const double as241_b[8] = {1.0,
                                  4.2313330701600911252e+1,
                                  6.8718700749205790830e+2,
                                  5.3941960214247511077e+3,
                                  2.1213794301586595867e+4,
                                  3.9307895800092710610e+4,
                                  2.8729085735721942674e+4,
                                  5.2264952788528545610e+3};
static const double as241_c[8] = {1.42343711074968357734e+0, 4.63033784615654529590e+0,
                                  5.76949722146069140550e+0, 3.64784832476320460504e+0,
                                  1.27045825245236838258e+0, 2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
static const double as241_d[8] = {1.0,
                                  2.05319162663775882187e+0,
                                  1.67638483018380384940e+0,
                                  6.89767334985100004550e-1,
                                  1.48103976427480074590e-1,
                                  1.51986665636164571966e-2,
                                  5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
static const double as241_e[8] = {6.65790464350110377720e+0, 5.46378491116411436990e+0,
                                  1.78482653991729133580e+0, 2.96560571828504891230e-1,
                                  2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
static const double as241_f[8] = {1.0,
                                  5.99832206555887937690e-1,
                                  1.36929880922735805310e-1,
                                  1.48753612908506148525e-2,
                                  7.86869131145613259100e-4,
                                  1.84631831751005468180e-5,
                                  1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};

double jv_stats_normal_quantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return NAN; /* also catches NaN */
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * poly7(as241_a, r) / poly7(as241_b, r);
    }
    double r = q < 0.0 ? p : 1.0 - p;
    r = sqrt(-log(r));
    double x;
    if (r <= 5.0) {
        r -= 1.6;
        x = poly7(as241_c, r) / poly7(as241_d, r);
    } else {
        r -= 5.0;
        x = poly7(as241_e, r) / poly7(as241_f, r);
    }
    return q < 0.0 ? -x : x;
}

double jv_stats_z(double confidence)
{
    if (!(confidence >= 0.0 && confidence < 1.0))
        return NAN;
    return jv_stats_normal_quantile((1.0 + confidence) / 2.0);
}

static void set_nan(double ci[2])
{
    ci[0] = NAN;
    ci[1] = NAN;
}

void jv_stats_wilson(int64_t k, int64_t n, double z, double ci[2])
{
    if (ci == NULL)
        return;
    if (n <= 0 || k < 0 || k > n || !isfinite(z)) {
        set_nan(ci);
        return;
    }
    double nd = (double)n;
    double p = (double)k / nd;
    double z2 = z * z;
    double denominator = 1.0 + z2 / nd;
    double centre = (p + z2 / (2.0 * nd)) / denominator;
    double half = fabs(z) * sqrt(p * (1.0 - p) / nd + z2 / (4.0 * nd * nd)) / denominator;
    double lower = centre - half;
    double upper = centre + half;
    /* The exact interval always lies in [0, 1] (its lower limit is exactly
     * 0 at k = 0, its upper exactly 1 at k = n); clamping only removes the
     * rounding error of the last bit, so [0, 0.40) tests stay exact. */
    ci[0] = lower < 0.0 ? 0.0 : lower;
    ci[1] = upper > 1.0 ? 1.0 : upper;
}

void jv_stats_newcombe(int64_t k1, int64_t n1, int64_t k2, int64_t n2, double z, double *difference,
                       double ci[2])
{
    double l1u1[2], l2u2[2];
    jv_stats_wilson(k1, n1, z, l1u1);
    jv_stats_wilson(k2, n2, z, l2u2);
    double d = NAN;
    double lower = NAN, upper = NAN;
    if (!isnan(l1u1[0]) && !isnan(l2u2[0])) {
        double p1 = (double)k1 / (double)n1;
        double p2 = (double)k2 / (double)n2;
        d = p1 - p2;
        double a = p1 - l1u1[0], b = l2u2[1] - p2;
        double c = l1u1[1] - p1, e = p2 - l2u2[0];
        lower = d - sqrt(a * a + b * b);
        upper = d + sqrt(c * c + e * e);
    }
    if (difference != NULL)
        *difference = d;
    if (ci != NULL) {
        ci[0] = lower;
        ci[1] = upper;
    }
}

double jv_stats_women_share(double q_woman, double q_man)
{
    double denominator = q_woman + q_man;
    if (isnan(denominator) || denominator == 0.0)
        return NAN;
    return q_woman / denominator;
}

jv_balance jv_stats_balance(double share, double low, double high)
{
    if (isnan(share) || isnan(low) || isnan(high))
        return JV_BALANCE_NO_DATA;
    if (share < low)
        return JV_BALANCE_MEN_DOMINATED;
    if (share > high)
        return JV_BALANCE_WOMEN_DOMINATED;
    return JV_BALANCE_BALANCED;
}

int jv_stats_balance_certain(jv_balance cls, int64_t k, int64_t n, double z, double low,
                             double high)
{
    double ci[2];
    jv_stats_wilson(k, n, z, ci);
    if (isnan(ci[0]) || isnan(ci[1]) || isnan(low) || isnan(high))
        return -1;
    switch (cls) {
    case JV_BALANCE_MEN_DOMINATED:
        return ci[0] >= 0.0 && ci[1] < low;
    case JV_BALANCE_BALANCED:
        return ci[0] >= low && ci[1] <= high;
    case JV_BALANCE_WOMEN_DOMINATED:
        return ci[0] > high && ci[1] <= 1.0;
    case JV_BALANCE_NONE:
    case JV_BALANCE_NO_DATA:
    default:
        return -1;
    }
}

const char *jv_stats_balance_name(jv_balance cls)
{
    switch (cls) {
    case JV_BALANCE_NO_DATA:
        return "no_data";
    case JV_BALANCE_MEN_DOMINATED:
        return "men_dominated";
    case JV_BALANCE_BALANCED:
        return "balanced";
    case JV_BALANCE_WOMEN_DOMINATED:
        return "women_dominated";
    case JV_BALANCE_NONE:
    default:
        return NULL;
    }
}
