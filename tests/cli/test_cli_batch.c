/*
 * test_cli_batch.c - retain batch, run as users run it.
 *
 * Each row gives arguments and standard input, and the exact standard
 * output, standard error and exit status.  Every row runs twice, with -j1
 * and with -j3, and both runs must give the same: the threaded engine may
 * change nothing but the speed.  Files the rows name are written into a
 * fresh directory first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_batch.h"
#include "run.h"
#include "table.h"

#define FIGURES                                                                \
    "retained,lost,retention_rate,churn_rate,simple_retention_rate,"           \
    "simple_churn_rate,warnings"
#define HEAD     "period,segment,start,end,new"
#define EXPECTED "(expected a whole number from 0 to 9223372036854775807)"
#define TRY      "Try 'retain --help' for more information.\n"
#define NEW_ABOVE_END                                                          \
    "new (250) is greater than end (200): retained = end - new = -50, but "    \
    "no count of customers can be negative"
#define ABOVE_START                                                            \
    "end - new (900 - 100 = 800) is greater than start (500): more "           \
    "customers retained than there were at the start"

/* The example of the README: three good rows, then every kind of trouble. */
#define MIXED                                                                  \
    HEAD "\n"                                                                  \
         "2024-01,smb,1000,900,200\n"                                          \
         "2024-01,ent,500,480,30\n"                                            \
         "2024-02,smb,900,850,100\n"                                           \
         "2024-02,ent,480,9o0,10\n"                                            \
         "\"2024-03\",\"s,m\"\"b\",1000,200,250\n"                             \
         "\n"                                                                  \
         "2024-03,ent,0,5,1\n"                                                 \
         "2024-04,ent,10,5\n"
#define GOOD                                                                   \
    HEAD "\n"                                                                  \
         "2024-01,smb,1000,900,200\n"                                          \
         "2024-01,ent,500,480,30\n"                                            \
         "2024-02,smb,900,850,100\n"
#define GOOD_OUT                                                               \
    HEAD "," FIGURES "\n"                                                      \
         "2024-01,smb,1000,900,200,700,300,70.00,30.00,90.00,10.00,\n"         \
         "2024-01,ent,500,480,30,450,50,90.00,10.00,96.00,4.00,\n"             \
         "2024-02,smb,900,850,100,750,150,83.33,16.67,94.44,5.56,\n"
#define STDIN "(standard input)"

struct batch_case {
    const char *name;
    const char *args[16];
    const char *in;
    int status;
    const char *out;
    const char *err;
    enum run_stdout where;
};

static const struct batch_case batch_cases[] = {
    {"good rows", {"batch"}, GOOD, 0, GOOD_OUT, ""},
    {"every kind of trouble",
     {"batch"},
     MIXED,
     1,
     HEAD "," FIGURES "\n"
          "2024-01,smb,1000,900,200,700,300,70.00,30.00,90.00,10.00,\n"
          "2024-01,ent,500,480,30,450,50,90.00,10.00,96.00,4.00,\n"
          "2024-02,smb,900,850,100,750,150,83.33,16.67,94.44,5.56,\n"
          "2024-02,ent,480,9o0,10,,,,,,,field 'end': not a whole number: "
          "'9o0' " EXPECTED "\n"
          "\"2024-03\",\"s,m\"\"b\",1000,200,250,-50,1050,-5.00,105.00,20.00,"
          "80.00,\"" NEW_ABOVE_END "\"\n"
          "2024-03,ent,0,5,1,,,,,,,\"field 'start': start is 0, so no rate "
          "is defined (expected at least 1 customer at the start)\"\n"
          "2024-04,ent,10,5,,,,,,,,\"the row has 4 fields, the header 5\"\n",
     "retain: " STDIN
     ":5: error: field 'end': not a whole number: '9o0' " EXPECTED "\n"
     "retain: " STDIN ":6: warning: " NEW_ABOVE_END "\n"
     "retain: " STDIN ":8: error: field 'start': start is 0, so no rate is "
     "defined (expected at least 1 customer at the start)\n"
     "retain: " STDIN ":9: error: the row has 4 fields, the header 5\n"
     "retain: " STDIN ":7: warning: skipped 1 blank line (expected one row "
     "on each line)\n"},
    {"inconsistent only exits 0",
     {"batch"},
     "start,end,new\n500,900,100\n",
     0,
     "start,end,new," FIGURES "\n"
     "500,900,100,800,-300,160.00,-60.00,180.00,-80.00," ABOVE_START "\n",
     "retain: " STDIN ":2: warning: " ABOVE_START "\n"},
    {"inconsistent and strict",
     {"batch", "--strict"},
     "start,end,new\n500,900,100\n",
     1,
     "start,end,new," FIGURES "\n"
     "500,900,100,800,-300,160.00,-60.00,180.00,-80.00," ABOVE_START "\n",
     "retain: " STDIN ":2: warning: " ABOVE_START "\n"},
    {"no new column: simple rates",
     {"batch"},
     "S,E\n100,99\n",
     0,
     "S,E," FIGURES "\n100,99,,,,,99.00,1.00,\n",
     ""},
    {"names in any case",
     {"batch", "-p", "0"},
     "Start,END,New\n8,1,0\n",
     0,
     "Start,END,New," FIGURES "\n8,1,0,1,7,13,88,13,88,\n",
     ""},
    {"chosen columns",
     {"batch", "--start-col", "begin", "--end-col", "close", "--new-col",
      "won"},
     "begin,close,won,new\n10,9,2,x\n",
     0,
     "begin,close,won,new," FIGURES "\n10,9,2,x,7,3,70.00,30.00,90.00,"
     "10.00,\n",
     ""},
    {"header only", {"batch"}, "start,end\n", 0, "start,end," FIGURES "\n", ""},
    {"byte-order mark and CRLF",
     {"batch"},
     "\xef\xbb\xbfstart,end,new\r\n10,9,2\r\n",
     0,
     "start,end,new," FIGURES "\n10,9,2,7,3,70.00,30.00,90.00,10.00,\n",
     ""},
    {"semicolons sniffed",
     {"batch"},
     "start;end;new\n10;9;2\n",
     0,
     "start;end;new;"
     "retained;lost;retention_rate;churn_rate;"
     "simple_retention_rate;simple_churn_rate;warnings\n"
     "10;9;2;7;3;70.00;30.00;90.00;10.00;\n",
     ""},
    {"tabs sniffed",
     {"batch"},
     "start\tend\n10\t9\n",
     0,
     "start\tend\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "10\t9\t\t\t\t\t90.00\t10.00\t\n",
     ""},
    {"tsv to csv",
     {"batch", "-d", "tab", "-f", "csv"},
     "seg\tstart\tend\nA,B\t10\t9\n",
     0,
     "seg,start,end," FIGURES "\n\"A,B\",10,9,,,,,90.00,10.00,\n",
     ""},
    {"json lines",
     {"batch", "-f", "json"},
     "seg,start,end,new\n\"a\"\"b\",10,9,2\nx,10,y,2\n",
     1,
     "{\"seg\":\"a\\\"b\",\"start\":\"10\",\"end\":\"9\",\"new\":\"2\","
     "\"retained\":7,\"lost\":3,\"retention_rate\":70.00,\"churn_rate\":"
     "30.00,\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"warnings\":[]}\n"
     "{\"seg\":\"x\",\"start\":\"10\",\"end\":\"y\",\"new\":\"2\","
     "\"retained\":null,\"lost\":null,\"retention_rate\":null,\"churn_rate\":"
     "null,\"simple_retention_rate\":null,\"simple_churn_rate\":null,"
     "\"warnings\":[\"field 'end': not a whole number: 'y' " EXPECTED "\"]}\n",
     "retain: " STDIN
     ":3: error: field 'end': not a whole number: 'y' " EXPECTED "\n"},
    {"json keeps ragged fields",
     {"batch", "-f", "json"},
     "start,end\n10,9,extra\n",
     1,
     "{\"start\":\"10\",\"end\":\"9\",\"extra_fields\":[\"extra\"],"
     "\"retained\":null,\"lost\":null,\"retention_rate\":null,\"churn_rate\":"
     "null,\"simple_retention_rate\":null,\"simple_churn_rate\":null,"
     "\"warnings\":[\"the row has 3 fields, the header 2\"]}\n",
     "retain: " STDIN ":2: error: the row has 3 fields, the header 2\n"},
    {"text table",
     {"batch", "-f", "text"},
     GOOD,
     0,
     "period   segment  start  end  new  retained  lost  retention_rate  "
     "churn_rate  simple_retention_rate  simple_churn_rate  warnings\n"
     "2024-01  smb      1000   900  200  700       300   70.00           "
     "30.00       90.00                  10.00              \n"
     "2024-01  ent      500    480  30   450       50    90.00           "
     "10.00       96.00                  4.00               \n"
     "2024-02  smb      900    850  100  750       150   83.33           "
     "16.67       94.44                  5.56               \n",
     ""},
    {"summary on stderr",
     {"batch", "--summary"},
     GOOD,
     0,
     GOOD_OUT,
     "scope,rows,start,end,new,retained,lost,retention_rate,churn_rate,"
     "simple_retention_rate,simple_churn_rate,mean_retention_rate,"
     "min_retention_rate,max_retention_rate\n"
     "all,3,2400,2230,330,1900,500,79.17,20.83,92.92,7.08,81.11,70.00,"
     "90.00\n"},
    {"summary by group as json",
     {"batch", "--group-by", "segment", "-f", "json", "-p", "1"},
     GOOD "2024-02,ent,480,400,0\n",
     0,
     "{\"period\":\"2024-01\",\"segment\":\"smb\",\"start\":\"1000\",\"end\":"
     "\"900\",\"new\":\"200\",\"retained\":700,\"lost\":300,"
     "\"retention_rate\":70.0,\"churn_rate\":30.0,\"simple_retention_rate\":"
     "90.0,\"simple_churn_rate\":10.0,\"warnings\":[]}\n"
     "{\"period\":\"2024-01\",\"segment\":\"ent\",\"start\":\"500\",\"end\":"
     "\"480\",\"new\":\"30\",\"retained\":450,\"lost\":50,"
     "\"retention_rate\":90.0,\"churn_rate\":10.0,\"simple_retention_rate\":"
     "96.0,\"simple_churn_rate\":4.0,\"warnings\":[]}\n"
     "{\"period\":\"2024-02\",\"segment\":\"smb\",\"start\":\"900\",\"end\":"
     "\"850\",\"new\":\"100\",\"retained\":750,\"lost\":150,"
     "\"retention_rate\":83.3,\"churn_rate\":16.7,\"simple_retention_rate\":"
     "94.4,\"simple_churn_rate\":5.6,\"warnings\":[]}\n"
     "{\"period\":\"2024-02\",\"segment\":\"ent\",\"start\":\"480\",\"end\":"
     "\"400\",\"new\":\"0\",\"retained\":400,\"lost\":80,"
     "\"retention_rate\":83.3,\"churn_rate\":16.7,\"simple_retention_rate\":"
     "83.3,\"simple_churn_rate\":16.7,\"warnings\":[]}\n",
     "{\"scope\":\"group\",\"segment\":\"smb\",\"rows\":2,\"start\":1900,"
     "\"end\":1750,\"new\":300,\"retained\":1450,\"lost\":450,"
     "\"retention_rate\":76.3,\"churn_rate\":23.7,\"simple_retention_rate\":"
     "92.1,\"simple_churn_rate\":7.9,\"mean_retention_rate\":76.7,"
     "\"min_retention_rate\":70.0,\"max_retention_rate\":83.3}\n"
     "{\"scope\":\"group\",\"segment\":\"ent\",\"rows\":2,\"start\":980,"
     "\"end\":880,\"new\":30,\"retained\":850,\"lost\":130,"
     "\"retention_rate\":86.7,\"churn_rate\":13.3,\"simple_retention_rate\":"
     "89.8,\"simple_churn_rate\":10.2,\"mean_retention_rate\":86.7,"
     "\"min_retention_rate\":83.3,\"max_retention_rate\":90.0}\n"
     "{\"scope\":\"all\",\"segment\":null,\"rows\":4,\"start\":2880,"
     "\"end\":2630,\"new\":330,\"retained\":2300,\"lost\":580,"
     "\"retention_rate\":79.9,\"churn_rate\":20.1,\"simple_retention_rate\":"
     "91.3,\"simple_churn_rate\":8.7,\"mean_retention_rate\":81.7,"
     "\"min_retention_rate\":70.0,\"max_retention_rate\":90.0}\n"},
    {"summary after a text table",
     {"batch", "-f", "text", "--summary"},
     "start,end\n10,9\n",
     0,
     "start  end  retained  lost  retention_rate  churn_rate  "
     "simple_retention_rate  simple_churn_rate  warnings\n"
     "10     9                                                90.00        "
     "          10.00              \n"
     "\n"
     "scope  rows  start  end  new  retained  lost  retention_rate  "
     "churn_rate  simple_retention_rate  simple_churn_rate  "
     "mean_retention_rate  min_retention_rate  max_retention_rate\n"
     "all    1     10     9                                       "
     "              90.00                  10.00                               "
     "                        \n",
     ""},
    {"headerless with columns",
     {"batch", "--no-header", "--columns", "period,start,end,new"},
     "2024-01,10,9,2\n2024-02,10,8,0\n",
     0,
     "2024-01,10,9,2,7,3,70.00,30.00,90.00,10.00,\n"
     "2024-02,10,8,0,8,2,80.00,20.00,80.00,20.00,\n",
     ""},
    {"unterminated quote at the end",
     {"batch"},
     "start,end,note\n10,9,\"open\n11,9,x\n",
     1,
     "start,end,note," FIGURES "\n"
     "10,9,\"open\n11,9,x\n\",,,,,,,\"the input ends inside the quoted field "
     "3, which starts on this line (expected a closing '\"\"')\"\n",
     "retain: " STDIN ":2: error: the input ends inside the quoted field 3, "
     "which starts on this line (expected a closing '\"')\n"},
    {"text after a closing quote",
     {"batch"},
     "start,end\n\"10\"x,9\n",
     1,
     "start,end," FIGURES "\n10x,9,,,,,,,\"field 'start': text after the "
     "closing quote (expected the delimiter or the line end; write \"\"\"\" "
     "for a quote inside quotes)\"\n",
     "retain: " STDIN ":2: error: field 'start': text after the closing "
     "quote (expected the delimiter or the line end; write \"\" for a quote "
     "inside quotes)\n"},

    /* Nothing usable: exit 2. */
    {"empty input",
     {"batch"},
     "",
     2,
     "",
     "retain: " STDIN ":1: error: empty input (expected a header line naming "
     "the columns)\n"},
    {"no start column",
     {"batch"},
     "begin,end\n1,2\n",
     2,
     "",
     "retain: " STDIN ":1: error: no start column: expected one named start "
     "or s in any case, or --start-col NAME (the columns are 'begin', "
     "'end')\n"},
    {"two start columns",
     {"batch"},
     "start,S,end\n1,2,3\n",
     2,
     "",
     "retain: " STDIN ":1: error: columns 1 and 2 both name the start count: "
     "choose one with --start-col NAME\n"},
    {"chosen column missing",
     {"batch", "--new-col", "won"},
     "start,end\n",
     2,
     "",
     "retain: " STDIN ":1: error: no column named 'won' for --new-col (the "
     "columns are 'start', 'end')\n"},
    {"group column missing",
     {"batch", "--group-by", "region"},
     "start,end\n",
     2,
     "",
     "retain: " STDIN ":1: error: no column named 'region' for --group-by "
     "(the columns are 'start', 'end')\n"},
    {"one column for two counts",
     {"batch", "--start-col", "x", "--end-col", "x"},
     "x,y\n",
     2,
     "",
     "retain: " STDIN ":1: error: the start and end counts cannot both come "
     "from column 1\n"},
    {"columns lack end",
     {"batch", "--no-header", "--columns", "start,new"},
     "1,2\n",
     2,
     "",
     "retain: option --columns: no end column: expected one named end or e "
     "in any case, or --end-col NAME (the columns are 'start', 'new')\n"},
    {"unbalanced header",
     {"batch"},
     "\"start,end\n1,2\n",
     2,
     "",
     "retain: " STDIN ":1: error: the header line has an unbalanced quote "
     "(expected a closing '\"' before the line end)\n"},
    {"no header needs columns",
     {"batch", "--no-header"},
     "",
     2,
     "",
     "retain: option --no-header needs --columns NAMES (the names of the "
     "columns, e.g. --columns period,start,end,new)\n" TRY},
    {"columns need no header",
     {"batch", "--columns", "start,end"},
     "",
     2,
     "",
     "retain: option --columns needs --no-header (with a header line, the "
     "header names the columns)\n" TRY},
    {"bad delimiter",
     {"batch", "-d", "|"},
     "",
     2,
     "",
     "retain: option -d/--delimiter: unknown delimiter: '|' (expected ',', "
     "';' or tab)\n"},
    {"bad jobs",
     {"batch", "--jobs=0"},
     "",
     2,
     "",
     "retain: option -j/--jobs: not a number of threads: '0' (expected a "
     "whole number from 1 to 64)\n"},
    {"empty column name",
     {"batch", "--start-col="},
     "",
     2,
     "",
     "retain: option --start-col: empty value (expected a column name)\n"},
    {"missing file",
     {"batch", "no-such.csv"},
     "",
     2,
     "",
     "retain: no-such.csv: cannot open: No such file or directory\n"},
    {"missing second file stops before output",
     {"batch", "good.csv", "no-such.csv"},
     "",
     2,
     "",
     "retain: no-such.csv: cannot open: No such file or directory\n"},
    {"a directory",
     {"batch", "."},
     "",
     2,
     "",
     "retain: .:1: error: read error: Is a directory\n"},
    {"unknown option",
     {"batch", "--frob"},
     "",
     2,
     "",
     "retain: unknown option '--frob'\n" TRY},

    /* Files. */
    {"two files, one header",
     {"batch", "good.csv", "-", "good.csv"},
     "period,segment,start,end,new\n2024-09,gov,10,9,1\n",
     0,
     GOOD_OUT "2024-09,gov,10,9,1,8,2,80.00,20.00,90.00,10.00,\n"
              "2024-01,smb,1000,900,200,700,300,70.00,30.00,90.00,10.00,\n"
              "2024-01,ent,500,480,30,450,50,90.00,10.00,96.00,4.00,\n"
              "2024-02,smb,900,850,100,750,150,83.33,16.67,94.44,5.56,\n",
     ""},
    {"headers differ",
     {"batch", "good.csv", "other.csv"},
     "",
     2,
     GOOD_OUT,
     "retain: other.csv:1: error: the header differs from the one in "
     "good.csv (expected the same columns in the same order)\n"},
    {"tsv by name",
     {"batch", "good.tsv"},
     "",
     0,
     "start\tend\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "4\t3\t\t\t\t\t75.00\t25.00\t\n",
     ""},

    /* The output stream. */
    {"full device",
     {"batch", "good.csv"},
     "",
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"reader gone",
     {"batch", "big.csv"},
     "",
     128 + 13,
     "",
     "",
     RUN_CLOSED_PIPE},
    {"reader gone, SIGPIPE ignored",
     {"batch", "big.csv"},
     "",
     0,
     "",
     "",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED},
    {"help", {"batch", "--help"}, "", 0, batch_help_text, ""},
};

/* A large input, so that a closed pipe is met mid-run. */
static void write_big(void)
{
    FILE *f = fopen("big.csv", "w");
    int i;

    if (!f)
        exit(1);
    fputs("period,start,end,new\n", f);
    for (i = 0; i < 200000; i++)
        fprintf(f, "p%d,%d,%d,%d\n", i, 1000 + i, 900 + i, i % 300);
    fclose(f);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-batch-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("good.csv", GOOD);
    run_write_fixture("other.csv", "start,end\n1,1\n");
    run_write_fixture("good.tsv", "start\tend\n4\t3\n");
    write_big();
}

static void run_with_jobs(const struct batch_case *c, const char *jobs)
{
    const char *args[20];
    struct run_result r;
    size_t n = 0, i;

    args[n++] = c->args[0];
    if (strncmp(c->args[1] ? c->args[1] : "", "--jobs", 6) != 0)
        args[n++] = jobs;
    for (i = 1; c->args[i]; i++)
        args[n++] = c->args[i];
    args[n] = NULL;
    assert_int_equal(run_retain(args, c->in, NULL, c->where, &r), 0);
    assert_string_equal(r.err, c->err);
    assert_string_equal(r.out, c->out);
    assert_int_equal(r.status, c->status);
    run_result_free(&r);
}

static void test_batch(void **state)
{
    const struct batch_case *c = *state;

    run_with_jobs(c, "-j1");
    run_with_jobs(c, "-j3");
}

/* --summary-file writes the summary there, and nothing to stderr. */
static void test_summary_file(void **state)
{
    const char *args[] = {"batch", "--summary-file", "summary.csv", "good.csv",
                          NULL};
    struct run_result r;
    FILE *f;
    char *text;

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(r.out, GOOD_OUT);
    assert_string_equal(r.err, "");
    assert_int_equal(r.status, 0);
    f = fopen("summary.csv", "r");
    assert_non_null(f);
    text = table_slurp(f);
    assert_string_equal(text,
                        "scope,rows,start,end,new,retained,lost,"
                        "retention_rate,churn_rate,simple_retention_rate,"
                        "simple_churn_rate,mean_retention_rate,"
                        "min_retention_rate,max_retention_rate\n"
                        "all,3,2400,2230,330,1900,500,79.17,20.83,92.92,7.08,"
                        "81.11,70.00,90.00\n");
    free(text);
    fclose(f);
    run_result_free(&r);
}

/* A big input through two threads equals the same through one. */
static void test_threads_agree(void **state)
{
    const char *one[] = {"batch", "-j1", "--summary", "big.csv", NULL};
    const char *four[] = {"batch", "-j4", "--summary", "big.csv", NULL};
    struct run_result a, b;

    (void)state;
    assert_int_equal(run_retain(one, NULL, NULL, RUN_CAPTURE, &a), 0);
    assert_int_equal(run_retain(four, NULL, NULL, RUN_CAPTURE, &b), 0);
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 0);
    assert_true(a.out_len > 10000000);
    assert_int_equal(a.out_len, b.out_len);
    assert_true(memcmp(a.out, b.out, a.out_len) == 0);
    assert_string_equal(a.err, b.err);
    run_result_free(&a);
    run_result_free(&b);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_summary_file),
        cmocka_unit_test(test_threads_agree),
    };

    make_fixtures();
    return TABLE_RUN("batch", batch_cases, test_batch) +
           cmocka_run_group_tests_name("batch files", plain, NULL, NULL);
}
