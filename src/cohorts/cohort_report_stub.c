/* cohort_report_stub.c - TEMPORARY: wide csv only, until cohort_report.c lands (helper "report"). */
#include <stdio.h>
#include "cohort_report.h"
enum rt_status rt_cohort_report_write(struct rt_sink *sink,
                                      const struct rt_cohort_report *report)
{
    const struct rt_cohort_triangle *t = &report->result->overall;
    char buf[64];
    size_t i, k;
    rt_sink_puts(sink, "cohort,customers");
    for (k = 0; k < report->result->columns; k++) {
        snprintf(buf, sizeof buf, ",%s%zu", rt_period_column_prefix(report->period.unit), k);
        rt_sink_puts(sink, buf);
    }
    rt_sink_put(sink, '\n');
    for (i = 0; i < t->row_count; i++) {
        rt_period_label(&report->period, (int32_t)t->rows[i].cohort, buf);
        rt_sink_puts(sink, buf);
        snprintf(buf, sizeof buf, ",%llu", (unsigned long long)t->rows[i].customers);
        rt_sink_puts(sink, buf);
        for (k = 0; k < report->result->columns; k++) {
            rt_sink_put(sink, ',');
            if (rt_cohort_cell_format(&t->rows[i], k, report->precision, buf, sizeof buf) == RT_OK)
                rt_sink_puts(sink, buf);
        }
        rt_sink_put(sink, '\n');
    }
    return RT_OK;
}
