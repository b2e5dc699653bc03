/*
 * periods_args.c - retain periods' command line, read into a struct: the
 * rows of retain cohorts, those of the figures beyond one period but
 * --period (which cohorts' --period is), and --only and the summary's.
 */
#include <stdio.h>
#include <string.h>

#include "cli_inputs.h"
#include "cli_values.h"
#include "merge_args.h"
#include "periods_args.h"

enum periods_option_id {
    OPT_ONLY = 60, /* above cohorts' own ids, below the shared ones */
    OPT_SUMMARY,
    OPT_SUMMARY_FILE
};

/* Options of retain cohorts that make no sense for periods. */
static const char *const cohorts_only[] = {
    "start-event", "cohort-col", "mode",   "average", "no-average",
    "max-periods", "long",       "counts", "chart"};

/* The counts periods adds to batch's columns. */
static const char *const own_counts[] = {"first_time", "returning",
                                         "joined_and_left"};

/* A column of the output: a count or a figure, beyond one period too. */
static bool set_only(void *field, const char *value, char *problem, size_t size)
{
    enum rt_field figure;
    enum rt_lifetime_field beyond;
    size_t i;

    for (i = 0; i < sizeof own_counts / sizeof own_counts[0]; i++)
        if (strcmp(value, own_counts[i]) == 0)
            return cli_set_name(field, value, "", problem, size);
    if ((rt_field_lookup(value, &figure) && figure != RT_FIELD_WARNINGS) ||
        (rt_lifetime_field_lookup(value, &beyond) &&
         beyond != RT_LIFETIME_PERIOD && beyond != RT_LIFETIME_PER))
        return cli_set_name(field, value, "", problem, size);
    return cli_value_refuse(value, "unknown field",
                            "a count or a figure of the output, such as "
                            "retention_rate or first_time",
                            problem, size);
}

#define ROW(id, long_name, takes_value, set, field)                            \
    CLI_ROW(id, 0, long_name, takes_value, set, struct periods_args, field)

static const struct cli_row own_rows[] = {
    ROW(OPT_ONLY, "only", true, set_only, only),
    ROW(OPT_SUMMARY, "summary", false, cli_set_flag, summary),
    ROW(OPT_SUMMARY_FILE, "summary-file", true, cli_set_file_name,
        summary_file),
    CLI_LIFETIME_ROWS(struct periods_args, lifetime),
};

/* Every operand is an input. */
static bool take_file(void *args, const char *value, char *error, size_t size)
{
    struct cohorts_args *cohorts = &((struct periods_args *)args)->cohorts;

    (void)error;
    (void)size;
    cohorts->files[cohorts->file_count++] = value;
    return true;
}

/* cohorts' rows, then ours but the lifetime --period: cohorts' sets it. */
static size_t make_rows(struct cli_row *rows)
{
    size_t count, n, i;
    const struct cli_row *shared = cohorts_args_rows(&count);

    _Static_assert(offsetof(struct periods_args, cohorts) == 0,
                   "cohorts' rows' offsets hold in struct periods_args");
    for (n = 0; n < count && n < CLI_MAX_OPTIONS; n++)
        rows[n] = shared[n];
    for (i = 0; i < sizeof own_rows / sizeof own_rows[0]; i++)
        if (own_rows[i].option.id != CLI_OPT_PERIOD && n < CLI_MAX_OPTIONS)
            rows[n++] = own_rows[i];
    return n;
}

/* The first option of retain cohorts alone that was given, if any. */
static enum cli_parse_result refuse_cohorts_only(const struct cli_parse *parse,
                                                 char *error, size_t size)
{
    size_t i, s;

    for (s = 0; s < parse->parser.option_count; s++) {
        if (!parse->first_use[s])
            continue;
        for (i = 0; i < sizeof cohorts_only / sizeof cohorts_only[0]; i++)
            if (parse->options[s].long_name &&
                strcmp(parse->options[s].long_name, cohorts_only[i]) == 0) {
                snprintf(error, size,
                         "option --%s is only for retain cohorts (periods "
                         "has no cohorts, offsets or averages)",
                         cohorts_only[i]);
                return CLI_PARSE_USAGE;
            }
    }
    return CLI_PARSE_OK;
}

/* A lifetime field named by --only asks for the figures beyond. */
static void note_only(struct periods_args *args)
{
    enum rt_lifetime_field field;

    if (args->only && rt_lifetime_field_lookup(args->only, &field))
        args->lifetime.wanted = true;
}

/* The batch options of the figures, once the options are checked. */
static void take_batch(struct periods_args *args, const struct cli_parse *parse)
{
    const struct cohorts_args *c = &args->cohorts;
    struct rt_batch_options *o = &args->batch;

    memset(o, 0, sizeof *o);
    o->format = c->format;
    o->format_given = c->format_given;
    o->out_delimiter = c->format == RT_FORMAT_TSV ? '\t' : ',';
    o->precision = c->precision;
    o->strict = c->strict;
    o->no_header_line = !c->header;
    o->summary = args->summary || cli_parse_given(parse, OPT_SUMMARY_FILE);
    o->lifetime = args->lifetime.wanted;
    o->lifetime_options = args->lifetime.options;
    o->only = args->only;
    o->jobs = 1;
    o->chart_width = c->chart_width;
    o->chart_height = c->chart_height;
}

/* A chart draws each period's retention and churn, nothing else. */
static enum cli_parse_result check_chart(const struct periods_args *args,
                                         const struct cli_parse *parse,
                                         char *error, size_t size)
{
    static const int not_drawn[] = {OPT_SUMMARY,      OPT_SUMMARY_FILE,
                                    OPT_ONLY,         CLI_OPT_LIFETIME,
                                    CLI_OPT_PER,      CLI_OPT_MARGIN,
                                    CLI_OPT_DISCOUNT, CLI_OPT_MONEY_PRECISION};

    if (args->cohorts.format != RT_FORMAT_SVG)
        return CLI_PARSE_OK;
    return cli_refuse_not_drawn(
        parse, not_drawn, sizeof not_drawn / sizeof not_drawn[0], error, size);
}

/*
 * --event-col without --return-event.  cohorts' own message offers
 * --start-event too, which periods refuses, so periods says it first;
 * with --spans, cohorts' rule that refuses --event-col is the one to say.
 */
static enum cli_parse_result check_event_col(const struct periods_args *args,
                                             const struct cli_parse *parse,
                                             char *error, size_t size)
{
    const struct cohorts_args *c = &args->cohorts;

    if (cli_parse_given(parse, CLI_OPT_HELP) || c->spans || !c->log.event_col ||
        c->return_events.count > 0)
        return CLI_PARSE_OK;
    snprintf(error, size,
             "option --event-col needs --return-event (which of its values "
             "count as activity)");
    return CLI_PARSE_USAGE;
}

/* --partial: the figures are retain merge's to print. */
static enum cli_parse_result refuse_printing(const struct cli_parse *parse,
                                             char *error, size_t size)
{
    static const int printing[] = {
        OPT_ONLY,    OPT_SUMMARY,    OPT_SUMMARY_FILE, CLI_OPT_LIFETIME,
        CLI_OPT_PER, CLI_OPT_MARGIN, CLI_OPT_DISCOUNT, CLI_OPT_MONEY_PRECISION};

    return merge_args_refuse_printing(
        parse, printing, sizeof printing / sizeof printing[0], error, size);
}

static enum cli_parse_result check(struct periods_args *args,
                                   const struct cli_parse *parse, char *error,
                                   size_t size)
{
    enum cli_parse_result result = refuse_cohorts_only(parse, error, size);

    if (result == CLI_PARSE_OK)
        result = check_event_col(args, parse, error, size);
    if (result == CLI_PARSE_OK)
        result = cohorts_args_check(&args->cohorts, parse, error, size);
    if (result == CLI_PARSE_OK)
        result = check_chart(args, parse, error, size);
    if (result == CLI_PARSE_OK && args->cohorts.partial)
        result = refuse_printing(parse, error, size);
    if (result != CLI_PARSE_OK || args->cohorts.help)
        return result;
    /* Doubled bits: touched in a period, and at its end (cohort_periods.h). */
    if (args->cohorts.spans)
        args->cohorts.log.spans = RT_SPAN_BITS_PERIODS;
    /* --period is the length of the measured period too. */
    args->lifetime.options.period = args->cohorts.log.period.unit;
    note_only(args);
    if (!cli_lifetime_check(&args->lifetime, true, error, size))
        return CLI_PARSE_USAGE;
    take_batch(args, parse);
    return CLI_PARSE_OK;
}

enum cli_parse_result periods_parse_args(int argc, char *const *argv, int first,
                                         struct periods_args *args, char *error,
                                         size_t error_size)
{
    struct cli_row rows[CLI_MAX_OPTIONS];
    struct cli_command command = {rows, 0, take_file};
    const char **files = args->cohorts.files;
    struct cli_parse parse;
    enum cli_parse_result result;

    memset(args, 0, sizeof *args);
    cohorts_args_defaults(&args->cohorts);
    args->cohorts.files = files;
    cli_lifetime_init(&args->lifetime);
    command.row_count = make_rows(rows);
    result = cli_command_parse(&command, argc, argv, first, args, &parse, error,
                               error_size);
    if (result != CLI_PARSE_OK)
        return result;
    return check(args, &parse, error, error_size);
}
