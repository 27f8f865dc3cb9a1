/* tests/test_loader.c — the plugin loader against real fixture modules
 * (tests/fixtures): each broken plugin is rejected with its own one-line
 * message naming the file and the reason, in the order DESIGN.md fixes,
 * while the good plugin still loads. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "plugin/loader.h"

static jv_registry *registry;

static char *fixture(const char *name)
{
    return g_build_filename(JV_BUILDDIR, "tests", "fixtures", name, NULL);
}

/* The rejection line of a fixture file, or NULL. */
static const char *rejection_of(const char *file)
{
    char *path = fixture(file);
    const char *found = NULL;
    for (guint i = 0; i < registry->rejections->len; i++) {
        const char *line = g_ptr_array_index(registry->rejections, i);
        if (g_str_has_prefix(line, path) && line[strlen(path)] == ':')
            found = line;
    }
    g_free(path);
    return found;
}

static void load_fixtures(void)
{
    if (registry != NULL)
        return;
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(dirs, fixture(""));
    registry = jv_registry_load(dirs);
    g_ptr_array_unref(dirs);
}

static void assert_rejected(const char *file, const char *reason)
{
    load_fixtures();
    const char *line = rejection_of(file);
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    if (strstr(line, reason) == NULL)
        fprintf(stderr, "\n  %s: expected '%s' in: %s\n", file, reason, line);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, reason));
    CU_ASSERT_PTR_NULL(strchr(line, '\n')); /* one line */
}

static void test_good_plugin_loads_beside_broken_ones(void)
{
    load_fixtures();
    const jv_loaded_plugin *p = jv_registry_find(registry, "fixture_ok");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p->desc.version, "0.0.1");
    CU_ASSERT_PTR_NOT_NULL(strstr(p->path, "good.la"));
    CU_ASSERT_PTR_NOT_NULL(jv_registry_find(registry, "fixture_fail"));
}

static void test_missing_entry_symbol_is_rejected(void)
{
    assert_rejected("no_entry.la", "no entry symbol 'jamvikt_plugin_entry'");
}

static void test_other_abi_major_is_rejected_with_both_versions(void)
{
    char *expected = g_strdup_printf("built for plugin ABI %d.%d, but this jamvikt has ABI %d.%d",
                                     JV_ABI_MAJOR + 1, JV_ABI_MINOR, JV_ABI_MAJOR, JV_ABI_MINOR);
    assert_rejected("abi_major.la", expected);
    g_free(expected);
}

static void test_newer_abi_minor_is_rejected_with_both_versions(void)
{
    char *expected = g_strdup_printf("built for plugin ABI %d.%d, newer than this jamvikt's %d.%d",
                                     JV_ABI_MAJOR, JV_ABI_MINOR + 1, JV_ABI_MAJOR, JV_ABI_MINOR);
    assert_rejected("abi_minor.la", expected);
    g_free(expected);
}

static void test_too_small_descriptor_is_rejected(void)
{
    assert_rejected("small_struct.la", "descriptor too small: struct_size 16");
}

static void test_missing_required_callback_is_rejected(void)
{
    assert_rejected("no_consume.la", "required field 'consume' is missing");
}

static void test_duplicate_name_is_rejected_naming_the_first(void)
{
    assert_rejected("zz_duplicate.la", "duplicate plugin name 'fixture_ok' (already loaded from");
}

static void test_unreadable_and_folder_paths_are_rejected(void)
{
    load_fixtures();
    CU_ASSERT_FALSE(jv_registry_load_file(registry, "/nonexistent/plugin.so"));
    const char *last = g_ptr_array_index(registry->rejections, registry->rejections->len - 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(last, "/nonexistent/plugin.so: cannot read the file"));
    CU_ASSERT_FALSE(jv_registry_load_file(registry, JV_BUILDDIR));
    last = g_ptr_array_index(registry->rejections, registry->rejections->len - 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(last, "it is a folder"));
}

static void test_not_a_library_is_rejected(void)
{
    load_fixtures();
    char *path = g_build_filename(JV_SRCDIR, "tests", "fixtures", "fixture_plugin.c", NULL);
    CU_ASSERT_FALSE(jv_registry_load_file(registry, path));
    const char *last = g_ptr_array_index(registry->rejections, registry->rejections->len - 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(last, "cannot be opened as a shared library"));
    g_free(path);
}

static void test_search_order_puts_plugin_path_first(void)
{
    const char *extra[] = {"/first", "/second", NULL};
    g_setenv("JAMVIKT_PLUGIN_PATH", "/from-env-a:/from-env-b", TRUE);
    GPtrArray *dirs = jv_plugin_search_dirs(extra);
    g_unsetenv("JAMVIKT_PLUGIN_PATH");
    CU_ASSERT_FATAL(dirs->len >= 5);
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(dirs, 0), "/first");
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(dirs, 1), "/second");
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(dirs, 2), "/from-env-a");
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(dirs, 3), "/from-env-b");
    g_ptr_array_unref(dirs);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"good plugin loads beside broken ones", test_good_plugin_loads_beside_broken_ones},
        {"missing entry symbol", test_missing_entry_symbol_is_rejected},
        {"other ABI major", test_other_abi_major_is_rejected_with_both_versions},
        {"newer ABI minor", test_newer_abi_minor_is_rejected_with_both_versions},
        {"descriptor too small", test_too_small_descriptor_is_rejected},
        {"required callback missing", test_missing_required_callback_is_rejected},
        {"duplicate name", test_duplicate_name_is_rejected_naming_the_first},
        {"unreadable file and folder", test_unreadable_and_folder_paths_are_rejected},
        {"not a shared library", test_not_a_library_is_rejected},
        {"search order", test_search_order_puts_plugin_path_first},
        {NULL, NULL}};
    int rc = jvt_main("loader", tests);
    jv_registry_free(registry);
    return rc;
}
