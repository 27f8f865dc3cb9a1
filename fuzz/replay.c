/* fuzz/replay.c — runs a fuzz target (fuzz_csv.c, fuzz_xlsx.c, ...,
 * linked in) over saved inputs without libFuzzer: every file named, and
 * every file in every folder named. This is how the crashes the fuzzers
 * found stay fixed (tests/cli/test_robust_fuzz.sh runs it in make check,
 * under ASan/UBSan with --enable-sanitizers); exit 0 when every input was
 * handled. */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay(const char *path)
{
    gchar *data = NULL;
    gsize size = 0;
    GError *error = NULL;
    if (!g_file_get_contents(path, &data, &size, &error)) {
        fprintf(stderr, "replay: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    /* an exact-size copy: ASan sees a read past the input */
    uint8_t *copy = g_malloc(size ? size : 1);
    memcpy(copy, data, size);
    LLVMFuzzerTestOneInput(copy, size);
    g_free(copy);
    g_free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int failed = 0, n = 0;
    for (int i = 1; i < argc; i++) {
        if (!g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            failed |= replay(argv[i]);
            n++;
            continue;
        }
        GDir *dir = g_dir_open(argv[i], 0, NULL);
        const char *name;
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        while (dir != NULL && (name = g_dir_read_name(dir)) != NULL)
            g_ptr_array_add(names, g_build_filename(argv[i], name, NULL));
        if (dir != NULL)
            g_dir_close(dir);
        for (guint k = 0; k < names->len; k++) {
            failed |= replay(g_ptr_array_index(names, k));
            n++;
        }
        g_ptr_array_unref(names);
    }
    printf("replayed %d inputs\n", n);
    return failed;
}
