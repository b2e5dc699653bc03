/*
 * test_cohort_report.c - the cohorts report writer: every format, worked
 * out by hand from small logs run through the real engine.
 *
 * Log A (months, cut-off 2024-03-31): a in Jan, Feb, Mar; b in Jan, Mar;
 * c in Jan; d in Feb, Mar; e in Feb; f in Mar.  Cohorts: 2024-01 {a,b,c}
 * active 3, 1 (a), 2 (a, b); 2024-02 {d,e} active 2, 1 (d), unobserved;
 * 2024-03 {f} active 1, then unobserved.  Rates: 100, 33.33, 66.67 /
 * 100, 50 / 100.  Pooled average: 6/6, 2/5 = 40.00, 2/3 = 66.67; mean:
 * 100, (33.33.. + 50) / 2 = 41.67, 66.67.  With mode on-or-after, the
 * January cohort has 2 (a, b) at k = 1.
 *
 * Log B (months, cut-off 2024-02-29, grouped): a "x,y" in Jan, Feb;
 * b "z" in Jan; c "x,y" in Feb.  Group x,y: 2024-01 {a} 1, 1; 2024-02 {c}
 * 1, unobserved; average 2/2, 1/1.  Group z: 2024-01 {b} 1, 0; average
 * 1/1, 0/1.  Everyone: 2024-01 {a,b} 2, 1; 2024-02 {c} 1; average 3/3,
 * 1/2 = 50.00.
 */
#include <stdlib.h>
#include <string.h>

#include "cohort_engine.h"
#include "cohort_report.h"
#include "date.h"
#include "period.h"
#include "table.h"

static const uint64_t key[2] = {0x0123456789abcdef, 0xfedcba9876543210};

#define MAX_EVENTS 12

struct ev {
    const char *id;
    const char *date;
    const char *segment;
};

struct scenario {
    enum rt_period unit;
    enum rt_weekday week_start;
    const char *as_of;
    struct ev events[MAX_EVENTS];
};

static const struct scenario log_a = {RT_PERIOD_MONTH,
                                      RT_MONDAY,
                                      "2024-03-31",
                                      {{"a", "2024-01-05"},
                                       {"b", "2024-01-09"},
                                       {"c", "2024-01-31"},
                                       {"a", "2024-02-01"},
                                       {"d", "2024-02-11"},
                                       {"e", "2024-02-29"},
                                       {"a", "2024-03-01"},
                                       {"b", "2024-03-15"},
                                       {"d", "2024-03-20"},
                                       {"f", "2024-03-31"}}};

static const struct scenario log_b = {RT_PERIOD_MONTH,
                                      RT_MONDAY,
                                      "2024-02-29",
                                      {{"a", "2024-01-02", "x,y"},
                                       {"b", "2024-01-03", "z"},
                                       {"a", "2024-02-04", "x,y"},
                                       {"c", "2024-02-05", "x,y"}}};

/* ISO weeks: 2024-01-01 is the Monday of 2024-W01; cut-off the Sunday of
   W02.  a in W01 and W02, b in W02. */
static const struct scenario log_iso_weeks = {
    RT_PERIOD_WEEK,
    RT_MONDAY,
    "2024-01-14",
    {{"a", "2024-01-01"}, {"a", "2024-01-10"}, {"b", "2024-01-14"}}};

/* Weeks from Sunday, labelled by their first day: 2023-12-31 and
   2024-01-07 (a in both, b in the second); cut-off Saturday 2024-01-13.
   No event has a segment: grouped, it makes no group. */
static const struct scenario log_sunday_weeks = {
    RT_PERIOD_WEEK,
    RT_SUNDAY,
    "2024-01-13",
    {{"a", "2024-01-01"}, {"a", "2024-01-08"}, {"b", "2024-01-07"}}};

/* The only cohort starts after the cut-off: no columns at all. */
static const struct scenario log_no_columns = {
    RT_PERIOD_MONTH, RT_MONDAY, "2024-03-31", {{"a", "2024-05-10"}}};

static const char *const warning_texts[] = {
    "2 events after the cut-off left out", "a \"quoted\" warning"};
static const struct rt_notes two_warnings = {warning_texts, 2};

struct report_case {
    const char *name;
    const struct scenario *log;
    enum rt_format format;
    unsigned precision;
    bool long_form, counts, no_header, mean, no_average, note, after;
    const char *group; /* --group-by */
    const struct rt_notes *warnings;
    const char *want;
};

#define CSV  RT_FORMAT_CSV
#define TSV  RT_FORMAT_TSV
#define JSON RT_FORMAT_JSON
#define TEXT RT_FORMAT_TEXT

#define HEAD_A                                                                 \
    "Monthly cohorts; cell k: customers active in period cohort+k (mode on); " \
    "cut-off 2024-03-31 (last complete period 2024-03); "
#define POOLED                                                                 \
    "average: pooled (active customers over cohort customers, cohorts "        \
    "observed at k).\n"
#define MEAN "average: mean (the mean of the observed cohorts' rates).\n"
#define SUMS                                                                   \
    "average: the sums of active customers over the cohorts observed at k, "   \
    "of the customers below.\n"
#define NOTE(label)                                                            \
    "the first cohort (" label ") also holds every customer active before "    \
    "the data starts."

static const struct report_case cases[] = {
    /* ---- wide csv and tsv ---- */
    {.name = "wide csv, pooled, a column partly unobserved",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .want = "cohort,customers,month_0,month_1,month_2\n"
             "2024-01,3,100.00,33.33,66.67\n"
             "2024-02,2,100.00,50.00,\n"
             "2024-03,1,100.00,,\n"
             "average,6,100.00,40.00,66.67\n"},
    {.name = "wide csv, mean",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .mean = true,
     .want = "cohort,customers,month_0,month_1,month_2\n"
             "2024-01,3,100.00,33.33,66.67\n"
             "2024-02,2,100.00,50.00,\n"
             "2024-03,1,100.00,,\n"
             "average,6,100.00,41.67,66.67\n"},
    {.name = "wide csv, -p 0, no header",
     .log = &log_a,
     .format = CSV,
     .precision = 0,
     .no_header = true,
     .want = "2024-01,3,100,33,67\n"
             "2024-02,2,100,50,\n"
             "2024-03,1,100,,\n"
             "average,6,100,40,67\n"},
    {.name = "wide csv, counts",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .counts = true,
     .want = "cohort,customers,month_0,month_1,month_2\n"
             "2024-01,3,3,1,2\n"
             "2024-02,2,2,1,\n"
             "2024-03,1,1,,\n"
             "average,6,6,2,2\n"},
    {.name = "wide csv, no average",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .no_average = true,
     .want = "cohort,customers,month_0,month_1,month_2\n"
             "2024-01,3,100.00,33.33,66.67\n"
             "2024-02,2,100.00,50.00,\n"
             "2024-03,1,100.00,,\n"},
    {.name = "wide csv, on-or-after",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .after = true,
     .want = "cohort,customers,month_0,month_1,month_2\n"
             "2024-01,3,100.00,66.67,66.67\n"
             "2024-02,2,100.00,50.00,\n"
             "2024-03,1,100.00,,\n"
             "average,6,100.00,60.00,66.67\n"},
    {.name = "wide tsv",
     .log = &log_a,
     .format = TSV,
     .precision = 2,
     .want = "cohort\tcustomers\tmonth_0\tmonth_1\tmonth_2\n"
             "2024-01\t3\t100.00\t33.33\t66.67\n"
             "2024-02\t2\t100.00\t50.00\t\n"
             "2024-03\t1\t100.00\t\t\n"
             "average\t6\t100.00\t40.00\t66.67\n"},
    {.name = "wide csv, grouped: a group value quoted, the overall average",
     .log = &log_b,
     .format = CSV,
     .precision = 2,
     .group = "plan",
     .want = "plan,cohort,customers,month_0,month_1\n"
             "\"x,y\",2024-01,1,100.00,100.00\n"
             "\"x,y\",2024-02,1,100.00,\n"
             "\"x,y\",average,2,100.00,100.00\n"
             "z,2024-01,1,100.00,0.00\n"
             "z,average,1,100.00,0.00\n"
             ",overall,3,100.00,50.00\n"},
    {.name = "wide csv, grouped, a group column name quoted, counts",
     .log = &log_b,
     .format = CSV,
     .precision = 2,
     .counts = true,
     .group = "plan \"tier\"",
     .want = "\"plan \"\"tier\"\"\",cohort,customers,month_0,month_1\n"
             "\"x,y\",2024-01,1,1,1\n"
             "\"x,y\",2024-02,1,1,\n"
             "\"x,y\",average,2,2,1\n"
             "z,2024-01,1,1,0\n"
             "z,average,1,1,0\n"
             ",overall,3,3,1\n"},
    {.name = "wide csv, grouped, no average",
     .log = &log_b,
     .format = CSV,
     .precision = 1,
     .no_average = true,
     .group = "plan",
     .want = "plan,cohort,customers,month_0,month_1\n"
             "\"x,y\",2024-01,1,100.0,100.0\n"
             "\"x,y\",2024-02,1,100.0,\n"
             "z,2024-01,1,100.0,0.0\n"},
    {.name = "wide tsv, grouped: no quotes in tsv",
     .log = &log_b,
     .format = TSV,
     .precision = 2,
     .group = "plan",
     .want = "plan\tcohort\tcustomers\tmonth_0\tmonth_1\n"
             "x,y\t2024-01\t1\t100.00\t100.00\n"
             "x,y\t2024-02\t1\t100.00\t\n"
             "x,y\taverage\t2\t100.00\t100.00\n"
             "z\t2024-01\t1\t100.00\t0.00\n"
             "z\taverage\t1\t100.00\t0.00\n"
             "\toverall\t3\t100.00\t50.00\n"},
    {.name = "wide csv, ISO weeks",
     .log = &log_iso_weeks,
     .format = CSV,
     .precision = 1,
     .want = "cohort,customers,week_0,week_1\n"
             "2024-W01,1,100.0,100.0\n"
             "2024-W02,1,100.0,\n"
             "average,2,100.0,100.0\n"},
    {.name = "wide csv, weeks from Sunday",
     .log = &log_sunday_weeks,
     .format = CSV,
     .precision = 2,
     .want = "cohort,customers,week_0,week_1\n"
             "2023-12-31,1,100.00,100.00\n"
             "2024-01-07,1,100.00,\n"
             "average,2,100.00,100.00\n"},
    {.name = "wide csv, a cut-off before the cohort: k = 0 unobserved",
     .log = &log_no_columns,
     .format = CSV,
     .precision = 2,
     .want = "cohort,customers,month_0\n2024-05,1,\naverage,1,\n"},
    {.name = "wide csv, k = 0 unobserved, grouped",
     .log = &log_no_columns,
     .format = CSV,
     .precision = 2,
     .group = "g",
     .want = "g,cohort,customers,month_0\n,overall,1,\n"},
    /* ---- long ---- */
    {.name = "long csv, pooled",
     .log = &log_a,
     .format = CSV,
     .precision = 2,
     .long_form = true,
     .want = "cohort,offset,period,customers,active,retention_rate\n"
             "2024-01,0,2024-01,3,3,100.00\n"
             "2024-01,1,2024-02,3,1,33.33\n"
             "2024-01,2,2024-03,3,2,66.67\n"
             "2024-02,0,2024-02,2,2,100.00\n"
             "2024-02,1,2024-03,2,1,50.00\n"
             "2024-02,2,2024-04,2,,\n"
             "2024-03,0,2024-03,1,1,100.00\n"
             "2024-03,1,2024-04,1,,\n"
             "2024-03,2,2024-05,1,,\n"
             "average,0,,6,6,100.00\n"
             "average,1,,5,2,40.00\n"
             "average,2,,3,2,66.67\n"},
    {.name = "long tsv, mean, no header, counts ignored",
     .log = &log_a,
     .format = TSV,
     .precision = 1,
     .long_form = true,
     .no_header = true,
     .mean = true,
     .counts = true,
     .want = "2024-01\t0\t2024-01\t3\t3\t100.0\n"
             "2024-01\t1\t2024-02\t3\t1\t33.3\n"
             "2024-01\t2\t2024-03\t3\t2\t66.7\n"
             "2024-02\t0\t2024-02\t2\t2\t100.0\n"
             "2024-02\t1\t2024-03\t2\t1\t50.0\n"
             "2024-02\t2\t2024-04\t2\t\t\n"
             "2024-03\t0\t2024-03\t1\t1\t100.0\n"
             "2024-03\t1\t2024-04\t1\t\t\n"
             "2024-03\t2\t2024-05\t1\t\t\n"
             "average\t0\t\t6\t6\t100.0\n"
             "average\t1\t\t5\t2\t41.7\n"
             "average\t2\t\t3\t2\t66.7\n"},
    {.name = "long csv, grouped",
     .log = &log_b,
     .format = CSV,
     .precision = 2,
     .long_form = true,
     .group = "plan",
     .want = "plan,cohort,offset,period,customers,active,retention_rate\n"
             "\"x,y\",2024-01,0,2024-01,1,1,100.00\n"
             "\"x,y\",2024-01,1,2024-02,1,1,100.00\n"
             "\"x,y\",2024-02,0,2024-02,1,1,100.00\n"
             "\"x,y\",2024-02,1,2024-03,1,,\n"
             "\"x,y\",average,0,,2,2,100.00\n"
             "\"x,y\",average,1,,1,1,100.00\n"
             "z,2024-01,0,2024-01,1,1,100.00\n"
             "z,2024-01,1,2024-02,1,0,0.00\n"
             "z,average,0,,1,1,100.00\n"
             "z,average,1,,1,0,0.00\n"
             ",overall,0,,3,3,100.00\n"
             ",overall,1,,2,1,50.00\n"},
    {.name = "long csv, grouped, no average",
     .log = &log_b,
     .format = CSV,
     .precision = 0,
     .long_form = true,
     .no_average = true,
     .group = "plan",
     .want = "plan,cohort,offset,period,customers,active,retention_rate\n"
             "\"x,y\",2024-01,0,2024-01,1,1,100\n"
             "\"x,y\",2024-01,1,2024-02,1,1,100\n"
             "\"x,y\",2024-02,0,2024-02,1,1,100\n"
             "\"x,y\",2024-02,1,2024-03,1,,\n"
             "z,2024-01,0,2024-01,1,1,100\n"
             "z,2024-01,1,2024-02,1,0,0\n"},
    {.name = "long csv, ISO weeks: the period of cell k",
     .log = &log_iso_weeks,
     .format = CSV,
     .precision = 2,
     .long_form = true,
     .want = "cohort,offset,period,customers,active,retention_rate\n"
             "2024-W01,0,2024-W01,1,1,100.00\n"
             "2024-W01,1,2024-W02,1,1,100.00\n"
             "2024-W02,0,2024-W02,1,1,100.00\n"
             "2024-W02,1,2024-W03,1,,\n"
             "average,0,,2,2,100.00\n"
             "average,1,,1,1,100.00\n"},
    {.name = "long csv, k = 0 unobserved: empty cells",
     .log = &log_no_columns,
     .format = CSV,
     .precision = 2,
     .long_form = true,
     .want = "cohort,offset,period,customers,active,retention_rate\n"
             "2024-05,0,2024-05,1,,\n"
             "average,0,,,,\n"},
    /* ---- json ---- */
    {.name = "json, pooled, warnings and the note",
     .log = &log_a,
     .format = JSON,
     .precision = 2,
     .note = true,
     .counts = true, /* no effect: JSON has both */
     .warnings = &two_warnings,
     .want = "{\"period\":\"month\",\"week_start\":null,\"mode\":\"on\","
             "\"average_method\":\"pooled\",\"as_of\":\"2024-03-31\","
             "\"last_complete_period\":\"2024-03\",\"group_by\":null,"
             "\"columns\":3,\"cohorts\":["
             "{\"cohort\":\"2024-01\",\"customers\":3,\"active\":[3,1,2],"
             "\"retention_rate\":[100.00,33.33,66.67]},"
             "{\"cohort\":\"2024-02\",\"customers\":2,\"active\":[2,1,null],"
             "\"retention_rate\":[100.00,50.00,null]},"
             "{\"cohort\":\"2024-03\",\"customers\":1,"
             "\"active\":[1,null,null],"
             "\"retention_rate\":[100.00,null,null]}],"
             "\"average\":{\"cohorts\":[3,2,1],\"customers\":[6,5,3],"
             "\"active\":[6,2,2],\"retention_rate\":[100.00,40.00,66.67]},"
             "\"warnings\":[\"2 events after the cut-off left out\","
             "\"a \\\"quoted\\\" warning\"],"
             "\"note\":\"" NOTE("2024-01") "\"}\n"},
    {.name = "json, mean, on-or-after",
     .log = &log_a,
     .format = JSON,
     .precision = 1,
     .mean = true,
     .after = true,
     .want = "{\"period\":\"month\",\"week_start\":null,"
             "\"mode\":\"on-or-after\",\"average_method\":\"mean\","
             "\"as_of\":\"2024-03-31\",\"last_complete_period\":\"2024-03\","
             "\"group_by\":null,\"columns\":3,\"cohorts\":["
             "{\"cohort\":\"2024-01\",\"customers\":3,\"active\":[3,2,2],"
             "\"retention_rate\":[100.0,66.7,66.7]},"
             "{\"cohort\":\"2024-02\",\"customers\":2,\"active\":[2,1,null],"
             "\"retention_rate\":[100.0,50.0,null]},"
             "{\"cohort\":\"2024-03\",\"customers\":1,"
             "\"active\":[1,null,null],"
             "\"retention_rate\":[100.0,null,null]}],"
             "\"average\":{\"cohorts\":[3,2,1],\"customers\":[6,5,3],"
             "\"active\":[6,3,2],\"retention_rate\":[100.0,58.3,66.7]},"
             "\"warnings\":[],\"note\":null}\n"},
    {.name = "json, no average",
     .log = &log_iso_weeks,
     .format = JSON,
     .precision = 0,
     .no_average = true,
     .want = "{\"period\":\"week\",\"week_start\":\"monday\",\"mode\":\"on\","
             "\"average_method\":null,\"as_of\":\"2024-01-14\","
             "\"last_complete_period\":\"2024-W02\",\"group_by\":null,"
             "\"columns\":2,\"cohorts\":["
             "{\"cohort\":\"2024-W01\",\"customers\":1,\"active\":[1,1],"
             "\"retention_rate\":[100,100]},"
             "{\"cohort\":\"2024-W02\",\"customers\":1,\"active\":[1,null],"
             "\"retention_rate\":[100,null]}],"
             "\"average\":null,\"warnings\":[],\"note\":null}\n"},
    {.name = "json, grouped, weeks from Sunday",
     .log = &log_sunday_weeks,
     .format = JSON,
     .precision = 2,
     .group = "a \"b\"",
     .note = true,
     .want = "{\"period\":\"week\",\"week_start\":\"sunday\",\"mode\":\"on\","
             "\"average_method\":\"pooled\",\"as_of\":\"2024-01-13\","
             "\"last_complete_period\":\"2024-01-07\","
             "\"group_by\":\"a \\\"b\\\"\",\"columns\":2,\"cohorts\":[],"
             "\"average\":{\"cohorts\":[2,1],\"customers\":[2,1],"
             "\"active\":[2,1],\"retention_rate\":[100.00,100.00]},"
             "\"group_averages\":[],\"warnings\":[],"
             "\"note\":\"" NOTE("2023-12-31") "\"}\n"},
    {.name = "json, grouped",
     .log = &log_b,
     .format = JSON,
     .precision = 2,
     .group = "plan",
     .want = "{\"period\":\"month\",\"week_start\":null,\"mode\":\"on\","
             "\"average_method\":\"pooled\",\"as_of\":\"2024-02-29\","
             "\"last_complete_period\":\"2024-02\",\"group_by\":\"plan\","
             "\"columns\":2,\"cohorts\":["
             "{\"group\":\"x,y\",\"cohort\":\"2024-01\",\"customers\":1,"
             "\"active\":[1,1],\"retention_rate\":[100.00,100.00]},"
             "{\"group\":\"x,y\",\"cohort\":\"2024-02\",\"customers\":1,"
             "\"active\":[1,null],\"retention_rate\":[100.00,null]},"
             "{\"group\":\"z\",\"cohort\":\"2024-01\",\"customers\":1,"
             "\"active\":[1,0],\"retention_rate\":[100.00,0.00]}],"
             "\"average\":{\"cohorts\":[2,1],\"customers\":[3,2],"
             "\"active\":[3,1],\"retention_rate\":[100.00,50.00]},"
             "\"group_averages\":["
             "{\"group\":\"x,y\",\"cohorts\":[2,1],\"customers\":[2,1],"
             "\"active\":[2,1],\"retention_rate\":[100.00,100.00]},"
             "{\"group\":\"z\",\"cohorts\":[1,1],\"customers\":[1,1],"
             "\"active\":[1,0],\"retention_rate\":[100.00,0.00]}],"
             "\"warnings\":[],\"note\":null}\n"},
    {.name = "json, grouped, no average: no group averages",
     .log = &log_b,
     .format = JSON,
     .precision = 2,
     .group = "plan",
     .no_average = true,
     .want = "{\"period\":\"month\",\"week_start\":null,\"mode\":\"on\","
             "\"average_method\":null,\"as_of\":\"2024-02-29\","
             "\"last_complete_period\":\"2024-02\",\"group_by\":\"plan\","
             "\"columns\":2,\"cohorts\":["
             "{\"group\":\"x,y\",\"cohort\":\"2024-01\",\"customers\":1,"
             "\"active\":[1,1],\"retention_rate\":[100.00,100.00]},"
             "{\"group\":\"x,y\",\"cohort\":\"2024-02\",\"customers\":1,"
             "\"active\":[1,null],\"retention_rate\":[100.00,null]},"
             "{\"group\":\"z\",\"cohort\":\"2024-01\",\"customers\":1,"
             "\"active\":[1,0],\"retention_rate\":[100.00,0.00]}],"
             "\"average\":null,\"warnings\":[],\"note\":null}\n"},
    {.name = "json, k = 0 unobserved: nulls, the note",
     .log = &log_no_columns,
     .format = JSON,
     .precision = 2,
     .note = true,
     .want = "{\"period\":\"month\",\"week_start\":null,\"mode\":\"on\","
             "\"average_method\":\"pooled\",\"as_of\":\"2024-03-31\","
             "\"last_complete_period\":\"2024-03\",\"group_by\":null,"
             "\"columns\":1,\"cohorts\":["
             "{\"cohort\":\"2024-05\",\"customers\":1,\"active\":[null],"
             "\"retention_rate\":[null]}],"
             "\"average\":{\"cohorts\":[null],\"customers\":[null],"
             "\"active\":[null],\"retention_rate\":[null]},\"warnings\":[],"
             "\"note\":\"" NOTE("2024-05") "\"}\n"},
    /* ---- text ---- */
    {.name = "text, pooled, with the note",
     .log = &log_a,
     .format = TEXT,
     .precision = 2,
     .note = true,
     .want = HEAD_A POOLED "cohort   customers  month_0  month_1  month_2\n"
                           "2024-01  3          100.00%  33.33%   66.67%\n"
                           "2024-02  2          100.00%  50.00%\n"
                           "2024-03  1          100.00%\n"
                           "average  6          100.00%  40.00%   66.67%\n"
                           "(base)              6        5        3\n"
                           "Note: " NOTE("2024-01") "\n"},
    {.name = "text, mean at -p 0: the base is the cohorts",
     .log = &log_a,
     .format = TEXT,
     .precision = 0,
     .mean = true,
     .want = HEAD_A MEAN "cohort   customers  month_0  month_1  month_2\n"
                         "2024-01  3          100%     33%      67%\n"
                         "2024-02  2          100%     50%\n"
                         "2024-03  1          100%\n"
                         "average  6          100%     42%      67%\n"
                         "(base)              3        2        1\n"},
    {.name = "text, counts, no average, on-or-after; no header option",
     .log = &log_a,
     .format = TEXT,
     .precision = 2,
     .counts = true,
     .no_average = true,
     .no_header = true,
     .after = true,
     .want = "Monthly cohorts; cell k: customers active in period cohort+k "
             "or later (mode on-or-after); cut-off 2024-03-31 (last complete "
             "period 2024-03); no average.\n"
             "cohort   customers  month_0  month_1  month_2\n"
             "2024-01  3          3        2        2\n"
             "2024-02  2          2        1\n"
             "2024-03  1          1\n"},
    {.name = "text, counts: the average row sums the active",
     .log = &log_a,
     .format = TEXT,
     .precision = 2,
     .counts = true,
     .want = HEAD_A SUMS "cohort   customers  month_0  month_1  month_2\n"
                         "2024-01  3          3        1        2\n"
                         "2024-02  2          2        1\n"
                         "2024-03  1          1\n"
                         "average  6          6        2        2\n"
                         "(base)              6        5        3\n"},
    {.name = "text, grouped",
     .log = &log_b,
     .format = TEXT,
     .precision = 2,
     .group = "plan",
     .want =
         "Monthly cohorts; cell k: customers active in period cohort+k "
         "(mode on); cut-off 2024-02-29 (last complete period 2024-02); " POOLED
         "plan  cohort   customers  month_0  month_1\n"
         "x,y   2024-01  1          100.00%  100.00%\n"
         "x,y   2024-02  1          100.00%\n"
         "x,y   average  2          100.00%  100.00%\n"
         "x,y   (base)              2        1\n"
         "z     2024-01  1          100.00%  0.00%\n"
         "z     average  1          100.00%  0.00%\n"
         "z     (base)              1        1\n"
         "      overall  3          100.00%  50.00%\n"
         "      (base)              3        2\n"},
    {.name = "text, ISO weeks",
     .log = &log_iso_weeks,
     .format = TEXT,
     .precision = 1,
     .note = true,
     .want = "Weekly cohorts (weeks start on Monday); cell k: customers "
             "active in period cohort+k (mode on); cut-off 2024-01-14 (last "
             "complete period 2024-W02); " POOLED
             "cohort    customers  week_0  week_1\n"
             "2024-W01  1          100.0%  100.0%\n"
             "2024-W02  1          100.0%\n"
             "average   2          100.0%  100.0%\n"
             "(base)               2       1\n"
             "Note: " NOTE("2024-W01") "\n"},
    {.name = "text, weeks from Sunday, mean",
     .log = &log_sunday_weeks,
     .format = TEXT,
     .precision = 2,
     .mean = true,
     .want = "Weekly cohorts (weeks start on Sunday); cell k: customers "
             "active in period cohort+k (mode on); cut-off 2024-01-13 (last "
             "complete period 2024-01-07); " MEAN
             "cohort      customers  week_0   week_1\n"
             "2023-12-31  1          100.00%  100.00%\n"
             "2024-01-07  1          100.00%\n"
             "average     2          100.00%  100.00%\n"
             "(base)                 2        1\n"},
    {.name = "text, k = 0 unobserved",
     .log = &log_no_columns,
     .format = TEXT,
     .precision = 2,
     .note = true,
     .want = HEAD_A POOLED "cohort   customers  month_0\n"
                           "2024-05  1\n"
                           "average  1\n"
                           "(base)\n"
                           "Note: " NOTE("2024-05") "\n"},
};

static struct rt_period_spec spec_of(const struct scenario *log)
{
    struct rt_period_spec spec = {log->unit, log->week_start};

    return spec;
}

static int32_t day_of(const char *text)
{
    int32_t day = 0;

    assert_int_equal(
        rt_date_parse(text, strlen(text), RT_DATE_AS_WRITTEN, &day),
        RT_DATE_OK);
    return day;
}

/* The last complete period by the cut-off, as the command works it out. */
static int64_t last_complete(const struct rt_period_spec *spec, int32_t as_of)
{
    int32_t index = rt_period_index(spec, as_of);

    return rt_period_ended(spec, index, as_of) ? index : index - 1;
}

static void feed(struct rt_cohort_engine *engine, const struct scenario *log,
                 bool grouped)
{
    struct rt_period_spec spec = spec_of(log);
    size_t i;

    for (i = 0; i < MAX_EVENTS && log->events[i].id; i++) {
        const struct ev *e = &log->events[i];
        struct rt_cohort_event event = {
            e->id, strlen(e->id), rt_period_index(&spec, day_of(e->date)),
            true,  true,          NULL,
            0,     false,         0};

        if (grouped && e->segment) {
            event.segment = e->segment;
            event.segment_len = strlen(e->segment);
        }
        assert_int_equal(rt_cohort_engine_add(engine, &event), RT_OK);
    }
}

static struct rt_cohort_report report_of(const struct report_case *c,
                                         const struct rt_cohort_result *result)
{
    struct rt_cohort_report report = {0};

    report.result = result;
    report.period = spec_of(c->log);
    report.as_of = day_of(c->log->as_of);
    report.average = c->mean ? RT_COHORT_MEAN : RT_COHORT_POOLED;
    report.no_average = c->no_average;
    report.format = c->format;
    report.long_form = c->long_form;
    report.counts = c->counts;
    report.header = !c->no_header;
    report.precision = c->precision;
    report.group_name = c->group;
    report.warnings = c->warnings;
    report.note_first_cohort = c->note;
    return report;
}

static void test_report_case(void **state)
{
    const struct report_case *c = *state;
    struct rt_period_spec spec = spec_of(c->log);
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    struct rt_cohort_report report;
    struct rt_sink sink;

    rt_cohort_engine_init(&engine, key, false, c->group != NULL);
    feed(&engine, c->log, c->group != NULL);
    assert_int_equal(
        rt_cohort_finish(&engine, last_complete(&spec, day_of(c->log->as_of)),
                         c->after ? RT_COHORT_ON_OR_AFTER : RT_COHORT_ON, 0,
                         &result),
        RT_OK);
    report = report_of(c, &result);
    rt_sink_init_memory(&sink);
    assert_int_equal(rt_cohort_report_write(&sink, &report), RT_OK);
    rt_sink_put(&sink, '\0');
    assert_false(sink.failed);
    assert_string_equal(sink.buf, c->want);
    rt_sink_free(&sink);
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

/* A precision beyond the formatters is refused before anything is
   written. */
static void test_precision_refused(void **state)
{
    struct report_case c = cases[0];
    struct rt_cohort_result result = {0};
    struct rt_cohort_report report;
    struct rt_sink sink;

    (void)state;
    c.precision = RT_PRECISION_MAX + 1;
    report = report_of(&c, &result);
    rt_sink_init_memory(&sink);
    assert_int_equal(rt_cohort_report_write(&sink, &report), RT_ERR_PRECISION);
    assert_int_equal(sink.len, 0);
    rt_sink_free(&sink);
}

int main(void)
{
    const struct CMUnitTest others[] = {
        cmocka_unit_test(test_precision_refused),
    };
    int failed = TABLE_RUN("cohort_report", cases, test_report_case);

    return failed + cmocka_run_group_tests(others, NULL, NULL);
}
