/* cohort_warnings.c - what a run of the log warns about; see
 * cohort_log.h. */
#include <stdio.h>

#include "cohort_log.h"

#define WARNING_SIZE 256

/* "s" after a count other than 1. */
static const char *plural(uint64_t count)
{
    return count == 1 ? "" : "s";
}

/* One warning for every event the dates left out. */
static void dates_warning(const struct rt_cohort_log *log, char *buf,
                          size_t size)
{
    const struct rt_cohort_log_options *o = &log->options;
    uint64_t total = log->before_from + log->after_as_of;
    char from[RT_DATE_TEXT_LENGTH + 1] = "",
                                    as_of[RT_DATE_TEXT_LENGTH + 1] = "";
    int n;

    if (o->has_from)
        from[rt_date_write(o->from, from)] = '\0';
    if (o->has_as_of)
        as_of[rt_date_write(o->as_of, as_of)] = '\0';
    if (o->spans != RT_SPAN_BITS_NONE) {
        /* A table has no --from: only rows starting too late. */
        snprintf(buf, size,
                 "left out %llu subscription%s starting after the cut-off "
                 "--as-of %s",
                 (unsigned long long)total, plural(total), as_of);
        return;
    }
    n = snprintf(buf, size, "left out %llu event%s dated",
                 (unsigned long long)total, plural(total));
    if (n < 0 || (size_t)n >= size)
        return;
    if (log->before_from > 0 && log->after_as_of > 0)
        snprintf(buf + n, size - (size_t)n,
                 " outside %s .. %s: %llu before --from, %llu after --as-of",
                 from, as_of, (unsigned long long)log->before_from,
                 (unsigned long long)log->after_as_of);
    else if (log->before_from > 0)
        snprintf(buf + n, size - (size_t)n, " before --from %s", from);
    else
        snprintf(buf + n, size - (size_t)n, " after the cut-off --as-of %s",
                 as_of);
}

void rt_cohort_log_warnings(const struct rt_cohort_log *log,
                            const struct rt_cohort_result *result,
                            void (*each)(void *context, const char *text),
                            void *context)
{
    const struct rt_cohort_notes *notes = &result->notes;
    char text[WARNING_SIZE];

    if (log->before_from + log->after_as_of > 0) {
        dates_warning(log, text, sizeof text);
        each(context, text);
    }
    if (notes->without_cohort > 0) {
        snprintf(text, sizeof text,
                 "%llu customer%s had no start event (--start-event) and "
                 "%s in no cohort",
                 (unsigned long long)notes->without_cohort,
                 plural(notes->without_cohort),
                 notes->without_cohort == 1 ? "is" : "are");
        each(context, text);
    }
    if (notes->signup_disagrees > 0) {
        snprintf(text, sizeof text,
                 "%llu customer%s had rows that disagree on the signup date "
                 "(--cohort-col); the earliest is used",
                 (unsigned long long)notes->signup_disagrees,
                 plural(notes->signup_disagrees));
        each(context, text);
    }
    if (notes->early_customers > 0) {
        snprintf(text, sizeof text,
                 "%llu customer%s had events in %llu period%s before their "
                 "signup period (--cohort-col); those are not counted",
                 (unsigned long long)notes->early_customers,
                 plural(notes->early_customers),
                 (unsigned long long)notes->early_periods,
                 plural(notes->early_periods));
        each(context, text);
    }
}
