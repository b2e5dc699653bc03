/*
 * test_cli_shard.c - retain shard: the exact bytes of every part, the
 * exit status and the messages, and that a failed run leaves no part
 * (and no temporary file) behind and an older part as it was, nor a run
 * ended by a signal in the middle.
 *
 * Each row runs retain once in a folder of its own, holding the inputs
 * below and an old part or two, then compares the folder's files with
 * the row's list, byte for byte: a file the row does not name must not
 * be there.  Which part an ID goes to is what shard_oracle.py computes
 * independently (SipHash-2-4 under "retain shard key", (h * N) >> 64):
 * among 2 parts a, e, C1 go to part 1 and b, c, c1 to part 0; among 3,
 * h and ab go to part 0, b, c, "a,1" to part 1, a, "multi\nline" and
 * "x\ty" to part 2.
 */
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define OLD "old part\n"
#define LOG                                                                    \
    "\xef\xbb\xbf"                                                             \
    "date,customer\r\n"                                                        \
    "2024-01-01,h\r\n"                                                         \
    "2024-01-02,\"a,1\"\r\n"                                                   \
    "\r\n"                                                                     \
    "2024-01-03,\"multi\nline\"\r\n"                                           \
    "2024-01-04,b\r\n"                                                         \
    "2024-01-05,a\r\n"                                                         \
    "2024-01-06,ab"
#define USAGE_TAIL "Try 'retain shard --help' for more information.\n"

/* The files a folder must hold after a run: name and whole content. */
struct shard_file {
    const char *name, *content;
};

struct shard_case {
    const char *name;
    const char *args[16]; /* after "shard" */
    const char *in;       /* standard input */
    int status;
    const char *err;
    struct shard_file files[6]; /* besides the fixtures below */
};

/* What every folder holds before the run. */
static const struct shard_file fixtures[] = {
    {"log.csv", LOG},
    {"more.csv", "date,customer\n2024-02-01,c\n2024-02-02,\"x\ty\"\n"},
    {"other.csv", "customer,date\nc,2024-02-01\n"},
    {"short.csv", "date,customer,n\n2024-01-01,a,1\n2024-01-02\n"
                  "2024-01-03,b\n2024-01-04\n2024-01-05,\"c\"x,3\n"},
    {"open.csv", "date,customer\n2024-01-01,b\n2024-01-02,\"a\n"},
    {"ids.txt", " a\nA\n\nb\t\nB\nC1\n"},
    {"empty.csv", ""},
    {"q-00000-of-00001.csv", "customer\nb\n"},
    {"full-00001-of-00002.txt", NULL}, /* a link to /dev/full */
    {"p-00000-of-00002.csv", OLD},
    {"p-00000-of-00003.csv", OLD},
};

#define LOG_PARTS                                                              \
    {"p-00000-of-00003.csv", "date,customer\n2024-01-01,h\n2024-01-06,ab\n"},  \
        {"p-00001-of-00003.csv",                                               \
         "date,customer\n2024-01-02,\"a,1\"\n2024-01-04,b\n"},                 \
    {                                                                          \
        "p-00002-of-00003.csv",                                                \
            "date,customer\n2024-01-03,\"multi\nline\"\n2024-01-05,a\n"        \
    }
/* The old parts, untouched. */
#define OLD_PARTS                                                              \
    {"p-00000-of-00002.csv", OLD},                                             \
    {                                                                          \
        "p-00000-of-00003.csv", OLD                                            \
    }

static const struct shard_case shard_cases[] = {
    {"csv: quotes, a line break, CRLF, a byte-order mark, a blank line",
     {"--by", "customer", "--parts", "3", "--prefix", "p", "log.csv"},
     NULL,
     0,
     "",
     {LOG_PARTS, {"p-00000-of-00002.csv", OLD}}},
    {"two inputs: one header a part; the column found in any case",
     {"--by=CUSTOMER", "--parts=2", "--prefix=p", "log.csv", "more.csv"},
     NULL,
     0,
     "",
     {{"p-00000-of-00002.csv",
       "date,customer\n2024-01-01,h\n2024-01-04,b\n2024-01-06,ab\n"
       "2024-02-01,c\n"},
      {"p-00001-of-00002.csv",
       "date,customer\n2024-01-02,\"a,1\"\n2024-01-03,\"multi\nline\"\n"
       "2024-01-05,a\n2024-02-02,\"x\ty\"\n"},
      {"p-00000-of-00003.csv", OLD}}},
    {"tsv from standard input: the ID unescaped, the row as it came",
     {"--by", "id", "-d", "\t", "--parts", "3", "--prefix", "t"},
     "id\tn\nx\\ty\t1\nb\t2\n",
     0,
     "",
     {{"t-00000-of-00003.tsv", "id\tn\n"},
      {"t-00001-of-00003.tsv", "id\tn\nb\t2\n"},
      {"t-00002-of-00003.tsv", "id\tn\nx\\ty\t1\n"},
      OLD_PARTS}},
    {"plain: --trim and --ignore-case hash as retain ids reads",
     {"--plain", "--trim", "--ignore-case", "--parts", "2", "--prefix", "i",
      "ids.txt"},
     NULL,
     0,
     "",
     {{"i-00000-of-00002.txt", "b\t\nB\nC1\n"},
      {"i-00001-of-00002.txt", " a\nA\n"},
      OLD_PARTS}},
    {"plain, one part, from standard input: every line, blank ones dropped",
     {"--plain", "--parts", "1", "--prefix", "one", "-"},
     "z\n\ny\r\nx",
     0,
     "",
     {{"one-00000-of-00001.txt", "z\ny\nx\n"}, OLD_PARTS}},
    {"rows without the ID are left out, said once an input: exit 1",
     {"--by", "customer", "--parts", "2", "--prefix", "p", "short.csv"},
     NULL,
     1,
     "retain: short.csv:3: warning: the row has 1 field (expected the --by "
     "column, field 2): row left out\n"
     "retain: short.csv: warning: 3 rows left out in all, the first at line "
     "3\n",
     {{"p-00000-of-00002.csv", "date,customer,n\n2024-01-03,b\n"},
      {"p-00001-of-00002.csv", "date,customer,n\n2024-01-01,a,1\n"},
      {"p-00000-of-00003.csv", OLD}}},
    {"a quote left open: the rest is one row, left out",
     {"--by", "customer", "--parts", "2", "--prefix", "p", "open.csv"},
     NULL,
     1,
     "retain: open.csv:3: warning: the input ends inside the quoted field 2, "
     "which starts on this line (expected a closing '\"'): row left out\n",
     {{"p-00000-of-00002.csv", "date,customer\n2024-01-01,b\n"},
      {"p-00001-of-00002.csv", "date,customer\n"},
      {"p-00000-of-00003.csv", OLD}}},

    /* Failures: no part is made or replaced, no temporary file stays. */
    {"no such column",
     {"--by", "user", "--parts", "2", "--prefix", "p", "log.csv"},
     NULL,
     2,
     "retain: log.csv:1: error: no column named 'user' for --by (the columns "
     "are 'date', 'customer')\n",
     {OLD_PARTS}},
    {"inputs with other headers",
     {"--by", "customer", "--parts", "2", "--prefix", "p", "log.csv",
      "other.csv"},
     NULL,
     2,
     "retain: other.csv:1: error: the header differs from that of log.csv "
     "(expected the same header line and delimiter in every input, as the "
     "parts have one)\n",
     {OLD_PARTS}},
    {"an empty input",
     {"--by", "customer", "--parts", "2", "--prefix", "p", "log.csv",
      "empty.csv"},
     NULL,
     2,
     "retain: empty.csv:1: error: empty input (expected a header line naming "
     "the columns)\n",
     {OLD_PARTS}},
    {"a missing input stops the run before anything is read",
     {"--by", "customer", "--parts", "2", "--prefix", "p", "log.csv",
      "none.csv"},
     NULL,
     2,
     "retain: none.csv: cannot open: No such file or directory\n",
     {OLD_PARTS}},
    {"a part that is an input",
     {"--by", "customer", "--parts", "1", "--prefix", "q",
      "q-00000-of-00001.csv"},
     NULL,
     2,
     "retain: option --prefix: q-00000-of-00001.csv: the same file as the "
     "input q-00000-of-00001.csv (expected an output file that is not an "
     "input)\n",
     {OLD_PARTS}},
    {"a folder that is not there",
     {"--by", "customer", "--parts", "2", "--prefix", "no/p", "log.csv"},
     NULL,
     2,
     "retain: option --prefix: no/p-00000-of-00002.csv: cannot create a file "
     "in its directory: No such file or directory\n",
     {OLD_PARTS}},
    {"--parts out of range",
     {"--by", "customer", "--parts", "1001", "--prefix", "p", "log.csv"},
     NULL,
     2,
     "retain: option --parts: '1001' (expected a whole number from 1 to "
     "1000)\n",
     {OLD_PARTS}},
    {"--parts 0",
     {"--by", "customer", "--parts", "0", "--prefix", "p", "log.csv"},
     NULL,
     2,
     "retain: option --parts: '0' (expected a whole number from 1 to "
     "1000)\n",
     {OLD_PARTS}},
    {"no --prefix",
     {"--by", "customer", "--parts", "2", "log.csv"},
     NULL,
     2,
     "retain: missing option --prefix PATH\n" USAGE_TAIL,
     {OLD_PARTS}},
    {"no --parts",
     {"--by", "customer", "--prefix", "p", "log.csv"},
     NULL,
     2,
     "retain: missing option --parts N\n" USAGE_TAIL,
     {OLD_PARTS}},
    {"no --by",
     {"--parts", "2", "--prefix", "p", "log.csv"},
     NULL,
     2,
     "retain: missing option --by COLUMN (or --plain for a list of IDs, one "
     "a line)\n" USAGE_TAIL,
     {OLD_PARTS}},
    {"--plain with --by",
     {"--plain", "--by", "id", "--parts", "2", "--prefix", "p"},
     NULL,
     2,
     "retain: options --plain and --by exclude each other (a plain list has "
     "one ID per line and no columns)\n" USAGE_TAIL,
     {OLD_PARTS}},
    {"--plain with -d",
     {"--plain", "-d", ",", "--parts", "2", "--prefix", "p"},
     NULL,
     2,
     "retain: option -d/--delimiter needs --by (a plain list has one ID per "
     "line and no delimiter)\n" USAGE_TAIL,
     {OLD_PARTS}},
    {"a part that cannot be written: the others are not kept",
     {"--plain", "--parts", "2", "--prefix", "full"},
     "a\nb\nc\n",
     3,
     "retain: full-00001-of-00002.txt: write error: No space left on "
     "device\n",
     {OLD_PARTS}},
    {"standard input twice",
     {"--plain", "--parts", "2", "--prefix", "p", "-", "-"},
     NULL,
     2,
     "retain: standard input (-) is named twice (expected each input once: "
     "it can be read only once)\n" USAGE_TAIL,
     {OLD_PARTS}},
};

/* Every file in the folder, fixtures included, must be listed once. */
static bool expected_name(const struct shard_case *c, const char *name)
{
    size_t i;

    for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
        if (strcmp(fixtures[i].name, name) == 0)
            return true;
    for (i = 0; i < 6 && c->files[i].name; i++)
        if (strcmp(c->files[i].name, name) == 0)
            return true;
    return false;
}

static void expect_file(const char *name, const char *content)
{
    FILE *f = fopen(name, "rb");
    size_t len = 0;
    char *text;

    if (!f)
        fail_msg("%s: missing", name);
    text = table_slurp_len(f, &len);
    fclose(f);
    cli_expect_bytes(name, text, len, content, strlen(content));
    free(text);
}

static void expect_folder(const struct shard_case *c)
{
    DIR *dir = opendir(".");
    struct dirent *entry;
    size_t i;

    assert_non_null(dir);
    while ((entry = readdir(dir)) != NULL)
        if (entry->d_name[0] != '.' && !expected_name(c, entry->d_name))
            fail_msg("%s: a file the run should not leave", entry->d_name);
    closedir(dir);
    for (i = 0; i < 6 && c->files[i].name; i++)
        expect_file(c->files[i].name, c->files[i].content);
}

static void test_shard(void **state)
{
    const struct shard_case *c = *state;
    const char *args[18] = {"shard"};
    char dir[] = "case-XXXXXX", *kept;
    struct run_result r;
    size_t i;

    assert_non_null(mkdtemp(dir));
    assert_int_equal(chdir(dir), 0);
    for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++)
        if (fixtures[i].content)
            run_write_fixture(fixtures[i].name, fixtures[i].content);
        else
            assert_int_equal(symlink("/dev/full", fixtures[i].name), 0);
    for (i = 0; c->args[i]; i++)
        args[i + 1] = c->args[i];
    /* Under valgrind, every third row (the check's time budget). */
    kept = run_unwrap((c - shard_cases) % 3 != 0);
    assert_int_equal(run_retain(args, c->in, NULL, RUN_CAPTURE, &r), 0);
    run_rewrap(kept);
    cli_expect_bytes("stderr", r.err, r.err_len, c->err, strlen(c->err));
    cli_expect_bytes("stdout", r.out, r.out_len, "", 0);
    assert_int_equal(r.status, c->status);
    run_result_free(&r);
    expect_folder(c);
    assert_int_equal(chdir(".."), 0);
}

/* How many names in the folder begin with `prefix`, and how many of those
   end in ".tmp". */
static size_t count_files(const char *prefix, size_t *temporary)
{
    DIR *dir = opendir(".");
    struct dirent *entry;
    size_t n = 0, len;

    assert_non_null(dir);
    *temporary = 0;
    while ((entry = readdir(dir)) != NULL)
        if (strncmp(entry->d_name, prefix, strlen(prefix)) == 0) {
            n++;
            len = strlen(entry->d_name);
            *temporary +=
                len > 4 && strcmp(entry->d_name + len - 4, ".tmp") == 0;
        }
    closedir(dir);
    return n;
}

/* Writes a header and 100,000 rows (1.7 MB, more than the reader's first
   block) to the run's standard input, which stays open. */
static void feed_rows(int fd)
{
    char row[64];
    int i, len;

    assert_true(write(fd, "id,date\n", 8) == 8);
    for (i = 0; i < 100000; i++) {
        len = snprintf(row, sizeof row, "c%d,2024-01-01\n", i);
        assert_true(write(fd, row, (size_t)len) == len);
    }
}

/*
 * A signal in the middle of a split (its input still open) removes the
 * temporary file of every part, not only of the last one opened, and puts
 * no part in place.  SIGTERM, SIGINT and SIGHUP, each with 8 parts open.
 */
static void test_signal_mid_split(void **state)
{
    static const int signals[] = {SIGTERM, SIGINT, SIGHUP};
    const char *args[] = {"shard", "--by",     "id",  "--parts",
                          "8",     "--prefix", "sig", NULL};
    struct timespec pause = {0, 20 * 1000 * 1000};
    size_t i, tries, temporary;
    int fd, status;
    pid_t pid;

    (void)state;
    if (run_windows())
        skip();               /* no signals to catch there: README */
    signal(SIGPIPE, SIG_IGN); /* a run that ends early fails the write */
    for (i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        pid = run_retain_started(args, &fd);
        assert_true(pid > 0);
        feed_rows(fd);
        for (tries = 0; tries < 500; tries++) {
            if (count_files("sig-", &temporary) == 8 && temporary == 8)
                break;
            nanosleep(&pause, NULL);
        }
        assert_int_equal(count_files("sig-", &temporary), 8);
        assert_int_equal(temporary, 8);
        assert_int_equal(kill(pid, signals[i]), 0);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        close(fd);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), signals[i]);
        assert_int_equal(count_files("sig-", &temporary), 0);
    }
    signal(SIGPIPE, SIG_DFL);
}

/* The size of `name` in bytes, -1 when there is none. */
static long size_of(const char *name)
{
    struct stat st;

    return stat(name, &st) == 0 ? (long)st.st_size : -1;
}

/* The inode of `name`, 0 when there is none. */
static ino_t inode_of(const char *name)
{
    struct stat st;

    return stat(name, &st) == 0 ? st.st_ino : 0;
}

/*
 * A signal that comes while the parts are put in place waits for the last
 * of them: the set is then all new, never half old, half new.  The run is
 * stopped the moment its first part is renamed, sent SIGTERM, and let go.
 * (Should it finish before it is seen, the set is all new too.)
 */
static void test_signal_during_renames(void **state)
{
    const char *old_run[] = {"shard", "--by",     "id",  "--parts",
                             "1000",  "--prefix", "ren", NULL};
    const char *new_run[] = {"shard",    "--by", "id",      "--parts", "1000",
                             "--prefix", "ren",  "ren.csv", NULL};
    FILE *f = fopen("ren.csv", "wb");
    struct run_result r;
    char name[64];
    ino_t first;
    int fd, status, i;
    pid_t pid;

    (void)state;
    if (run_windows())
        skip(); /* no signals to catch there: README */
    assert_non_null(f);
    fputs("id,date\n", f);
    for (i = 0; i < 30000; i++)
        fprintf(f, "c%d,2024-01-01\n", i);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(run_retain(old_run, "id,date\n", NULL, RUN_CAPTURE, &r),
                     0);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    first = inode_of("ren-00000-of-01000.csv");
    pid = run_retain_started(new_run, &fd);
    assert_true(pid > 0);
    close(fd);
    while (inode_of("ren-00000-of-01000.csv") == first &&
           waitpid(pid, &status, WNOHANG) == 0)
        ;
    kill(pid, SIGSTOP);
    kill(pid, SIGTERM);
    kill(pid, SIGCONT);
    waitpid(pid, &status, 0);
    for (i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "ren-%05d-of-01000.csv", i);
        if (size_of(name) <= (long)strlen("id,date\n"))
            fail_msg("%s: still the old part, beside new ones", name);
    }
}

/* --help, whole, against its golden file. */
static const struct cli_row help_cases[] = {
    {"help", {"shard", "--help"}, NULL, 0, NULL, "", .golden = "help/shard"},
};

int main(void)
{
    char dir[] = "/tmp/retain-shard-XXXXXX";

    const struct CMUnitTest signal_tests[] = {
        cmocka_unit_test(test_signal_mid_split),
        cmocka_unit_test(test_signal_during_renames)};

    run_enter_fresh_dir(dir);
    return TABLE_RUN("shard", shard_cases, test_shard) +
           TABLE_RUN("shard help", help_cases, cli_row_test) +
           cmocka_run_group_tests_name("shard, signals", signal_tests, NULL,
                                       NULL);
}
