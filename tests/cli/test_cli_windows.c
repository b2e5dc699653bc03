/*
 * test_cli_windows.c - the bytes Windows could change, the same as on
 * Linux: a Ctrl-Z byte (0x1A), which ends a text-mode stream on Windows,
 * is data in standard input and in files; CR LF input reads as it does on
 * Linux; output, on standard output and in files, ends its lines in LF
 * alone; and an output file replaces the one it is named after (Windows'
 * rename refuses to).
 *
 * They run in every build, and against retain.exe under Wine in the
 * Windows stage (tests/windows/run.sh), where a build that leaves its
 * standard streams in text mode fails the first three: it stops reading at
 * the Ctrl-Z and writes CR LF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define MINUS  "\xe2\x88\x92"
#define DIV    "\xc3\xb7"
#define TIMES  "\xc3\x97"
#define CTRL_Z "\x1a"

/* Three IDs at the start, the middle one holding a Ctrl-Z, CR LF ends. */
#define START_IDS "a\r\nb" CTRL_Z "c\r\nd\n"
#define END_IDS   "b" CTRL_Z "c\r\nd\r\ne\n"
#define IDS_TEXT                                                               \
    "start (S)              3\n"                                               \
    "end (E)                3\n"                                               \
    "new (N)                1\n"                                               \
    "retained (E " MINUS " N)       2\n"                                       \
    "lost (S " MINUS " retained)    1\n"                                       \
    "retention rate         [(3 " MINUS " 1) " DIV " 3] " TIMES                \
    " 100 = 66.67%\n"                                                          \
    "churn rate             (1 " DIV " 3) " TIMES " 100 = 33.33%\n"            \
    "simple retention rate  (3 " DIV " 3) " TIMES " 100 = 100.00%\n"           \
    "simple churn rate      [(3 " MINUS " 3) " DIV " 3] " TIMES                \
    " 100 = 0.00%\n"

/* A segment named with a Ctrl-Z, a row after it, CR LF ends. */
#define PERIODS                                                                \
    "period,segment,start,end,new\r\n"                                         \
    "2024-01,smb" CTRL_Z ",10,9,1\r\n"                                         \
    "2024-01,ent,20,15,5\r\n"
#define PERIOD_ROWS                                                            \
    "period,segment,start,end,new,retained,lost,retention_rate,churn_rate,"    \
    "simple_retention_rate,simple_churn_rate,warnings\n"                       \
    "2024-01,smb" CTRL_Z ",10,9,1,8,2,80.00,20.00,90.00,10.00,\n"              \
    "2024-01,ent,20,15,5,10,10,50.00,50.00,75.00,25.00,\n"
#define SUMMARY                                                                \
    "scope,segment,rows,start,end,new,retained,lost,retention_rate,"           \
    "churn_rate,simple_retention_rate,simple_churn_rate,"                      \
    "mean_retention_rate,min_retention_rate,max_retention_rate\n"              \
    "group,smb" CTRL_Z ",1,10,9,1,8,2,80.00,20.00,90.00,10.00,80.00,80.00,"    \
    "80.00\n"                                                                  \
    "group,ent,1,20,15,5,10,10,50.00,50.00,75.00,25.00,50.00,50.00,50.00\n"    \
    "all,,2,30,24,6,18,12,60.00,40.00,80.00,20.00,65.00,50.00,80.00\n"

/* Ann, with a Ctrl-Z in her ID, comes back in February; Bob does not. */
#define EVENTS                                                                 \
    "customer_id,date\r\n"                                                     \
    "ann" CTRL_Z ",2024-01-03\r\n"                                             \
    "bob,2024-01-15\r\n"                                                       \
    "ann" CTRL_Z ",2024-02-02\r\n"
#define COHORTS                                                                \
    "cohort,customers,month_0,month_1\n"                                       \
    "2024-01,2,100.00,50.00\n"                                                 \
    "average,2,100.00,50.00\n"

/* What an output file held before the run that replaces it. */
#define OLD "old\r\n"

static const struct cli_row windows_cases[] = {
    {"ids: a Ctrl-Z and CR LF on standard input, LF out",
     {"ids", "-", "end.txt"},
     START_IDS,
     0,
     IDS_TEXT},
    {"ids: a Ctrl-Z and CR LF in files, the list replaces a file",
     {"ids", "--list", "retained", "--list-to", "list.txt", "start.txt",
      "end.txt"},
     NULL,
     0,
     IDS_TEXT,
     .file = "list.txt",
     .content = "b" CTRL_Z "c\nd\n"},
    {"batch: a Ctrl-Z and CR LF on standard input, the summary replaces a "
     "file",
     {"batch", "--group-by", "segment", "--summary-file", "summary.csv", "-"},
     PERIODS,
     0,
     PERIOD_ROWS,
     .file = "summary.csv",
     .content = SUMMARY},
    {"batch: a Ctrl-Z and CR LF in a file",
     {"batch", "periods.csv"},
     NULL,
     0,
     PERIOD_ROWS},
    {"cohorts: a Ctrl-Z and CR LF in a file",
     {"cohorts", "--as-of", "2024-02-29", "events.csv"},
     NULL,
     0,
     COHORTS},
    {"cohorts: a Ctrl-Z and CR LF on standard input",
     {"cohorts", "--as-of", "2024-02-29", "-"},
     EVENTS,
     0,
     COHORTS},
    {"a failed run leaves the file it would replace as it was",
     {"ids", "--list", "lost", "--list-to", "kept.txt", "start.txt",
      "missing.txt"},
     NULL,
     2,
     "",
     "retain: missing.txt: cannot open: No such file or directory\n",
     .file = "kept.txt",
     .content = OLD},
};

static void test_windows(void **state)
{
    cli_row_check(*state, NULL);
}

int main(void)
{
    char dir[] = "/tmp/retain-windows-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("start.txt", START_IDS);
    run_write_fixture("end.txt", END_IDS);
    run_write_fixture("periods.csv", PERIODS);
    run_write_fixture("events.csv", EVENTS);
    run_write_fixture("list.txt", OLD);
    run_write_fixture("summary.csv", OLD);
    run_write_fixture("kept.txt", OLD);
    return TABLE_RUN("windows bytes", windows_cases, test_windows);
}
