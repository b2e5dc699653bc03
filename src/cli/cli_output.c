/* cli_output.c - see cli_output.h. */
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_output.h"
#include "cli_values.h"
#include "cli_values.h"
#include "emit.h"
#include "warnings.h"

void cli_output_init(struct cli_output *output)
{
    memset(output, 0, sizeof *output);
    output->format = RT_FORMAT_TEXT;
    output->header = true;
    cli_lifetime_init(&output->lifetime);
}

bool cli_output_only(struct cli_output *output, const char *text, char *problem,
                     size_t size)
{
    static const struct rt_field_table *const tables[] = {&rt_period_fields,
                                                          &rt_lifetime_fields};
    char names[1024];

    output->has_only = true;
    output->only_lifetime = false;
    if (rt_field_lookup(text, &output->only))
        return true;
    if (rt_lifetime_field_lookup(text, &output->only_beyond)) {
        /* Asking for a figure beyond the period asks for them all. */
        output->only_lifetime = output->lifetime.wanted = true;
        return true;
    }
    rt_field_table_list(tables, 2, names, sizeof names);
    return cli_value_refuse(text, "unknown field", names, problem, size);
}

static void warn(void *context, const char *text)
{
    (void)context;
    cli_warning("%s", text);
}

/* What --only FIELD needs that was not given, or NULL. */
static const char *only_needs(const struct cli_output *output, bool has_new)
{
    const struct rt_lifetime_options *o = &output->lifetime.options;

    if (!output->only_lifetime)
        return output->only >= RT_FIELD_NEW &&
                       output->only <= RT_FIELD_CHURN_RATE && !has_new
                   ? "-n/--new (the count of new customers)"
                   : NULL;
    if (!has_new)
        return "-n/--new (the count of new customers)";
    switch (output->only_beyond) {
    case RT_LIFETIME_PERIOD:
    case RT_LIFETIME_EXPECTED_YEARS:
    case RT_LIFETIME_MEDIAN_YEARS:
        return o->period == RT_PERIOD_NONE ? "--period" : NULL;
    case RT_LIFETIME_PER:
    case RT_LIFETIME_RETENTION_RATE_PER:
    case RT_LIFETIME_CHURN_RATE_PER:
        if (o->per != RT_PERIOD_NONE)
            return NULL;
        return o->period == RT_PERIOD_NONE ? "--period and --per" : "--per";
    case RT_LIFETIME_MARGIN:
    case RT_LIFETIME_DISCOUNT_RATE:
    case RT_LIFETIME_VALUE:
        return o->has_margin ? NULL : "--margin";
    default:
        return NULL;
    }
}

/* False with a message when --only asks for a figure the options leave out. */
static bool check_only(const struct cli_output *output, bool has_new,
                       char *error, size_t size)
{
    const char *needs = output->has_only ? only_needs(output, has_new) : NULL;

    if (!needs)
        return true;
    snprintf(error, size, "option --only: %s needs %s",
             output->only_lifetime ? rt_lifetime_field_name(output->only_beyond)
                                   : rt_field_name(output->only),
             needs);
    return false;
}

bool cli_output_check_header(enum rt_format format, bool header, bool has_only,
                             char *error, size_t size)
{
    /* The commands of one report check here: none of them draws. */
    if (format == RT_FORMAT_SVG) {
        snprintf(error, size,
                 "option -f/--format: svg draws a chart, which only retain "
                 "batch, periods and cohorts make (expected text, json, csv, "
                 "tsv or markdown here)");
        return false;
    }
    if (header)
        return true;
    if (has_only)
        snprintf(error, size,
                 "option --no-header does nothing with --only (--only prints "
                 "one figure, with no header line)");
    else if (format == RT_FORMAT_MARKDOWN)
        snprintf(error, size, CLI_MARKDOWN_NEEDS_HEADER);
    else if (format != RT_FORMAT_CSV && format != RT_FORMAT_TSV)
        snprintf(error, size,
                 "option --no-header needs -f csv or -f tsv (only they have "
                 "a header line)");
    else
        return true;
    return false;
}

void cli_output_unused(const char *option, const char *field, char *error,
                       size_t size)
{
    snprintf(error, size,
             "option %s does nothing with --only %s (%s does not depend on "
             "it)",
             option, field, field);
}

/* -p/--precision, as a bit beside those of CLI_LIFETIME_BIT(). */
#define USES_PRECISION (1u << 15)
#define USES(id)       CLI_LIFETIME_BIT(id)

/* The options the figure of --only depends on, as bits. */
static unsigned only_uses(const struct cli_output *output)
{
    if (!output->only_lifetime && output->only == RT_FIELD_WARNINGS)
        /* Any of these adds the warnings beyond the period; --margin and
           --discount change their words. */
        return USES(CLI_OPT_PERIOD) | USES(CLI_OPT_LIFETIME) |
               USES(CLI_OPT_MARGIN) | USES(CLI_OPT_DISCOUNT);
    if (!output->only_lifetime)
        return output->only >= RT_FIELD_RETENTION_RATE ? USES_PRECISION : 0;
    switch (output->only_beyond) {
    case RT_LIFETIME_PERIOD:
        return USES(CLI_OPT_PERIOD);
    case RT_LIFETIME_PER:
        return USES(CLI_OPT_PERIOD) | USES(CLI_OPT_PER);
    case RT_LIFETIME_RETENTION_RATE_PER:
    case RT_LIFETIME_CHURN_RATE_PER:
        return USES_PRECISION | USES(CLI_OPT_PERIOD) | USES(CLI_OPT_PER);
    case RT_LIFETIME_EXPECTED_YEARS:
    case RT_LIFETIME_MEDIAN_YEARS:
        return USES_PRECISION | USES(CLI_OPT_PERIOD);
    case RT_LIFETIME_MARGIN:
        return USES(CLI_OPT_MARGIN) | USES(CLI_OPT_MONEY_PRECISION);
    case RT_LIFETIME_DISCOUNT_RATE:
        return USES_PRECISION | USES(CLI_OPT_MARGIN) | USES(CLI_OPT_DISCOUNT);
    case RT_LIFETIME_VALUE:
        return USES(CLI_OPT_MARGIN) | USES(CLI_OPT_DISCOUNT) |
               USES(CLI_OPT_MONEY_PRECISION);
    default: /* the expected and median lifetimes, in periods */
        return USES_PRECISION;
    }
}

/* False with a message when an option can change nothing --only prints. */
static bool check_only_uses(const struct cli_output *output, char *error,
                            size_t size)
{
    unsigned given =
        output->lifetime.given | (output->precision_given ? USES_PRECISION : 0);
    unsigned unused = output->has_only ? given & ~only_uses(output) : 0;
    const char *field = output->only_lifetime
                            ? rt_lifetime_field_name(output->only_beyond)
                            : rt_field_name(output->only);
    int id;

    for (id = CLI_OPT_PERIOD; id <= CLI_OPT_MONEY_PRECISION; id++) {
        if (!(unused & USES(id)))
            continue;
        if (id == CLI_OPT_LIFETIME && output->only_lifetime)
            snprintf(error, size,
                     "option --lifetime does nothing with --only %s (--only "
                     "asks for that figure already)",
                     field);
        else
            cli_output_unused(cli_lifetime_option_name(id), field, error, size);
        return false;
    }
    if (unused & USES_PRECISION) {
        cli_output_unused("-p/--precision", field, error, size);
        return false;
    }
    return true;
}

bool cli_output_check(const struct cli_output *output, bool has_new,
                      char *error, size_t size)
{
    return cli_lifetime_check(&output->lifetime, has_new, error, size) &&
           check_only(output, has_new, error, size) &&
           cli_output_check_header(output->format, output->header,
                                   output->has_only, error, size) &&
           check_only_uses(output, error, size);
}

/* --only: the value bare, as CSV holds it, or as JSON does with -f json. */
static int print_only(const struct rt_figures *figures,
                      const struct rt_lifetime *beyond,
                      const struct cli_output *output)
{
    const struct rt_report report = {figures, beyond, output->notes};
    const struct rt_field_def *def = &rt_report_warnings;
    const void *of = &report;

    if (output->only_lifetime &&
        (!beyond ||
         beyond->values[output->only_beyond].state == RT_VALUE_UNKNOWN)) {
        cli_error("option --only: %s is not computed: the retention rate is "
                  "not between 0%% and 100%%",
                  rt_lifetime_field_name(output->only_beyond));
        return CLI_EXIT_USAGE;
    }
    if (output->only_lifetime) {
        def = &rt_lifetime_fields.defs[output->only_beyond];
        of = beyond;
    } else if (output->only != RT_FIELD_WARNINGS) {
        def = &rt_period_fields.defs[output->only];
        of = figures;
    }
    /* A failed write shows in stdout's error flag, reported at the end. */
    if (rt_emit_field(stdout, output->format, def, of) == RT_ERR_NOMEM) {
        cli_error("out of memory");
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}

int cli_print_figures(const struct rt_figures *figures,
                      const struct cli_output *output)
{
    struct rt_lifetime lifetime;
    const struct rt_lifetime *beyond = NULL;
    char error[RT_MESSAGE_SIZE];

    /* retain ids reads no -n and checks only here: the same rules. */
    if (!check_only(output, figures->counts.has_new, error, sizeof error)) {
        cli_error("%s", error);
        return CLI_EXIT_USAGE;
    }
    if (output->lifetime.wanted) {
        /* The options were checked: only memory can run out. */
        enum rt_status status =
            rt_lifetime_compute(figures, &output->lifetime.options, &lifetime);

        if (status != RT_OK) {
            cli_error("%s", rt_status_text(status));
            return CLI_EXIT_FAILURE;
        }
        beyond = &lifetime;
    }
    rt_each_warning(figures, beyond, NULL, warn, NULL);
    if (output->has_only)
        return print_only(figures, beyond, output);
    if (rt_emit_report_noted(stdout, output->format, figures, beyond,
                             output->header, output->notes) == RT_ERR_NOMEM) {
        cli_error("out of memory");
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}
