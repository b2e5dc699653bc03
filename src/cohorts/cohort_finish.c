/*
 * cohort_finish.c - the triangles of a fed cohort engine; see
 * cohort_engine.h.
 *
 * Three walks over the customers: the first finds each triangle's range
 * of cohorts, the second counts the cohorts' sizes in a table over that
 * range (which then maps each cohort to its row), the third counts the
 * active customers of each cell.  The tables cost 8 bytes per period of
 * each triangle's range, whether a cohort starts there or not.
 */
#include <stdlib.h>
#include <string.h>

#include "cohort_customer.h"
#include "cohort_engine.h"

/* One triangle's cohorts while it is built, periods relative. */
struct span {
    int64_t low, high; /* low > high: no cohort yet */
    uint64_t *slots;   /* per cohort low..high: its size, then its row */
};

struct build {
    const struct rt_cohort_engine *engine;
    struct rt_cohort_result *result;
    int64_t last;       /* the cut-off, relative to the origin */
    size_t *segments;   /* the segment set's entries, in ascending order */
    struct span *spans; /* per group, and the overall one last */
};

static struct rt_cohort_triangle *triangle(struct build *b, size_t t)
{
    return t < b->result->group_count ? &b->result->groups[t]
                                      : &b->result->overall;
}

/* Lists the segments and makes a triangle and a span for each. */
static enum rt_status start_groups(struct build *b)
{
    const struct rt_idset *set = &b->engine->segments;
    size_t count = set->count, entry = 0, i, len;
    const char *id;
    unsigned flags;

    b->segments = malloc((count ? count : 1) * sizeof *b->segments);
    b->spans = calloc(count + 1, sizeof *b->spans);
    b->result->groups = calloc(count ? count : 1, sizeof *b->result->groups);
    if (!b->segments || !b->spans || !b->result->groups)
        return RT_ERR_NOMEM;
    b->result->group_count = count;
    for (i = 0; i < count; i++) {
        b->segments[i] = entry;
        (void)rt_idset_next(set, &entry, &id, &len, &flags);
        b->result->groups[i].group = id;
        b->result->groups[i].group_len = len;
    }
    for (i = 0; i <= count; i++) {
        b->spans[i].low = INT64_MAX;
        b->spans[i].high = INT64_MIN;
    }
    return RT_OK;
}

/* The group of a segment entry, or SIZE_MAX for none. */
static size_t group_of(const struct build *b, uint32_t segment)
{
    size_t low = 0, high = b->result->group_count;

    if (segment == COHORT_NO_SEGMENT)
        return SIZE_MAX;
    while (low < high) {
        size_t mid = low + (high - low) / 2;

        if (b->segments[mid] < segment)
            low = mid + 1;
        else
            high = mid;
    }
    return low < b->result->group_count && b->segments[low] == segment
               ? low
               : SIZE_MAX;
}

/* Return activity before the signup period, for the notes. */
static void note_early(struct build *b, const struct cohort_customer *customer)
{
    struct cohort_bit_walk walk;
    uint64_t periods = 0;
    int64_t period;

    cohort_bit_walk_start(&walk, customer, INT64_MIN, customer->signup - 1);
    while (cohort_bit_walk_next(&walk, &period))
        periods++;
    b->result->notes.early_periods += periods;
    b->result->notes.early_customers += periods > 0;
}

static void widen(struct span *span, int64_t cohort)
{
    if (cohort < span->low)
        span->low = cohort;
    if (cohort > span->high)
        span->high = cohort;
}

/* The first walk: each triangle's range, and the notes. */
static void find_ranges(struct build *b)
{
    struct rt_cohort_notes *notes = &b->result->notes;
    struct cohort_customer customer;
    size_t entry = 0, group;
    int32_t cohort;

    while (cohort_customer_next(b->engine, &entry, &customer)) {
        if (customer.flags & COHORT_SIGNUP_DISAGREES)
            notes->signup_disagrees++;
        cohort = cohort_customer_cohort(b->engine, &customer);
        if (cohort == COHORT_NO_PERIOD) {
            notes->without_cohort++;
            continue;
        }
        if (b->engine->from_signup)
            note_early(b, &customer);
        group = group_of(b, customer.segment);
        if (group != SIZE_MAX)
            widen(&b->spans[group], cohort);
        widen(&b->spans[b->result->group_count], cohort);
    }
}

/*
 * Columns run to the last observed cell of the earliest cohort, capped;
 * a cohort's cells are observed up to the cut-off.
 */
static size_t observed_of(const struct build *b, int64_t cohort)
{
    uint64_t reach;

    if (b->last < cohort)
        return 0;
    reach = (uint64_t)(b->last - cohort) + 1;
    return reach < b->result->columns ? (size_t)reach : b->result->columns;
}

static enum rt_status make_slots(struct build *b)
{
    size_t t;

    for (t = 0; t <= b->result->group_count; t++) {
        struct span *span = &b->spans[t];

        if (span->low > span->high)
            continue;
        span->slots =
            calloc((size_t)(span->high - span->low) + 1, sizeof *span->slots);
        if (!span->slots)
            return RT_ERR_NOMEM;
    }
    return RT_OK;
}

/* The second walk: each cohort's size. */
static void count_sizes(struct build *b)
{
    struct cohort_customer customer;
    size_t entry = 0, group;
    int32_t cohort;

    while (cohort_customer_next(b->engine, &entry, &customer)) {
        struct span *overall = &b->spans[b->result->group_count];

        cohort = cohort_customer_cohort(b->engine, &customer);
        if (cohort == COHORT_NO_PERIOD)
            continue;
        /* Every span with a cohort has its slots (find_ranges). */
        group = group_of(b, customer.segment);
        if (group != SIZE_MAX && b->spans[group].slots)
            b->spans[group].slots[cohort - b->spans[group].low]++;
        if (overall->slots)
            overall->slots[cohort - overall->low]++;
    }
}

/* A triangle's rows, in time order; each slot then holds its row. */
static enum rt_status make_rows(struct build *b, size_t t)
{
    struct rt_cohort_triangle *tri = triangle(b, t);
    struct span *span = &b->spans[t];
    size_t i, count = 0, range;

    if (!span->slots)
        return RT_OK;
    range = (size_t)(span->high - span->low) + 1;
    for (i = 0; i < range; i++)
        count += span->slots[i] != 0;
    tri->rows = calloc(count ? count : 1, sizeof *tri->rows);
    if (!tri->rows)
        return RT_ERR_NOMEM;
    for (i = 0; i < range; i++) {
        struct rt_cohort_row *row = &tri->rows[tri->row_count];

        if (!span->slots[i])
            continue;
        row->cohort = b->engine->origin + span->low + (int64_t)i;
        row->customers = span->slots[i];
        row->observed = observed_of(b, span->low + (int64_t)i);
        tri->customers += row->customers;
        span->slots[i] = tri->row_count++;
        if (row->observed &&
            !(row->active = calloc(row->observed, sizeof *row->active)))
            return RT_ERR_NOMEM;
    }
    return RT_OK;
}

/*
 * Counts one customer of cohort `cohort` into a row (and a second one,
 * when not NULL): in `on` mode each active cell; in `on-or-after` mode
 * only the last active one, which running sums then spread to the cells
 * before it.
 */
static void count_customer(const struct build *b,
                           const struct cohort_customer *customer,
                           int64_t cohort, struct rt_cohort_row *row,
                           struct rt_cohort_row *other)
{
    struct cohort_bit_walk walk;
    int64_t period, last = -1;
    size_t k;

    if (!row->observed)
        return;
    if (b->result->mode == RT_COHORT_ON) {
        cohort_bit_walk_start(&walk, customer, cohort,
                              cohort + (int64_t)row->observed - 1);
        while (cohort_bit_walk_next(&walk, &period)) {
            row->active[period - cohort]++;
            if (other)
                other->active[period - cohort]++;
        }
        return;
    }
    /* Later activity counts however far on, in periods complete or not:
       the customer did come back at k or after (events after the cut-off
       date never reach the engine). */
    cohort_bit_walk_start(&walk, customer, cohort, INT64_MAX);
    while (cohort_bit_walk_next(&walk, &period))
        last = period - cohort;
    if (last < 0)
        return;
    k = (uint64_t)last < row->observed ? (size_t)last : row->observed - 1;
    row->active[k]++;
    if (other)
        other->active[k]++;
}

/* The row of a cohort in triangle t; NULL only where find_ranges() and
 * count_sizes() disagree, which they cannot. */
static struct rt_cohort_row *row_of(struct build *b, size_t t, int64_t cohort)
{
    const struct span *span = &b->spans[t];

    if (!span->slots)
        return NULL;
    return &triangle(b, t)->rows[span->slots[cohort - span->low]];
}

/* The third walk: the active customers. */
static void count_active(struct build *b)
{
    struct rt_cohort_row *all;
    struct cohort_customer customer;
    size_t entry = 0, group;
    int32_t cohort;

    while (cohort_customer_next(b->engine, &entry, &customer)) {
        cohort = cohort_customer_cohort(b->engine, &customer);
        if (cohort == COHORT_NO_PERIOD || customer.words == 0)
            continue;
        all = row_of(b, b->result->group_count, cohort);
        group = group_of(b, customer.segment);
        if (all)
            count_customer(b, &customer, cohort, all,
                           group != SIZE_MAX ? row_of(b, group, cohort) : NULL);
    }
}

/* In on-or-after mode, cell k counts the customers last active at k or on. */
static void spread(struct rt_cohort_triangle *tri)
{
    size_t i, k;

    for (i = 0; i < tri->row_count; i++)
        for (k = tri->rows[i].observed; k-- > 1;)
            tri->rows[i].active[k - 1] += tri->rows[i].active[k];
}

enum rt_status rt_cohort_make_average(struct rt_cohort_triangle *tri,
                                      size_t columns)
{
    struct rt_cohort_average *average = &tri->average;
    size_t i, k, n = columns ? columns : 1;

    tri->columns = columns;
    average->cohorts = calloc(n, sizeof *average->cohorts);
    average->customers = calloc(n, sizeof *average->customers);
    average->active = calloc(n, sizeof *average->active);
    if (!average->cohorts || !average->customers || !average->active)
        return RT_ERR_NOMEM;
    for (i = 0; i < tri->row_count; i++)
        for (k = 0; k < tri->rows[i].observed; k++) {
            average->cohorts[k]++;
            average->customers[k] += tri->rows[i].customers;
            average->active[k] += tri->rows[i].active[k];
        }
    return RT_OK;
}

/*
 * Columns k = 0 up to the last observed cell of the earliest cohort, and
 * k = 0 at least when there is a cohort: a table whose first period has
 * not ended shows that column empty rather than no column at all.
 */
static void set_columns(struct build *b, size_t max_columns)
{
    const struct span *overall = &b->spans[b->result->group_count];
    uint64_t reach;

    b->result->columns = 0;
    if (overall->low > overall->high)
        return;
    b->result->columns = 1;
    if (b->last < overall->low)
        return;
    reach = (uint64_t)(b->last - overall->low) + 1;
    b->result->columns = max_columns && reach > max_columns ? max_columns
                         : reach > SIZE_MAX                 ? SIZE_MAX
                                                            : (size_t)reach;
}

static enum rt_status build_triangles(struct build *b, size_t max_columns)
{
    enum rt_status status = start_groups(b);
    size_t t;

    if (status != RT_OK)
        return status;
    find_ranges(b);
    set_columns(b, max_columns);
    status = make_slots(b);
    if (status != RT_OK)
        return status;
    count_sizes(b);
    for (t = 0; t <= b->result->group_count && status == RT_OK; t++)
        status = make_rows(b, t);
    if (status != RT_OK)
        return status;
    count_active(b);
    for (t = 0; t <= b->result->group_count && status == RT_OK; t++) {
        if (b->result->mode == RT_COHORT_ON_OR_AFTER)
            spread(triangle(b, t));
        status = rt_cohort_make_average(triangle(b, t), b->result->columns);
    }
    return status;
}

/*
 * The cut-off relative to the origin, clamped: a cut-off 2^62 periods
 * away observes what one 2^31 away does.
 */
static int64_t relative_cutoff(const struct rt_cohort_engine *engine,
                               int64_t last_complete)
{
    const int64_t reach = (int64_t)1 << 32;

    if (last_complete >= 0 && engine->origin < 0 &&
        last_complete > INT64_MAX + engine->origin)
        return reach;
    if (last_complete < 0 && engine->origin > 0 &&
        last_complete < INT64_MIN + engine->origin)
        return -reach;
    last_complete -= engine->origin;
    return last_complete > reach    ? reach
           : last_complete < -reach ? -reach
                                    : last_complete;
}

static void free_triangle(struct rt_cohort_triangle *tri)
{
    size_t i;

    for (i = 0; i < tri->row_count; i++)
        free(tri->rows[i].active);
    free(tri->rows);
    free(tri->average.cohorts);
    free(tri->average.customers);
    free(tri->average.active);
}

/* Leaves out the groups no customer ended in. */
static void drop_empty_groups(struct rt_cohort_result *result)
{
    size_t i, kept = 0;

    for (i = 0; i < result->group_count; i++) {
        if (result->groups[i].row_count)
            result->groups[kept++] = result->groups[i];
        else
            free_triangle(&result->groups[i]);
    }
    result->group_count = kept;
}

enum rt_status rt_cohort_finish(const struct rt_cohort_engine *engine,
                                int64_t last_complete, enum rt_cohort_mode mode,
                                size_t max_columns,
                                struct rt_cohort_result *result)
{
    struct build b = {engine, result, 0, NULL, NULL};
    enum rt_status status;
    size_t t;

    memset(result, 0, sizeof *result);
    if (mode != RT_COHORT_ON && mode != RT_COHORT_ON_OR_AFTER)
        return RT_ERR_INVALID;
    result->mode = mode;
    result->last_complete = last_complete;
    result->key[0] = engine->key[0];
    result->key[1] = engine->key[1];
    b.last = relative_cutoff(engine, last_complete);
    status = build_triangles(&b, max_columns);
    for (t = 0; b.spans && t <= result->group_count; t++)
        free(b.spans[t].slots);
    free(b.spans);
    free(b.segments);
    if (status != RT_OK) {
        rt_cohort_result_free(result);
        return status;
    }
    drop_empty_groups(result);
    return RT_OK;
}

void rt_cohort_result_free(struct rt_cohort_result *result)
{
    size_t i;

    for (i = 0; i < result->group_count; i++)
        free_triangle(&result->groups[i]);
    free(result->groups);
    free_triangle(&result->overall);
    memset(result, 0, sizeof *result);
}
