/*
 * calc_args.c - the core command's command line, read into a struct.
 *
 * A pure function of argv, so every option and error is unit-tested
 * without running the program.
 */
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_lifetime.h"
#include "cli_opt.h"
#include "cli_values.h"
#include "calc_args.h"

enum calc_option_id {
    OPT_START = 1,
    OPT_END,
    OPT_NEW,
    OPT_PRECISION,
    OPT_FORMAT,
    OPT_NO_HEADER,
    OPT_ONLY,
    OPT_STRICT,
    OPT_HELP,
    OPT_VERSION
};

static const struct cli_option calc_options[] = {
    {OPT_START, 's', "start", true, false},
    {OPT_END, 'e', "end", true, false},
    {OPT_NEW, 'n', "new", true, false},
    {OPT_PRECISION, 'p', "precision", true, false},
    {OPT_FORMAT, 'f', "format", true, false},
    {OPT_NO_HEADER, 0, "no-header", false, false},
    {OPT_ONLY, 0, "only", true, false},
    {OPT_STRICT, 0, "strict", false, false},
    {OPT_HELP, 'h', "help", false, true},
    {OPT_VERSION, 'V', "version", false, true},
    CLI_LIFETIME_OPTION_ROWS,
};

struct parse_state {
    struct cli_parser parser;
    struct calc_args *args;
    char *error;
    size_t error_size;
    bool have_start;
    bool have_end;
};

static enum calc_parse_result invalid_value(struct parse_state *state,
                                            const char *problem)
{
    cli_option_problem(state->parser.option, problem, state->error,
                       state->error_size);
    return CALC_PARSE_INVALID;
}

static enum calc_parse_result read_count(struct parse_state *state,
                                         uint64_t *out)
{
    const char *text = state->parser.value;
    enum rt_status status = rt_count_parse(text, strlen(text), out);
    char problem[RT_MESSAGE_SIZE];

    if (status == RT_OK)
        return CALC_PARSE_OK;
    rt_count_describe(status, text, strlen(text), problem, sizeof problem);
    return invalid_value(state, problem);
}

/* Reads the value of -p, -f or --only. */
static enum calc_parse_result read_value(struct parse_state *state, int id)
{
    const char *text = state->parser.value;
    struct calc_args *args = state->args;
    char problem[RT_MESSAGE_SIZE];
    bool ok;

    if (id == OPT_PRECISION)
        ok = cli_value_precision(text, &args->precision, problem,
                                 sizeof problem);
    else if (id == OPT_FORMAT)
        ok = cli_value_format(text, &args->output.format, problem,
                              sizeof problem);
    else if (id == OPT_ONLY)
        ok = cli_output_only(&args->output, text, problem, sizeof problem);
    else
        ok = cli_lifetime_apply(&args->output.lifetime, id, text, problem,
                                sizeof problem);
    return ok ? CALC_PARSE_OK : invalid_value(state, problem);
}

static enum calc_parse_result apply_option(struct parse_state *state, int id)
{
    struct calc_args *args = state->args;

    switch (id) {
    case OPT_START:
        state->have_start = true;
        return read_count(state, &args->counts.start);
    case OPT_END:
        state->have_end = true;
        return read_count(state, &args->counts.end);
    case OPT_NEW:
        args->counts.has_new = true;
        return read_count(state, &args->counts.new_customers);
    case OPT_PRECISION:
        /* What -p shapes is known with --only: cli_output_check(). */
        args->output.precision_given = true;
        return read_value(state, id);
    case OPT_FORMAT:
    case OPT_ONLY:
        return read_value(state, id);
    case OPT_NO_HEADER:
        args->output.header = false;
        return CALC_PARSE_OK;
    case OPT_STRICT:
        args->strict = true;
        return CALC_PARSE_OK;
    case OPT_HELP:
        args->action = CALC_HELP;
        return CALC_PARSE_OK;
    case OPT_VERSION:
        if (args->action == CALC_RUN)
            args->action = CALC_VERSION;
        return CALC_PARSE_OK;
    default:
        return read_value(state, id);
    }
}

static enum calc_parse_result usage(struct parse_state *state,
                                    const char *message)
{
    snprintf(state->error, state->error_size, "%s", message);
    return CALC_PARSE_USAGE;
}

/* Both counts must be there unless --help or --version ends the run. */
static enum calc_parse_result check_required(struct parse_state *state)
{
    if (state->args->action != CALC_RUN)
        return CALC_PARSE_OK;
    if (!state->have_start)
        return usage(state, "missing option -s/--start (customers at the "
                            "start of the period)");
    if (!state->have_end)
        return usage(state, "missing option -e/--end (customers at the end "
                            "of the period)");
    if (!cli_output_check(&state->args->output, state->args->counts.has_new,
                          state->error, state->error_size))
        return CALC_PARSE_USAGE;
    /* Without N there is nothing that could contradict: no warning. */
    if (state->args->strict && !state->args->counts.has_new)
        return usage(state, "option --strict needs -n/--new (without the "
                            "count of new customers, the counts cannot "
                            "contradict each other)");
    return CALC_PARSE_OK;
}

enum calc_parse_result calc_parse_args(int argc, char *const *argv, int first,
                                       struct calc_args *args, char *error,
                                       size_t error_size)
{
    struct parse_state state;
    enum calc_parse_result result = CALC_PARSE_OK;
    int id;

    memset(args, 0, sizeof *args);
    args->precision = RT_PRECISION_DEFAULT;
    cli_output_init(&args->output);
    memset(&state, 0, sizeof state);
    state.args = args;
    state.error = error;
    state.error_size = error_size;
    cli_parser_init(&state.parser, argc, argv, first, calc_options,
                    sizeof calc_options / sizeof calc_options[0]);
    while (result == CALC_PARSE_OK && (id = cli_next(&state.parser)) != 0) {
        if (id == CLI_ERROR)
            return usage(&state, state.parser.error);
        if (id == CLI_OPERAND) {
            char quoted[RT_QUOTE_SIZE], message[RT_MESSAGE_SIZE];

            rt_quote_value(state.parser.value, strlen(state.parser.value),
                           quoted, sizeof quoted);
            snprintf(message, sizeof message,
                     "unexpected argument %s (the counts are given as "
                     "options: -s START -e END -n NEW)",
                     quoted);
            return usage(&state, message);
        }
        result = apply_option(&state, id);
    }
    return result == CALC_PARSE_OK ? check_required(&state) : result;
}
