/*
 * test_cli_cohorts.c - retain cohorts, run as users run it.
 *
 * Each row gives arguments and standard input, and the exact standard
 * output, standard error and exit status.  The triangles were worked out
 * by hand from the logs written below (the README's worked example is
 * shop.csv); tests/cli/test_cohorts_oracle.py checks many more against an
 * independent computation.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define TRY "Try 'retain cohorts --help' for more information.\n"
#define E   "retain: "
#define EXPECTED_DATE                                                          \
    "(expected a date YYYY-MM-DD (optionally with a time "                     \
    "HH:MM[:SS[.fraction]] and a zone Z or +HH:MM))\n"

/* shop.csv up to 2024-03-31: cohorts of 3, 1 and 1 customers. */
#define SHOP_HEAD "cohort,customers,month_0,month_1,month_2\n"
#define SHOP_ROWS                                                              \
    "2024-01,3,100.00,66.67,66.67\n"                                           \
    "2024-02,1,100.00,100.00,\n"                                               \
    "2024-03,1,100.00,,\n"
#define SUBS_HEAD      "cohort,customers,month_0,month_1,month_2,month_3,month_4\n"
#define SHOP_LONG_HEAD "cohort,offset,period,customers,active,retention_rate\n"

static const struct cli_row cohorts_cases[] = {
    /* The worked example: by default the cut-off is the last event,
       2024-03-30, so March is unfinished and its cells are empty. */
    {"default cut-off leaves March empty",
     {"cohorts", "shop.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,3,100.00,66.67\n"
     "2024-02,1,100.00,\n"
     "2024-03,1,,\n"
     "average,5,100.00,66.67\n"},
    {"--as-of completes March",
     {"cohorts", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD SHOP_ROWS "average,5,100.00,75.00,66.67\n"},
    {"a later cut-off observes April: 0, not empty",
     {"cohorts", "--as-of=2024-04-30", "shop.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2,month_3\n"
     "2024-01,3,100.00,66.67,66.67,0.00\n"
     "2024-02,1,100.00,100.00,0.00,\n"
     "2024-03,1,100.00,0.00,,\n"
     "average,5,100.00,60.00,50.00,0.00\n"},
    {"mean average",
     {"cohorts", "--as-of", "2024-03-31", "--average", "mean", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD SHOP_ROWS "average,5,100.00,83.33,66.67\n"},
    {"no average",
     {"cohorts", "--no-average", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD SHOP_ROWS},
    {"counts",
     {"cohorts", "--counts", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD "2024-01,3,3,2,2\n"
               "2024-02,1,1,1,\n"
               "2024-03,1,1,,\n"
               "average,5,5,3,2\n"},
    {"on or after",
     {"cohorts", "--mode", "on-or-after", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD "2024-01,3,100.00,100.00,66.67\n"
               "2024-02,1,100.00,100.00,\n"
               "2024-03,1,100.00,,\n"
               "average,5,100.00,100.00,66.67\n"},
    {"precision 0, rounded half away from zero",
     {"cohorts", "-p0", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_HEAD "2024-01,3,100,67,67\n"
               "2024-02,1,100,100,\n"
               "2024-03,1,100,,\n"
               "average,5,100,75,67\n"},
    {"max periods",
     {"cohorts", "--max-periods", "1", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,3,100.00,66.67\n"
     "2024-02,1,100.00,100.00\n"
     "2024-03,1,100.00,\n"
     "average,5,100.00,75.00\n"},
    {"groups, each with its average, then everyone's",
     {"cohorts", "--group-by", "plan", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "plan,cohort,customers,month_0,month_1,month_2\n"
     "basic,2024-01,2,100.00,50.00,100.00\n"
     "basic,2024-03,1,100.00,,\n"
     "basic,average,3,100.00,50.00,100.00\n"
     "pro,2024-01,1,100.00,100.00,0.00\n"
     "pro,2024-02,1,100.00,100.00,\n"
     "pro,average,2,100.00,100.00,0.00\n"
     ",overall,5,100.00,75.00,66.67\n"},
    {"long",
     {"cohorts", "--long", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_LONG_HEAD "2024-01,0,2024-01,3,3,100.00\n"
                    "2024-01,1,2024-02,3,2,66.67\n"
                    "2024-01,2,2024-03,3,2,66.67\n"
                    "2024-02,0,2024-02,1,1,100.00\n"
                    "2024-02,1,2024-03,1,1,100.00\n"
                    "2024-02,2,2024-04,1,,\n"
                    "2024-03,0,2024-03,1,1,100.00\n"
                    "2024-03,1,2024-04,1,,\n"
                    "2024-03,2,2024-05,1,,\n"
                    "average,0,,5,5,100.00\n"
                    "average,1,,4,3,75.00\n"
                    "average,2,,3,2,66.67\n"},
    {"tsv in, tsv out",
     {"cohorts", "--as-of", "2024-03-31", "shop.tsv"},
     NULL,
     0,
     "cohort\tcustomers\tmonth_0\tmonth_1\tmonth_2\n"
     "2024-01\t3\t100.00\t66.67\t66.67\n"
     "2024-02\t1\t100.00\t100.00\t\n"
     "2024-03\t1\t100.00\t\t\n"
     "average\t5\t100.00\t75.00\t66.67\n"},
    {"semicolons in, semicolons out",
     {"cohorts", "--no-average"},
     "id;date\nx;2024-01-31\n",
     0,
     "cohort;customers;month_0\n2024-01;1;100.00\n"},
    {"standard input, -f tsv",
     {"cohorts", "-f", "tsv", "--no-average"},
     "id,date\nx,2024-01-01\ny,2024-02-29\nx,2024-02-01\n",
     0,
     "cohort\tcustomers\tmonth_0\tmonth_1\n"
     "2024-01\t1\t100.00\t100.00\n"
     "2024-02\t1\t100.00\t\n"},
    {"json",
     {"cohorts", "-f", "json", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     NULL,
     "",
     .golden = "cohorts/json"},
    {"json, grouped",
     {"cohorts", "-f", "json", "--group-by", "plan", "shop.csv"},
     NULL,
     0,
     NULL,
     "",
     .golden = "cohorts/json-grouped"},
    {"text",
     {"cohorts", "-f", "text", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     NULL,
     "",
     .golden = "cohorts/text"},
    {"text, counts",
     {"cohorts", "-f", "text", "--counts", "shop.csv"},
     NULL,
     0,
     NULL,
     "",
     .golden = "cohorts/text-counts"},

    /* Periods and their labels. */
    {"ISO weeks: 2024-12-30 is in week 1 of 2025",
     {"cohorts", "--period", "week", "--no-average", "weeks.csv"},
     NULL,
     0,
     "cohort,customers,week_0,week_1\n"
     "2024-W52,1,100.00,100.00\n"
     "2025-W01,1,100.00,\n"
     "2025-W02,1,,\n"},
    {"weeks from Sunday, labelled by their first day",
     {"cohorts", "--period", "week", "--week-start", "Sun", "--no-average",
      "weeks.csv"},
     NULL,
     0,
     "cohort,customers,week_0,week_1,week_2\n"
     "2024-12-22,1,100.00,100.00,0.00\n"
     "2024-12-29,1,100.00,100.00,\n"
     "2025-01-05,1,100.00,,\n"},
    {"days",
     {"cohorts", "--period", "day", "--counts", "--no-average", "weeks.csv"},
     NULL,
     0,
     "cohort,customers,day_0,day_1,day_2,day_3,day_4,day_5,day_6,day_7,"
     "day_8,day_9,day_10,day_11,day_12,day_13,day_14\n"
     "2024-12-28,1,1,0,0,0,0,0,0,1,0,0,0,0,0,0,0\n"
     "2024-12-30,1,1,0,0,0,0,0,0,0,1,0,0,0,0,,\n"
     "2025-01-11,1,1,,,,,,,,,,,,,,\n"},
    {"quarters",
     {"cohorts", "--period", "quarter", "--as-of", "2024-06-30", "shop.csv"},
     NULL,
     0,
     "cohort,customers,quarter_0,quarter_1\n"
     "2024-Q1,5,100.00,0.00\n"
     "average,5,100.00,0.00\n"},
    {"years: 2024 is not over",
     {"cohorts", "--period", "year", "shop.csv"},
     NULL,
     0,
     "cohort,customers,year_0\n"
     "2024,5,\n"
     "average,5,\n"},

    /* Dates. */
    {"times and zones: the date as written",
     {"cohorts", "--counts", "--no-average", "zones.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,2,2,1\n"
     "2024-02,1,1,\n"},
    {"--utc moves 23:30-02:00 into the next month",
     {"cohorts", "--utc", "--counts", "--no-average", "zones.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,1,1,0\n"
     "2024-02,2,2,\n"},
    {"unix seconds",
     {"cohorts", "--date-format", "unix", "--counts", "--no-average"},
     "id,time\nx,1704067200\ny,1706745599.5\nx,1706745600\n",
     0,
     "cohort,customers,month_0\n"
     "2024-01,2,2\n"},

    /* Cohorts from start events, returns from return events. */
    {"start and return events",
     {"cohorts", "--event-col", "event", "--start-event", "signup",
      "--return-event", "buy", "--return-event", "renew", "--counts", "--as-of",
      "2024-03-31", "events.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,0,2,1\n"
     "2024-02,1,0,0,\n"
     "average,3,0,2,1\n",
     "retain: warning: 1 customer had no start event (--start-event) and is "
     "in no cohort\n"},
    {"signup column: disagreements and activity before signup",
     {"cohorts", "--cohort-col", "signup", "--counts", "--as-of", "2024-03-31",
      "signup.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,1,1,1,0\n"
     "2024-02,1,0,1,\n"
     "average,2,1,2,0\n",
     "retain: warning: 1 customer had rows that disagree on the signup date "
     "(--cohort-col); the earliest is used\n"
     "retain: warning: 1 customer had events in 1 period before their "
     "signup period (--cohort-col); those are not counted\n"},

    {"a group is the value on the earliest event, not the first row",
     {"cohorts", "--group-by", "plan", "--counts", "--no-average", "--as-of",
      "2024-01-31", "seg.csv"},
     NULL,
     0,
     "plan,cohort,customers,month_0\n"
     "pro,2024-01,1,1\n"
     "basic,2024-01,1,1\n"},

    /* Rows left out, warnings, --strict. */
    {"bad rows are reported and left out",
     {"cohorts", "--no-average", "bad.csv"},
     NULL,
     1,
     "cohort,customers,month_0\n"
     "2024-01,1,100.00\n",
     "retain: bad.csv:3: error: column 'id': no customer ID (expected one "
     "on every row)\n"
     "retain: bad.csv:4: error: column 'date': '2023-02-29' is not a date: "
     "2023 is not a leap year: no February 29 " EXPECTED_DATE
     "retain: bad.csv:5: error: the row has 3 fields, the header 2\n"
     "retain: bad.csv:6: error: column 'date': '2024-1-5' is not a date: "
     "the month needs 2 digits " EXPECTED_DATE},
    {"an empty date on the first row is not a date (the memo is empty)",
     {"cohorts", "--no-average", "--as-of", "2024-01-31", "-"},
     "id,date\na,\na,2024-01-05\n",
     1,
     "cohort,customers,month_0\n"
     "2024-01,1,100.00\n",
     "retain: (standard input):2: error: column 'date': '' is not a date: "
     "empty " EXPECTED_DATE},
    {"customer_id before id, date before time, whatever their order",
     {"cohorts", "--no-average", "--counts", "--as-of", "2024-02-29", "-"},
     "id,time,customer_id,date\n"
     "1,2023-05-01,a,2024-01-05\n"
     "2,2023-05-01,b,2024-01-09\n"
     "3,2023-05-01,a,2024-02-01\n",
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,2,2,1\n"},
    {"--spans: start_date before start, end_date before end",
     {"cohorts", "--spans", "--no-average", "--counts", "--as-of", "2024-02-29",
      "-"},
     "end,start,id,end_date,start_date\n"
     "x,y,a,2024-02-10,2024-01-01\n",
     0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,1,1,0\n"},
    {"events outside the dates: one warning",
     {"cohorts", "--from", "2024-02-01", "--as-of", "2024-02-29", "--counts",
      "shop.csv"},
     NULL,
     0,
     "cohort,customers,month_0\n"
     "2024-02,3,3\n"
     "average,3,3\n",
     "retain: warning: left out 7 events dated outside 2024-02-01 .. "
     "2024-02-29: 3 before --from, 4 after --as-of\n"},
    {"--strict: a warning is exit 1",
     {"cohorts", "--strict", "--from", "2024-02-01", "--counts", "shop.csv"},
     NULL,
     1,
     "cohort,customers,month_0\n"
     "2024-02,3,3\n"
     "2024-03,2,\n"
     "average,5,3\n",
     "retain: warning: left out 3 events dated before --from 2024-02-01\n"},
    {"blank lines are a warning",
     {"cohorts", "--strict", "--no-average"},
     "\nid,date\nx,2024-01-01\n\n",
     1,
     "cohort,customers,month_0\n2024-01,1,\n",
     "retain: (standard input):1: warning: skipped 2 blank lines (expected "
     "one event on each line)\n"},

    /* Inputs that cannot be used. */
    {"no ID column",
     {"cohorts", "nocol.csv"},
     NULL,
     2,
     NULL,
     "retain: nocol.csv:1: error: no customer ID column (expected one named "
     "customer_id, customer or id, or --id-col NAME; the columns are "
     "'user', 'date')\n"
     "retain: no event to compute from (expected rows with a "
     "customer ID and a date)\n"},
    {"two columns of the default name",
     {"cohorts"},
     "customer_id,date,customer_id\na,2024-01-01,b\n",
     2,
     NULL,
     "retain: (standard input):1: error: columns 1 and 3 are both named "
     "'customer_id', so the customer ID could be either (expected one column "
     "of that name: rename one)\n"
     "retain: no event to compute from (expected rows with a "
     "customer ID and a date)\n"},
    {"the default name exactly wins over it in another case",
     {"cohorts", "--no-average", "--counts"},
     "CUSTOMER_ID,date,customer_id\na,2024-01-01,b\nc,2024-01-02,b\n",
     0,
     "cohort,customers,month_0\n2024-01,1,\n"},
    {"--group-by finding two columns",
     {"cohorts", "--group-by", "GROUP"},
     "id,date,Group,group\na,2024-01-01,x,y\n",
     2,
     NULL,
     "retain: (standard input):1: error: columns 3 and 4 ('Group' and "
     "'group') differ only in case, so --group-by could be either (expected "
     "the exact name of one of them, or one column of that name)\n"
     "retain: no event to compute from (expected rows with a "
     "customer ID and a date)\n"},
    {"--id-col names the column",
     {"cohorts", "--id-col", "user", "--no-average", "nocol.csv"},
     NULL,
     0,
     "cohort,customers,month_0\n2024-01,1,\n"},
    {"a file skipped, the rest used: exit 1",
     {"cohorts", "--no-average", "nocol.csv", "missing.csv", "bad.csv"},
     NULL,
     1,
     "cohort,customers,month_0\n"
     "2024-01,1,100.00\n",
     CLI_ANY},
    {"the same file twice",
     {"cohorts", "shop.csv", "./shop.csv"},
     NULL,
     2,
     NULL,
     E "./shop.csv is the same file as shop.csv (expected each input once: "
       "its rows would be counted twice)\n"},
    {"empty input",
     {"cohorts"},
     "",
     2,
     NULL,
     "retain: (standard input):1: error: empty input (expected a header "
     "line naming the columns)\n" E
     "no event to compute from (expected rows with a customer "
     "ID and a date)\n"},
    {"every event after the cut-off: no cohort",
     {"cohorts", "--as-of", "2023-12-31", "shop.csv"},
     NULL,
     2,
     NULL,
     "retain: warning: left out 10 events dated after the cut-off --as-of "
     "2023-12-31\n" E "no cohort: no customer has a first event within the "
     "dates used (expected at least one)\n"},

    /* Options that cannot be used. */
    {"--start-event needs --event-col",
     {"cohorts", "--start-event", "signup", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --start-event needs --event-col (the column of the event "
       "types)\n" TRY},
    {"--event-col needs a kind of event",
     {"cohorts", "--event-col", "event", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --event-col needs --start-event or --return-event (which of "
       "its values start a customer, or bring one back)\n" TRY},
    {"--cohort-col and --start-event",
     {"cohorts", "--event-col=e", "--start-event=s", "--cohort-col=c"},
     NULL,
     2,
     NULL,
     E
     "options --cohort-col and --start-event cannot be used together (the "
     "signup column gives the cohort; start events would give another)\n" TRY},
    {"--counts and --long",
     {"cohorts", "--long", "--counts"},
     NULL,
     2,
     NULL,
     E "options --counts and --long cannot be used together (--long always "
       "has both active and retention_rate)\n" TRY},
    {"--no-average and --average",
     {"cohorts", "--average", "mean", "--no-average"},
     NULL,
     2,
     NULL,
     E "options --no-average and --average cannot be used together (one "
       "leaves the average out, the other says how to take it)\n" TRY},
    {"--long with json",
     {"cohorts", "--long", "-f", "json"},
     NULL,
     2,
     NULL,
     E "option --long needs csv, tsv or markdown output (json and text "
       "always have every cell, and svg draws them)\n" TRY},
    {"--no-header needs csv or tsv",
     {"cohorts", "-f", "text", "--no-header"},
     NULL,
     2,
     NULL,
     E "option --no-header needs csv or tsv output (json, text and svg "
       "have no header line to leave out)\n" TRY},
    {"--no-header",
     {"cohorts", "--no-header", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     SHOP_ROWS "average,5,100.00,75.00,66.67\n"},
    {"an empty group value is a group",
     {"cohorts", "--group-by", "plan", "--long", "--as-of", "2024-02-29"},
     "id,date,plan\na,2024-01-05,\nb,2024-01-06,pro\nb,2024-02-06,pro\n",
     0,
     "plan," SHOP_LONG_HEAD ",2024-01,0,2024-01,1,1,100.00\n"
     ",2024-01,1,2024-02,1,0,0.00\n"
     ",average,0,,1,1,100.00\n"
     ",average,1,,1,0,0.00\n"
     "pro,2024-01,0,2024-01,1,1,100.00\n"
     "pro,2024-01,1,2024-02,1,1,100.00\n"
     "pro,average,0,,1,1,100.00\n"
     "pro,average,1,,1,1,100.00\n"
     ",overall,0,,2,2,100.00\n"
     ",overall,1,,2,1,50.00\n"},
    {"the last periods there are: after 9999-12, no label",
     {"cohorts", "--long", "--no-average", "--as-of", "9999-12-31"},
     "id,date\na,9999-11-30\nb,9999-12-31\n",
     0,
     SHOP_LONG_HEAD "9999-11,0,9999-11,1,1,100.00\n"
                    "9999-11,1,9999-12,1,0,0.00\n"
                    "9999-12,0,9999-12,1,1,100.00\n"
                    "9999-12,1,,1,,\n"},
    {"--counts with json",
     {"cohorts", "-fjson", "--counts"},
     NULL,
     2,
     NULL,
     E "option --counts needs csv, tsv or text output (json always has both "
       "active and retention_rate)\n" TRY},
    {"--week-start needs weeks",
     {"cohorts", "--week-start", "sunday"},
     NULL,
     2,
     NULL,
     E "option --week-start needs --period week (only weeks have a first day "
       "to choose)\n" TRY},
    {"--utc with unix seconds",
     {"cohorts", "--utc", "--date-format", "unix"},
     NULL,
     2,
     NULL,
     E "option --utc cannot be used with --date-format unix (seconds since "
       "1970 are in UTC already)\n" TRY},
    {"--from after --as-of",
     {"cohorts", "--from", "2024-03-01", "--as-of", "2024-02-29"},
     NULL,
     2,
     NULL,
     E "option --from 2024-03-01 is after --as-of 2024-02-29 (expected "
       "--from on or before the cut-off)\n"},
    {"--as-of is a day",
     {"cohorts", "--as-of", "2024-02-30"},
     NULL,
     2,
     NULL,
     E "option --as-of: February 2024 has 29 days: no day 30: '2024-02-30' "
       "(expected a date YYYY-MM-DD)\n"},
    {"--as-of takes no time",
     {"cohorts", "--as-of", "2024-02-03T10:00"},
     NULL,
     2,
     NULL,
     E "option --as-of: a time is not a day: '2024-02-03T10:00' (expected a "
       "date YYYY-MM-DD)\n"},
    {"unknown period",
     {"cohorts", "--period", "Month"},
     NULL,
     2,
     NULL,
     E "option --period: unknown period: 'Month' (expected day, week, "
       "month, quarter or year)\n"},
    {"unknown day",
     {"cohorts", "--period", "week", "--week-start", "sonntag"},
     NULL,
     2,
     NULL,
     E "option --week-start: unknown day: 'sonntag' (expected a day's name, "
       "e.g. monday, sunday or sun)\n"},
    {"unknown mode",
     {"cohorts", "--mode", "after"},
     NULL,
     2,
     NULL,
     E "option --mode: unknown mode: 'after' (expected on or on-or-after)\n"},
    {"unknown average",
     {"cohorts", "--average", "median"},
     NULL,
     2,
     NULL,
     E "option --average: unknown average: 'median' (expected pooled or "
       "mean)\n"},
    {"max periods is a count",
     {"cohorts", "--max-periods", "-1"},
     NULL,
     2,
     NULL,
     E "option --max-periods: not a number of periods: '-1' (expected a "
       "whole number from 0 to 1073741823)\n"},
    {"unknown date format",
     {"cohorts", "--date-format", "epoch"},
     NULL,
     2,
     NULL,
     E "option --date-format: unknown date format: 'epoch' (expected iso or "
       "unix)\n"},
    {"an empty event type",
     {"cohorts", "--event-col", "e", "--return-event="},
     NULL,
     2,
     NULL,
     E "option --return-event: empty value (expected an event type)\n"},
    {"standard input twice",
     {"cohorts", "-", "-"},
     NULL,
     2,
     NULL,
     E "standard input (-) is named twice (expected each input once: it can "
       "be read only once)\n"},

    /* --spans: subs.csv, worked by hand.  Cell k of cohort c counts the
       customers subscribed on the first day of period c+k+1.  a starts on
       a period's first day, ends on another's (not subscribed that day)
       and comes back; b starts mid-period, never ends; c joins and leaves
       within February; d's rows touch, e's overlap. */
    /* The default cut-off is the latest start, 04-01, not the latest end
       (05-01): an end may lie in the future, and counting it would report
       periods not yet over as finished.  Was 2024-05-01, month_3 shown. */
    {"--spans: the default cut-off is the latest start, 2024-04-01",
     {"cohorts", "--spans", "subs.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,100.00,50.00,100.00\n"
     "2024-02,3,66.67,66.67,\n"
     "average,5,80.00,60.00,100.00\n"},
    /* Exports write 9999-12-31 for "no end": such a row runs on past the
       cut-off (the latest start, 02-01) as an open one would, not to the
       year 9999 (95,000 columns, memory to match).  z's rows touch. */
    {"--spans: an end of 9999-12-31 runs on, the cut-off the latest start",
     {"cohorts", "--spans", "--counts"},
     "id,start_date,end_date\n"
     "a,2024-01-15,\n"
     "b,2024-02-01,\n"
     "c,2024-01-10,2024-02-20\n"
     "z,2024-01-01,9999-12-31\n"
     "z,2023-12-20,2024-01-01\n"
     "y,2024-01-20,9999-12-31\n",
     0,
     "cohort,customers,month_0,month_1\n"
     "2023-12,1,1,1\n"
     "2024-01,3,3,\n"
     "2024-02,1,,\n"
     "average,5,4,1\n"},
    {"--spans --counts to the end of May",
     {"cohorts", "--spans", "--counts", "--as-of", "2024-05-31", "subs.csv"},
     NULL,
     0,
     SUBS_HEAD "2024-01,2,2,1,2,2,2\n"
               "2024-02,3,2,2,0,0,\n"
               "average,5,4,3,2,2,2\n"},
    {"--spans --mode on-or-after",
     {"cohorts", "--spans", "--counts", "--mode", "on-or-after", "--as-of",
      "2024-05-31", "subs.csv"},
     NULL,
     0,
     SUBS_HEAD "2024-01,2,2,2,2,2,2\n"
               "2024-02,3,2,2,0,0,\n"
               "average,5,4,4,2,2,2\n"},
    {"--spans --group-by: the plan on the earliest row",
     {"cohorts", "--spans", "--counts", "--group-by", "plan", "--as-of",
      "2024-05-31", "-j1", "subs.csv"},
     NULL,
     0,
     "plan,cohort,customers,month_0,month_1,month_2,month_3,month_4\n"
     "basic,2024-01,1,1,0,1,1,1\n"
     "basic,2024-02,2,1,1,0,0,\n"
     "basic,average,3,2,1,1,1,1\n"
     "pro,2024-01,1,1,1,1,1,1\n"
     "pro,2024-02,1,1,1,0,0,\n"
     "pro,average,2,2,2,1,1,1\n"
     ",overall,5,4,3,2,2,2\n"},
    {"--spans -f text says what a cell counts",
     {"cohorts", "--spans", "--counts", "-f", "text", "--no-average",
      "--max-periods", "1", "subs.csv"},
     NULL,
     0,
     "Monthly cohorts; cell k: customers subscribed at the end of period "
     "cohort+k (mode on); cut-off 2024-04-01 (last complete period "
     "2024-03); no average.\n"
     "cohort   customers  month_0  month_1\n"
     "2024-01  2          2        1\n"
     "2024-02  3          2        2\n"},
    {"--spans: weeks, a leap day, starts on a week's first day",
     {"cohorts", "--spans", "--counts", "--period", "week", "--as-of",
      "2024-03-17", "weeks_subs.csv"},
     NULL,
     0,
     "cohort,customers,week_0,week_1,week_2\n"
     "2024-W09,2,1,0,0\n"
     "2024-W10,1,1,1,\n"
     "average,3,2,1,0\n"},
    {"--spans: years, an end on a leap day, --start-col and --end-col",
     {"cohorts", "--spans", "--counts", "--period", "year", "--as-of",
      "2025-12-31", "--start-col", "From", "--end-col", "until",
      "years_subs.csv"},
     NULL,
     0,
     "cohort,customers,year_0,year_1,year_2\n"
     "2023,1,1,0,0\n"
     "2024,2,1,1,\n"
     "average,3,2,1,0\n"},
    {"--spans: rows left out, warned about, after --as-of",
     {"cohorts", "--spans", "--counts", "--as-of", "2024-03-10",
      "bad_subs.csv"},
     NULL,
     1,
     "cohort,customers,month_0,month_1\n"
     "2024-01,1,1,0\n"
     "average,1,1,0\n",
     E "bad_subs.csv:3: error: column 'end': the end 2024-01-31 is before "
       "the start 2024-02-01 (expected an end on or after the start)\n" E
       "bad_subs.csv:4: warning: column 'end': 2024-02-03 makes a "
       "subscription of no length (its end is its start day): it counts "
       "nowhere\n" E "bad_subs.csv:5: error: column 'start': '2024-02-30' is "
       "not a date: February 2024 has 29 days: no day 30 " EXPECTED_DATE E
       "bad_subs.csv:7: error: column 'end': '2024-13-01' is not a date: "
       "month 13 does not exist " EXPECTED_DATE E
       "warning: left out 1 subscription starting after the cut-off "
       "--as-of 2024-03-10\n"},
    /* The row of no length's start, 01-05, is the cut-off (the latest
       start; ends do not count): January has not ended, so no cell is
       observed (was 1, by a cut-off at a's end, 02-15). */
    {"--spans: a row of no length alone exits 0",
     {"cohorts", "--spans", "--counts", "zero_subs.csv"},
     NULL,
     0,
     "cohort,customers,month_0\n2024-01,1,\naverage,1,\n",
     E "zero_subs.csv:3: warning: column 'end_date': 2024-01-05 makes a "
       "subscription of no length (its end is its start day): it counts "
       "nowhere\n"},
    {"--spans: a row of no length with --strict exits 1",
     {"cohorts", "--spans", "--counts", "--strict", "zero_subs.csv"},
     NULL,
     1,
     "cohort,customers,month_0\n2024-01,1,\naverage,1,\n",
     E "zero_subs.csv:3: warning: column 'end_date': 2024-01-05 makes a "
       "subscription of no length (its end is its start day): it counts "
       "nowhere\n"},
    {"--spans: rows of no length alone make no cohort",
     {"cohorts", "--spans"},
     "id,start_date,end_date\na,2024-01-05,2024-01-05\n",
     2,
     NULL,
     E "(standard input):2: warning: column 'end_date': 2024-01-05 makes a "
       "subscription of "
       "no length (its end is its start day): it counts nowhere\n" E
       "no cohort: no customer has a subscription of some length starting "
       "by the cut-off (expected at least one)\n"},
    {"--spans: no start column",
     {"cohorts", "--spans", "shop.csv"},
     NULL,
     2,
     NULL,
     E "shop.csv:1: error: no start date column (expected one named "
       "start_date or start, or --start-col NAME; the columns are "
       "'customer_id', 'date', 'plan')\n" E
       "no subscription to compute from (expected rows with a customer ID "
       "and a start date)\n"},
    {"--spans: the start and the end in one column",
     {"cohorts", "--spans", "--end-col", "start_date", "subs.csv"},
     NULL,
     2,
     NULL,
     E "subs.csv:1: error: the start and the end are both the column "
       "'start_date' (expected two columns: see --start-col and --end-col)\n" E
       "no subscription to compute from (expected rows with a customer ID "
       "and a start date)\n"},
    {"--spans and --date-col",
     {"cohorts", "--spans", "--date-col", "d"},
     NULL,
     2,
     NULL,
     E "options --spans and --date-col cannot be used together (a "
       "subscription's dates are its start and end: see --start-col and "
       "--end-col)\n" TRY},
    {"--spans and --from",
     {"cohorts", "--from", "2024-01-01", "--spans"},
     NULL,
     2,
     NULL,
     E "options --spans and --from cannot be used together (a subscription "
       "table is read whole: one started before --from may still run after "
       "it)\n" TRY},
    {"--spans and --start-event, before --event-col's rule",
     {"cohorts", "--spans", "--start-event", "s"},
     NULL,
     2,
     NULL,
     E "options --spans and --start-event cannot be used together (a "
       "subscription table has no event types: a cohort is the period of a "
       "customer's first start)\n" TRY},
    {"--end-col without --spans",
     {"cohorts", "--end-col", "e"},
     NULL,
     2,
     NULL,
     E "option --end-col needs --spans (the end column of a subscription "
       "table)\n" TRY},

    /* Output that cannot be written. */
    {"> /dev/full",
     {"cohorts", "shop.csv"},
     NULL,
     3,
     NULL,
     E "write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"help",
     {"cohorts", "--help"},
     NULL,
     0,
     NULL,
     "",
     .golden = "help/cohorts"},
};

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-cohorts-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("shop.csv", "customer_id,date,plan\n"
                                  "ann,2024-01-03,basic\n"
                                  "bob,2024-01-15,pro\n"
                                  "cat,2024-01-28,basic\n"
                                  "ann,2024-02-02,basic\n"
                                  "bob,2024-02-20,pro\n"
                                  "dan,2024-02-11,pro\n"
                                  "ann,2024-03-05,basic\n"
                                  "dan,2024-03-09,pro\n"
                                  "eve,2024-03-17,basic\n"
                                  "cat,2024-03-30,basic\n");
    run_write_fixture("shop.tsv", "customer_id\tdate\n"
                                  "ann\t2024-01-03\n"
                                  "bob\t2024-01-15\n"
                                  "cat\t2024-01-28\n"
                                  "ann\t2024-02-02\n"
                                  "bob\t2024-02-20\n"
                                  "dan\t2024-02-11\n"
                                  "ann\t2024-03-05\n"
                                  "dan\t2024-03-09\n"
                                  "eve\t2024-03-17\n"
                                  "cat\t2024-03-30\n");
    /* Saturday 2024-12-28 (ISO 2024-W52), Monday 2024-12-30 (2025-W01),
       Saturday 2025-01-04, then Saturday 2025-01-11. */
    run_write_fixture("weeks.csv", "id,date\n"
                                   "a,2024-12-28\n"
                                   "b,2024-12-30\n"
                                   "a,2025-01-04\n"
                                   "b,2025-01-07\n"
                                   "c,2025-01-11\n");
    run_write_fixture("zones.csv", "customer,timestamp\n"
                                   "p,2024-01-31T23:30:00-02:00\n"
                                   "q,2024-01-10 08:00\n"
                                   "q,2024-02-01T00:15:00.25+01:00\n"
                                   "r,2024-02-29T12:00:00Z\n"
                                   "r,2024-02-29\n");
    run_write_fixture("events.csv", "id,date,event\n"
                                    "a,2024-01-05,signup\n"
                                    "b,2024-01-09,signup\n"
                                    "a,2024-02-01,buy\n"
                                    "b,2024-02-07,renew\n"
                                    "x,2024-02-08,buy\n"
                                    "c,2024-02-10,signup\n"
                                    "a,2024-03-03,buy\n"
                                    "c,2024-03-04,visit\n");
    run_write_fixture("signup.csv", "id,date,signup\n"
                                    "a,2024-01-05,2024-01-02\n"
                                    "a,2024-02-05,2024-02-03\n"
                                    "b,2024-01-20,2024-02-03\n"
                                    "b,2024-03-01,2024-02-03\n");
    run_write_fixture("bad.csv", "id,date\n"
                                 "a,2024-01-05\n"
                                 ",2024-01-06\n"
                                 "b,2023-02-29\n"
                                 "c,2024-01-07,x\n"
                                 "d,2024-1-5\n"
                                 "a,2024-02-01\n");
    run_write_fixture("seg.csv", "id,date,plan\n"
                                 "a,2024-01-20,pro\n"
                                 "a,2024-01-05,basic\n"
                                 "b,2024-01-10,pro\n");
    run_write_fixture("nocol.csv", "user,date\nu,2024-01-01\n");
    run_write_fixture("subs.csv", "customer_id,start_date,end_date,plan\n"
                                  "a,2024-01-01,2024-03-01,basic\n"
                                  "b,2024-01-15,,pro\n"
                                  "c,2024-02-10,2024-02-20,basic\n"
                                  "d,2024-02-01,2024-03-01,pro\n"
                                  "d,2024-03-01,2024-04-15,pro\n"
                                  "e,2024-02-05,2024-04-01,basic\n"
                                  "e,2024-03-10,2024-05-01,basic\n"
                                  "a,2024-04-01,,basic\n");
    /* Mondays 2024-02-26 (W09) and 2024-03-04 (W10); Thursday 02-29. */
    run_write_fixture("weeks_subs.csv", "id,start_date,end_date\n"
                                        "a,2024-02-26,2024-03-04\n"
                                        "b,2024-02-29,2024-03-05\n"
                                        "c,2024-03-04,\n");
    run_write_fixture("years_subs.csv", "id,from,until\n"
                                        "a,2023-03-01,2024-02-29\n"
                                        "b,2024-01-01,2025-01-01\n"
                                        "c,2024-02-29,\n");
    run_write_fixture("bad_subs.csv", "id,start,end\n"
                                      "a,2024-01-10,2024-03-01\n"
                                      "b,2024-02-01,2024-01-31\n"
                                      "c,2024-02-03,2024-02-03\n"
                                      "d,2024-02-30,\n"
                                      "e,2024-03-15,\n"
                                      "f,2024-01-20,2024-13-01\n");
    run_write_fixture("zero_subs.csv", "id,start_date,end_date\n"
                                       "a,2024-01-01,2024-02-15\n"
                                       "b,2024-01-05,2024-01-05\n");
}

/* Whether a row reads a subscription table (or refuses one's options). */
static bool spans_row(const struct cli_row *row)
{
    size_t i;

    for (i = 0; row->args[i]; i++)
        if (strcmp(row->args[i], "--spans") == 0 ||
            strcmp(row->args[i], "--end-col") == 0)
            return true;
    return false;
}

/*
 * Each row; under valgrind (the memcheck stage's time budget) every sixth
 * row, and every twelfth of the --spans rows, which share their reader and
 * engine with the rest (cli_row_check_sampled()).
 */
static void test_cohorts_row(void **state)
{
    const struct cli_row *row = *state;

    cli_row_check_sampled(row, (size_t)(row - cohorts_cases),
                          spans_row(row) ? 12 : 6);
}

int main(void)
{
    make_fixtures();
    return TABLE_RUN("cohorts", cohorts_cases, test_cohorts_row);
}
