/* cli_opt.c - see cli_opt.h. */
#include <stdio.h>
#include <string.h>

#include "cli_opt.h"
#include "describe.h"

void cli_parser_init(struct cli_parser *parser, int argc, char *const *argv,
                     int first, const struct cli_option *options,
                     size_t option_count)
{
    memset(parser, 0, sizeof *parser);
    parser->argc = argc;
    parser->argv = argv;
    parser->index = first;
    parser->options = options;
    parser->option_count =
        option_count < CLI_MAX_OPTIONS ? option_count : CLI_MAX_OPTIONS;
}

void cli_option_label(const struct cli_option *option, char *buf, size_t size)
{
    if (option->short_name && option->long_name)
        snprintf(buf, size, "-%c/--%s", option->short_name, option->long_name);
    else if (option->short_name)
        snprintf(buf, size, "-%c", option->short_name);
    else
        snprintf(buf, size, "--%s", option->long_name);
}

/* An argument the user typed, quoted and escaped as every message does. */
static int fail(struct cli_parser *parser, const char *format, const char *what,
                size_t len)
{
    char quoted[RT_QUOTE_SIZE];

    rt_quote_value(what, len, quoted, sizeof quoted);
    snprintf(parser->error, sizeof parser->error, format, quoted);
    return CLI_ERROR;
}

static int fail_option(struct cli_parser *parser, const char *format,
                       const struct cli_option *option)
{
    char label[64];

    cli_option_label(option, label, sizeof label);
    snprintf(parser->error, sizeof parser->error, format, label);
    return CLI_ERROR;
}

/* Counts the use of an option and returns its id, or an error. */
static int accept(struct cli_parser *parser, const struct cli_option *option,
                  const char *value)
{
    size_t slot = (size_t)(option - parser->options);

    if (parser->seen[slot] && !option->repeatable)
        return fail_option(parser, "option %s given more than once", option);
    parser->seen[slot] = 1;
    parser->option = option;
    parser->value = value;
    return option->id;
}

static const struct cli_option *find_long(const struct cli_parser *parser,
                                          const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < parser->option_count; i++) {
        const char *long_name = parser->options[i].long_name;

        if (long_name && strlen(long_name) == len &&
            memcmp(long_name, name, len) == 0)
            return &parser->options[i];
    }
    return NULL;
}

static const struct cli_option *find_short(const struct cli_parser *parser,
                                           char name)
{
    size_t i;

    for (i = 0; i < parser->option_count; i++)
        if (parser->options[i].short_name == name)
            return &parser->options[i];
    return NULL;
}

/*
 * "-x..." or "--x...", but not "-" (standard input) nor a number such as
 * "-5" or "-.5", whose sign the option's own reader names.
 */
static bool looks_like_option(const char *arg)
{
    return arg[0] == '-' && arg[1] != '\0' && arg[1] != '.' &&
           (arg[1] < '0' || arg[1] > '9');
}

static bool is_known_option(const struct cli_parser *parser, const char *arg)
{
    const char *name = arg + 2, *equals = strchr(name, '=');

    if (arg[1] != '-')
        return find_short(parser, arg[1]) != NULL;
    return find_long(parser, name,
                     equals ? (size_t)(equals - name) : strlen(name)) != NULL;
}

/*
 * "-s -e 5" forgot the value of -s: the next word is an option, not a
 * value, and saying so beats "a count cannot be negative: '-e'".  A value
 * that does begin with '-' can still be attached: --name=-x or -s-x.
 */
static int fail_option_as_value(struct cli_parser *parser,
                                const struct cli_option *option,
                                const char *arg)
{
    char label[64], quoted[RT_QUOTE_SIZE], attached[RT_QUOTE_SIZE];
    char spelled[RT_QUOTE_SIZE];
    const char *why = "which looks like an option";

    cli_option_label(option, label, sizeof label);
    rt_quote_value(arg, strlen(arg), quoted, sizeof quoted);
    if (is_known_option(parser, arg)) {
        snprintf(parser->error, sizeof parser->error,
                 "option %s needs a value (got option %s)", label, quoted);
        return CLI_ERROR;
    }
    if (strcmp(arg, "--") == 0)
        why = "which ends the options";
    if (option->long_name)
        snprintf(spelled, sizeof spelled, "--%s=%s", option->long_name, arg);
    else
        snprintf(spelled, sizeof spelled, "-%c%s", option->short_name, arg);
    rt_quote_value(spelled, strlen(spelled), attached, sizeof attached);
    snprintf(parser->error, sizeof parser->error,
             "option %s needs a value (got %s, %s; write %s if it is the "
             "value)",
             label, quoted, why, attached);
    return CLI_ERROR;
}

/* The value of an option is the next argument: "-s 5", "--start 5". */
static int take_next_value(struct cli_parser *parser,
                           const struct cli_option *option)
{
    const char *value;

    if (parser->index >= parser->argc)
        return fail_option(parser, "option %s needs a value", option);
    value = parser->argv[parser->index];
    if (looks_like_option(value))
        return fail_option_as_value(parser, option, value);
    parser->index++;
    return accept(parser, option, value);
}

/* "--name", "--name=value" or "--name value". */
static int read_long(struct cli_parser *parser, const char *arg)
{
    const char *name = arg + 2, *equals = strchr(name, '=');
    size_t len = equals ? (size_t)(equals - name) : strlen(name);
    const struct cli_option *option = find_long(parser, name, len);

    if (!option)
        return fail(parser, "unknown option %s", arg, 2 + len);
    if (!option->takes_value) {
        if (equals)
            return fail_option(parser, "option %s takes no value", option);
        return accept(parser, option, NULL);
    }
    if (equals)
        return accept(parser, option, equals + 1);
    return take_next_value(parser, option);
}

/* The next letter of "-abc": a flag, or an option whose value follows. */
static int read_short(struct cli_parser *parser)
{
    char name = *parser->cluster++;
    const struct cli_option *option = find_short(parser, name);

    if (!option) {
        char text[3] = {'-', name, '\0'};
        parser->cluster = NULL;
        return fail(parser, "unknown option %s", text, 2);
    }
    if (!option->takes_value) {
        if (*parser->cluster == '\0')
            parser->cluster = NULL;
        return accept(parser, option, NULL);
    }
    if (*parser->cluster != '\0') {
        const char *value = parser->cluster;
        parser->cluster = NULL;
        return accept(parser, option, value);
    }
    parser->cluster = NULL;
    return take_next_value(parser, option);
}

int cli_next(struct cli_parser *parser)
{
    const char *arg;

    parser->option = NULL;
    parser->value = NULL;
    if (parser->cluster)
        return read_short(parser);
    if (parser->index >= parser->argc)
        return CLI_DONE;
    arg = parser->argv[parser->index++];
    if (parser->options_ended || arg[0] != '-' || arg[1] == '\0') {
        parser->value = arg;
        return CLI_OPERAND;
    }
    if (strcmp(arg, "--") == 0) {
        parser->options_ended = true;
        if (parser->index >= parser->argc)
            return CLI_DONE;
        parser->value = parser->argv[parser->index++];
        return CLI_OPERAND;
    }
    if (arg[1] == '-')
        return read_long(parser, arg);
    parser->cluster = arg + 1;
    return read_short(parser);
}
