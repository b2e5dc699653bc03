/* cli_output.c - see cli_output.h. */
#include <stdio.h>

#include "cli_diag.h"
#include "cli_output.h"

static void report_warnings(const struct rt_figures *figures)
{
    char text[RT_WARNING_TEXT_SIZE];
    unsigned bit;

    for (bit = 1; bit < (1u << RT_WARNING_KINDS); bit <<= 1) {
        if (!(figures->warnings & bit))
            continue;
        rt_warning_text(figures, (enum rt_warning)bit, text, sizeof text);
        cli_warning("%s", text);
    }
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

int cli_print_figures(const struct rt_figures *figures,
                      const struct cli_output *output)
{
    report_warnings(figures);
    if (output->has_only)
        return print_only(figures, output->only);
    rt_emit_figures(stdout, output->format, figures, output->header);
    return CLI_EXIT_OK;
}
