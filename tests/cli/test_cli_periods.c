/*
 * test_cli_periods.c - retain periods, run as users run it.
 *
 * Each row gives arguments and standard input, and the exact standard
 * output, standard error and exit status.  The counts were worked out by
 * hand from the logs written below (shop.csv is cohorts' worked example):
 *
 *   ann Jan Feb Mar, bob Jan Feb, cat Jan Mar, dan Feb Mar, eve Mar.
 *   Feb: S = {ann bob cat} 3, E = {ann bob dan} 3, retained 2, lost 1
 *        (cat), new 1 (dan, first time).
 *   Mar: S = 3, E = {ann cat dan eve} 4, retained 2, lost 1 (bob), new 2:
 *        eve first time, cat returning.
 *   Apr: S = 4, E = 0, all lost.  May: S = 0: no rate, a warning.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define TRY "Try 'retain periods --help' for more information.\n"
#define E   "retain: "

#define HEAD                                                                   \
    "period,start,end,new,retained,lost,retention_rate,churn_rate,"            \
    "simple_retention_rate,simple_churn_rate,first_time,returning,warnings\n"
#define FEB "2024-02,3,3,1,2,1,66.67,33.33,100.00,0.00,1,0,\n"
#define MAR "2024-03,3,4,2,2,1,66.67,33.33,133.33,-33.33,1,1,\n"
/* Open rows, and rows ending 9999-12-31, an export's "no end". */
#define FAR_SUBS                                                               \
    "id,start_date,end_date\n"                                                 \
    "a,2024-01-15,\n"                                                          \
    "b,2024-02-01,\n"                                                          \
    "c,2024-01-10,2024-02-20\n"                                                \
    "z,2024-01-01,9999-12-31\n"                                                \
    "z,2023-12-20,2024-01-01\n"                                                \
    "y,2024-01-20,9999-12-31\n"

#define SPANS_HEAD                                                             \
    "period,start,end,new,retained,lost,retention_rate,churn_rate,"            \
    "simple_retention_rate,simple_churn_rate,first_time,returning,"            \
    "joined_and_left,warnings\n"
#define NO_START "no customer at the start of the period, so no rate is defined"

static const struct cli_row periods_cases[] = {
    /* The cut-off is the last event, 2024-03-30: March is left out. */
    {"default cut-off leaves March out, with a note",
     {"periods", "shop.csv"},
     NULL,
     0,
     HEAD FEB,
     E "note: 2024-03 is left out: it has not ended by the cut-off "
       "2024-03-30\n"},
    {"--as-of completes March: kept, lost, first time, returning",
     {"periods", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     HEAD FEB MAR},
    {"all lost, then no customer at the start: a warning, exit 0",
     {"periods", "--as-of=2024-05-31", "shop.csv"},
     NULL,
     0,
     HEAD FEB MAR "2024-04,4,0,0,0,4,0.00,100.00,0.00,100.00,0,0,\n"
                  "2024-05,0,0,0,0,0,,,,,0,0,\"" NO_START "\"\n",
     E "warning: period 2024-05: " NO_START "\n"},
    {"--strict: the warning exits 1",
     {"periods", "--strict", "--as-of=2024-05-31", "--only", "start",
      "shop.csv"},
     NULL,
     1,
     "period,start\n2024-02,3\n2024-03,3\n2024-04,4\n2024-05,0\n",
     E "warning: period 2024-05: " NO_START "\n"},
    {"a gap: lost, a period of no customer, returning",
     {"periods", "--as-of", "2024-04-30", "gap.csv"},
     NULL,
     0,
     HEAD "2024-02,1,0,0,0,1,0.00,100.00,0.00,100.00,0,0,\n"
          "2024-03,0,0,0,0,0,,,,,0,0,\"" NO_START "\"\n"
          "2024-04,0,2,2,0,0,,,,,1,1,\"" NO_START "\"\n",
     E "warning: period 2024-03: " NO_START "\n" E
       "warning: period 2024-04: " NO_START "\n"},
    {"json",
     {"periods", "-f", "json", "--as-of", "2024-05-31", "shop.csv"},
     NULL,
     0,
     NULL,
     NULL,
     .golden = "periods/json"},
    {"text, by segment",
     {"periods", "-f", "text", "--group-by", "plan", "--as-of", "2024-05-31",
      "shop.csv"},
     NULL,
     0,
     NULL,
     NULL,
     .golden = "periods/text"},
    {"tsv in, tsv out; -j1 the same",
     {"periods", "-j1", "--as-of", "2024-03-31", "shop.tsv"},
     NULL,
     0,
     "period\tstart\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\tfirst_time\treturning\t"
     "warnings\n"
     "2024-02\t3\t3\t1\t2\t1\t66.67\t33.33\t100.00\t0.00\t1\t0\t\n"
     "2024-03\t3\t4\t2\t2\t1\t66.67\t33.33\t133.33\t-33.33\t1\t1\t\n"},
    {"--no-header, -p 0",
     {"periods", "--no-header", "-p0", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "2024-02,3,3,1,2,1,67,33,100,0,1,0,\n"
     "2024-03,3,4,2,2,1,67,33,133,-33,1,1,\n"},
    {"--only a figure keeps the segment and the period",
     {"periods", "-f", "tsv", "--only", "retention_rate", "--group-by", "plan",
      "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "plan\tperiod\tretention_rate\nbasic\t2024-02\t50.00\n"
     "basic\t2024-03\t100.00\npro\t2024-02\t100.00\npro\t2024-03\t50.00\n"},
    {"--only a count of periods, in json",
     {"periods", "-f", "json", "--only", "first_time", "--as-of", "2024-03-31",
      "shop.csv"},
     NULL,
     0,
     "{\"period\":\"2024-02\",\"first_time\":1}\n"
     "{\"period\":\"2024-03\",\"first_time\":1}\n"},
    {"--only a figure beyond one period asks for it",
     {"periods", "--only", "expected_lifetime", "--as-of", "2024-03-31",
      "shop.csv"},
     NULL,
     0,
     "period,expected_lifetime\n2024-02,3.00\n2024-03,3.00\n"},
    {"--lifetime: --period is the measured period too",
     {"periods", "--lifetime", "-p", "1", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "period,start,end,new,retained,lost,retention_rate,churn_rate,"
     "simple_retention_rate,simple_churn_rate,expected_lifetime,"
     "expected_lifetime_years,median_lifetime,median_lifetime_years,"
     "first_time,returning,warnings\n"
     "2024-02,3,3,1,2,1,66.7,33.3,100.0,0.0,3.0,0.3,1.7,0.1,1,0,\n"
     "2024-03,3,4,2,2,1,66.7,33.3,133.3,-33.3,3.0,0.3,1.7,0.1,1,1,\n"},
    {"--per, --margin, --discount",
     {"periods", "--per", "year", "--margin", "10", "--discount", "10%",
      "--only", "lifetime_value", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     0,
     "period,lifetime_value\n2024-02,25.38\n2024-03,25.38\n"},
    {"--summary on stderr",
     {"periods", "--summary", "--only", "new", "--as-of", "2024-03-31",
      "shop.csv"},
     NULL,
     0,
     "period,new\n2024-02,1\n2024-03,2\n",
     "scope,rows,start,end,new,retained,lost,retention_rate,churn_rate,"
     "simple_retention_rate,simple_churn_rate,mean_retention_rate,"
     "min_retention_rate,max_retention_rate\n"
     "all,2,6,7,3,4,2,66.67,33.33,116.67,-16.67,66.67,66.67,66.67\n"},
    {"--summary-file",
     {"periods", "--summary-file", "sum.csv", "--only", "new", "--as-of",
      "2024-03-31", "shop.csv"},
     NULL,
     0,
     "period,new\n2024-02,1\n2024-03,2\n",
     NULL,
     .file = "sum.csv",
     .starts = "scope,rows,start,end,new,retained,lost,"},
    /* Calendar periods at their edges. */
    {"ISO weeks across the year end; the unfinished week noted",
     {"periods", "--period", "week", "weeks.csv"},
     NULL,
     0,
     HEAD "2025-W01,1,2,1,1,0,100.00,0.00,200.00,-100.00,1,0,\n",
     E "note: 2025-W02 is left out: it has not ended by the cut-off "
       "2025-01-11\n"},
    {"weeks from Sunday",
     {"periods", "--period", "week", "--week-start", "sun", "--as-of",
      "2025-01-11", "--only", "end", "weeks.csv"},
     NULL,
     0,
     "period,end\n2024-12-29,2\n2025-01-05,2\n"},
    {"days across a leap day",
     {"periods", "--period", "day", "leap.csv"},
     NULL,
     0,
     HEAD "2024-02-29,1,2,1,1,0,100.00,0.00,200.00,-100.00,1,0,\n"
          "2024-03-01,2,1,0,1,1,50.00,50.00,50.00,50.00,0,0,\n"},
    {"months across the year end; a cut-off on the last day ends it",
     {"periods", "yearend.csv"},
     NULL,
     0,
     HEAD "2024-01,1,2,1,1,0,100.00,0.00,200.00,-100.00,1,0,\n"},
    {"quarters",
     {"periods", "--period", "quarter", "--as-of", "2024-06-30", "--only",
      "lost", "shop.csv"},
     NULL,
     0,
     "period,lost\n2024-Q2,5\n"},
    {"only return events are activity",
     {"periods", "--event-col", "event", "--return-event", "buy", "--as-of",
      "2024-03-31", "events.csv"},
     NULL,
     0,
     HEAD "2024-03,2,1,0,1,1,50.00,50.00,50.00,50.00,0,0,\n"},
    {"--from: activity before it is not seen, so first time",
     {"periods", "--from", "2024-02-01", "--as-of", "2024-03-31", "--utc",
      "shop.csv"},
     NULL,
     0,
     HEAD "2024-03,3,4,2,2,1,66.67,33.33,133.33,-33.33,2,0,\n",
     E "warning: left out 3 events dated before --from 2024-02-01\n"},
    {"rows left out: exit 1",
     {"periods", "--as-of", "2024-02-29", "--only", "start", "bad.csv"},
     NULL,
     1,
     "period,start\n2024-02,1\n",
     E "bad.csv:3: error: column 'id': no customer ID (expected one on every "
       "row)\n"},
    {"a segment column named as a count is input.NAME",
     {"periods", "--group-by", "new", "--only", "end", "--as-of", "2024-02-29",
      "named.csv"},
     NULL,
     0,
     "input.new,period,end\nx,2024-02,1\n"},
    /* Subscription tables, worked by hand from subs.csv (below):
       Jan: S {two} 1, E (on Feb 1) {kept lost two} 3, new kept and lost
       (first time), back joined and left; Feb: S 3, E (on Mar 1) {kept
       two} 2, lost left, jal joined and left; Mar: S 2, E (on Apr 1)
       {kept back} 2, two lost (its rows are one stretch to Apr 1), back
       returning. */
    {"spans: every kind of customer",
     {"periods", "--spans", "--as-of", "2024-03-31", "subs.csv"},
     NULL,
     0,
     SPANS_HEAD "2024-01,1,3,2,1,0,100.00,0.00,300.00,-200.00,2,0,1,\n"
                "2024-02,3,2,0,2,1,66.67,33.33,66.67,33.33,0,0,1,\n"
                "2024-03,2,2,1,1,1,50.00,50.00,100.00,0.00,0,1,0,\n"},
    /* The README's examples of subscription tables, byte for byte. */
    {"README: periods --spans, a customer of each kind",
     {"periods", "--spans", "--as-of", "2024-03-31", "readme_subs.csv"},
     NULL,
     0,
     SPANS_HEAD "2024-01,3,3,1,2,1,66.67,33.33,100.00,0.00,1,0,0,\n"
                "2024-02,3,4,2,2,1,66.67,33.33,133.33,-33.33,1,1,0,\n"
                "2024-03,4,4,0,4,0,100.00,0.00,100.00,0.00,0,0,1,\n"},
    {"README: cohorts --spans, subscribed at the end of each period",
     {"cohorts", "--spans", "--as-of", "2024-03-31", "readme_subs.csv"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,4,75.00,75.00,75.00\n"
     "2024-02,1,100.00,100.00,\n"
     "2024-03,1,0.00,,\n"
     "average,6,66.67,80.00,75.00\n"},
    /* The default cut-off is the latest start, 03-10, not the latest end
       (04-01 here): an end may lie in the future, and counting it would
       report periods not yet over as finished.  Was 2024-04-01. */
    {"spans: the default cut-off is the latest start, not an end",
     {"periods", "--spans", "--only", "joined_and_left", "-f", "json",
      "subs.csv"},
     NULL,
     0,
     "{\"period\":\"2024-01\",\"joined_and_left\":1}\n"
     "{\"period\":\"2024-02\",\"joined_and_left\":1}\n",
     E "note: 2024-03 is left out: it has not ended by the cut-off "
       "2024-03-10\n"},
    /* Exports write 9999-12-31 for "no end": such a row runs on past the
       cut-off (the latest start, 02-01) as an open one would; it neither
       makes 95,000 monthly rows nor fills memory up to the year 9999.  z's
       two rows touch: one stretch from 2023-12-20.  b starts on 02-01, so
       is in E of January. */
    {"spans: an end of 9999-12-31 runs on, the cut-off the latest start",
     {"periods", "--spans"},
     FAR_SUBS,
     0,
     SPANS_HEAD "2023-12,0,1,1,0,0,,,,,1,0,0,\"no customer at the start of "
                "the period, so no rate is defined\"\n"
                "2024-01,1,5,4,1,0,100.00,0.00,500.00,-400.00,4,0,0,\n",
     E "note: 2024-02 is left out: it has not ended by the cut-off "
       "2024-02-01\n" E "warning: period 2023-12: no customer at the start "
       "of the period, so no rate is defined\n"},
    {"spans: an end of 9999-12-31 as --as-of at the latest start",
     {"periods", "--spans", "--only", "end", "--as-of", "2024-02-01"},
     FAR_SUBS,
     0,
     "period,end\n2023-12,1\n2024-01,5\n",
     E "note: 2024-02 is left out: it has not ended by the cut-off "
       "2024-02-01\n" E "warning: period 2023-12: no customer at the start "
       "of the period, so no rate is defined\n"},
    {"spans: by segment, S = 0 in the first period",
     {"periods", "--spans", "--group-by", "plan", "--only", "end", "--as-of",
      "2024-03-31", "subs.csv"},
     NULL,
     0,
     "plan,period,end\npro,2024-01,1\npro,2024-02,1\npro,2024-03,2\n"
     "basic,2024-01,2\nbasic,2024-02,1\nbasic,2024-03,0\n",
     E "warning: period 2024-01 of segment 'pro': " NO_START "\n"},
    {"spans: an end before the start, a subscription of no length",
     {"periods", "--spans", "--as-of", "2024-02-29", "--only", "new",
      "bad_subs.csv"},
     NULL,
     1,
     "period,new\n2024-01,1\n2024-02,0\n",
     E "bad_subs.csv:2: error: column 'end': the end 2024-01-01 is before the "
       "start 2024-02-01 (expected an end on or after the start)\n" E
       "bad_subs.csv:3: warning: column 'end': 2024-01-10 makes a "
       "subscription of no length (its end is its start day): it counts "
       "nowhere\n" E "warning: period 2024-01: " NO_START "\n"},
    {"spans: not with --from",
     {"periods", "--spans", "--from", "2024-01-01", "subs.csv"},
     NULL,
     2,
     NULL,
     E "options --spans and --from cannot be used together (a subscription "
       "table is read whole: one started before --from may still run after "
       "it)\n" TRY},
    {"spans: no period from the earliest start ended",
     {"periods", "--spans", "--as-of", "2024-01-20", "subs.csv"},
     NULL,
     2,
     NULL,
     E "warning: left out 4 subscriptions starting after the cut-off --as-of "
       "2024-01-20\n" E
       "note: 2024-01 is left out: it has not ended by the cut-off "
       "2024-01-20\n" E
       "no period to compute: none from the earliest start ended by the "
       "cut-off 2024-01-20 (expected a subscription of some length starting "
       "in a period that ended)\n"},
    {"spans: no subscription",
     {"periods", "--spans", "-"},
     "id,start,end\n",
     2,
     NULL,
     E "no subscription to compute from (expected rows with a customer ID "
       "and a start date)\n"},
    /* --as-of gives a cut-off, but no row counts: as without it. */
    {"spans: no subscription, with --as-of: no note",
     {"periods", "--spans", "--as-of", "2024-05-01", "-"},
     "id,start,end\n",
     2,
     NULL,
     E "no subscription to compute from (expected rows with a customer ID "
       "and a start date)\n"},
    {"spans: a header error, with --as-of",
     {"periods", "--spans", "--as-of", "2024-05-01", "-"},
     "id,date\n",
     2,
     NULL,
     E "(standard input):1: error: no start date column (expected one named "
       "start_date or "
       "start, or --start-col NAME; the columns are 'id', 'date')\n" E
       "no subscription to compute from (expected rows with a customer ID "
       "and a start date)\n"},
    {"no event, with --as-of: no note",
     {"periods", "--as-of", "2024-05-01", "-"},
     "id,date\n",
     2,
     NULL,
     E "no event to compute from (expected rows with a customer ID and a "
       "date)\n"},
    {"--as-of before every event",
     {"periods", "--as-of", "2023-01-01", "shop.csv"},
     NULL,
     2,
     NULL,
     E "warning: left out 10 events dated after the cut-off --as-of "
       "2023-01-01\n" E
       "no event to compute from (expected rows with a customer ID and a "
       "date)\n"},
    {"--from after every event",
     {"periods", "--from", "2024-06-01", "--as-of", "2024-07-01", "shop.csv"},
     NULL,
     2,
     NULL,
     E "warning: left out 10 events dated before --from 2024-06-01\n" E
       "no event to compute from (expected rows with a customer ID and a "
       "date)\n"},
    {"joined_and_left is of spans alone",
     {"periods", "--only", "joined_and_left", "--as-of", "2024-03-31",
      "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --only: no column 'joined_and_left' in the output (expected "
       "the name of a count or a figure the options ask for)\n"},
    /* Errors. */
    {"no finished period after the first: exit 2",
     {"periods", "--period", "year", "shop.csv"},
     NULL,
     2,
     NULL,
     E "note: 2024 is left out: it has not ended by the cut-off 2024-03-30\n" E
       "no period to compute: none ended by the cut-off 2024-03-30 after the "
       "first one with activity (expected activity in at least two "
       "periods)\n"},
    {"--event-col needs --return-event, the kind periods has",
     {"periods", "--event-col", "event", "events.csv"},
     NULL,
     2,
     NULL,
     E "option --event-col needs --return-event (which of its values count "
       "as activity)\n" TRY},
    {"--event-col with --help: the help",
     {"periods", "--event-col", "event", "--help", "--as-of", "2024-03-31"},
     NULL,
     0,
     NULL,
     "",
     .golden = "help/periods"},
    {"an option of cohorts alone",
     {"periods", "--max-periods", "3", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --max-periods is only for retain cohorts (periods has no "
       "cohorts, offsets or averages)\n" TRY},
    {"a rule of cohorts' options",
     {"periods", "--return-event", "buy", "events.csv"},
     NULL,
     2,
     NULL,
     E "option --return-event needs --event-col (the column of the event "
       "types)\n" TRY},
    {"--only an unknown field",
     {"periods", "--only", "warnings", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --only: unknown field: 'warnings' (expected a count or a "
       "figure of the output, such as retention_rate or first_time)\n"},
    {"--only a figure the options do not ask for",
     {"periods", "--only", "lifetime_value", "--as-of", "2024-03-31",
      "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --only: no column 'lifetime_value' in the output (expected "
       "the name of a count or a figure the options ask for)\n"},
    {"--lifetime with --margin",
     {"periods", "--lifetime", "--margin", "5", "shop.csv"},
     NULL,
     2,
     NULL,
     E "option --lifetime does nothing with --margin (which adds the "
       "lifetimes too)\n" TRY},
    {"no usable input",
     {"periods", "missing.csv"},
     NULL,
     2,
     NULL,
     E "missing.csv: cannot open: No such file or directory\n" E
       "no event to compute from (expected rows with a customer ID and a "
       "date)\n"},
    {"> /dev/full",
     {"periods", "--as-of", "2024-03-31", "shop.csv"},
     NULL,
     3,
     NULL,
     E "write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    /* A segment's value with a line break spans two lines of the table in
       memory: each warning still names its own row, never that table. */
    {"a line break in a segment: warnings name their rows",
     {"periods", "--group-by", "plan", "--as-of", "2024-03-31", "--only",
      "start", "nl.csv"},
     NULL,
     0,
     "plan,period,start\n\"A\nx\",2024-02,1\n\"A\nx\",2024-03,0\n"
     "B,2024-02,1\nB,2024-03,0\n",
     E "warning: period 2024-03 of segment 'A\\nx': " NO_START "\n" E
       "warning: period 2024-03 of segment 'B': " NO_START "\n"},
    {"a line break in a segment, --spans, json",
     {"periods", "--spans", "--group-by", "plan", "--as-of", "2024-03-31",
      "--only", "start", "-f", "json", "nl_subs.csv"},
     NULL,
     0,
     "{\"plan\":\"A\\nx\",\"period\":\"2024-01\",\"start\":0}\n"
     "{\"plan\":\"A\\nx\",\"period\":\"2024-02\",\"start\":1}\n"
     "{\"plan\":\"A\\nx\",\"period\":\"2024-03\",\"start\":0}\n"
     "{\"plan\":\"B\",\"period\":\"2024-01\",\"start\":0}\n"
     "{\"plan\":\"B\",\"period\":\"2024-02\",\"start\":1}\n"
     "{\"plan\":\"B\",\"period\":\"2024-03\",\"start\":0}\n",
     E "warning: period 2024-01 of segment 'A\\nx': " NO_START "\n" E
       "warning: period 2024-03 of segment 'A\\nx': " NO_START "\n" E
       "warning: period 2024-01 of segment 'B': " NO_START "\n" E
       "warning: period 2024-03 of segment 'B': " NO_START "\n"},
    /* --summary is batch's: a period with no customer at its start is not
       summed, its new customers neither; basic, with no other, has no
       summary line (as README, --help and the man page say). */
    {"--summary leaves out periods with no customer at their start",
     {"periods", "--spans", "--group-by", "plan", "--as-of", "2024-02-29",
      "--only", "new", "--summary", "seg_subs.csv"},
     NULL,
     0,
     "plan,period,new\npro,2024-01,1\npro,2024-02,0\nbasic,2024-02,1\n",
     E "warning: period 2024-01 of segment 'pro': " NO_START "\n" E
       "warning: period 2024-02 of segment 'basic': " NO_START "\n"
       "scope,plan,rows,start,end,new,retained,lost,retention_rate,"
       "churn_rate,simple_retention_rate,simple_churn_rate,"
       "mean_retention_rate,min_retention_rate,max_retention_rate\n"
       "group,pro,1,1,1,0,1,0,100.00,0.00,100.00,0.00,100.00,100.00,"
       "100.00\n"
       "all,,1,1,1,0,1,0,100.00,0.00,100.00,0.00,100.00,100.00,100.00\n"},
    /* retain batch's --only, which periods' goes through. */
    {"batch --only keeps the label columns",
     {"batch", "--only", "retention_rate", "counts.csv"},
     NULL,
     0,
     "period,segment,retention_rate\n2024-01,a,60.00\n"},
    {"batch --only a count, in text",
     {"batch", "-f", "text", "--only", "end", "counts.csv"},
     NULL,
     0,
     "period   segment  end\n2024-01  a        8\n"},
    {"batch --only a figure beyond one period, in json",
     {"batch", "-f", "json", "--only", "expected_lifetime", "counts.csv"},
     NULL,
     0,
     "{\"period\":\"2024-01\",\"segment\":\"a\",\"expected_lifetime\":2.50}\n"},
    {"batch --only no such column",
     {"batch", "--only", "nope", "counts.csv"},
     NULL,
     2,
     NULL,
     E "option --only: no column 'nope' in the output (expected the name of "
       "a count or a figure the options ask for)\n"},
    {"help",
     {"periods", "--help"},
     NULL,
     0,
     NULL,
     "",
     .golden = "help/periods"},
};

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-periods-XXXXXX";

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
       Saturday 2025-01-04, Tuesday 2025-01-07, Saturday 2025-01-11. */
    run_write_fixture("weeks.csv", "id,date\n"
                                   "a,2024-12-28\n"
                                   "b,2024-12-30\n"
                                   "a,2025-01-04\n"
                                   "b,2025-01-07\n"
                                   "c,2025-01-11\n");
    run_write_fixture("leap.csv", "id,date\n"
                                  "x,2024-02-28\n"
                                  "x,2024-02-29\n"
                                  "y,2024-02-29\n"
                                  "y,2024-03-01\n");
    run_write_fixture("yearend.csv", "id,date\n"
                                     "a,2023-12-31\n"
                                     "a,2024-01-01\n"
                                     "b,2024-01-31\n");
    /* a: Jan, then back in April; b: new in April. */
    run_write_fixture("gap.csv", "id,date\n"
                                 "a,2024-01-10\n"
                                 "a,2024-04-10\n"
                                 "b,2024-04-20\n");
    run_write_fixture("events.csv", "id,date,event\n"
                                    "a,2024-01-05,signup\n"
                                    "b,2024-01-09,signup\n"
                                    "a,2024-02-01,buy\n"
                                    "b,2024-02-07,renew\n"
                                    "x,2024-02-08,buy\n"
                                    "c,2024-02-10,signup\n"
                                    "a,2024-03-03,buy\n"
                                    "c,2024-03-04,visit\n");
    run_write_fixture("subs.csv", "customer_id,start_date,end_date,plan\n"
                                  "kept,2024-01-15,,pro\n"
                                  "lost,2024-02-01,2024-03-01,basic\n"
                                  "jal,2024-02-10,2024-02-20,basic\n"
                                  "back,2024-01-05,2024-01-20,pro\n"
                                  "back,2024-03-10,,pro\n"
                                  "two,2024-01-01,2024-02-15,basic\n"
                                  "two,2024-02-10,2024-04-01,basic\n");
    /* The README's worked example of a subscription table, as it is. */
    run_write_fixture("readme_subs.csv", "customer_id,start_date,end_date\n"
                                         "ann,2024-01-01,\n"
                                         "bob,2024-01-01,2024-02-15\n"
                                         "dan,2024-01-01,2024-01-20\n"
                                         "fay,2024-01-15,2024-03-01\n"
                                         "cat,2024-02-10,\n"
                                         "fay,2024-02-10,2024-04-10\n"
                                         "dan,2024-02-20,\n"
                                         "eve,2024-03-03,2024-03-24\n");
    run_write_fixture("bad_subs.csv", "id,start,end\n"
                                      "a,2024-02-01,2024-01-01\n"
                                      "b,2024-01-10,2024-01-10\n"
                                      "c,2024-01-05,2024-03-01\n");
    run_write_fixture("named.csv", "customer_id,date,new\n"
                                   "a,2024-01-05,x\n"
                                   "a,2024-02-05,x\n"
                                   "b,2024-02-06,y\n");
    run_write_fixture("counts.csv", "period,segment,start,end,new\n"
                                    "2024-01,a,10,8,2\n");
    /* A segment's value with a line break in it. */
    run_write_fixture("nl.csv", "customer_id,date,plan\n"
                                "a,2024-01-10,\"A\nx\"\n"
                                "b,2024-01-10,B\n"
                                "b,2024-03-10,B\n");
    run_write_fixture("nl_subs.csv", "customer_id,start_date,end_date,plan\n"
                                     "a,2024-01-10,2024-02-05,\"A\nx\"\n"
                                     "b,2024-01-10,2024-02-05,B\n"
                                     "b,2024-03-10,,B\n");
    run_write_fixture("seg_subs.csv", "customer_id,start_date,end_date,plan\n"
                                      "a,2024-01-10,,pro\n"
                                      "b,2024-02-10,,basic\n");
    run_write_fixture("bad.csv", "id,date\n"
                                 "a,2024-01-05\n"
                                 ",2024-01-06\n"
                                 "a,2024-02-01\n");
}

/* Each row; under valgrind every eighth one (the full check's time budget). */
static void test_periods_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - periods_cases), 8);
}

int main(void)
{
    make_fixtures();
    return TABLE_RUN("periods", periods_cases, test_periods_row);
}
