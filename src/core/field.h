/*
 * field.h - the values of the named figures, as every output format and
 * --only show them, and the warnings of a report (internal).  The names
 * and rt_field_value() are public (retain.h).
 */
#ifndef RETAIN_FIELD_H
#define RETAIN_FIELD_H

#include <stddef.h>

#include "retain.h"

/*
 * Calls each(context, text) for every warning in output order: the
 * period's, then those beyond it and of revenue (either may be NULL).
 */
void rt_each_warning(const struct rt_figures *figures,
                     const struct rt_lifetime *lifetime,
                     const struct rt_revenue_figures *revenue,
                     void (*each)(void *context, const char *text),
                     void *context);

/* All warnings joined with "; ", as the CSV warnings field holds them. */
void rt_report_warnings_value(const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_revenue_figures *revenue,
                              char *buf, size_t size);

#endif
