/* cli_output.c - see cli_output.h. */
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_output.h"
#include "cli_values.h"
#include "emit.h"

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
    output->has_only = true;
    output->only_lifetime = false;
    if (rt_field_lookup(text, &output->only))
        return true;
    if (rt_lifetime_field_lookup(text, &output->only_beyond)) {
        /* Asking for a figure beyond the period asks for them all. */
        output->only_lifetime = output->lifetime.wanted = true;
        return true;
    }
    return cli_value_refuse(
        text, "unknown field",
        "start, end, new, retained, lost, retention_rate, churn_rate, "
        "simple_retention_rate, simple_churn_rate, warnings, period, per, "
        "retention_rate_per, churn_rate_per, expected_lifetime, "
        "expected_lifetime_years, median_lifetime, median_lifetime_years, "
        "margin, discount_rate or lifetime_value",
        problem, size);
}

static void warn(void *context, const char *text)
{
    (void)context;
    cli_warning("%s", text);
}

static int print_only(const struct rt_figures *figures, enum rt_field field)
{
    char value[RT_WARNING_TEXT_SIZE * RT_WARNING_KINDS];

    if (!rt_field_value(figures, field, value, sizeof value)) {
        cli_error("option --only: %s is unknown without -n/--new (the count "
                  "of new customers)",
                  rt_field_name(field));
        return CLI_EXIT_USAGE;
    }
    puts(value);
    return CLI_EXIT_OK;
}

/* What a figure beyond the period needs that was not given. */
static const char *missing_option(enum rt_lifetime_field field)
{
    switch (field) {
    case RT_LIFETIME_PERIOD:
    case RT_LIFETIME_EXPECTED_YEARS:
    case RT_LIFETIME_MEDIAN_YEARS:
        return "--period";
    case RT_LIFETIME_PER:
    case RT_LIFETIME_RETENTION_RATE_PER:
    case RT_LIFETIME_CHURN_RATE_PER:
        return "--period and --per";
    default:
        return "--margin";
    }
}

static int print_only_beyond(const struct rt_lifetime *lifetime,
                             enum rt_lifetime_field field)
{
    const struct rt_value *value = &lifetime->values[field];

    if (value->state != RT_VALUE_UNKNOWN) {
        puts(value->text);
        return CLI_EXIT_OK;
    }
    if (lifetime->warnings & RT_LIFETIME_WARN_UNDEFINED)
        cli_error("option --only: %s is not computed: the retention rate is "
                  "not between 0%% and 100%%",
                  rt_lifetime_field_name(field));
    else
        cli_error("option --only: %s needs %s", rt_lifetime_field_name(field),
                  missing_option(field));
    return CLI_EXIT_USAGE;
}

int cli_print_figures(const struct rt_figures *figures,
                      const struct cli_output *output)
{
    struct rt_lifetime lifetime;
    const struct rt_lifetime *beyond = NULL;

    if (output->lifetime.wanted) {
        if (rt_lifetime_compute(figures, &output->lifetime.options,
                                &lifetime) != RT_OK) {
            cli_error("out of memory");
            return CLI_EXIT_FAILURE;
        }
        beyond = &lifetime;
    }
    rt_each_warning(figures, beyond, NULL, warn, NULL);
    if (output->has_only && output->only_lifetime && beyond)
        return print_only_beyond(beyond, output->only_beyond);
    if (output->has_only)
        return print_only(figures, output->only);
    rt_emit_report(stdout, output->format, figures, beyond, output->header);
    return CLI_EXIT_OK;
}
