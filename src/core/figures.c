/*
 * figures.c - the retention figures of one period.
 *
 * retained = E - N and lost = S - retained are kept exact even when the
 * counts contradict each other (retained < 0, or lost beyond 63 bits), so
 * the warnings can show the real numbers.  Each rate is rounded on its own
 * from its exact ratio, as the README promises.
 */
#include <string.h>

#include "digits.h"
#include "percent.h"
#include "retain.h"

/* a - w, exact: |result| <= 2^63 - 1 + 2^63 - 1 fits in 64 bits. */
static struct rt_wide subtract_wide(uint64_t a, struct rt_wide w)
{
    struct rt_wide d;

    if (w.negative) {
        d.negative = false;
        d.magnitude = a + w.magnitude;
        return d;
    }
    return rt_wide_difference(a, w.magnitude);
}

/*
 * Sets a rate and its complement (retention and churn, or the simple
 * pair): with one division where the numbers allow, as they do for every
 * realistic count, otherwise each on its own.
 */
static enum rt_status set_pair(struct rt_rate *rate, struct rt_rate *other,
                               struct rt_wide num, struct rt_wide other_num,
                               uint64_t den, unsigned precision)
{
    enum rt_status status;

    if (rt_rate_split(num, den, precision, rate, other))
        return RT_OK;
    status = rt_rate_set(rate, num, den, precision);
    return status == RT_OK ? rt_rate_set(other, other_num, den, precision)
                           : status;
}

/* Marks a rate that the counts do not define. */
static void unknown_rate(struct rt_rate *rate)
{
    rate->known = false;
    rate->len = 0;
    rate->text[0] = '\0';
}

/*
 * Every field is set on every path that returns RT_OK, and no more: batch
 * calls this for each row, and clearing the whole struct first (mostly
 * rate texts) showed up in its profile.
 */
enum rt_status rt_figures_compute(const struct rt_counts *counts,
                                  unsigned precision, struct rt_figures *out)
{
    static const struct rt_wide zero = {false, 0};
    struct rt_wide end = {false, counts->end}, retained, lost;
    uint64_t start = counts->start;
    enum rt_status status;

    if (counts->start > RT_COUNT_MAX || counts->end > RT_COUNT_MAX ||
        (counts->has_new && counts->new_customers > RT_COUNT_MAX))
        return RT_ERR_RANGE;
    if (precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    if (start == 0)
        return RT_ERR_ZERO_START;
    out->counts = *counts;
    out->precision = precision;
    out->warnings = 0;
    status = set_pair(&out->simple_retention_rate, &out->simple_churn_rate, end,
                      rt_wide_difference(start, counts->end), start, precision);
    if (status != RT_OK || !counts->has_new) {
        out->retained = out->lost = zero;
        unknown_rate(&out->retention_rate);
        unknown_rate(&out->churn_rate);
        return status;
    }
    retained = rt_wide_difference(counts->end, counts->new_customers);
    lost = subtract_wide(start, retained);
    out->retained = retained;
    out->lost = lost;
    if (retained.negative)
        out->warnings = RT_WARN_NEW_ABOVE_END;
    else if (retained.magnitude > start)
        out->warnings = RT_WARN_RETAINED_ABOVE_START;
    return set_pair(&out->retention_rate, &out->churn_rate, retained, lost,
                    start, precision);
}

size_t rt_warning_text(const struct rt_figures *figures,
                       enum rt_warning warning, char *buf, size_t size)
{
    char start[RT_NUMBER_TEXT_SIZE], end[RT_NUMBER_TEXT_SIZE];
    char new_count[RT_NUMBER_TEXT_SIZE], retained[RT_NUMBER_TEXT_SIZE];
    struct rt_wide s = {false, figures->counts.start};
    struct rt_wide e = {false, figures->counts.end};
    struct rt_wide n = {false, figures->counts.new_customers};
    int len = 0;

    rt_wide_format(s, start);
    rt_wide_format(e, end);
    rt_wide_format(n, new_count);
    rt_wide_format(figures->retained, retained);
    if (warning == RT_WARN_NEW_ABOVE_END)
        len = snprintf(buf, size,
                       "new (%s) is greater than end (%s): retained = "
                       "end - new = %s, but no count of customers can be "
                       "negative",
                       new_count, end, retained);
    else if (warning == RT_WARN_RETAINED_ABOVE_START)
        len = snprintf(buf, size,
                       "end - new (%s - %s = %s) is greater than start (%s): "
                       "more customers retained than there were at the start",
                       end, new_count, retained, start);
    else if (size > 0)
        buf[0] = '\0';
    if (len < 0)
        len = 0;
    if (size > 0 && (size_t)len >= size)
        len = (int)size - 1;
    return (size_t)len;
}
