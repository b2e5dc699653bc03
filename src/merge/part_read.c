/* part_read.c - reading a part and adding it to others; see part.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "part.h"
#include "period.h"

/* A part's fields are short, but a cohort line has a field per column. */
#define FIELD_MAX ((size_t)1 << 20)

/*
 * What the options of the part being read allow its data lines, worked
 * out at its first line after the options: every part that --partial
 * writes keeps to them, an edited one may not.
 */
struct limits {
    bool known;
    int64_t low;      /* the period of the earliest date, 0001-01-01 */
    int64_t as_of;    /* the period that holds --as-of */
    int64_t last;     /* the last complete period by --as-of */
    uint64_t columns; /* cohorts: cells a row may have (--max-periods + 1) */
    bool spans;
};

/* One record of the part being read, its fields unquoted into text. */
struct reader {
    const char *buf;
    size_t len, pos;
    uint64_t line, next_line; /* the record's first line; the next one's */
    char *text;
    size_t text_len, text_cap;
    size_t *starts, *lens;
    size_t count, cap;
    const char *name;
    struct rt_reporter reporter;
    const char *problem; /* why reading failed, for the message */
    bool reported;       /* a failure was reported (not out of memory) */
    struct limits limits;
    struct rt_part_record previous; /* the last data line read (no values) */
    uint64_t previous_end;          /* periods: its END */
    bool has_previous;
};

static bool text_put(struct reader *r, char c)
{
    if (r->text_len == r->text_cap) {
        size_t cap = r->text_cap ? r->text_cap * 2 : 256;
        char *more = realloc(r->text, cap);

        if (!more)
            return false;
        r->text = more;
        r->text_cap = cap;
    }
    r->text[r->text_len++] = c;
    return true;
}

/* Fields end in a NUL, for the number parsers: after each, one. */
static bool field_start(struct reader *r)
{
    if (r->count > 0 && !text_put(r, '\0'))
        return false;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        size_t *starts =
            cap <= FIELD_MAX ? realloc(r->starts, cap * sizeof *starts) : NULL;
        size_t *lens;

        if (!starts)
            return false;
        r->starts = starts;
        if (!(lens = realloc(r->lens, cap * sizeof *lens)))
            return false;
        r->lens = lens;
        r->cap = cap;
    }
    r->starts[r->count] = r->text_len;
    r->lens[r->count++] = 0;
    return true;
}

/* One byte of a field's text.  A NUL byte is refused (r->problem): names
   and values are C strings after, and a NUL would cut one short. */
static bool field_byte(struct reader *r, char c)
{
    if (c == '\0') {
        r->problem = "text without NUL bytes";
        return false;
    }
    if (!text_put(r, c))
        return false;
    r->lens[r->count - 1]++;
    return true;
}

/* A quoted field's bytes, up to its closing quote; false if unclosed. */
static bool quoted_field(struct reader *r)
{
    r->pos++;
    while (r->pos < r->len) {
        char c = r->buf[r->pos++];

        if (c == '"' && (r->pos == r->len || r->buf[r->pos] != '"'))
            return true;
        if (c == '"')
            r->pos++;
        if (c == '\n')
            r->next_line++;
        if (!field_byte(r, c))
            return false;
    }
    r->problem = "a closing quote";
    return false;
}

/*
 * Reads the next record (RFC 4180, LF or CR LF line ends): 1, 0 at the
 * end of the part, -1 when malformed (r->problem) or out of memory.
 */
static int next_record(struct reader *r)
{
    size_t quoted = 0; /* the last field's bytes from within quotes */

    r->count = r->text_len = 0;
    r->line = r->next_line;
    if (r->pos == r->len)
        return 0;
    for (;;) {
        if (!field_start(r))
            return -1;
        if (r->pos < r->len && r->buf[r->pos] == '"' && !quoted_field(r))
            return -1;
        quoted = r->lens[r->count - 1];
        while (r->pos < r->len && r->buf[r->pos] != ',' &&
               r->buf[r->pos] != '\n') {
            if (r->buf[r->pos] == '"') {
                r->problem = "a quote only around a whole field";
                return -1;
            }
            if (!field_byte(r, r->buf[r->pos++]))
                return -1;
        }
        if (r->pos == r->len || r->buf[r->pos++] == '\n')
            break;
    }
    r->next_line++;
    if (!text_put(r, '\0'))
        return -1;
    /* A CR before the line end, not one inside quotes. */
    if (r->lens[r->count - 1] > quoted &&
        r->text[r->starts[r->count - 1] + r->lens[r->count - 1] - 1] == '\r')
        r->text[r->starts[r->count - 1] + --r->lens[r->count - 1]] = '\0';
    return 1;
}

static const char *field(const struct reader *r, size_t i)
{
    return r->text + r->starts[i];
}

static bool field_is(const struct reader *r, size_t i, const char *text)
{
    return i < r->count && r->lens[i] == strlen(text) &&
           memcmp(field(r, i), text, r->lens[i]) == 0;
}

/* Says what was expected at the record, as FILE:LINE: expected .... */
static bool expected(struct reader *r, const char *what)
{
    char message[RT_MESSAGE_SIZE];

    r->reported = true;
    snprintf(message, sizeof message, "expected %s", what);
    r->reporter.report(r->reporter.context, RT_SEVERITY_ERROR, r->name, r->line,
                       message);
    return false;
}

/*
 * Digits of a number below 2^64: no sign, no space, at least one, and no
 * leading zero (a part writes none: "01" is an edit).
 */
static bool parse_u64(const char *text, size_t len, uint64_t *out)
{
    uint64_t value = 0;
    size_t i;

    if (len > 1 && text[0] == '0')
        return false;

    for (i = 0; i < len; i++) {
        unsigned digit = (unsigned)(unsigned char)text[i] - '0';

        if (digit > 9 || value > (UINT64_MAX - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    *out = value;
    return len > 0;
}

static bool count_field(const struct reader *r, size_t i, uint64_t *out)
{
    return i < r->count && parse_u64(field(r, i), r->lens[i], out);
}

/* An integer with an optional minus sign, or empty: RT_PART_NO_PERIOD. */
static bool period_field(const struct reader *r, size_t i, int64_t *out)
{
    bool minus = r->lens[i] > 0 && field(r, i)[0] == '-';
    uint64_t magnitude;

    if (r->lens[i] == 0) {
        *out = RT_PART_NO_PERIOD;
        return true;
    }
    if (!parse_u64(field(r, i) + minus, r->lens[i] - minus, &magnitude) ||
        magnitude > (uint64_t)INT64_MAX)
        return false;
    *out = minus ? -(int64_t)magnitude : (int64_t)magnitude;
    return true;
}

static bool hash_field(const struct reader *r, size_t i, uint64_t *out)
{
    const char *text = field(r, i);
    size_t k;

    if (r->lens[i] != 16)
        return false;
    for (*out = 0, k = 0; k < 16; k++) {
        const char *digit = strchr("0123456789abcdef", text[k]);

        if (!digit || text[k] == '\0')
            return false;
        *out = *out << 4 | (uint64_t)(digit - "0123456789abcdef");
    }
    return true;
}

/* The values of a data line of each command. */
static bool values_fit(const struct rt_part *part, size_t count)
{
    if (strcmp(part->command, "ids") == 0)
        return count == 3;
    if (strcmp(part->command, "periods") == 0)
        return count == 8;
    return count >= 1;
}

static bool read_first(struct reader *r, struct rt_part *in)
{
    uint64_t version;

    if (!field_is(r, 0, RT_PART_FORMAT) || r->count != 3)
        return expected(r, "a part of retain's (a first line "
                           "'retain-partial,1,COMMAND', as --partial writes)");
    if (!count_field(r, 1, &version) || version != RT_PART_VERSION)
        return expected(r, "version 1 of the part format (a newer retain "
                           "may have written this one)");
    if (!field_is(r, 2, "cohorts") && !field_is(r, 2, "periods") &&
        !field_is(r, 2, "ids"))
        return expected(r, "a part of cohorts, periods or ids");
    rt_part_init(in, field(r, 2));
    return true;
}

static bool read_group(struct reader *r, struct rt_part *in)
{
    uint64_t index;
    size_t at;

    if (r->count != 3 || !count_field(r, 1, &index) || index != in->group_count)
        return expected(r, "group,INDEX,VALUE with the groups numbered 0, 1, "
                           "... in order");
    if (!rt_part_group(in, field(r, 2), r->lens[2], &at))
        return false;
    if (at != index)
        return expected(r, "each group value once");
    return true;
}

/* The place of a data line in the order a part writes them. */
static int record_order_of(const struct rt_part_record *x,
                           const struct rt_part_record *y)
{
    size_t gx = x->group == RT_PART_OVERALL ? 0 : x->group + 1;
    size_t gy = y->group == RT_PART_OVERALL ? 0 : y->group + 1;

    if (gx != gy)
        return gx < gy ? -1 : 1;
    return x->period < y->period ? -1 : x->period > y->period ? 1 : 0;
}

/* The cells a cohort of `period` has by the cut-off, as --partial wrote. */
static uint64_t cells_of(const struct limits *limits, int64_t period)
{
    uint64_t reach;

    if (limits->last < period)
        return 0;
    reach = (uint64_t)(limits->last - period) + 1;
    return reach < limits->columns ? reach : limits->columns;
}

/* A cohort line: a period and cells the options allow, active <= size. */
static bool cohort_fits(struct reader *r, int64_t period, const uint64_t *v,
                        size_t count)
{
    size_t k;

    if (period < r->limits.low || period > r->limits.as_of)
        return expected(r, "a cohort's period between 0001-01-01's and the "
                           "one of --as-of");
    if (count - 1 > cells_of(&r->limits, period))
        return expected(r, "no more active counts than the periods from the "
                           "cohort's to the last complete one (and "
                           "--max-periods) allow");
    for (k = 1; k < count; k++)
        if (v[k] > v[0])
            return expected(r, "active counts no greater than the cohort's "
                               "CUSTOMERS");
    return true;
}

/* A period line: a period the options allow, counts that reconcile. */
static bool period_fits(struct reader *r, const struct rt_part_record *x,
                        const uint64_t *v)
{
    if (x->period < r->limits.low - 1 || x->period > r->limits.last)
        return expected(r, "a period between 0001-01-01's and the last "
                           "complete one by --as-of");
    if (v[3] > v[0] || v[2] != v[0] - v[3] || v[2] > v[1] ||
        v[4] != v[1] - v[2] || v[5] > v[4] || v[6] != v[4] - v[5] ||
        (!r->limits.spans && v[7] != 0))
        return expected(r, "counts that reconcile: RETAINED + LOST = START, "
                           "RETAINED + NEW = END, FIRST_TIME + RETURNING = "
                           "NEW, JOINED_AND_LEFT 0 without --spans");
    if (r->has_previous && r->previous.group == x->group &&
        r->previous.period + 1 == x->period && r->previous_end != v[0])
        return expected(r, "START equal to the END of the period before");
    return true;
}

/* A data line after the one before: in order, once, within the limits. */
static bool record_fits(struct reader *r, const struct rt_part *in,
                        const struct rt_part_record *x, const uint64_t *v,
                        size_t count)
{
    if (r->has_previous && record_order_of(&r->previous, x) >= 0)
        return expected(r, "each GROUP,PERIOD once, in order: everyone's "
                           "first, then each group's, by period (as "
                           "--partial writes them)");
    if (strcmp(in->command, "cohorts") == 0 &&
        !cohort_fits(r, x->period, v, count))
        return false;
    if (strcmp(in->command, "periods") == 0 && !period_fits(r, x, v))
        return false;
    r->previous = *x;
    r->previous_end = count > 1 ? v[1] : 0;
    r->has_previous = true;
    return true;
}

static bool read_data(struct reader *r, struct rt_part *in)
{
    uint64_t group = RT_PART_OVERALL, *values = NULL;
    struct rt_part_record record;
    int64_t period;
    size_t i;
    bool ok;

    if (r->count < 3 || !values_fit(in, r->count - 3) ||
        (r->lens[1] > 0 &&
         (!count_field(r, 1, &group) || group >= in->group_count)) ||
        !period_field(r, 2, &period))
        return expected(r, strcmp(in->command, "ids") == 0
                               ? "ids,,,START,END,RETAINED"
                           : strcmp(in->command, "periods") == 0
                               ? "period,GROUP,PERIOD and 8 counts"
                               : "cohort,GROUP,PERIOD,CUSTOMERS,ACTIVE...");
    values = malloc((r->count - 3) * sizeof *values);
    if (!values)
        return false;
    for (i = 3; i < r->count; i++)
        if (!count_field(r, i, &values[i - 3]) ||
            values[i - 3] > RT_COUNT_MAX) {
            free(values);
            return expected(r, "counts: whole numbers up to 2^63 - 1");
        }
    record = (struct rt_part_record){(size_t)group, period, NULL, 0};
    ok = record_fits(r, in, &record, values, r->count - 3) &&
         rt_part_record(in, (size_t)group, period, values, r->count - 3);
    free(values);
    return ok;
}

static bool read_hash(struct reader *r, struct rt_part *in)
{
    uint64_t hash;

    if (r->count != 2 || !hash_field(r, 1, &hash))
        return expected(r, "hash,HHHHHHHHHHHHHHHH (16 lower-case hex digits)");
    if ((in->hash_count > 0 && hash <= in->hashes[in->hash_count - 1]) ||
        in->hash_count == RT_PART_HASHES)
        return expected(r, "at most 64 hashes, in ascending order");
    in->hashes[in->hash_count++] = hash;
    return true;
}

/* The tallies (and maxima) each command writes: no other adds up. */
static const struct {
    const char *commands, *name;
    bool max;
} known_tallies[] = {
    {"cohorts periods", "rows_left_out", false},
    {"cohorts periods", "inputs_skipped", false},
    {"cohorts periods", "blank_lines", false},
    {"cohorts periods", "empty_spans", false},
    {"cohorts periods", "before_from", false},
    {"cohorts periods", "after_as_of", false},
    {"cohorts", "without_cohort", false},
    {"cohorts", "signup_disagrees", false},
    {"cohorts", "early_customers", false},
    {"cohorts", "early_periods", false},
    {"periods", "last_data", true},
    {"ids", "start_blank_lines", false},
    {"ids", "start_duplicates", false},
    {"ids", "end_blank_lines", false},
    {"ids", "end_duplicates", false},
};

static bool tally_known(const struct reader *r, const struct rt_part *in,
                        bool max)
{
    size_t i;

    for (i = 0; i < sizeof known_tallies / sizeof known_tallies[0]; i++)
        if (field_is(r, 1, known_tallies[i].name) &&
            known_tallies[i].max == max &&
            strstr(known_tallies[i].commands, in->command))
            return true;
    return false;
}

/* A date as a part writes one: YYYY-MM-DD, a real day. */
static bool canonical_day(const char *text, size_t len, int32_t *day)
{
    char written[RT_DATE_TEXT_LENGTH + 1];

    return len == RT_DATE_TEXT_LENGTH &&
           rt_date_parse(text, len, RT_DATE_AS_WRITTEN, day) == RT_DATE_OK &&
           rt_date_write(*day, written) == len &&
           memcmp(written, text, len) == 0;
}

/* The values of the options the limits are worked out from. */
static bool option_fits(struct reader *r)
{
    const char *value = field(r, 2);
    enum rt_period unit;
    enum rt_weekday weekday;
    uint64_t number;
    int32_t day;

    if (field_is(r, 1, "as-of") || field_is(r, 1, "from"))
        return r->lens[2] == 0 || canonical_day(value, r->lens[2], &day) ||
               expected(r, "a date YYYY-MM-DD (as --partial writes it)");
    if (field_is(r, 1, "period"))
        return rt_period_lookup(value, &unit) ||
               expected(r, "a period: day, week, month, quarter or year");
    if (field_is(r, 1, "week-start"))
        return rt_period_weekday_lookup(value, &weekday) ||
               expected(r, "a weekday, monday to sunday");
    if (field_is(r, 1, "max-periods"))
        return r->lens[2] == 0 ||
               (parse_u64(value, r->lens[2], &number) &&
                number < RT_COUNT_MAX) ||
               expected(r, "--max-periods: a whole number");
    return true;
}

static bool read_named(struct reader *r, struct rt_part *in)
{
    uint64_t value;
    bool max = field_is(r, 0, "max");

    if (field_is(r, 0, "option") || field_is(r, 0, "meta")) {
        if (r->count != 3)
            return expected(r, "NAME,VALUE after option or meta");
        if (field_is(r, 0, "meta"))
            return rt_part_meta(in, field(r, 1), field(r, 2));
        return option_fits(r) && rt_part_option(in, field(r, 1), field(r, 2));
    }
    if (r->count != 3 || !count_field(r, 2, &value))
        return expected(r, "NAME,COUNT after tally or max");
    if (!tally_known(r, in, max))
        return expected(r, max ? "a maximum this command's parts have "
                                 "(periods: last_data)"
                               : "a tally this command's parts have (see "
                                 "the part format in the README)");
    if (rt_part_tally_value(in, field(r, 1)) != 0)
        return expected(r, "each tally once");
    return rt_part_tally(in, field(r, 1), value, max);
}

/* The limits of a cohorts or periods part, from its options. */
static bool find_limits(struct reader *r, const struct rt_part *in)
{
    const char *as_of = rt_part_option_value(in, "as-of");
    const char *period = rt_part_option_value(in, "period");
    const char *week_start = rt_part_option_value(in, "week-start");
    const char *max_periods = rt_part_option_value(in, "max-periods");
    const char *spans = rt_part_option_value(in, "spans");
    struct rt_period_spec spec = {RT_PERIOD_MONTH, RT_MONDAY};
    int32_t day = 0;
    uint64_t cap = 0;

    r->limits.known = true;
    if (strcmp(in->command, "ids") == 0)
        return true;
    if (!as_of || !canonical_day(as_of, strlen(as_of), &day))
        return expected(r, "an option,as-of,YYYY-MM-DD line before the "
                           "counts (parts are made with --as-of)");
    if (period)
        (void)rt_period_lookup(period, &spec.unit);
    if (week_start)
        (void)rt_period_weekday_lookup(week_start, &spec.week_start);
    r->limits.low = rt_period_index(&spec, RT_DATE_MIN_DAY);
    r->limits.as_of = rt_period_index(&spec, day);
    r->limits.last = rt_period_ended(&spec, (int32_t)r->limits.as_of, day)
                         ? r->limits.as_of
                         : r->limits.as_of - 1;
    r->limits.columns = UINT64_MAX;
    if (max_periods && max_periods[0] &&
        parse_u64(max_periods, strlen(max_periods), &cap))
        r->limits.columns = cap + 1;
    r->limits.spans = spans && strcmp(spans, "1") == 0;
    return true;
}

/* One line after the first; *done at the line "end". */
static bool read_line(struct reader *r, struct rt_part *in, bool *done)
{
    if (field_is(r, 0, "option") || field_is(r, 0, "meta") ||
        field_is(r, 0, "tally") || field_is(r, 0, "max"))
        return read_named(r, in);
    if (!r->limits.known && !find_limits(r, in))
        return false;
    if (field_is(r, 0, "end") && r->count == 1) {
        *done = true;
        return true;
    }
    if (field_is(r, 0, "group"))
        return read_group(r, in);
    if (field_is(r, 0, "hash"))
        return read_hash(r, in);
    if (field_is(r, 0, in->kind))
        return read_data(r, in);
    return expected(r, "a line of a part: option, meta, tally, max, group, "
                       "a data line, hash or end");
}

/*
 * Reads one part into `in`, from its first line to its "end"; false when
 * reported or out of memory.
 */
static bool read_one(struct reader *r, struct rt_part *in)
{
    bool first = true, done = false;
    int got = 0;

    while (!done && (got = next_record(r)) == 1) {
        if (first ? !read_first(r, in) : !read_line(r, in, &done))
            return false;
        first = false;
    }
    if (!done && got == -1)
        return r->problem ? expected(r, r->problem) : false;
    if (first)
        return expected(r, "a part of retain's (the file is empty)");
    if (!done)
        return expected(r, "the line 'end' last (the part is cut short)");
    return true;
}
/* Reports a problem of a whole part: "NAME: MESSAGE". */
static bool refuse(struct rt_reporter reporter, const char *name,
                   const char *message)
{
    reporter.report(reporter.context, RT_SEVERITY_ERROR, name, 0, message);
    return false;
}

/*
 * The values of the option at options[*at] and of those after it of the
 * same name (a repeatable option's), joined by commas into buf; *at moves
 * past them.  NULL when there is none left.
 */
static const char *option_values(const struct rt_part *part, size_t *at,
                                 char *buf, size_t size)
{
    const char *name;
    size_t used = 0;

    if (*at >= part->option_count)
        return NULL;
    name = part->options[*at].name;
    buf[0] = '\0';
    for (;
         *at < part->option_count && strcmp(part->options[*at].name, name) == 0;
         ++*at) {
        int n = snprintf(buf + used, size - used, "%s%s", used ? "," : "",
                         part->options[*at].value);

        used += n > 0 && (size_t)n < size - used ? (size_t)n : 0;
    }
    return name;
}

/*
 * Whether the options of two parts differ, said in message; `first`
 * names the part before.  A repeatable option is compared with all its
 * values at once.
 */
static bool options_differ(const struct rt_part *part, const struct rt_part *in,
                           char *message, size_t size)
{
    char ours[RT_MESSAGE_SIZE / 4], theirs[RT_MESSAGE_SIZE / 4];
    size_t i = 0, j = 0;
    const char *our_name, *their_name;

    for (;;) {
        our_name = option_values(part, &i, ours, sizeof ours);
        their_name = option_values(in, &j, theirs, sizeof theirs);
        if (!our_name && !their_name)
            return false;
        if (our_name && their_name && strcmp(our_name, their_name) == 0) {
            if (strcmp(ours, theirs) == 0)
                continue;
            snprintf(message, size,
                     "option --%s is '%s', and '%s' in %s (expected parts "
                     "made with the same options)",
                     our_name, theirs, ours, part->sources[0]);
            return true;
        }
        /* Options come in a fixed order: the one missing from the other
           part is the first of the two that the other lacks. */
        if (our_name && !rt_part_option_value(in, our_name))
            their_name = NULL;
        snprintf(message, size,
                 "option --%s is %s, and %s in %s (expected parts made with "
                 "the same options)",
                 their_name ? their_name : our_name,
                 their_name ? "given" : "not given",
                 their_name ? "not given" : "given", part->sources[0]);
        return true;
    }
}

/* Whether `in` is of the command and options of the parts before. */
static bool same_kind(const struct rt_part *part, const struct rt_part *in,
                      const char *name, struct rt_reporter reporter)
{
    char message[RT_MESSAGE_SIZE];

    if (strcmp(part->command, in->command) != 0) {
        snprintf(message, sizeof message,
                 "a part of retain %s, and %s one of retain %s (expected "
                 "parts of one command)",
                 in->command, part->sources[0], part->command);
        return refuse(reporter, name, message);
    }
    if (options_differ(part, in, message, sizeof message))
        return refuse(reporter, name, message);
    return true;
}

/* The first part: its command, options and meta become the merge's. */
static bool adopt(struct rt_part *part, const struct rt_part *in)
{
    size_t i;

    snprintf(part->command, sizeof part->command, "%s", in->command);
    part->kind = in->kind;
    for (i = 0; i < in->option_count; i++)
        if (!rt_part_option(part, in->options[i].name, in->options[i].value))
            return false;
    for (i = 0; i < in->meta_count; i++)
        if (!rt_part_meta(part, in->meta[i].name, in->meta[i].value))
            return false;
    return true;
}

/* Moves in's records into part, their groups renumbered as part's. */
static bool take_records(struct rt_part *part, struct rt_part *in)
{
    size_t i, group;

    /* Every group, even one with no customer here: the order of the
       groups is that of their first rows, in the parts in turn, as in one
       run over the parts' inputs joined. */
    for (i = 0; i < in->group_count; i++)
        if (!rt_part_group(part, in->groups[i].value, in->groups[i].len,
                           &group))
            return false;
    for (i = 0; i < in->record_count; i++) {
        struct rt_part_record *record = &in->records[i];

        group = RT_PART_OVERALL;
        if (record->group != RT_PART_OVERALL &&
            !rt_part_group(part, in->groups[record->group].value,
                           in->groups[record->group].len, &group))
            return false;
        if (!rt_part_record(part, group, record->period, record->values,
                            record->count))
            return false;
    }
    for (i = 0; i < in->tally_count; i++)
        if (!rt_part_tally(part, in->tallies[i].name, in->tallies[i].value,
                           in->tallies[i].max))
            return false;
    return true;
}

/* in's hashes among part's, with a warning at the first one shared. */
static void take_hashes(struct rt_part *part, const struct rt_part *in,
                        size_t source, struct rt_reporter reporter)
{
    char message[RT_MESSAGE_SIZE];
    size_t i, other;

    for (i = 0; i < in->hash_count; i++) {
        other = rt_part_keep_hash(part, in->hashes[i], source);
        if (other == SIZE_MAX || other == source)
            continue;
        snprintf(
            message, sizeof message,
            "warning: %s and %s both counted a customer (expected parts that "
            "split the customers, not their rows: each customer's rows "
            "all in one part)",
            part->sources[other], part->sources[source]);
        reporter.report(reporter.context, RT_SEVERITY_WARNING, NULL, 0,
                        message);
        part->overlaps++;
        return;
    }
}

static bool add_source(struct rt_part *part, const char *name)
{
    char **more =
        realloc(part->sources, (part->source_count + 1) * sizeof *more);
    char *copy = NULL;

    if (more) {
        part->sources = more;
        copy = malloc(strlen(name) + 1);
    }
    if (!copy)
        return false;
    memcpy(copy, name, strlen(name) + 1);
    part->sources[part->source_count++] = copy;
    return true;
}

static bool absorb(struct rt_part *part, struct rt_part *in, const char *name,
                   struct rt_reporter reporter)
{
    bool first = part->command[0] == '\0';

    if (!first && !same_kind(part, in, name, reporter))
        return false;
    if (!add_source(part, name) || (first && !adopt(part, in)) ||
        !take_records(part, in))
        return !(part->no_memory = true);
    take_hashes(part, in, part->source_count - 1, reporter);
    part->parts++;
    return true;
}

bool rt_part_read(struct rt_part *part, const char *buf, size_t len,
                  const char *name, struct rt_reporter reporter)
{
    struct reader r;
    struct rt_part in;
    bool ok = true;

    memset(&r, 0, sizeof r);
    r.buf = buf;
    r.len = len;
    r.next_line = 1;
    r.name = name;
    r.reporter = reporter;
    /* Parts may follow one another in one file, as cat joins them: the
       later ones are named by their first line. */
    do {
        char shown[RT_NAME_SIZE + 24];

        if (r.next_line == 1)
            snprintf(shown, sizeof shown, "%s", name);
        else
            snprintf(shown, sizeof shown, "%s:%llu", name,
                     (unsigned long long)r.next_line);
        rt_part_init(&in, "");
        r.limits.known = r.has_previous = false;
        ok = read_one(&r, &in) && !in.no_memory;
        if (!ok && !r.reported)
            part->no_memory = true;
        if (ok)
            ok = absorb(part, &in, shown, reporter);
        rt_part_free(&in);
    } while (ok && r.pos < r.len);
    free(r.text);
    free(r.starts);
    free(r.lens);
    return ok;
}
