/*
 * test_cli_opt.c - the tokenizer: each case lists argv and the trace of
 * what cli_next() returned, one token per space: "start=5" for an option
 * with its value, "verbose" for a flag, "@x" for an operand, "!message" for
 * an error (which ends the trace).
 */
#include <stdio.h>
#include <string.h>

#include "cli_opt.h"
#include "table.h"

static const struct cli_option options[] = {
    {1, 's', "start", true, false},    {2, 'e', "end", true, false},
    {3, 'v', "verbose", false, false}, {4, 'q', NULL, false, false},
    {5, 0, "only", true, false},       {6, 'r', "repeat", false, true},
    {7, 'k', NULL, true, false},
};

struct opt_case {
    const char *name;
    const char *argv[8];
    const char *trace;
};

static const struct opt_case opt_cases[] = {
    {"separate value", {"-s", "5"}, "start=5"},
    {"attached value", {"-s5"}, "start=5"},
    {"long separate", {"--start", "5"}, "start=5"},
    {"long equals", {"--start=5"}, "start=5"},
    {"long equals empty", {"--start="}, "start="},
    {"value looks like option", {"-s", "-5"}, "start=-5"},
    {"flags clustered", {"-vq"}, "verbose -q"},
    {"flag then value in cluster", {"-vs5"}, "verbose start=5"},
    {"operands mixed", {"a", "-v", "b"}, "@a verbose @b"},
    {"dash is an operand", {"-"}, "@-"},
    {"double dash ends options", {"--", "-v", "--start=1"}, "@-v @--start=1"},
    {"only long", {"--only", "x"}, "only=x"},
    {"repeatable", {"-r", "--repeat", "-rr"}, "repeat repeat repeat repeat"},
    {"unknown long", {"--frob"}, "!unknown option '--frob'"},
    {"unknown long with value", {"--frob=1"}, "!unknown option '--frob'"},
    {"unknown short", {"-x"}, "!unknown option '-x'"},
    {"unknown in cluster", {"-vx"}, "verbose !unknown option '-x'"},
    {"no abbreviations", {"--sta", "5"}, "!unknown option '--sta'"},
    {"missing value short", {"-s"}, "!option -s/--start needs a value"},
    {"missing value long", {"--end"}, "!option -e/--end needs a value"},
    {"missing value long only", {"--only"}, "!option --only needs a value"},
    {"flag with value", {"--verbose=1"}, "!option -v/--verbose takes no value"},
    {"given twice",
     {"-s", "1", "--start=2"},
     "start=1 !option -s/--start given more than once"},
    {"short only flag twice",
     {"-q", "-q"},
     "-q !option -q given more than once"},
    {"nothing", {NULL}, ""},

    /* A value that is another option: the value was forgotten. */
    {"value is a short option",
     {"-s", "-e", "5"},
     "!option -s/--start needs a value (got option '-e')"},
    {"value is a long option",
     {"--start", "--end=5"},
     "!option -s/--start needs a value (got option '--end=5')"},
    {"value is a cluster of flags",
     {"-e", "-vq"},
     "!option -e/--end needs a value (got option '-vq')"},
    {"value forgotten in a cluster",
     {"-vs", "-e"},
     "verbose !option -s/--start needs a value (got option '-e')"},
    {"value looks like an option",
     {"--only", "-x"},
     "!option --only needs a value (got '-x', which looks like an option; "
     "write '--only=-x' if it is the value)"},
    {"value looks like an option, short only",
     {"-k", "--frob"},
     "!option -k needs a value (got '--frob', which looks like an option; "
     "write '-k--frob' if it is the value)"},
    {"value is the end of options",
     {"--only", "--", "x"},
     "!option --only needs a value (got '--', which ends the options; write "
     "'--only=--' if it is the value)"},
    {"negative number is a value",
     {"-s", "-5", "-e", "-.5"},
     "start=-5 end=-.5"},
    {"dash alone is a value", {"-s", "-"}, "start=-"},
    {"attached values may begin with a dash",
     {"--start=-e", "-e-s", "-k--"},
     "start=-e end=-s -k"},
    {"unknown option escaped",
     {"--a\x1b[0m"},
     "!unknown option '--a\\x{1b}[0m'"},
    {"unknown option cut short",
     {"--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      "aaaaaaaaaa"},
     "!unknown option '--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
     "aaaaaaaaaaaaaaaaa...'"},
};

static void append(char *trace, size_t size, const char *text)
{
    size_t len = strlen(trace), add = strlen(text);

    if (len > 0 && len + 1 < size)
        trace[len++] = ' ';
    if (add > size - len - 1)
        add = size - len - 1;
    memcpy(trace + len, text, add);
    trace[len + add] = '\0';
}

static void test_tokens(void **state)
{
    const struct opt_case *c = *state;
    char *argv[10] = {(char *)"prog"}, trace[2048] = "",
         token[CLI_ERROR_SIZE + 2];
    struct cli_parser parser;
    int argc = 1, id;

    while (c->argv[argc - 1])
        argv[argc] = (char *)c->argv[argc - 1], argc++;
    cli_parser_init(&parser, argc, argv, 1, options,
                    sizeof options / sizeof options[0]);
    while ((id = cli_next(&parser)) != CLI_DONE) {
        if (id == CLI_ERROR) {
            snprintf(token, sizeof token, "!%s", parser.error);
            append(trace, sizeof trace, token);
            break;
        }
        if (id == CLI_OPERAND)
            snprintf(token, sizeof token, "@%s", parser.value);
        else if (!parser.option->long_name)
            snprintf(token, sizeof token, "-%c", parser.option->short_name);
        else
            snprintf(token, sizeof token, "%s%s%s", parser.option->long_name,
                     parser.value ? "=" : "", parser.value ? parser.value : "");
        append(trace, sizeof trace, token);
    }
    assert_string_equal(trace, c->trace);
}

int main(void)
{
    return TABLE_RUN("cli_opt", opt_cases, test_tokens);
}
