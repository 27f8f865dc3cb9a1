/* core/plugin/guard.c — trampolines that record the running plugin per
 * thread, and the fatal-signal and exit() handlers that name it (see
 * guard.h). Everything the handlers touch is preformatted text and
 * thread-local pointers: write(2), unlink(2) and raise() only. */
#include "plugin/guard.h"
#include "plugin/host_impl.h"
#include "plugin/json_io.h"
#include "util/temp_files.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum {
    CB_CONFIGURE,
    CB_RELEASE,
    CB_INIT,
    CB_CONSUME,
    CB_MERGE,
    CB_POOL,
    CB_CELLS,
    CB_FINISH,
    CB_DESTROY,
    CB_SAVE,
    CB_LOAD,
    CB_COUNT
} callback;

static const char *const callback_names[CB_COUNT] = {"configure", "release", "init",  "consume",
                                                     "merge",     "pool",    "cells", "finish",
                                                     "destroy",   "save",    "load"};

/* Per plugin: "…crashed in consume(): " and "…called exit() in consume()…\n". */
typedef struct guard_messages {
    char *crash[CB_COUNT];
    char *exited[CB_COUNT];
} guard_messages;

static _Thread_local const char *tl_crash; /* prefix; the signal name follows */
static _Thread_local const char *tl_exit;
static _Thread_local char *tl_loading_crash, *tl_loading_exit; /* owned */
static int report_fd = 2;

void jv_guard_report_to(int fd) { report_fd = fd; }

static void say(const char *text)
{
    size_t n = strlen(text);
    while (n > 0) {
        ssize_t w = write(report_fd, text, n);
        if (w <= 0)
            return;
        text += w;
        n -= (size_t)w;
    }
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV:
        return "SIGSEGV (invalid memory access)";
    case SIGBUS:
        return "SIGBUS (bad memory access)";
    case SIGFPE:
        return "SIGFPE (arithmetic error, e.g. division by zero)";
    case SIGILL:
        return "SIGILL (illegal instruction)";
    case SIGABRT:
        return "SIGABRT (abort)";
    }
    return "a fatal signal";
}

static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
/* What was installed before (a sanitizer's handler, or the default), so
 * that after our message the signal still gets its usual report. */
static struct sigaction previous[G_N_ELEMENTS(fatal)];

static void on_fatal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    const char *prefix = tl_crash ? tl_crash : tl_loading_crash;
    if (prefix != NULL) {
        say(prefix);
        say(signal_name(sig));
        say("; the process is stopped and no output was written (an existing output file "
            "is untouched)\n");
    }
    jv_temp_files_unlink_all();
    for (size_t i = 0; i < G_N_ELEMENTS(fatal); i++)
        if (fatal[i] == sig)
            sigaction(sig, &previous[i], NULL);
    /* A fault comes back when the instruction is retried, now to the
     * previous handler with its real context; a sent signal is sent again. */
    if (info == NULL || info->si_code <= 0)
        raise(sig);
}

static void on_exit_hook(void)
{
    const char *message = tl_exit ? tl_exit : tl_loading_exit;
    if (message == NULL)
        return;
    say(message);
    jv_temp_files_unlink_all();
    _exit(1);
}

void jv_guard_install(void)
{
    static gsize once = 0;
    if (!g_once_init_enter(&once))
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(fatal); i++) {
        struct sigaction sa = {.sa_sigaction = on_fatal,
                               .sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER};
        sigemptyset(&sa.sa_mask);
        sigaction(fatal[i], &sa, &previous[i]);
    }
    atexit(on_exit_hook);
    g_once_init_leave(&once, 1);
}

void jv_guard_loading(const char *path)
{
    jv_guard_loaded();
    tl_loading_crash = g_strdup_printf("jamvikt: plugin file %s crashed while loading: ", path);
    tl_loading_exit = g_strdup_printf("jamvikt: plugin file %s called exit() while loading; "
                                      "plugins must never end the process: remove it from the "
                                      "plugin path\n",
                                      path);
}

void jv_guard_loaded(void)
{
    char *crash = tl_loading_crash, *exited = tl_loading_exit;
    tl_loading_crash = tl_loading_exit = NULL;
    g_free(crash);
    g_free(exited);
}

/* --- trampolines --- */

typedef struct saved {
    const char *crash, *exited;
} saved;

static const jv_loaded_plugin *plugin_of(jv_ctx *ctx) { return ctx->indicator->plugin; }

static saved enter(const jv_loaded_plugin *p, callback cb)
{
    saved s = {tl_crash, tl_exit};
    const guard_messages *m = p->guard;
    tl_crash = m->crash[cb];
    tl_exit = m->exited[cb];
    return s;
}

static void leave(saved s)
{
    tl_crash = s.crash;
    tl_exit = s.exited;
}

static int g_configure(jv_ctx *ctx, void **instance)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_CONFIGURE);
    int rc = p->real.configure(ctx, instance);
    leave(s);
    return rc;
}

static void g_release(jv_ctx *ctx, void *instance)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_RELEASE);
    p->real.release(ctx, instance);
    leave(s);
}

static void *g_init(jv_ctx *ctx)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_INIT);
    void *state = p->real.init(ctx);
    leave(s);
    return state;
}

static int g_consume(jv_ctx *ctx, void *state, const jv_batch *batch)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_CONSUME);
    int rc = p->real.consume(ctx, state, batch);
    leave(s);
    return rc;
}

static int g_merge(jv_ctx *ctx, void *into, const void *from)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_MERGE);
    int rc = p->real.merge(ctx, into, from);
    leave(s);
    return rc;
}

static int g_pool(jv_ctx *ctx, void *total, const void *region)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_POOL);
    int rc = p->real.pool(ctx, total, region);
    leave(s);
    return rc;
}

static int g_cells(jv_ctx *ctx, const void *state, jv_cells *cells)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_CELLS);
    int rc = p->real.cells(ctx, state, cells);
    leave(s);
    return rc;
}

/* A writer the plugin filled with a key or string we refuse. */
static int refuse_bad_text(jv_ctx *ctx, const jv_writer *out, const char *what)
{
    if (!out->bad_text)
        return 0;
    jv_host_table()->error(ctx,
                           "%s() wrote %s that is not valid UTF-8 or holds a control "
                           "character (at key '%s'); the host refuses it",
                           what, out->bad_text == 1 ? "a key" : "a string", out->bad_key);
    return -1;
}

static int g_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_FINISH);
    int rc = p->real.finish(ctx, state, total, out);
    leave(s);
    return rc != 0 ? rc : refuse_bad_text(ctx, out, "finish");
}

static void g_destroy(jv_ctx *ctx, void *state)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_DESTROY);
    p->real.destroy(ctx, state);
    leave(s);
}

static int g_save(jv_ctx *ctx, const void *state, jv_writer *out)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_SAVE);
    int rc = p->real.save(ctx, state, out);
    leave(s);
    return rc != 0 ? rc : refuse_bad_text(ctx, out, "save");
}

static void *g_load(jv_ctx *ctx, const jv_node *in)
{
    const jv_loaded_plugin *p = plugin_of(ctx);
    saved s = enter(p, CB_LOAD);
    void *state = p->real.load(ctx, in);
    leave(s);
    return state;
}

void jv_guard_wrap(jv_loaded_plugin *p)
{
    guard_messages *m = g_new0(guard_messages, 1);
    for (int cb = 0; cb < CB_COUNT; cb++) {
        m->crash[cb] = g_strdup_printf("jamvikt: plugin '%s' (%s) crashed in %s(): ", p->desc.name,
                                       p->path, callback_names[cb]);
        m->exited[cb] = g_strdup_printf("jamvikt: plugin '%s' (%s) called exit() in %s(); "
                                        "plugins must never end the process: the run is stopped "
                                        "and no output was written\n",
                                        p->desc.name, p->path, callback_names[cb]);
    }
    p->guard = m;
    p->real = p->desc;
    jv_plugin *d = &p->desc;
#define WRAP(field, fn)                                                                            \
    if (d->field != NULL)                                                                          \
    d->field = fn
    WRAP(configure, g_configure);
    WRAP(release, g_release);
    WRAP(init, g_init);
    WRAP(consume, g_consume);
    WRAP(merge, g_merge);
    WRAP(pool, g_pool);
    WRAP(cells, g_cells);
    WRAP(finish, g_finish);
    WRAP(destroy, g_destroy);
    WRAP(save, g_save);
    WRAP(load, g_load);
#undef WRAP
}

void jv_guard_unwrap(jv_loaded_plugin *p)
{
    guard_messages *m = p->guard;
    if (m == NULL)
        return;
    for (int cb = 0; cb < CB_COUNT; cb++) {
        g_free(m->crash[cb]);
        g_free(m->exited[cb]);
    }
    g_free(m);
    p->guard = NULL;
}
