/* core/eval/signal_cleanup.c — see signal_cleanup.h. */
#include "eval/signal_cleanup.h"

#include <signal.h>
#include <stddef.h>
#include <unistd.h>

static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};
#define N_SIGNALS (sizeof SIGNALS / sizeof SIGNALS[0])

static char *const *volatile armed_paths;
static const char *volatile armed_dir;
static struct sigaction previous[N_SIGNALS];
static volatile sig_atomic_t armed;

static void restore(void)
{
    for (size_t i = 0; i < N_SIGNALS; i++)
        sigaction(SIGNALS[i], &previous[i], NULL);
}

static void on_signal(int sig)
{
    if (armed) {
        armed = 0;
        for (char *const *p = armed_paths; p != NULL && *p != NULL; p++)
            unlink(*p);
        if (armed_dir != NULL)
            rmdir(armed_dir);
        restore();
    }
    raise(sig); /* blocked until we return, then handled as before */
}

void jv_signal_cleanup_arm(char *const *paths, const char *dir)
{
    armed_paths = paths;
    armed_dir = dir;
    struct sigaction action = {.sa_handler = on_signal};
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < N_SIGNALS; i++)
        sigaddset(&action.sa_mask, SIGNALS[i]);
    armed = 1;
    for (size_t i = 0; i < N_SIGNALS; i++)
        sigaction(SIGNALS[i], &action, &previous[i]);
}

void jv_signal_cleanup_disarm(void)
{
    if (!armed)
        return;
    armed = 0;
    restore();
    armed_paths = NULL;
    armed_dir = NULL;
}
