/* cohort_state.c - see cohort_state.h. */
#include "cohort_state.h"

void rt_cohort_log_report(const struct rt_cohort_log *log,
                          enum rt_severity severity, const char *file,
                          uint64_t line, const char *message)
{
    log->reporter.report(log->reporter.context, severity, file, line, message);
}
