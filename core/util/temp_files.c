/* core/util/temp_files.c — the signal-safe list of temporary files (see
 * temp_files.h). Each slot is a fixed buffer with a state word: a writer
 * claims a free slot (0 → 1), copies the path, then publishes it (1 → 2);
 * the handler reads only published slots, so it never sees half a path. */
#include "util/temp_files.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 64
#define SLOT_BYTES 4096

enum { FREE = 0, CLAIMED = 1, PUBLISHED = 2 };

static char slot_path[SLOTS][SLOT_BYTES];
static atomic_int slot_state[SLOTS];
static atomic_int installed;

static const int terminating[] = {SIGINT, SIGTERM, SIGHUP};

void jv_temp_files_unlink_all(void)
{
    for (int i = 0; i < SLOTS; i++)
        if (atomic_load(&slot_state[i]) == PUBLISHED)
            unlink(slot_path[i]);
}

static void on_signal(int sig)
{
    jv_temp_files_unlink_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handlers(void)
{
    int expected = 0;
    if (!atomic_compare_exchange_strong(&installed, &expected, 1))
        return;
    for (size_t i = 0; i < sizeof terminating / sizeof terminating[0]; i++) {
        struct sigaction old;
        if (sigaction(terminating[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* nohup and friends: keep ignoring it */
        struct sigaction sa = {.sa_handler = on_signal};
        sigemptyset(&sa.sa_mask);
        sigaction(terminating[i], &sa, NULL);
    }
}

bool jv_temp_files_add(const char *path)
{
    size_t length = strlen(path);
    if (length >= SLOT_BYTES)
        return false;
    install_handlers();
    for (int i = 0; i < SLOTS; i++) {
        int expected = FREE;
        if (!atomic_compare_exchange_strong(&slot_state[i], &expected, CLAIMED))
            continue;
        memcpy(slot_path[i], path, length + 1);
        atomic_store(&slot_state[i], PUBLISHED);
        return true;
    }
    return false;
}

void jv_temp_files_remove(const char *path)
{
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_state[i]) != PUBLISHED || strcmp(slot_path[i], path) != 0)
            continue;
        int expected = PUBLISHED;
        if (atomic_compare_exchange_strong(&slot_state[i], &expected, CLAIMED))
            atomic_store(&slot_state[i], FREE);
        return;
    }
}
