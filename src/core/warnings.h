/*
 * warnings.h - the warnings of a whole report, in output order: the
 * period's, then those beyond it and of revenue (internal).  Kept apart
 * from the field tables (field.h), which the reports beyond the period
 * build on, so that no table depends on another.
 */
#ifndef RETAIN_WARNINGS_H
#define RETAIN_WARNINGS_H

#include <stddef.h>

#include "field.h"
#include "retain.h"

/*
 * Calls each(context, text) for every warning in output order: the
 * period's, then those beyond it and of revenue (either may be NULL).
 */
void rt_each_warning(const struct rt_figures *figures,
                     const struct rt_lifetime *lifetime,
                     const struct rt_revenue_figures *revenue,
                     rt_warning_fn *each, void *context);

/* All warnings joined with "; ", as the CSV warnings field holds them. */
void rt_report_warnings_value(const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_revenue_figures *revenue,
                              char *buf, size_t size);

#endif
