/*
 * merge.h - the counts of retain cohorts, periods and ids as parts
 * (part.h), and back (internal).
 *
 * A command run with --partial turns what it counted into a part; retain
 * merge adds parts (rt_part_read(), rt_part_finish()) and turns the sums
 * back into the structures the command prints, so that the printing is
 * the command's own.  The options that shape a part are the CLI's to
 * record; here are the counts, the warnings' tallies and the hashes.
 */
#ifndef RETAIN_MERGE_H
#define RETAIN_MERGE_H

#include <stdbool.h>
#include <stdint.h>

#include "cohort_engine.h"
#include "cohort_log.h"
#include "cohort_periods.h"
#include "ids.h"
#include "part.h"

/* ids: the counts, what the lists held besides, the IDs' hashes. */
bool rt_merge_ids_part(const struct rt_ids *ids, struct rt_part *part);

/*
 * The summed counts of an ids merge (zero when no part had any); false
 * when more IDs were retained than there are at the start or the end.
 */
bool rt_merge_ids_counts(const struct rt_part *part, struct rt_counts *counts);

/*
 * Every --group-by value the engine saw, in the order it saw them, as the
 * part's groups, even those that no customer took (a value on a row left
 * out, or not on a customer's earliest start event): one run orders its
 * groups so, and a merge of the parts in turn orders them alike.
 */
bool rt_merge_groups_part(const struct rt_cohort_engine *engine,
                          struct rt_part *part);

/*
 * A log's tallies (rows left out, events outside the dates, ...), its
 * input's delimiter and group column name, and its customers' hashes:
 * what cohorts and periods parts share.
 */
bool rt_merge_log_part(const struct rt_cohort_log *log, struct rt_part *part);

/*
 * Sets a log's counts and names from a merge's tallies and meta, for the
 * warnings (rt_cohort_log_warnings()) and the report: the log is not
 * read, never has an engine, and points into the part (group_name).
 */
void rt_merge_log_counts(const struct rt_part *part, struct rt_cohort_log *log);

/* cohorts: every triangle's rows, and the notes of the result. */
bool rt_merge_cohorts_part(const struct rt_cohort_result *result,
                           struct rt_part *part);

/*
 * Builds the triangles of a merge, as rt_cohort_finish() would have from
 * all the customers: the columns from the earliest cohort up to
 * last_complete, max_columns at most (0: no cap); groups in the order the
 * parts gave them.  The result points into the part; free it with
 * rt_cohort_result_free().  RT_OK, RT_ERR_NOMEM.
 */
enum rt_status rt_merge_cohorts_result(const struct rt_part *part,
                                       int64_t last_complete,
                                       enum rt_cohort_mode mode,
                                       size_t max_columns,
                                       struct rt_cohort_result *result);

/*
 * periods: counts the engine's periods up to last_complete into the
 * part, and each table's period before its first row (where its first
 * customers are all new: retain periods does not print that row, but a
 * merge with a part that starts earlier needs it).  A subscription
 * table's open rows must be marked up to the bit of last_complete's end.
 * RT_OK, RT_ERR_NOMEM, RT_ERR_INVALID (the counts did not reconcile: a
 * bug).
 */
enum rt_status rt_merge_periods_part(const struct rt_cohort_engine *engine,
                                     bool spans, int64_t last_complete,
                                     struct rt_part *part);

/*
 * The rows of a merge, as rt_cohort_periods() would have counted them
 * from all the customers.  Free with rt_period_result_free(); the groups
 * point into the part.  RT_OK, RT_ERR_NOMEM.
 */
enum rt_status rt_merge_periods_result(const struct rt_part *part, bool spans,
                                       int64_t last_complete,
                                       struct rt_period_result *result);

#endif
