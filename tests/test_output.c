/* tests/test_output.c — core/eval/output.c against output.h's contract:
 * symlinks followed with the link kept, an existing file's mode kept, a
 * FIFO written directly, a folder refused, a finished temporary committed,
 * and temporaries removed when SIGTERM or SIGINT ends the process (a
 * temporary folder with its files, util/temp_files.h, on SIGHUP); and
 * core/eval/input_file.c: bounded document reads and change stamps. */
#include "harness.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "eval/input_file.h"
#include "eval/output.h"
#include "util/temp_files.h"

static char *dir;

static char *in_dir(const char *name) { return g_build_filename(dir, name, NULL); }

static char *contents(const char *path)
{
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    return text;
}

/* Asserts that the file at `path` holds exactly `expected`. */
static void assert_holds(const char *path, const char *expected)
{
    char *text = contents(path);
    CU_ASSERT_PTR_NOT_NULL(text);
    if (text != NULL)
        CU_ASSERT_STRING_EQUAL(text, expected);
    g_free(text);
}

/* The file type bits of `path` itself (links not followed); asserted to
 * exist. */
static mode_t type_of(const char *path)
{
    struct stat st;
    CU_ASSERT_EQUAL_FATAL(lstat(path, &st), 0);
    return st.st_mode & S_IFMT;
}

/* Waits for the child and asserts that the signal `sig` ended it. */
static void assert_ended_by(pid_t child, int sig)
{
    int status = 0;
    CU_ASSERT_EQUAL(waitpid(child, &status, 0), child);
    CU_ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig);
}

/* Files in `folder` whose name starts with '.' (our temporaries). */
static int temporaries(const char *folder)
{
    int n = 0;
    GDir *d = g_dir_open(folder, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL)
        n += name[0] == '.';
    if (d != NULL)
        g_dir_close(d);
    return n;
}

static void test_a_new_file_is_written_whole(void)
{
    char *path = in_dir("new.txt");
    CU_ASSERT_TRUE(jv_output_write(path, "abc\n", 4, NULL));
    char *text = contents(path);
    CU_ASSERT_STRING_EQUAL(text, "abc\n");
    CU_ASSERT_EQUAL(temporaries(dir), 0);
    g_free(text);
    g_free(path);
}

static void test_an_existing_file_keeps_its_mode(void)
{
    char *path = in_dir("mode.txt");
    g_file_set_contents(path, "old", 3, NULL);
    g_chmod(path, 0600);
    CU_ASSERT_TRUE(jv_output_write(path, "new", 3, NULL));
    struct stat st;
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 07777, 0600);
    assert_holds(path, "new");
    g_free(path);
}

static void test_a_symlink_is_followed_and_stays(void)
{
    char *real = in_dir("real.txt");
    char *link = in_dir("link.txt");
    char *chain = in_dir("chain.txt");
    g_file_set_contents(real, "old", 3, NULL);
    CU_ASSERT_EQUAL(symlink("real.txt", link), 0);
    CU_ASSERT_EQUAL(symlink(link, chain), 0); /* absolute, two hops */
    CU_ASSERT_TRUE(jv_output_write(chain, "through", 7, NULL));
    CU_ASSERT_EQUAL(type_of(link), S_IFLNK);
    CU_ASSERT_EQUAL(type_of(chain), S_IFLNK);
    assert_holds(real, "through");
    g_free(chain);
    g_free(link);
    g_free(real);
}

static void test_replace_never_follows_a_symlink(void)
{
    char *outside = in_dir("outside.txt");
    char *link = in_dir("state-link.json");
    g_file_set_contents(outside, "outside", -1, NULL);
    CU_ASSERT_EQUAL(symlink(outside, link), 0);
    CU_ASSERT_TRUE(jv_output_replace(link, "state", 5, NULL));
    assert_holds(outside, "outside");
    CU_ASSERT_EQUAL(type_of(link), S_IFREG);
    assert_holds(link, "state");
    g_free(link);
    g_free(outside);
}

static void test_a_dangling_symlink_creates_its_target(void)
{
    char *link = in_dir("dangling.txt");
    char *target = in_dir("created.txt");
    CU_ASSERT_EQUAL(symlink("created.txt", link), 0);
    CU_ASSERT_TRUE(jv_output_write(link, "x", 1, NULL));
    assert_holds(target, "x");
    g_free(target);
    g_free(link);
}

static void *read_fifo(void *path)
{
    char *text = contents(path);
    return text;
}

static void test_a_fifo_is_written_directly(void)
{
    char *fifo = in_dir("fifo");
    CU_ASSERT_EQUAL(mkfifo(fifo, 0600), 0);
    pthread_t reader;
    pthread_create(&reader, NULL, read_fifo, fifo);
    CU_ASSERT_TRUE(jv_output_write(fifo, "into the pipe", 13, NULL));
    char *text = NULL;
    pthread_join(reader, (void **)&text);
    CU_ASSERT_STRING_EQUAL(text, "into the pipe");
    struct stat st;
    CU_ASSERT_EQUAL(lstat(fifo, &st), 0);
    CU_ASSERT_TRUE(S_ISFIFO(st.st_mode));
    CU_ASSERT_EQUAL(temporaries(dir), 0);
    g_free(text);
    g_unlink(fifo);
    g_free(fifo);
}

static void test_a_character_device_stays_a_device(void)
{
    struct stat st;
    /* On a shared machine an older jamvikt run as root may have replaced
     * /dev/null by a file already; then there is no device to test. */
    if (stat("/dev/null", &st) != 0 || !S_ISCHR(st.st_mode))
        return;
    CU_ASSERT_TRUE(jv_output_write("/dev/null", "gone", 4, NULL));
    CU_ASSERT_EQUAL(stat("/dev/null", &st), 0);
    CU_ASSERT_TRUE(S_ISCHR(st.st_mode));
}

static void test_a_folder_is_refused(void)
{
    GError *error = NULL;
    CU_ASSERT_FALSE(jv_output_write(dir, "x", 1, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    if (error != NULL)
        CU_ASSERT_PTR_NOT_NULL(strstr(error->message, "is a folder"));
    g_clear_error(&error);
}

static void test_standard_output_names(void)
{
    CU_ASSERT_TRUE(jv_output_is_stdout(NULL));
    CU_ASSERT_TRUE(jv_output_is_stdout("-"));
    CU_ASSERT_TRUE(jv_output_is_stdout("/dev/stdout"));
    CU_ASSERT_TRUE(jv_output_is_stdout("/dev/fd/1"));
    CU_ASSERT_TRUE(jv_output_is_stdout("/proc/self/fd/1"));
    CU_ASSERT_FALSE(jv_output_is_stdout("/dev/fd/12x"));
    CU_ASSERT_FALSE(jv_output_is_stdout("stdout"));
}

static void test_a_finished_temporary_is_committed(void)
{
    char *path = in_dir("book.bin");
    g_file_set_contents(path, "old", 3, NULL);
    g_chmod(path, 0640);
    char *tmp = jv_output_temp_new(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tmp);
    g_file_set_contents(tmp, "workbook", 8, NULL); /* as a library would */
    CU_ASSERT_TRUE(jv_output_commit(tmp, path, NULL));
    CU_ASSERT_FALSE(g_file_test(tmp, G_FILE_TEST_EXISTS));
    char *text = contents(path);
    CU_ASSERT_STRING_EQUAL(text, "workbook");
    struct stat st;
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 07777, 0640);
    g_free(text);
    g_free(tmp);
    g_free(path);
}

/* A child makes a temporary and is ended by `sig`: the temporary is gone
 * and the child died of that signal (the handler re-raises it). */
static void ended_by(int sig)
{
    char *sub = in_dir(sig == SIGTERM ? "term" : "int");
    g_mkdir(sub, 0755);
    char *path = g_build_filename(sub, "out.json", NULL);
    pid_t child = fork();
    if (child == 0) {
        char *tmp = jv_output_temp_new(path, NULL);
        if (tmp == NULL || !g_file_test(tmp, G_FILE_TEST_EXISTS))
            _exit(3);
        raise(sig);
        _exit(4);
    }
    assert_ended_by(child, sig);
    CU_ASSERT_EQUAL(temporaries(sub), 0);
    g_free(path);
    g_free(sub);
}

static void test_temporaries_are_removed_on_sigterm(void) { ended_by(SIGTERM); }

static void test_temporaries_are_removed_on_sigint(void) { ended_by(SIGINT); }

/* A child registers the folder `name` with members a and b (b never
 * written), writes a and, when `stray`, a file it does not list, and is
 * ended by SIGHUP: the listed files are gone, and the folder with them
 * unless the stray file keeps it (rmdir removes only an empty folder). */
static void folder_ended_by_sighup(const char *name, gboolean stray)
{
    char *folder = in_dir(name);
    char *a = g_build_filename(folder, "a.state.json", NULL);
    char *b = g_build_filename(folder, "b.state.json", NULL);
    char *other = g_build_filename(folder, "other", NULL);
    char *members[] = {a, b, NULL};
    pid_t child = fork();
    if (child == 0) {
        if (g_mkdir(folder, 0755) != 0 || !jv_temp_files_add_folder(folder, members) ||
            !g_file_set_contents(a, "{}", -1, NULL) ||
            (stray && !g_file_set_contents(other, "x", -1, NULL)))
            _exit(3);
        raise(SIGHUP);
        _exit(4);
    }
    assert_ended_by(child, SIGHUP);
    CU_ASSERT_FALSE(g_file_test(a, G_FILE_TEST_EXISTS));
    CU_ASSERT_EQUAL(g_file_test(folder, G_FILE_TEST_IS_DIR), stray);
    CU_ASSERT_EQUAL(g_file_test(other, G_FILE_TEST_EXISTS), stray);
    g_unlink(other);
    g_rmdir(folder);
    g_free(a);
    g_free(b);
    g_free(other);
    g_free(folder);
}

static void test_a_temporary_folder_goes_with_its_files_on_sighup(void)
{
    folder_ended_by_sighup("set.tmp", FALSE);
}

static void test_a_temporary_folder_keeps_files_it_did_not_list(void)
{
    folder_ended_by_sighup("kept.tmp", TRUE);
}

static void test_same_file_by_any_spelling(void)
{
    char *real = in_dir("same.txt");
    char *hard = in_dir("same-hard.txt");
    char *soft = in_dir("same-soft.txt");
    g_file_set_contents(real, "x", 1, NULL);
    CU_ASSERT_EQUAL(link(real, hard), 0);
    CU_ASSERT_EQUAL(symlink(real, soft), 0);
    char *dotted = g_strdup_printf("%s/./same.txt", dir);
    CU_ASSERT_TRUE(jv_output_same_file(hard, real));
    CU_ASSERT_TRUE(jv_output_same_file(soft, real));
    CU_ASSERT_TRUE(jv_output_same_file(dotted, real));
    char *other = in_dir("other.txt");
    g_file_set_contents(other, "x", 1, NULL);
    CU_ASSERT_FALSE(jv_output_same_file(other, real));
    CU_ASSERT_FALSE(jv_output_same_file("/nonexistent/x", real));
    g_free(other);
    g_free(dotted);
    g_free(soft);
    g_free(hard);
    g_free(real);
}

static void test_a_changed_input_is_named(void)
{
    char *path = in_dir("table.csv");
    g_file_set_contents(path, "gender\nwoman\n", -1, NULL);
    jv_input_stamp before = jv_input_stamp_take(path);
    CU_ASSERT_TRUE(before.valid);
    CU_ASSERT_TRUE(jv_input_stamp_unchanged(path, &before, NULL));
    FILE *f = fopen(path, "a");
    fputs("man\n", f); /* 13 bytes become 17 */
    fclose(f);
    GError *error = NULL;
    CU_ASSERT_FALSE(jv_input_stamp_unchanged(path, &before, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_PTR_NOT_NULL(strstr(error->message, "table.csv: the file changed while it was read "
                                                  "(13 bytes before, 17 after)"));
    g_clear_error(&error);
    /* same size, new modification time */
    jv_input_stamp again = jv_input_stamp_take(path);
    struct timespec times[2] = {{.tv_sec = 1, .tv_nsec = 0}, {.tv_sec = 1, .tv_nsec = 0}};
    CU_ASSERT_EQUAL(utimensat(AT_FDCWD, path, times, 0), 0);
    CU_ASSERT_FALSE(jv_input_stamp_unchanged(path, &again, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    g_unlink(path);
    CU_ASSERT_FALSE(jv_input_stamp_unchanged(path, &again, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    g_free(path);
}

static void test_a_document_is_read_whole_and_only_from_a_file(void)
{
    char *path = in_dir("doc.json");
    g_file_set_contents(path, "{\"a\": 1}", -1, NULL);
    char *text = NULL;
    gsize length = 0;
    CU_ASSERT_TRUE(jv_input_read_document(path, "result document", &text, &length, NULL));
    CU_ASSERT_EQUAL(length, 8);
    CU_ASSERT_STRING_EQUAL(text, "{\"a\": 1}");
    g_free(text);
    GError *error = NULL;
    char *fifo = in_dir("doc.fifo");
    CU_ASSERT_EQUAL(mkfifo(fifo, 0600), 0);
    /* no writer: a blocking open would hang here */
    CU_ASSERT_FALSE(jv_input_read_document(fifo, "saved state", &text, &length, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_PTR_NOT_NULL(strstr(error->message, "not a regular file"));
    g_clear_error(&error);
    CU_ASSERT_FALSE(jv_input_read_document("/dev/zero", "saved state", &text, &length, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    CU_ASSERT_FALSE(jv_input_read_document(dir, "saved state", &text, &length, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    /* a sparse file one byte over the limit */
    FILE *f = fopen(path, "w");
    CU_ASSERT_EQUAL(ftruncate(fileno(f), (off_t)JV_DOCUMENT_MAX_BYTES + 1), 0);
    fclose(f);
    CU_ASSERT_FALSE(jv_input_read_document(path, "result document", &text, &length, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_PTR_NOT_NULL(strstr(error->message, "too large for a result document"));
    g_clear_error(&error);
    g_unlink(path);
    g_unlink(fifo);
    g_free(fifo);
    g_free(path);
}

int main(void)
{
    dir = g_dir_make_tmp("jv-output-XXXXXX", NULL);
    static const jvt_test tests[] = {
        {"a new file is written whole", test_a_new_file_is_written_whole},
        {"an existing file keeps its mode", test_an_existing_file_keeps_its_mode},
        {"a symlink is followed and stays", test_a_symlink_is_followed_and_stays},
        {"a dangling symlink creates its target", test_a_dangling_symlink_creates_its_target},
        {"replace never follows a symlink", test_replace_never_follows_a_symlink},
        {"a FIFO is written directly", test_a_fifo_is_written_directly},
        {"a character device stays a device", test_a_character_device_stays_a_device},
        {"a folder is refused", test_a_folder_is_refused},
        {"standard output names", test_standard_output_names},
        {"a finished temporary is committed", test_a_finished_temporary_is_committed},
        {"temporaries are removed on SIGTERM", test_temporaries_are_removed_on_sigterm},
        {"temporaries are removed on SIGINT", test_temporaries_are_removed_on_sigint},
        {"a temporary folder goes with its files on SIGHUP",
         test_a_temporary_folder_goes_with_its_files_on_sighup},
        {"a temporary folder keeps files it did not list",
         test_a_temporary_folder_keeps_files_it_did_not_list},
        {"same file by any spelling", test_same_file_by_any_spelling},
        {"a changed input is named", test_a_changed_input_is_named},
        {"a document is read whole and only from a file",
         test_a_document_is_read_whole_and_only_from_a_file},
        {NULL, NULL}};
    int rc = jvt_main("output", tests);
    char *rm[] = {"rm", "-rf", dir, NULL};
    g_spawn_sync(NULL, rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    g_free(dir);
    return rc;
}
