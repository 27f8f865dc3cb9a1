/* core/plugin/probe.c — the child-process plugin probe (see probe.h). */
#include "plugin/probe.h"
#include "plugin/guard.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT_S 10.0

static double timeout_seconds(void)
{
    const char *env = g_getenv("JAMVIKT_PROBE_TIMEOUT");
    double t = env ? g_ascii_strtod(env, NULL) : 0;
    return t > 0 && t <= 3600 ? t : DEFAULT_TIMEOUT_S;
}

static void write_all(int fd, const char *text)
{
    size_t n = strlen(text);
    while (n > 0) {
        ssize_t w = write(fd, text, n);
        if (w <= 0)
            return;
        text += w;
        n -= (size_t)w;
    }
}

/* The child: load, report, _exit. Never returns. */
static void child(const char *path, jv_probe_load_fn load, int fd)
{
    dup2(2, 1); /* a plugin's printf goes to stderr, not into a listing */
    jv_guard_install();
    jv_guard_report_to(fd); /* a crash or exit() while loading: told here */
    char *reason = NULL;
    if (load(path, &reason)) {
        write_all(fd, "OK");
    } else {
        write_all(fd, "NO ");
        write_all(fd, reason);
    }
    _exit(0);
}

static gint64 now_ms(void) { return g_get_monotonic_time() / 1000; }

/* The loader's "PATH: reason" without the path (the caller adds it). */
static char *reason_only(const char *path, const char *line)
{
    size_t n = strlen(path);
    if (strncmp(line, path, n) == 0 && strncmp(line + n, ": ", 2) == 0)
        return g_strdup(line + n + 2);
    return g_strdup(line);
}

/* A message the guard wrote: "jamvikt: plugin file P crashed …\n" → the
 * part after the path. */
static char *guard_reason(const char *path, const char *text)
{
    const char *at = strstr(text, path);
    const char *from = at ? at + strlen(path) : text;
    while (*from == ' ')
        from++;
    char *reason = g_strdup(from);
    char *tail = strstr(reason, "; the process is stopped"); /* said for a run, not here */
    if (tail != NULL)
        *tail = '\0';
    g_strchomp(reason);
    return reason;
}

gboolean jv_plugin_probe(const char *path, jv_probe_load_fn load, char **why)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        *why = g_strdup_printf("cannot be tried in a separate process: %s", g_strerror(errno));
        return FALSE;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        *why = g_strdup_printf("cannot be tried in a separate process: %s", g_strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return FALSE;
    }
    if (pid == 0) {
        close(fds[0]);
        child(path, load, fds[1]);
    }
    close(fds[1]);
    GString *got = g_string_new(NULL);
    double limit = timeout_seconds();
    gint64 deadline = now_ms() + (gint64)(limit * 1000);
    gboolean timed_out = FALSE;
    for (;;) {
        gint64 left = deadline - now_ms();
        if (left <= 0) {
            timed_out = TRUE;
            break;
        }
        struct pollfd p = {.fd = fds[0], .events = POLLIN};
        int r = poll(&p, 1, (int)MIN(left, 1000));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        char buffer[512];
        ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; /* EOF: the child is gone or about to be */
        if (got->len < 8192)
            g_string_append_len(got, buffer, n);
    }
    close(fds[0]);
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    gboolean ok = FALSE;
    if (timed_out) {
        *why = g_strdup_printf("did not finish loading within %g s (it hangs; $JAMVIKT_PROBE_"
                               "TIMEOUT sets the limit)",
                               limit);
    } else if (g_str_has_prefix(got->str, "OK") && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        ok = TRUE;
    } else if (g_str_has_prefix(got->str, "NO ")) {
        *why = reason_only(path, got->str + 3);
    } else if (got->len > 0) {
        *why = guard_reason(path, got->str);
    } else if (WIFSIGNALED(status)) {
        *why = g_strdup_printf("crashed while loading (signal %d, %s)", WTERMSIG(status),
                               g_strsignal(WTERMSIG(status)));
    } else {
        *why = g_strdup_printf("ended the process while loading (exit status %d); plugins must "
                               "never end the process",
                               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    g_string_free(got, TRUE);
    return ok;
}
