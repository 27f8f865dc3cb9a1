/* core/util/temp_files.c — the signal-safe list of temporary files and
 * folders (see temp_files.h). Each slot is a fixed buffer with a state
 * word: a writer claims a free slot (0 → 1), copies the path (and a
 * folder's member list), then publishes it (1 → 2); the handler reads only
 * published slots, so it never sees half a path. */
#include "util/temp_files.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 64
#define SLOT_BYTES 4096

enum { FREE = 0, CLAIMED = 1, PUBLISHED = 2 };

static char slot_path[SLOTS][SLOT_BYTES];
/* NULL: the slot is a file; else a folder and its members (borrowed) */
static char *const *slot_members[SLOTS];
static atomic_int slot_state[SLOTS];
static atomic_int installed;

static const int terminating[] = {SIGINT, SIGTERM, SIGHUP};
#define N_TERMINATING (sizeof terminating / sizeof terminating[0])

void jv_temp_files_unlink_all(void)
{
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_state[i]) != PUBLISHED)
            continue;
        if (slot_members[i] == NULL) {
            unlink(slot_path[i]);
            continue;
        }
        for (char *const *p = slot_members[i]; *p != NULL; p++)
            unlink(*p);
        rmdir(slot_path[i]); /* only when that left it empty */
    }
}

static void on_signal(int sig)
{
    jv_temp_files_unlink_all();
    signal(sig, SIG_DFL);
    raise(sig); /* blocked until we return, then ends the process */
}

static void install_handlers(void)
{
    int expected = 0;
    if (!atomic_compare_exchange_strong(&installed, &expected, 1))
        return;
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_TERMINATING; i++)
        sigaddset(&sa.sa_mask, terminating[i]); /* one cleanup at a time */
    for (size_t i = 0; i < N_TERMINATING; i++) {
        struct sigaction old;
        if (sigaction(terminating[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* nohup and friends: keep ignoring it */
        sigaction(terminating[i], &sa, NULL);
    }
}

static bool add(const char *path, char *const *members)
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
        slot_members[i] = members;
        atomic_store(&slot_state[i], PUBLISHED);
        return true;
    }
    return false;
}

bool jv_temp_files_add(const char *path) { return add(path, NULL); }

bool jv_temp_files_add_folder(const char *dir, char *const *members)
{
    static char *const none[] = {NULL};
    return add(dir, members != NULL ? members : none);
}

void jv_temp_files_remove(const char *path)
{
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slot_state[i]) != PUBLISHED || strcmp(slot_path[i], path) != 0)
            continue;
        int expected = PUBLISHED;
        if (atomic_compare_exchange_strong(&slot_state[i], &expected, CLAIMED)) {
            slot_members[i] = NULL;
            atomic_store(&slot_state[i], FREE);
        }
        return;
    }
}
