/*
 * test_cli_outfile.c - output files named by options (--list-to of retain
 * ids, --summary-file of retain batch) lose nothing.
 *
 * An output file is never an input, is replaced only by a complete new
 * file, and a failed run leaves it as it was, byte for byte, with no
 * temporary file left beside it.  Each row runs retain once and then
 * checks the files the row names.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define OLD          "old content\n"
#define NOT_AN_INPUT "(expected an output file that is not an input)\n"
#define PERIODS      "start,end,new\n10,9,1\n20,15,5\n"
#define ROWS                                                                   \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"                       \
    "10,9,1,8,2,80.00,20.00,90.00,10.00,\n"                                    \
    "20,15,5,10,10,50.00,50.00,75.00,25.00,\n"
#define SUMMARY_HEAD "scope,rows,start,end,new,"

static const struct cli_row outfile_cases[] = {
    /* retain ids --list-to. */
    {"list-to replaces a file",
     {"ids", "--list", "lost", "--list-to", "ids-new.txt", "--only", "lost",
      "start.txt", "end.txt"},
     NULL,
     0,
     "2\n",
     "",
     .file = "ids-new.txt",
     .content = "a\nb\n"},
    {"list-to: a failed read keeps the old file",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "start.txt",
      "long.txt"},
     NULL,
     2,
     "",
     "retain: long.txt:2: error: an ID longer than 65535 bytes (expected one "
     "ID per line; nothing is cut short)\n",
     .file = "ids-kept.txt",
     .content = OLD},
    {"list-to: an empty start list keeps the old file",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "empty.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: empty.txt: no IDs in the start list, so no rate is defined "
     "(expected at least 1 customer at the start)\n",
     .file = "ids-kept.txt",
     .content = OLD},
    {"list-to: a missing input keeps the old file",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "start.txt",
      "no-such.txt"},
     NULL,
     2,
     "",
     "retain: no-such.txt: cannot open: No such file or directory\n",
     .file = "ids-kept.txt",
     .content = OLD},
    {"list-to: the figures on a full device keep the old file",
     {"ids", "--list", "new", "--list-to", "ids-full.txt", "start.txt",
      "end.txt"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL,
     .file = "ids-full.txt",
     .content = OLD,
     .starts = NULL},
    {"list-to: a reader gone keeps the old file",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "start.txt",
      "end.txt"},
     NULL,
     128 + 13,
     "",
     "",
     RUN_CLOSED_PIPE,
     .file = "ids-kept.txt",
     .content = OLD,
     .starts = NULL},
    {"list-to: a reader gone, SIGPIPE ignored, keeps the old file",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "start.txt",
      "end.txt"},
     NULL,
     3,
     "",
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED,
     .file = "ids-kept.txt",
     .content = OLD,
     .starts = NULL},
    {"list-to an input keeps it",
     {"ids", "--list", "lost", "--list-to", "end.txt", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: end.txt: the same file as the input "
     "end.txt " NOT_AN_INPUT,
     .file = "end.txt",
     .content = "c\nd\ne\nf\n"},
    {"list-to a link to an input keeps it",
     {"ids", "--list", "lost", "--list-to", "start-link.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: start-link.txt: the same file as the input "
     "start.txt " NOT_AN_INPUT,
     .file = "start.txt",
     .content = "a\nb\nc\nd\n"},
    {"list-to through a link writes the file it leads to",
     {"ids", "--list", "retained", "--list-to", "ids-link.txt", "--only",
      "retained", "start.txt", "end.txt"},
     NULL,
     0,
     "2\n",
     "",
     .file = "ids-target.txt",
     .content = "c\nd\n"},
    {"list-to a full device",
     {"ids", "--list", "lost", "--list-to", "/dev/full", "start.txt",
      "end.txt"},
     NULL,
     3,
     "",
     "retain: /dev/full: write error: No space left on device\n"},

    /* retain batch --summary-file. */
    {"summary-file replaces a file",
     {"batch", "--summary", "--summary-file", "sum-new.csv", "periods.csv"},
     NULL,
     0,
     ROWS,
     "",
     .file = "sum-new.csv",
     .content = NULL,
     .starts = SUMMARY_HEAD},
    {"summary-file: rows invalid, still written",
     {"batch", "--summary", "--summary-file", "sum-some.csv", "-"},
     "start,end,new\n10,9,1\nx,1,1\n",
     1,
     CLI_ANY,
     CLI_ANY,
     .file = "sum-some.csv",
     .content = NULL,
     .starts = SUMMARY_HEAD},
    {"summary-file: an unusable input is skipped, the rest summed",
     {"batch", "--summary", "--summary-file", "sum-new.csv", "periods.csv",
      "nocolumns.csv"},
     NULL,
     1,
     ROWS,
     "retain: nocolumns.csv:1: error: the header differs from the one in "
     "periods.csv (expected the same columns in the same order)\n",
     .file = "sum-new.csv",
     .content = NULL,
     .starts = SUMMARY_HEAD
     "retained,lost,retention_rate,churn_rate,"
     "simple_retention_rate,simple_churn_rate,"
     "mean_retention_rate,min_retention_rate,max_retention_rate\n"
     "all,2,30,24,6,18,12,60.00,40.00,80.00,20.00,65.00,50.00,"
     "80.00\n"},
    {"summary-file: a missing input is skipped, the rest summed",
     {"batch", "--summary", "--summary-file", "sum-new.csv", "no-such.csv",
      "periods.csv"},
     NULL,
     1,
     ROWS,
     "retain: no-such.csv: cannot open: No such file or directory\n",
     .file = "sum-new.csv",
     .content = NULL,
     .starts = SUMMARY_HEAD},
    {"summary-file: no usable input keeps the old file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "nocolumns.csv",
      "no-such.csv"},
     NULL,
     2,
     "",
     "retain: nocolumns.csv:1: error: no start column: expected one named "
     "start or s in any case, or --start-col NAME (the columns are 'a', "
     "'b')\n"
     "retain: no-such.csv: cannot open: No such file or directory\n",
     .file = "sum-kept.csv",
     .content = OLD},
    {"summary-file: the rows on a full device keep the old file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "periods.csv"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL,
     .file = "sum-kept.csv",
     .content = OLD,
     .starts = NULL},
    {"summary-file: a reader gone keeps the old file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "periods.csv"},
     NULL,
     128 + 13,
     "",
     "",
     RUN_CLOSED_PIPE,
     .file = "sum-kept.csv",
     .content = OLD,
     .starts = NULL},
    {"summary-file: a reader gone, SIGPIPE ignored, keeps the old file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "periods.csv"},
     NULL,
     3,
     "",
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED,
     .file = "sum-kept.csv",
     .content = OLD,
     .starts = NULL},
    {"summary-file the input",
     {"batch", "--summary", "--summary-file", "periods.csv", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: periods.csv: the same file as the input "
     "periods.csv " NOT_AN_INPUT,
     .file = "periods.csv",
     .content = PERIODS},
    {"summary-file the input by another name",
     {"batch", "--summary", "--summary-file", "./periods.csv", "other.csv",
      "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: ./periods.csv: the same file as the "
     "input periods.csv " NOT_AN_INPUT,
     .file = "periods.csv",
     .content = PERIODS},
    {"summary-file a hard link to the input",
     {"batch", "--summary", "--summary-file", "periods-hard.csv",
      "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: periods-hard.csv: the same file as the "
     "input periods.csv " NOT_AN_INPUT,
     .file = "periods.csv",
     .content = PERIODS},
    {"summary-file a symbolic link to the input",
     {"batch", "--summary", "--summary-file", "periods-sym.csv", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: periods-sym.csv: the same file as the "
     "input periods.csv " NOT_AN_INPUT,
     .file = "periods.csv",
     .content = PERIODS},
    {"summary-file standard input, read by default",
     {"batch", "--summary", "--summary-file", "/dev/stdin"},
     PERIODS,
     2,
     "",
     "retain: option --summary-file: /dev/stdin: the same file as standard "
     "input, an input here " NOT_AN_INPUT},
    {"summary-file standard input, read as -",
     {"batch", "--summary", "--summary-file", "/dev/stdin", "periods.csv", "-"},
     PERIODS,
     2,
     "",
     "retain: option --summary-file: /dev/stdin: the same file as standard "
     "input, an input here " NOT_AN_INPUT},
    {"summary-file standard input, not read, a deleted file",
     {"batch", "--summary", "--summary-file", "/dev/stdin", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: /dev/stdin: a link that leads to no "
     "file with a name (expected a file, or a link to an existing one)\n"},
    {"summary-file a link that leads nowhere",
     {"batch", "--summary", "--summary-file", "nowhere.csv", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: nowhere.csv: a link that leads to no "
     "file with a name (expected a file, or a link to an existing one)\n",
     .file = "nowhere-target.csv",
     .content = NULL,
     .starts = NULL},
    {"summary-file standard error",
     {"batch", "--summary", "--summary-file", "/dev/stderr", "periods.csv"},
     NULL,
     0,
     ROWS,
     CLI_ANY},
    /* A closed standard stream must not lend its number to the new file. */
    {"stdout closed: the rows do not land in the summary file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "periods.csv"},
     NULL,
     3,
     "",
     "retain: write error on standard output: Bad file descriptor\n",
     RUN_STDOUT_CLOSED,
     .file = "sum-kept.csv",
     .content = OLD,
     .starts = NULL},
    {"stdout closed: the list file is kept",
     {"ids", "--list", "lost", "--list-to", "ids-kept.txt", "start.txt",
      "end.txt"},
     NULL,
     3,
     "",
     "retain: write error on standard output: Bad file descriptor\n",
     RUN_STDOUT_CLOSED,
     .file = "ids-kept.txt",
     .content = OLD,
     .starts = NULL},
    {"stderr closed: messages do not land in the summary file",
     {"batch", "--summary", "--summary-file", "sum-kept.csv", "-"},
     "start,end,new\n10,x,1\n",
     3,
     CLI_ANY,
     "",
     RUN_STDERR_CLOSED,
     .file = "sum-kept.csv",
     .content = OLD,
     .starts = NULL},
    {"stderr full: a summary written there is lost, and said by the status",
     {"batch", "--summary", "periods.csv"},
     NULL,
     3,
     ROWS,
     "",
     RUN_STDERR_FULL,
     .file = NULL,
     .content = NULL,
     .starts = NULL},
    {"stderr full: a usage error stays a usage error",
     {"batch", "--summary", "--summary-file", "periods.csv", "periods.csv"},
     NULL,
     2,
     "",
     "",
     RUN_STDERR_FULL,
     .file = "periods.csv",
     .content = PERIODS,
     .starts = NULL},
    {"stdin closed: read as an error, not as another file",
     {"ids", "start.txt", "-"},
     NULL,
     2,
     "",
     "retain: (standard input): cannot read: Bad file descriptor\n",
     RUN_STDIN_CLOSED,
     .file = NULL,
     .content = NULL,
     .starts = NULL},
    {"summary-file in a missing directory",
     {"batch", "--summary", "--summary-file", "no-such/sum.csv", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: no-such/sum.csv: cannot create a file "
     "in its directory: No such file or directory\n"},
    {"summary-file a directory",
     {"batch", "--summary", "--summary-file", ".", "periods.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: .: cannot open: Is a directory\n"},
    {"summary-file a full device",
     {"batch", "--summary", "--summary-file", "/dev/full", "periods.csv"},
     NULL,
     3,
     ROWS,
     "retain: /dev/full: write error: No space left on device\n"},
};

/*
 * How many temporary files (NAME.XXXXXXXXXXXX.tmp) the directory holds;
 * with `clear`, they are removed, so that one case's cannot fail the next.
 */
static int temp_files(bool clear)
{
    DIR *dir = opendir(".");
    struct dirent *entry;
    int count = 0;

    assert_non_null(dir);
    while ((entry = readdir(dir)) != NULL) {
        size_t len = strlen(entry->d_name);

        if (len > 4 && strcmp(entry->d_name + len - 4, ".tmp") == 0) {
            count++;
            if (clear)
                remove(entry->d_name);
        }
    }
    closedir(dir);
    return count;
}

/* The names of the standard streams stay links, whatever was written. */
static void check_devices(void)
{
    static const char *const names[] = {"/dev/stdin", "/dev/stdout",
                                        "/dev/stderr"};
    struct stat st;
    size_t i;

    for (i = 0; i < 3; i++)
        if (lstat(names[i], &st) == 0)
            assert_true(S_ISLNK(st.st_mode));
}

static void make_fixtures(void);

/*
 * The row, then no temporary file left and the devices untouched.  Under
 * valgrind, every fourth row, the others without it
 * (cli_row_check_sampled()).
 */
static void test_outfile(void **state)
{
    const struct cli_row *c = *state;

    /* valgrind cannot start without a standard error to report on; the
       case runs in every build without the memcheck wrapper. */
    if (c->where == RUN_STDERR_CLOSED && getenv("RETAIN_WRAPPER"))
        skip();
    make_fixtures();
    cli_row_check_sampled(c, (size_t)(c - outfile_cases), 4);
    assert_int_equal(temp_files(false), 0);
    check_devices();
}

/* The new file takes the old one's permissions: private stays private. */
static void test_mode_kept(void **state)
{
    const char *args[] = {
        "ids",    "--list", "lost",      "--list-to", "ids-private.txt",
        "--only", "lost",   "start.txt", "end.txt",   NULL};
    struct run_result r;
    struct stat st;

    (void)state;
    if (run_windows()) { /* tests/windows/run.sh */
        print_message("skipped on Windows: no Unix permissions or links\n");
        skip();
    }
    make_fixtures();
    run_write_fixture("ids-private.txt", OLD);
    assert_int_equal(chmod("ids-private.txt", 0600), 0);
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 0);
    assert_int_equal(stat("ids-private.txt", &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    run_result_free(&r);
}

/* A link stays a link: the file it leads to is what is replaced. */
static void test_link_kept(void **state)
{
    const char *args[] = {"ids",          "--list", "new", "--list-to",
                          "ids-link.txt", "--only", "new", "start.txt",
                          "end.txt",      NULL};
    struct run_result r;
    struct stat st;

    (void)state;
    if (run_windows()) { /* tests/windows/run.sh */
        print_message("skipped on Windows: no Unix permissions or links\n");
        skip();
    }
    make_fixtures();
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 0);
    assert_int_equal(lstat("ids-link.txt", &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    run_result_free(&r);
}

/* Fixtures are written afresh before each case, so cases cannot meet. */
static void make_fixtures(void)
{
    FILE *f = fopen("long.txt", "wb");
    int i;

    (void)temp_files(true);
    assert_non_null(f);
    fputs("c\n", f);
    for (i = 0; i < 70000; i++)
        putc('x', f);
    fputs("\nd\n", f);
    assert_int_equal(fclose(f), 0);
    run_write_fixture("start.txt", "a\nb\nc\nd\n");
    run_write_fixture("end.txt", "c\nd\ne\nf\n");
    run_write_fixture("empty.txt", "");
    run_write_fixture("ids-kept.txt", OLD);
    run_write_fixture("ids-new.txt", OLD);
    run_write_fixture("ids-full.txt", OLD);
    run_write_fixture("ids-target.txt", OLD);
    run_write_fixture("periods.csv", PERIODS);
    run_write_fixture("other.csv", PERIODS);
    run_write_fixture("nocolumns.csv", "a,b\n1,2\n");
    run_write_fixture("sum-kept.csv", OLD);
    run_write_fixture("sum-new.csv", OLD);
    run_write_fixture("sum-some.csv", OLD);
    remove("start-link.txt");
    remove("ids-link.txt");
    remove("periods-hard.csv");
    remove("periods-sym.csv");
    remove("nowhere.csv");
    assert_int_equal(symlink("start.txt", "start-link.txt"), 0);
    assert_int_equal(symlink("ids-target.txt", "ids-link.txt"), 0);
    assert_int_equal(link("periods.csv", "periods-hard.csv"), 0);
    assert_int_equal(symlink("periods.csv", "periods-sym.csv"), 0);
    assert_int_equal(symlink("nowhere-target.csv", "nowhere.csv"), 0);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_mode_kept),
        cmocka_unit_test(test_link_kept),
    };
    char dir[] = "/tmp/retain-outfile-XXXXXX";

    run_enter_fresh_dir(dir);
    return TABLE_RUN("outfile", outfile_cases, test_outfile) +
           cmocka_run_group_tests_name("outfile plain", plain, NULL, NULL);
}
