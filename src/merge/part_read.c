/* part_read.c - reading a part and adding it to others; see part.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "part.h"

/* A part's fields are short, but a cohort line has a field per column. */
#define FIELD_MAX ((size_t)1 << 20)

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
        if (!text_put(r, c))
            return false;
        r->lens[r->count - 1]++;
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
            if (!text_put(r, r->buf[r->pos++]))
                return -1;
            r->lens[r->count - 1]++;
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

/* Digits of a number below 2^64: no sign, no space, at least one. */
static bool parse_u64(const char *text, size_t len, uint64_t *out)
{
    uint64_t value = 0;
    size_t i;

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

static bool read_data(struct reader *r, struct rt_part *in)
{
    uint64_t group = RT_PART_OVERALL, *values = NULL;
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
    ok = rt_part_record(in, (size_t)group, period, values, r->count - 3);
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

static bool read_named(struct reader *r, struct rt_part *in)
{
    uint64_t value;
    bool max = field_is(r, 0, "max");

    if (field_is(r, 0, "option") || field_is(r, 0, "meta")) {
        if (r->count != 3)
            return expected(r, "NAME,VALUE after option or meta");
        return field_is(r, 0, "option")
                   ? rt_part_option(in, field(r, 1), field(r, 2))
                   : rt_part_meta(in, field(r, 1), field(r, 2));
    }
    if (r->count != 3 || !count_field(r, 2, &value))
        return expected(r, "NAME,COUNT after tally or max");
    if (rt_part_tally_value(in, field(r, 1)) != 0)
        return expected(r, "each tally once");
    return rt_part_tally(in, field(r, 1), value, max);
}

/* One line after the first; *done at the line "end". */
static bool read_line(struct reader *r, struct rt_part *in, bool *done)
{
    if (field_is(r, 0, "end") && r->count == 1) {
        *done = true;
        return true;
    }
    if (field_is(r, 0, "option") || field_is(r, 0, "meta") ||
        field_is(r, 0, "tally") || field_is(r, 0, "max"))
        return read_named(r, in);
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
 * Whether the options at one place of two parts differ (either may be
 * NULL: a part with fewer), said in message; `first` names the first part.
 */
static bool option_differs(const struct rt_part_pair *ours,
                           const struct rt_part_pair *theirs, const char *first,
                           char *message, size_t size)
{
    const char *name = theirs ? theirs->name : ours ? ours->name : "";

    if (ours && theirs && strcmp(ours->name, theirs->name) == 0) {
        if (strcmp(ours->value, theirs->value) == 0)
            return false;
        snprintf(message, size,
                 "option --%s is '%s', and '%s' in %s (expected parts made "
                 "with the same options)",
                 name, theirs->value, ours->value, first);
        return true;
    }
    snprintf(message, size,
             "option --%s is %s, and %s in %s (expected parts made with the "
             "same options)",
             name, theirs ? "given" : "not given",
             theirs ? "not given" : "given", first);
    return true;
}

/* Whether `in` is of the command and options of the parts before. */
static bool same_kind(const struct rt_part *part, const struct rt_part *in,
                      const char *name, struct rt_reporter reporter)
{
    char message[RT_MESSAGE_SIZE];
    size_t i;

    if (strcmp(part->command, in->command) != 0) {
        snprintf(message, sizeof message,
                 "a part of retain %s, and %s one of retain %s (expected "
                 "parts of one command)",
                 in->command, part->sources[0], part->command);
        return refuse(reporter, name, message);
    }
    for (i = 0; i < part->option_count || i < in->option_count; i++)
        if (option_differs(i < part->option_count ? &part->options[i] : NULL,
                           i < in->option_count ? &in->options[i] : NULL,
                           part->sources[0], message, sizeof message))
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
