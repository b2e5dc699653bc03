/*
 * test_cli_batch.c - retain batch, run as users run it.
 *
 * Each row gives arguments and standard input, and the exact standard
 * output, standard error and exit status.  Every row runs twice, with -j1
 * and with -j3 (under valgrind, every third row), and both runs must give
 * the same: the threaded engine may change nothing but the speed.  Files the
 * rows name are written into a fresh directory first.  The long expected
 * outputs are golden files, golden/batch/NAME.out and .err (cli_table.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_batch.h"
#include "cli_table.h"
#include "run.h"
#include "table.h"

#define FIGURES                                                                \
    "retained,lost,retention_rate,churn_rate,simple_retention_rate,"           \
    "simple_churn_rate,warnings"
#define HEAD     "period,segment,start,end,new"
#define EXPECTED "(expected a whole number from 0 to 9223372036854775807)"
#define TRY      "Try 'retain batch --help' for more information.\n"
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
#define STDIN       "(standard input)"
#define EMPTY_INPUT "empty input (expected a header line naming the columns)"

/* Rows of another width than the header's. */
#define ALL_NUMBERS "(expected one for every count and amount)"
#define ONE_MORE                                                               \
    "the row has 4 fields, the header 3: the last one is left out: '5'"
#define ONE_LESS   "the row has 3 fields, the header 4: column left empty: 'note'"
#define ROW_10_9_1 "10,9,1,8,2,80.00,20.00,90.00,10.00"
#define BLANK_1    "skipped 1 blank line (expected one row on each line)"

/* Its own output, read back: the figures it finds become input.NAME. */
#define INPUT_FIGURES                                                          \
    "input.retained,input.lost,input.retention_rate,input.churn_rate,"         \
    "input.simple_retention_rate,input.simple_churn_rate,input.warnings"
#define AGAIN_FIRST                                                            \
    HEAD "," INPUT_FIGURES "," FIGURES "\n"                                    \
         "2024-01,smb,1000,900,200,700,300,70.00,30.00,90.00,10.00,,700,300,"  \
         "70.00,30.00,90.00,10.00,\n"
#define AGAIN_OUT                                                              \
    AGAIN_FIRST                                                                \
    "2024-01,ent,500,480,30,450,50,90.00,10.00,96.00,4.00,,450,50,90.00,"      \
    "10.00,96.00,4.00,\n"                                                      \
    "2024-02,smb,900,850,100,750,150,83.33,16.67,94.44,5.56,,750,150,83.33,"   \
    "16.67,94.44,5.56,\n"

/* Beyond one period and revenue retention. */
#define CHURN_ZERO                                                             \
    "churn is 0, so the expected and median lifetimes are infinite"
#define CORE_HEAD                                                              \
    "retained,lost,retention_rate,churn_rate,simple_retention_rate,"           \
    "simple_churn_rate"
#define MRR_HEAD "seg,start,end,new,start_mrr,expansion,contraction,churned"
#define MRR_ROWS                                                               \
    MRR_HEAD "\n"                                                              \
             "a,1000,900,200,100000,15000,5000,8000\n"                         \
             "b,500,480,30,50000,0,2500,2500\n"
#define REVENUE_FIGURES "net_revenue_retention,gross_revenue_retention"
#define LOSS_ABOVE                                                             \
    "contraction + churned (110) is greater than start_mrr (100): more "       \
    "revenue lost than there was at the start"
#define SUMMARY_HEAD                                                           \
    "scope,rows,start,end,new,retained,lost,retention_rate,churn_rate,"        \
    "simple_retention_rate,simple_churn_rate,mean_retention_rate,"             \
    "min_retention_rate,max_retention_rate"

static const struct cli_row batch_cases[] = {
    {"good rows", {"batch"}, GOOD, 0, GOOD_OUT, ""},
    {"every kind of trouble",
     {"batch"},
     MIXED,
     1,
     NULL,
     NULL,
     .golden = "batch/every-kind-of-trouble"},
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
     NULL,
     "retain: " STDIN
     ":3: error: field 'end': not a whole number: 'y' " EXPECTED "\n",
     .golden = "batch/json-lines"},
    {"json: an extra field is left out, and said so",
     {"batch", "-f", "json"},
     "start,end\n10,9,extra\n",
     0,
     "{\"start\":\"10\",\"end\":\"9\",\"retained\":null,\"lost\":null,"
     "\"retention_rate\":null,\"churn_rate\":null,\"simple_retention_rate\":"
     "90.00,\"simple_churn_rate\":10.00,\"warnings\":[\"the row has 3 fields, "
     "the header 2: the last one is left out: 'extra'\"]}\n",
     "retain: " STDIN ":2: warning: the row has 3 fields, the header 2: the "
     "last one is left out: 'extra'\n"},
    {"text table",
     {"batch", "-f", "text"},
     GOOD,
     0,
     NULL,
     "",
     .golden = "batch/text-table"},
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
    /* Sums over no rows are 0; rates of 0 customers are not defined. */
    {"summary of a header and no rows",
     {"batch", "--summary"},
     HEAD "\n",
     0,
     HEAD "," FIGURES "\n",
     SUMMARY_HEAD "\nall,0,0,0,0,0,0,,,,,,,\n"},
    {"summary of no rows as json",
     {"batch", "--summary", "-f", "json"},
     HEAD "\n",
     0,
     "",
     "{\"scope\":\"all\",\"rows\":0,\"start\":0,\"end\":0,\"new\":0,"
     "\"retained\":0,\"lost\":0,\"retention_rate\":null,\"churn_rate\":null,"
     "\"simple_retention_rate\":null,\"simple_churn_rate\":null,"
     "\"mean_retention_rate\":null,\"min_retention_rate\":null,"
     "\"max_retention_rate\":null}\n"},
    {"summary of no rows without a new column",
     {"batch", "--summary"},
     "start,end\n",
     0,
     "start,end," FIGURES "\n",
     SUMMARY_HEAD "\nall,0,0,0,,,,,,,,,,\n"},
    {"summary by group as json",
     {"batch", "--group-by", "segment", "-f", "json", "-p", "1"},
     GOOD "2024-02,ent,480,400,0\n",
     0,
     NULL,
     NULL,
     .golden = "batch/summary-by-group-as-json"},
    {"summary after a text table",
     {"batch", "-f", "text", "--summary"},
     "start,end\n10,9\n",
     0,
     NULL,
     "",
     .golden = "batch/summary-after-a-text-table"},
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
     NULL,
     "retain: " STDIN ":2: error: the input ends inside the quoted field 3, "
     "which starts on this line (expected a closing '\"')\n",
     .golden = "batch/unterminated-quote-at-the-end"},
    {"text after a closing quote",
     {"batch"},
     "start,end\n\"10\"x,9\n",
     1,
     "start,end," FIGURES "\n\"\"\"10\"\"x\",9,,,,,,,\"field 'start': text "
     "after the "
     "closing quote (expected the delimiter or the line end; write \"\"\"\" "
     "for a quote inside quotes)\"\n",
     "retain: " STDIN ":2: error: field 'start': text after the closing "
     "quote (expected the delimiter or the line end; write \"\" for a quote "
     "inside quotes)\n"},

    /* Every output row has the header's width: extra fields are left out,
       missing ones left empty, and the row's warnings say which. */
    {"a row wider than the header",
     {"batch"},
     "start,end,new\n10,9,1,5\n",
     0,
     "start,end,new," FIGURES "\n" ROW_10_9_1 ",\"" ONE_MORE "\"\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"},
    {"a row wider than the header fails --strict",
     {"batch", "--strict"},
     "start,end,new\n10,9,1,5\n",
     1,
     "start,end,new," FIGURES "\n" ROW_10_9_1 ",\"" ONE_MORE "\"\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"},
    {"a row wider than the header, as tsv",
     {"batch", "-f", "tsv"},
     "start,end,new\n10,9,1,5\n",
     0,
     "start\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t" ONE_MORE "\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"},
    {"a row wider than the header, as json",
     {"batch", "-f", "json"},
     "start,end,new\n10,9,1,5\n",
     0,
     "{\"start\":\"10\",\"end\":\"9\",\"new\":\"1\",\"retained\":8,\"lost\":2,"
     "\"retention_rate\":80.00,\"churn_rate\":20.00,\"simple_retention_rate\":"
     "90.00,\"simple_churn_rate\":10.00,\"warnings\":[\"" ONE_MORE "\"]}\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"},
    {"a row wider than the header, as text",
     {"batch", "-f", "text"},
     "start,end,new\n10,9,1,5\n",
     0,
     "start  end  new  retained  lost  retention_rate  churn_rate  "
     "simple_retention_rate  simple_churn_rate  warnings\n"
     "10     9    1    8         2     80.00           20.00       90.00"
     "                  10.00              " ONE_MORE "\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"},
    {"many extra fields: five are quoted",
     {"batch"},
     "start;end\n10;9;a;b;c;d;e;f;g\n",
     0,
     "start;end;retained;lost;retention_rate;churn_rate;"
     "simple_retention_rate;simple_churn_rate;warnings\n"
     "10;9;;;;;90.00;10.00;the row has 9 fields, the header 2: the last 7 are "
     "left out: 'a', 'b', 'c', 'd', 'e', ...\n",
     "retain: " STDIN ":2: warning: the row has 9 fields, the header 2: the "
     "last 7 are left out: 'a', 'b', 'c', 'd', 'e', ...\n"},
    {"a row narrower than the header",
     {"batch"},
     "start,end,new,note\n10,9,1\n",
     0,
     "start,end,new,note," FIGURES
     "\n10,9,1,,8,2,80.00,20.00,90.00,10.00,\"" ONE_LESS "\"\n",
     "retain: " STDIN ":2: warning: " ONE_LESS "\n"},
    {"a row narrower than the header, as json and with --strict",
     {"batch", "-f", "json", "--strict"},
     "start,end,new,note,tag\n10,9,1\n",
     1,
     "{\"start\":\"10\",\"end\":\"9\",\"new\":\"1\",\"note\":null,\"tag\":null,"
     "\"retained\":8,\"lost\":2,\"retention_rate\":80.00,\"churn_rate\":20.00,"
     "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"warnings\":[\"the row has 3 fields, the header 5: columns left empty: "
     "'note', 'tag'\"]}\n",
     "retain: " STDIN ":2: warning: the row has 3 fields, the header 5: "
     "columns left empty: 'note', 'tag'\n"},
    {"a row narrower than the header, as text",
     {"batch", "-f", "text"},
     "start,end,new,note\n10,9,1\n",
     0,
     "start  end  new  note  retained  lost  retention_rate  churn_rate  "
     "simple_retention_rate  simple_churn_rate  warnings\n"
     "10     9    1          8         2     80.00           20.00       90.00"
     "                  10.00              " ONE_LESS "\n",
     "retain: " STDIN ":2: warning: " ONE_LESS "\n"},
    {"a row without a count is invalid",
     {"batch"},
     "start,end,new\n10,9\n",
     1,
     "start,end,new," FIGURES "\n10,9,,,,,,,,\"the row has 2 fields, the "
     "header 3: no field 'new' " ALL_NUMBERS "\"\n",
     "retain: " STDIN ":2: error: the row has 2 fields, the header 3: no field "
     "'new' " ALL_NUMBERS "\n"},
    {"a row without a revenue amount is invalid",
     {"batch", "-f", "json"},
     MRR_HEAD "\na,10,9,0,100,0,5\n",
     1,
     NULL,
     "retain: " STDIN ":2: error: the row has 7 fields, the header 8: no field "
     "'churned' " ALL_NUMBERS "\n",
     .golden = "batch/a-row-without-a-revenue-amount-is"},
    {"a row wider than the header and invalid: both said",
     {"batch"},
     "start,end,new\n10,x,1,5\n",
     1,
     "start,end,new," FIGURES "\n10,x,1,,,,,,,\"" ONE_MORE "; field 'end': "
     "not a whole number: 'x' " EXPECTED "\"\n",
     "retain: " STDIN ":2: warning: " ONE_MORE "\n"
     "retain: " STDIN
     ":2: error: field 'end': not a whole number: 'x' " EXPECTED "\n"},
    {"a row wider than the header with counts that contradict",
     {"batch", "-f", "json"},
     "start,end,new\n500,900,100,5\n",
     0,
     "{\"start\":\"500\",\"end\":\"900\",\"new\":\"100\",\"retained\":800,"
     "\"lost\":-300,\"retention_rate\":160.00,\"churn_rate\":-60.00,"
     "\"simple_retention_rate\":180.00,\"simple_churn_rate\":-80.00,"
     "\"warnings\":[\"the row has 4 fields, the header 3: the last one is left "
     "out: '5'\",\"" ABOVE_START "\"]}\n",
     "retain: " STDIN ":2: warning: the row has 4 fields, the header 3: the "
     "last one is left out: '5'\n"
     "retain: " STDIN ":2: warning: " ABOVE_START "\n"},

    /* Every name in an output line is different: an input column named as
       an output one is written input.NAME, a repeated name NAME.2. */
    {"an input column named as a figure",
     {"batch"},
     "seg,retained,start,end,new\na,7,10,9,1\n",
     0,
     "seg,input.retained,start,end,new," FIGURES "\n"
     "a,7," ROW_10_9_1 ",\n",
     ""},
    {"an input column named as a figure, as json",
     {"batch", "-f", "json"},
     "seg,retained,start,end,new\na,7,10,9,1\n",
     0,
     "{\"seg\":\"a\",\"input.retained\":\"7\",\"start\":\"10\",\"end\":\"9\","
     "\"new\":\"1\",\"retained\":8,\"lost\":2,\"retention_rate\":80.00,"
     "\"churn_rate\":20.00,\"simple_retention_rate\":90.00,"
     "\"simple_churn_rate\":10.00,\"warnings\":[]}\n",
     ""},
    {"an input column named as a figure, as text",
     {"batch", "-f", "text"},
     "seg,retained,start,end,new\na,7,10,9,1\n",
     0,
     "seg  input.retained  start  end  new  retained  lost  retention_rate  "
     "churn_rate  simple_retention_rate  simple_churn_rate  warnings\n"
     "a    7               10     9    1    8         2     80.00           "
     "20.00       90.00                  10.00\n",
     ""},
    {"an input warnings column, as tsv",
     {"batch"},
     "start\tend\twarnings\n10\t9\tnone\n",
     0,
     "start\tend\tinput.warnings\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "10\t9\tnone\t\t\t\t\t90.00\t10.00\t\n",
     ""},
    {"input columns named as figures beyond one period",
     {"batch", "-f", "json", "--period", "month", "--per", "year", "--margin",
      "50"},
     "start,end,new,expected_lifetime,retention_rate_per,lifetime_value,"
     "median_lifetime_years,period\n1000,900,200,a,b,c,d,e\n",
     0,
     NULL,
     "",
     .golden = "batch/input-columns-named-as-figures-beyond"},
    {"a name the output does not add stays",
     {"batch"},
     "start,end,new,expected_lifetime\n10,9,1,x\n",
     0,
     "start,end,new,expected_lifetime," FIGURES "\n10,9,1,x,8,2,80.00,20.00,"
     "90.00,10.00,\n",
     ""},
    {"an input column named as a revenue figure",
     {"batch", "-f", "json"},
     MRR_HEAD ",net_revenue_retention\na,10,9,1,100,0,0,0,x\n",
     0,
     "{\"seg\":\"a\",\"start\":\"10\",\"end\":\"9\",\"new\":\"1\","
     "\"start_mrr\":\"100\",\"expansion\":\"0\",\"contraction\":\"0\","
     "\"churned\":\"0\",\"input.net_revenue_retention\":\"x\",\"retained\":8,"
     "\"lost\":2,\"retention_rate\":80.00,\"churn_rate\":20.00,"
     "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"net_revenue_retention\":100.00,\"gross_revenue_retention\":100.00,"
     "\"warnings\":[]}\n",
     ""},
    {"in any case, and input.NAME taken too",
     {"batch", "-f", "json"},
     "Retained,input.retained,start,end\n1,2,10,9\n",
     0,
     "{\"input.input.Retained\":\"1\",\"input.retained\":\"2\",\"start\":"
     "\"10\",\"end\":\"9\",\"retained\":null,\"lost\":null,\"retention_rate\":"
     "null,\"churn_rate\":null,\"simple_retention_rate\":90.00,"
     "\"simple_churn_rate\":10.00,\"warnings\":[]}\n",
     ""},
    {"a group column named scope, in the summary",
     {"batch", "--summary", "--group-by", "scope", "-f", "json"},
     "scope,start,end,new\na,10,9,1\n",
     0,
     "{\"scope\":\"a\",\"start\":\"10\",\"end\":\"9\",\"new\":\"1\","
     "\"retained\":8,\"lost\":2,\"retention_rate\":80.00,\"churn_rate\":20.00,"
     "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"warnings\":[]}\n",
     NULL,
     .golden = "batch/a-group-column-named-scope-in-the"},
    {"a group column named rows, in a csv summary",
     {"batch", "--summary", "--group-by", "rows"},
     "rows,start,end,new\na,10,9,1\n",
     0,
     "rows,start,end,new," FIGURES "\na," ROW_10_9_1 ",\n",
     "scope,input.rows,rows,start,end,new,retained,lost,retention_rate,"
     "churn_rate,simple_retention_rate,simple_churn_rate,mean_retention_rate,"
     "min_retention_rate,max_retention_rate\n"
     "group,a,1,10,9,1,8,2,80.00,20.00,90.00,10.00,80.00,80.00,80.00\n"
     "all,,1,10,9,1,8,2,80.00,20.00,90.00,10.00,80.00,80.00,80.00\n"},
    {"a group column named as a summary figure, as text",
     {"batch", "--summary", "--group-by", "mean_retention_rate", "-f", "text"},
     "mean_retention_rate,start,end,new\na,10,9,1\n",
     0,
     NULL,
     "",
     .golden = "batch/a-group-column-named-as-a-summary-figure"},
    {"a group column named as a figure: the same name in the summary",
     {"batch", "--summary", "--group-by", "retained", "-f", "tsv"},
     "retained,start,end,new\na,10,9,1\n",
     0,
     "input.retained\tstart\tend\tnew\tretained\tlost\tretention_rate\t"
     "churn_rate\tsimple_retention_rate\tsimple_churn_rate\twarnings\n"
     "a\t10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t\n",
     "scope\tinput.retained\trows\tstart\tend\tnew\tretained\tlost\t"
     "retention_rate\tchurn_rate\tsimple_retention_rate\tsimple_churn_rate\t"
     "mean_retention_rate\tmin_retention_rate\tmax_retention_rate\n"
     "group\ta\t1\t10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t80.00\t80.00\t"
     "80.00\n"
     "all\t\t1\t10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t80.00\t80.00\t"
     "80.00\n"},
    {"a group column named as a pooled lifetime",
     {"batch", "--lifetime", "--summary", "--group-by", "expected_lifetime"},
     "expected_lifetime,start,end,new\na,10,9,1\n",
     0,
     "input.expected_lifetime,start,end,new," CORE_HEAD
     ",expected_lifetime,median_lifetime,warnings\n"
     "a," ROW_10_9_1 ",5.00,3.11,\n",
     "scope,input.expected_lifetime,rows,start,end,new,retained,lost,"
     "retention_rate,churn_rate,simple_retention_rate,simple_churn_rate,"
     "mean_retention_rate,min_retention_rate,max_retention_rate,"
     "expected_lifetime,median_lifetime\n"
     "group,a,1,10,9,1,8,2,80.00,20.00,90.00,10.00,80.00,80.00,80.00,5.00,"
     "3.11\n"
     "all,,1,10,9,1,8,2,80.00,20.00,90.00,10.00,80.00,80.00,80.00,5.00,"
     "3.11\n"},
    {"its own output read back", {"batch", "again.csv"}, "", 0, AGAIN_OUT, ""},
    {"its own output read back twice, as json",
     {"batch", "-f", "json", "again2.csv"},
     "",
     0,
     NULL,
     "",
     .golden = "batch/its-own-output-read-back-twice-as-json"},
    {"a repeated column name is numbered",
     {"batch", "--summary", "--group-by", "seg"},
     "seg,start,end,new,seg\na,10,9,1,b\n",
     0,
     "seg,start,end,new,seg.2," FIGURES "\na,10,9,1,b,8,2,80.00,20.00,90.00,"
     "10.00,\n",
     NULL,
     .golden = "batch/a-repeated-column-name-is-numbered"},
    {"repeated names in any case, around names taken",
     {"batch", "-f", "json"},
     "seg,Seg,seg.2,start,end,SEG\na,b,c,10,9,d\n",
     0,
     "{\"seg\":\"a\",\"Seg.3\":\"b\",\"seg.2\":\"c\",\"start\":\"10\","
     "\"end\":\"9\",\"SEG.4\":\"d\",\"retained\":null,\"lost\":null,"
     "\"retention_rate\":null,\"churn_rate\":null,\"simple_retention_rate\":"
     "90.00,\"simple_churn_rate\":10.00,\"warnings\":[]}\n",
     "retain: " STDIN ":1: warning: column 2, 'Seg', repeats the name of "
     "column 1, 'seg': it is written as 'Seg.3', and 1 more repeated name is "
     "numbered the same way (expected each name once, in any case)\n"},
    {"a repeated name in --columns is refused",
     {"batch", "--no-header", "--columns", "seg,start,end,SEG"},
     "a,10,9,b\n",
     2,
     "",
     "retain: option --columns: column 4, 'SEG', repeats the name of column "
     "1, 'seg' (expected each name once, in any case)\n"},
    {"--columns names are renamed as a header's",
     {"batch", "--no-header", "--columns", "lost,start,end", "-f", "json"},
     "a,10,9\n",
     0,
     "{\"input.lost\":\"a\",\"start\":\"10\",\"end\":\"9\",\"retained\":null,"
     "\"lost\":null,\"retention_rate\":null,\"churn_rate\":null,"
     "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"warnings\":[]}\n",
     ""},

    /* Blank lines before the header are skipped as those after it are. */
    {"a blank line before the header",
     {"batch"},
     "\nstart,end,new\n10,9,1\n",
     0,
     "start,end,new," FIGURES "\n" ROW_10_9_1 ",\n",
     "retain: " STDIN ":1: warning: " BLANK_1 "\n"},
    {"a byte-order mark, blank lines, a tab header: lines still true",
     {"batch"},
     "\xef\xbb\xbf\n\r\nstart\tend\tnew\n10\tx\t1\n\n10\t9\t1\n",
     1,
     "start\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "10\tx\t1\t\t\t\t\t\t\tfield 'end': not a whole number: 'x' " EXPECTED "\n"
     "10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t\n",
     "retain: " STDIN
     ":4: error: field 'end': not a whole number: 'x' " EXPECTED "\n"
     "retain: " STDIN ":1: warning: skipped 3 blank lines (expected one row on "
     "each line)\n"},
    {"only blank lines",
     {"batch"},
     "\n\r\n\n",
     2,
     "",
     "retain: " STDIN ":1: error: only blank lines (expected a header line "
     "naming the columns)\n"},
    {"a broken header after a blank line: its own line",
     {"batch"},
     "\n\"start,end\n1,2\n",
     2,
     "",
     "retain: " STDIN ":2: error: the header line: the input ends "
     "inside the quoted field 1, which starts on this line (expected a "
     "closing '\"')\n"},
    {"blank lines before the header of a second file",
     {"batch", "good.csv", "blank-first.csv"},
     "",
     0,
     NULL,
     "retain: blank-first.csv:1: warning: skipped 2 blank lines (expected one "
     "row on each line)\n",
     .golden = "batch/blank-lines-before-the-header-of-a"},
    {"a differing header after blank lines: its own line",
     {"batch", "good.csv", "blank-other.csv"},
     "",
     1,
     GOOD_OUT,
     "retain: blank-other.csv:3: error: the header differs from the one in "
     "good.csv (expected the same columns in the same order)\n"},
    {"headerless: blank lines first, then tabs sniffed",
     {"batch", "--no-header", "--columns", "start,end"},
     "\n10\t9\n",
     0,
     "10\t9\t\t\t\t\t90.00\t10.00\t\n",
     "retain: " STDIN ":1: warning: " BLANK_1 "\n"},
    {"300,000 blank lines before the header",
     {"batch", "many-blanks.csv"},
     "",
     1,
     "start,end,new," FIGURES "\n" ROW_10_9_1 ",\n10,x,1,,,,,,,field 'end': "
     "not a whole number: 'x' " EXPECTED "\n",
     "retain: many-blanks.csv:300003: error: field 'end': not a whole number: "
     "'x' " EXPECTED "\n"
     "retain: many-blanks.csv:1: warning: skipped 300000 blank lines "
     "(expected one row on each line)\n"},

    /* Headerless input gets no header line back, text included. */
    {"headerless text has no header",
     {"batch", "-f", "text", "--no-header", "--columns", "period,start,end"},
     "2024-01,10,9\n2024-02,1000,9\n",
     0,
     "2024-01  10    9          90.00  10.00\n"
     "2024-02  1000  9          0.90   99.10\n",
     ""},
    {"headerless text with a summary: the summary keeps its header",
     {"batch", "-f", "text", "--no-header", "--columns", "start,end",
      "--summary"},
     "10,9\n",
     0,
     NULL,
     "",
     .golden = "batch/headerless-text-with-a-summary-the"},

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
    {"one column named for two counts",
     {"batch", "--start-col", "x", "--end-col", "x"},
     "x,y\n",
     2,
     "",
     "retain: options --start-col and --end-col both name the column 'x' "
     "(expected a different column for each count)\n" TRY},
    {"one column named for the new count too",
     {"batch", "--new-col=won", "--start-col", "won"},
     "",
     2,
     "",
     "retain: options --start-col and --new-col both name the column 'won' "
     "(expected a different column for each count)\n" TRY},
    {"one column found for two counts: the header's clash",
     {"batch", "--start-col", "x", "--end-col", "X"},
     "x,y\n",
     2,
     "",
     "retain: " STDIN ":1: error: the start and end numbers cannot both come "
     "from column 1\n"},
    {"columns lack end",
     {"batch", "--no-header", "--columns", "start,new"},
     "1,2\n",
     2,
     "",
     "retain: option --columns: no end column: expected one named end or e "
     "in any case, or --end-col NAME (the columns are 'start', 'new')\n"},
    {"text after a closing quote in the header",
     {"batch"},
     "start,end,\"x\"y\n1,2,3\n",
     2,
     "",
     "retain: " STDIN ":1: error: the header line: field 3: text after the "
     "closing quote (expected the delimiter or the line end; write \"\" for "
     "a quote inside quotes)\n"},
    {"unbalanced header",
     {"batch"},
     "\"start,end\n1,2\n",
     2,
     "",
     "retain: " STDIN ":1: error: the header line: the input ends "
     "inside the quoted field 1, which starts on this line (expected a "
     "closing '\"')\n"},
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
     "retain: option -j/--jobs: out of range: '0' (expected a whole number "
     "from 1 to 64)\n"},
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
    {"nothing usable: a missing file and an empty one",
     {"batch", "no-such.csv", "empty.csv"},
     "",
     2,
     "",
     "retain: no-such.csv: cannot open: No such file or directory\n"
     "retain: empty.csv:1: error: " EMPTY_INPUT "\n"},
    {"a directory",
     {"batch", "."},
     "",
     2,
     "",
     "retain: .: cannot read: Is a directory\n"},
    {"unknown option",
     {"batch", "--frob"},
     "",
     2,
     "",
     "retain: unknown option '--frob'\n" TRY},

    /* Files. */
    {"two files, one header",
     {"batch", "good.csv", "-", "good-again.csv"},
     "period,segment,start,end,new\n2024-09,gov,10,9,1\n",
     0,
     NULL,
     "",
     .golden = "batch/two-files-one-header"},
    {"headers differ: that file is skipped",
     {"batch", "good.csv", "other.csv", "-"},
     "period,segment,start,end,new\n2024-09,gov,10,9,1\n",
     1,
     NULL,
     "retain: other.csv:1: error: the header differs from the one in "
     "good.csv (expected the same columns in the same order)\n",
     .golden = "batch/headers-differ-that-file-is-skipped"},

    /* A file that cannot be used is reported and skipped; the rest go on. */
    {"a missing second file",
     {"batch", "good.csv", "no-such.csv"},
     "",
     1,
     GOOD_OUT,
     "retain: no-such.csv: cannot open: No such file or directory\n"},
    {"an empty second file",
     {"batch", "good.csv", "empty.csv"},
     "",
     1,
     GOOD_OUT,
     "retain: empty.csv:1: error: " EMPTY_INPUT "\n"},
    {"a directory as the second file",
     {"batch", "good.csv", "a-directory"},
     "",
     1,
     GOOD_OUT,
     "retain: a-directory: cannot read: Is a directory\n"},
    {"unusable first files: the first usable one fixes columns and delimiter",
     {"batch", "other-semi.txt", "empty.csv", "good.tsv"},
     "",
     1,
     "start\tend\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "4\t3\t\t\t\t\t75.00\t25.00\t\n",
     "retain: other-semi.txt:1: error: no end column: expected one named end "
     "or e in any case, or --end-col NAME (the columns are 'start', "
     "'stop')\n"
     "retain: empty.csv:1: error: " EMPTY_INPUT "\n"},
    {"the summary covers exactly the rows written",
     {"batch", "--summary", "good.csv", "other.csv", "empty.csv"},
     "",
     1,
     GOOD_OUT,
     NULL,
     .golden = "batch/the-summary-covers-exactly-the-rows"},
    {"--columns that fit no input: said once, nothing read",
     {"batch", "--no-header", "--columns", "start,new", "good.csv", "-"},
     "1,2\n",
     2,
     "",
     "retain: option --columns: no end column: expected one named end or e "
     "in any case, or --end-col NAME (the columns are 'start', 'new')\n"},

    /* Each input once: a second reading would count its rows twice. */
    {"standard input twice",
     {"batch", "-", "good.csv", "-"},
     "",
     2,
     "",
     "retain: standard input (-) is named twice (expected each input once: "
     "it can be read only once)\n"},
    {"one file under two names",
     {"batch", "good.csv", "other.csv", "./good.csv"},
     "",
     2,
     "",
     "retain: ./good.csv is the same file as good.csv (expected each input "
     "once: its rows would be counted twice)\n"},
    {"standard input under another name",
     {"batch", "-", "/dev/stdin"},
     GOOD,
     2,
     "",
     "retain: /dev/stdin is the same file as standard input (-) (expected "
     "each input once: its rows would be counted twice)\n"},
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
    {"reader gone, SIGPIPE ignored: the output is incomplete",
     {"batch", "big.csv"},
     "",
     3,
     "",
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED},
    {"help", {"batch", "--help"}, "", 0, NULL, "", .golden = "help/batch"},
    {"spaces around the names of the count columns",
     {"batch"},
     "period, Start ,end , NEW\nx,10,9,1\n",
     0,
     "period, Start ,end , NEW," FIGURES "\nx,10,9,1,8,2,80.00,20.00,90.00,"
     "10.00,\n",
     ""},
    {"no start column among many: the list is cut short",
     {"batch"},
     "column_number_1,column_number_2,column_number_3,column_number_4,"
     "column_number_5,column_number_6,column_number_7,column_number_8,"
     "column_number_9,column_number_10,column_number_11,column_number_12,"
     "column_number_13,column_number_14,column_number_15,column_number_16,"
     "column_number_17,column_number_18,column_number_19,column_number_20\n",
     2,
     "",
     NULL,
     .golden = "batch/no-start-column-among-many-the-list-is"},
    {"a .TAB file, in any case",
     {"batch", "upper.TAB"},
     "",
     0,
     "start\tend\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "4\t3\t\t\t\t\t75.00\t25.00\t\n",
     ""},
    {"a file named neither .csv nor .tsv: sniffed",
     {"batch", "semi.txt"},
     "",
     0,
     "start;end;retained;lost;retention_rate;churn_rate;"
     "simple_retention_rate;simple_churn_rate;warnings\n"
     "4;3;;;;;75.00;25.00;\n",
     ""},
    {"--summary-file a directory",
     {"batch", "--summary-file", "a-directory", "semi.txt"},
     "",
     2,
     "",
     "retain: option --summary-file: a-directory: cannot open: Is a "
     "directory\n"},
    {"--summary-file on a full device",
     {"batch", "--summary-file", "/dev/full", "semi.txt"},
     "",
     3,
     "start;end;retained;lost;retention_rate;churn_rate;"
     "simple_retention_rate;simple_churn_rate;warnings\n"
     "4;3;;;;;75.00;25.00;\n",
     "retain: /dev/full: write error: No space left on device\n"},

    /* Beyond one period: only the figures the options make known. */
    {"converted rates, lifetimes and lifetime value",
     {"batch", "--period", "month", "--per", "year", "--margin", "50",
      "--discount", "1%"},
     "period,start,end,new\nJan,1000,900,200\nFeb,1000,1000,0\n",
     0,
     NULL,
     "retain: " STDIN ":3: warning: " CHURN_ZERO "\n",
     .golden = "batch/converted-rates-lifetimes-and-lifetime"},
    {"lifetimes in JSON, and a bad row's as null",
     {"batch", "--lifetime", "-f", "json"},
     "start,end,new\n500,480,30\n0,1,1\n",
     1,
     NULL,
     "retain: " STDIN ":3: error: field 'start': start is 0, so no rate is "
     "defined (expected at least 1 customer at the start)\n",
     .golden = "batch/lifetimes-in-json-and-a-bad-row-s-as"},
    {"an infinite lifetime is null in JSON",
     {"batch", "--lifetime", "-f", "json"},
     "start,end,new\n5,5,0\n",
     0,
     "{\"start\":\"5\",\"end\":\"5\",\"new\":\"0\",\"retained\":5,"
     "\"lost\":0,\"retention_rate\":100.00,\"churn_rate\":0.00,"
     "\"simple_retention_rate\":100.00,\"simple_churn_rate\":0.00,"
     "\"expected_lifetime\":null,\"median_lifetime\":null,\"warnings\":["
     "\"" CHURN_ZERO "\"]}\n",
     "retain: " STDIN ":2: warning: " CHURN_ZERO "\n"},
    {"lifetimes need a new column",
     {"batch", "--lifetime"},
     "start,end\n10,9\n",
     2,
     "",
     "retain: " STDIN ":1: error: lifetimes, lifetime value and rates per "
     "another period need a new column (they come from the retention rate): "
     "expected one named new or n in any case, or --new-col NAME\n"},
    {"--per needs --period",
     {"batch", "--per", "year"},
     "",
     2,
     "",
     "retain: option --per needs --period (the length of the measured "
     "period, to know how many of them make one year)\n" TRY},
    {"a bare discount is refused",
     {"batch", "--margin", "5", "--discount", "10"},
     "",
     2,
     "",
     "retain: option --discount: a rate needs '%' or a decimal point: '10' "
     "(write 10% for a percentage, or a fraction with a point such as "
     "0.10)\n"},
    {"an unknown period",
     {"batch", "--period", "fortnight"},
     "",
     2,
     "",
     "retain: option --period: unknown length of period: 'fortnight' "
     "(expected day, week, month, quarter or year)\n"},

    /* Revenue retention, from the columns that hold it. */
    {"revenue columns",
     {"batch"},
     MRR_HEAD "\n"
              "a,1000,900,200,100000,15000,5000,8000\n"
              "b,10,9,0,100,0,80,30\n"
              "c,10,9,0,0,0,0,0\n"
              "d,10,9,0,49.9.0,0,0,0\n",
     1,
     NULL,
     NULL,
     .golden = "batch/revenue-columns"},
    {"revenue loss above start fails --strict",
     {"batch", "--strict", "-f", "json"},
     "start,end,start_mrr,expansion,contraction,churned\n10,9,100,0,80,30\n",
     1,
     NULL,
     "retain: " STDIN ":2: warning: " LOSS_ABOVE "\n",
     .golden = "batch/revenue-loss-above-start-fails-strict"},
    {"a revenue column missing",
     {"batch"},
     "start,end,start_mrr,expansion,churned\n10,9,1,1,1\n",
     2,
     "",
     "retain: " STDIN ":1: error: no contraction column: expected one named "
     "contraction in any case, as there is a start_mrr column (the columns "
     "are 'start', 'end', 'start_mrr', 'expansion', 'churned')\n"},
    {"two start_mrr columns",
     {"batch"},
     "start,end,start_mrr,START_MRR\n10,9,1,1\n",
     2,
     "",
     "retain: " STDIN ":1: error: columns 3 and 4 both name the start_mrr "
     "amount: rename one of them\n"},
    {"a churned column alone is only passed through",
     {"batch"},
     "start,end,churned\n10,9,1\n",
     0,
     "start,end,churned," FIGURES "\n10,9,1,,,,,90.00,10.00,\n",
     ""},
    {"pooled lifetimes and revenue in the summary",
     {"batch", "--lifetime", "--summary"},
     MRR_ROWS,
     0,
     NULL,
     SUMMARY_HEAD
     ",expected_lifetime,median_lifetime," REVENUE_FIGURES "\n"
     "all,2,1500,1380,230,1150,350,76.67,23.33,92.00,8.00,80.00,70.00,90.00,"
     "4.29,2.61,98.00,88.00\n",
     .golden = "batch/pooled-lifetimes-and-revenue-in-the"},
    {"lifetimes in a text table",
     {"batch", "--lifetime", "-f", "text"},
     "start,end,new\n10,10,0\n",
     0,
     "start  end  new  retained  lost  retention_rate  churn_rate  "
     "simple_retention_rate  simple_churn_rate  expected_lifetime  "
     "median_lifetime  warnings\n"
     "10     10   0    10        0     100.00          0.00        100.00"
     "                 0.00               inf                inf             "
     " " CHURN_ZERO "\n",
     "retain: " STDIN ":2: warning: " CHURN_ZERO "\n"},
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

/* More rows than a text table looks ahead at, then a wider one. */
static void write_long_table(void)
{
    FILE *f = fopen("long.csv", "w");
    int i;

    if (!f)
        exit(1);
    fputs("seg,start,end,new\n", f);
    for (i = 0; i < 1001; i++)
        fputs("a,10,9,1\n", f);
    fputs("a-much-longer-name,1000000,9,1\n", f);
    fclose(f);
}

/* More blank lines before the header than the threads' first block holds. */
static void write_many_blanks(void)
{
    FILE *f = fopen("many-blanks.csv", "w");
    int i;

    if (!f)
        exit(1);
    for (i = 0; i < 300000; i++)
        putc('\n', f);
    fputs("start,end,new\n10,9,1\n10,x,1\n", f);
    fclose(f);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-batch-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("good.csv", GOOD);
    run_write_fixture("good-again.csv", GOOD);
    run_write_fixture("again.csv", GOOD_OUT);
    run_write_fixture("again2.csv", AGAIN_FIRST);
    run_write_fixture("blank-first.csv", "\n\n" GOOD);
    run_write_fixture("blank-other.csv", "\n\nstart,end\n1,1\n");
    run_write_fixture("other.csv", "start,end\n1,1\n");
    run_write_fixture("other-semi.txt", "start;stop\n4;3\n");
    run_write_fixture("empty.csv", "");
    run_write_fixture("good.tsv", "start\tend\n4\t3\n");
    run_write_fixture("upper.TAB", "start\tend\n4\t3\n");
    run_write_fixture("semi.txt", "start;end\n4;3\n");
    if (mkdir("a-directory", 0700) != 0) {
        perror("a-directory");
        exit(1);
    }
    write_big();
    write_long_table();
    write_many_blanks();
}

/*
 * Each row with -j1 and with -j3; a row that sets --jobs itself runs as
 * it is, twice.  Under valgrind (RETAIN_WRAPPER: the memcheck stage of
 * check.sh, which has a time budget) every twelfth row runs both ways under
 * it, and the others run without it: the threaded engine and every kind
 * of input are still checked there, and the sanitizer and coverage stages
 * run every row both ways.
 */
static void test_batch(void **state)
{
    const struct cli_row *c = *state;
    bool own_jobs = c->args[1] && strncmp(c->args[1], "--jobs", 6) == 0;
    bool sampled = run_wrapper_sampled() && (c - batch_cases) % 12 != 0;

    cli_row_check_unwrapped(c, own_jobs ? NULL : "-j1", sampled);
    if (!sampled)
        cli_row_check(c, own_jobs ? NULL : "-j3");
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

/*
 * A text table takes its widths from the first 1,000 rows; a wider cell
 * after them pushes the rest of its row right, still two spaces apart.
 */
static void test_text_after_lookahead(void **state)
{
    const char *args[] = {"batch", "-f", "text", "long.csv", NULL};
    const char *rows =
        "seg  start  end  new  retained  lost  retention_rate  churn_rate  "
        "simple_retention_rate  simple_churn_rate  warnings\n"
        "a    10     9    1    8         2     80.00           20.00       "
        "90.00                  10.00\n";
    const char *last =
        "a-much-longer-name  1000000  9    1    8         999992  0.00       "
        "     100.00      0.00                   100.00\n";
    struct run_result r;
    size_t lines = 0, i;

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    for (i = 0; i < r.out_len; i++)
        lines += r.out[i] == '\n';
    assert_int_equal(lines, 1 + 1001 + 1);
    assert_memory_equal(r.out, rows, strlen(rows));
    assert_true(r.out_len > strlen(last));
    assert_string_equal(r.out + r.out_len - strlen(last), last);
    run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_summary_file),
        cmocka_unit_test(test_threads_agree),
        cmocka_unit_test(test_text_after_lookahead),
    };

    make_fixtures();
    return TABLE_RUN("batch", batch_cases, test_batch) +
           cmocka_run_group_tests_name("batch files", plain, NULL, NULL);
}
