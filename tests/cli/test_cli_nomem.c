/*
 * test_cli_nomem.c - every allocation a command makes, made to fail in
 * turn, as SQLite's out-of-memory tests do.
 *
 * Each command line runs in-process (cli_main) once as it is, counting its
 * allocations, then once for each allocation with that one failing, and
 * once more with it and every later one failing.  Each failing run must
 * either end as the clean run did, byte for byte, or exit 3 with
 * "retain: out of memory" as the last line on stderr; and it must free
 * every block it allocated.  Needs POSIX for dup2, and the linker's
 * --wrap (failing_alloc.h).
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_main.h"
#include "failing_alloc.h"
#include "run.h"
#include "table.h"

#define OUT_OF_MEMORY "retain: out of memory\n"

struct nomem_case {
    const char *name;
    const char *args[20];
    int status; /* of the clean run */
};

static const struct nomem_case nomem_cases[] = {
    {"core, JSON, beyond one period",
     {"-s", "1000", "-e", "900", "-n", "200", "-f", "json", "--period", "month",
      "--per", "year", "--margin", "49.90", "--discount", "1%"},
     0},
    {"core, a proved power and median (ties)",
     {"-s", "4", "-e", "1", "-n", "0", "--period", "month", "--per", "quarter",
      "-p", "3", "-f", "csv"},
     0},
    {"core, a median on a tie",
     {"-s", "4", "-e", "1", "-n", "0", "--lifetime", "-p", "0"},
     0},
    {"batch, CSV with a summary by group",
     {"batch", "-j", "1", "--summary", "--group-by", "segment", "periods.csv"},
     1},
    {"batch, text table, beyond one period",
     {"batch", "-j", "1", "-f", "text", "--summary", "--period", "month",
      "--per", "year", "--margin", "10", "periods.csv"},
     1},
    {"batch, JSON on two threads, revenue",
     {"batch", "-j", "2", "-f", "json", "--summary", "revenue.csv"},
     0},
    {"batch, quoted CSV to TSV, summary file",
     {"batch", "-j", "1", "-f", "tsv", "--summary-file", "summary.txt",
      "quoted.csv"},
     1},
    {"batch, names renamed and repeated, rows of other widths",
     {"batch", "-j", "1", "-f", "json", "--summary", "--group-by", "retained",
      "names.csv"},
     1},
    {"batch, the same on two threads, blank lines before the header",
     {"batch", "-j", "2", "--summary", "--group-by", "seg", "names.csv"},
     1},
    {"batch, an SVG chart by group",
     {"batch", "-f", "svg", "--group-by", "segment", "periods.csv"},
     1},
    {"ids, figures", {"ids", "start.txt", "end.txt"}, 0},
    /* Markdown keeps its delimiter line and the warnings below in memory. */
    {"ids, markdown, warnings listed below",
     {"ids", "-f", "markdown", "start.txt", "end.txt"},
     0},
    {"batch, markdown with a summary by group",
     {"batch", "-j", "1", "-f", "markdown", "--group-by", "segment",
      "periods.csv"},
     1},
    {"ids, warnings in CSV, list to a file",
     {"ids", "-f", "csv", "--list", "new", "--list-to", "new.txt", "start.txt",
      "end.txt"},
     0},
    {"ids, CSV column, list of the lost",
     {"ids", "--id-column", "id", "--list", "lost", "start.csv", "end.csv"},
     0},
    {"cohorts on one thread, groups, bad rows, two files",
     {"cohorts", "-j", "1", "--group-by", "plan", "log.csv", "log2.csv"},
     1},
    {"cohorts, the same with the engine on a second thread",
     {"cohorts", "-j", "2", "--group-by", "plan", "log.csv", "log2.csv"},
     1},
    {"cohorts, the SVG heatmap, the mean average",
     {"cohorts", "-j", "1", "-f", "svg", "--average", "mean", "log.csv",
      "log2.csv"},
     1},
    /* By the day, closing b's open row takes a bitmap of many words. */
    {"cohorts --spans, groups, open rows, a bad row and one of no length",
     {"cohorts", "-j", "2", "--spans", "--group-by", "plan", "--period", "day",
      "-f", "json", "subs.csv"},
     1},
    {"merge of two parts of cohorts, by group, text",
     {"merge", "-f", "text", "a.part", "b.part"},
     0},
    {"merge of a part of periods, as a part",
     {"merge", "--partial", "c.part"},
     0},
    {"merge of a part of periods, JSON", {"merge", "-f", "json", "c.part"}, 0},
    /* One row of periods: the full check's time budget is tight. */
    {"periods of a subscription table, text, a summary",
     {"periods", "-j", "1", "--spans", "-f", "text", "--summary", "--only",
      "end", "subs.csv"},
     1},
};

struct captured {
    int status;
    char *out;
    char *err;
    unsigned long allocations; /* calls to allocate, failed ones included */
};

/* Points file descriptor `fd` at `path`; returns the saved original. */
static int redirect(int fd, const char *path)
{
    int saved = dup(fd), file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    if (saved < 0 || file < 0 || dup2(file, fd) < 0) {
        perror(path);
        exit(1);
    }
    close(file);
    return saved;
}

static char *slurp_path(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = f ? table_slurp(f) : NULL;

    if (!text) {
        perror(path);
        exit(1);
    }
    fclose(f);
    return text;
}

/*
 * Runs `args` as retain's command line with allocation `fail_at` failing
 * (see failing_alloc_reset), stdout and stderr captured; returns the
 * number of blocks the run left allocated.
 */
static long run_in_process(const struct nomem_case *c, unsigned long fail_at,
                           bool persistent, struct captured *got)
{
    char *argv[22];
    int argc, saved_out, saved_err;
    long live;

    argv[0] = (char *)"retain";
    for (argc = 1; c->args[argc - 1]; argc++)
        argv[argc] = (char *)c->args[argc - 1];
    argv[argc] = NULL;
    fflush(stdout);
    fflush(stderr);
    saved_out = redirect(1, "nomem.out");
    saved_err = redirect(2, "nomem.err");
    live = failing_alloc_live();
    failing_alloc_reset(fail_at, persistent);
    got->status = cli_main(argc, argv);
    got->allocations = failing_alloc_calls();
    failing_alloc_reset(0, false);
    live = failing_alloc_live() - live;
    fflush(stdout);
    fflush(stderr);
    clearerr(stdout);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    got->out = slurp_path("nomem.out");
    got->err = slurp_path("nomem.err");
    return live;
}

static void captured_free(struct captured *c)
{
    free(c->out);
    free(c->err);
}

static bool ends_with(const char *text, const char *tail)
{
    size_t len = strlen(text), tail_len = strlen(tail);

    return len >= tail_len && strcmp(text + len - tail_len, tail) == 0 &&
           (len == tail_len || text[len - tail_len - 1] == '\n');
}

/* Checks one failing run against the clean one; names it on failure. */
static void check_failing_run(const struct nomem_case *c,
                              const struct captured *clean, unsigned long n,
                              bool persistent)
{
    struct captured got;
    long leaked = run_in_process(c, n, persistent, &got);
    bool same = got.status == clean->status &&
                strcmp(got.out, clean->out) == 0 &&
                strcmp(got.err, clean->err) == 0;
    bool refused = got.status == 3 && ends_with(got.err, OUT_OF_MEMORY);

    if (leaked != 0 || !(same || refused))
        print_error("allocation %lu%s failing: exit %d, %ld blocks left, "
                    "stderr:\n%.300s\nstdout:\n%.300s\n",
                    n, persistent ? " and later ones" : "", got.status, leaked,
                    got.err, got.out);
    captured_free(&got);
    assert_int_equal(leaked, 0);
    assert_true(same || refused);
}

static void test_nomem(void **state)
{
    const struct nomem_case *c = *state;
    struct captured clean;
    unsigned long n;

    assert_int_equal(run_in_process(c, 0, false, &clean), 0);
    assert_int_equal(clean.status, c->status);
    assert_false(ends_with(clean.err, OUT_OF_MEMORY));
    assert_true(clean.allocations > 0);
    for (n = 1; n <= clean.allocations; n++) {
        check_failing_run(c, &clean, n, false);
        check_failing_run(c, &clean, n, true);
    }
    captured_free(&clean);
}

int main(void)
{
    char dir[] = "/tmp/retain-nomem-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("periods.csv", "period,segment,start,end,new\n"
                                     "2026-01,smb,1000,900,200\n"
                                     "2026-01,ent,50,49,0\n"
                                     "2026-02,smb,900,950,120\n"
                                     "2026-02,ent,49,x,0\n"
                                     "\n"
                                     "2026-03,smb,950,1000,100\n");
    run_write_fixture("revenue.csv",
                      "month,start,end,new,start_mrr,expansion,contraction,"
                      "churned\n"
                      "jan,100,90,10,1000,50,20,30\n"
                      "feb,90,95,15,1000.5,0,0,0\n");
    run_write_fixture("quoted.csv", "\"seg,ment\",start,end,new\n"
                                    "\"a \"\"b\"\"\",10,9,1\n"
                                    "c,20,18,2\n"
                                    "\"d\te\",20,18,2\n"
                                    "\"broken\"quote,20,18,2\n");
    run_write_fixture("names.csv",
                      "\n\nretained,seg,start,end,new,seg,input.retained\n"
                      "x,a,10,9,1,b,y,extra\nx,a,10,9\n");
    run_write_fixture("start.txt", "a\nb\nc\nd\nb\n");
    run_write_fixture("end.txt", "b\nc\ne\n\n");
    run_write_fixture("start.csv", "name,id\nx,1\ny,2\nz,3\n");
    run_write_fixture("end.csv", "name,id\ny,2\nw,4\n");
    run_write_fixture("log.csv", "customer_id,date,plan\n"
                                 "a,2024-01-05,pro\n"
                                 "b,2024-01-20T10:00:00Z,free\n"
                                 ",2024-01-21,free\n"
                                 "a,2024-02-02,pro\n"
                                 "c,2024-02-30,free\n"
                                 "\n"
                                 "c,2024-03-01,free\n"
                                 "b,2024-03-31\n"
                                 "b,2024-04-01,free\n");
    run_write_fixture("subs.csv", "id,start,end,plan\n"
                                  "a,2024-01-05,2024-03-01,pro\n"
                                  "b,2024-01-20,,free\n"
                                  "c,2024-02-10,2024-02-01,free\n"
                                  "d,2024-02-11,2024-02-11,pro\n"
                                  "a,2024-03-01,2024-06-30,pro\n");
    run_write_fixture("log2.csv", "id,date,plan\n"
                                  "d,2024-02-01,pro\n"
                                  "a,2024-05-01,free\n");
    run_write_fixture(
        "a.part", "retain-partial,1,cohorts\noption,period,month\n"
                  "option,week-start,monday\noption,date-format,iso\n"
                  "option,utc,0\noption,event-col,\noption,cohort-col,\n"
                  "option,mode,on\noption,as-of,2024-04-30\noption,from,\n"
                  "option,average,pooled\noption,no-average,0\n"
                  "option,group-by,plan\noption,max-periods,\noption,spans,0\n"
                  "meta,input_delimiter,comma\nmeta,group_name,plan\n"
                  "tally,rows_left_out,0\ntally,inputs_skipped,0\n"
                  "tally,blank_lines,0\ntally,empty_spans,0\n"
                  "tally,before_from,0\ntally,after_as_of,0\n"
                  "tally,without_cohort,0\ntally,signup_disagrees,0\n"
                  "tally,early_customers,0\ntally,early_periods,0\n"
                  "group,0,pro\ncohort,,24288,1,1,1,0,1\ncohort,,24290,1,1,1\n"
                  "cohort,0,24288,1,1,1,0,1\ncohort,0,24290,1,1,1\n"
                  "hash,2ba3e8e9a71148ca\nhash,f5bbf8109ab38c73\nend\n");
    run_write_fixture(
        "b.part", "retain-partial,1,cohorts\noption,period,month\n"
                  "option,week-start,monday\noption,date-format,iso\n"
                  "option,utc,0\noption,event-col,\noption,cohort-col,\n"
                  "option,mode,on\noption,as-of,2024-04-30\noption,from,\n"
                  "option,average,pooled\noption,no-average,0\n"
                  "option,group-by,plan\noption,max-periods,\noption,spans,0\n"
                  "meta,input_delimiter,comma\nmeta,group_name,plan\n"
                  "tally,rows_left_out,0\ntally,inputs_skipped,0\n"
                  "tally,blank_lines,0\ntally,empty_spans,0\n"
                  "tally,before_from,0\ntally,after_as_of,0\n"
                  "tally,without_cohort,0\ntally,signup_disagrees,0\n"
                  "tally,early_customers,0\ntally,early_periods,0\n"
                  "group,0,free\ncohort,,24288,1,1,0,1,0\ncohort,,24291,1,1\n"
                  "cohort,0,24288,1,1,0,1,0\ncohort,0,24291,1,1\n"
                  "hash,1c8c4399178f2261\nhash,5e784450c99a679a\nend\n");
    run_write_fixture(
        "c.part", "retain-partial,1,periods\noption,period,month\n"
                  "option,week-start,monday\noption,date-format,iso\n"
                  "option,utc,0\noption,event-col,\noption,as-of,2024-04-30\n"
                  "option,from,\noption,group-by,\noption,spans,0\n"
                  "meta,input_delimiter,comma\nmeta,group_name,\n"
                  "max,last_data,9223372036854800099\ntally,rows_left_out,0\n"
                  "tally,inputs_skipped,0\ntally,blank_lines,0\n"
                  "tally,empty_spans,0\ntally,before_from,0\n"
                  "tally,after_as_of,0\nperiod,,24288,0,1,0,0,1,1,0,0\n"
                  "period,,24289,1,1,1,0,0,0,0,0\n"
                  "period,,24290,1,1,0,1,1,1,0,0\n"
                  "period,,24291,1,2,1,0,1,0,1,0\nhash,2ba3e8e9a71148ca\n"
                  "hash,f5bbf8109ab38c73\nend\n");
    return TABLE_RUN("out of memory", nomem_cases, test_nomem);
}
