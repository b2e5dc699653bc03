/*
 * cli_opt.h - command-line tokenizer with getopt_long's conventions.
 *
 * Written in ISO C because getopt_long is POSIX-only.  It accepts "-s 5",
 * "-s5", "--start 5", "--start=5", clusters of flags ("-hV"), operands mixed
 * with options, "-" as an operand and "--" to end the options.  Long names
 * must be given in full: abbreviations would break scripts whenever a new
 * option shares a prefix.  The tokenizer never prints; errors are returned
 * as text.
 */
#ifndef RETAIN_CLI_OPT_H
#define RETAIN_CLI_OPT_H

#include <stdbool.h>
#include <stddef.h>

struct cli_option {
    int id;                /* what cli_next() returns for it; > 0 */
    char short_name;       /* 0 when the option has no short form */
    const char *long_name; /* NULL when it has no long form */
    bool takes_value;
    bool repeatable; /* otherwise a second use is an error */
};

enum cli_token {
    CLI_DONE = 0,     /* no arguments left */
    CLI_OPERAND = -1, /* an argument that is not an option: see value */
    CLI_ERROR = -2    /* see error */
};

#define CLI_MAX_OPTIONS 64
#define CLI_ERROR_SIZE  1024

struct cli_parser {
    int argc;
    char *const *argv;
    int index;           /* next element of argv */
    const char *cluster; /* rest of "-abc" still to read */
    bool options_ended;  /* after "--" */
    const struct cli_option *options;
    size_t option_count;
    unsigned char seen[CLI_MAX_OPTIONS]; /* uses so far, by table index */
    const struct cli_option *option;     /* the option just returned */
    const char *value;                   /* its value, or the operand */
    char error[CLI_ERROR_SIZE];
};

/* Starts reading argv[first..argc-1] against a table of options. */
void cli_parser_init(struct cli_parser *parser, int argc, char *const *argv,
                     int first, const struct cli_option *options,
                     size_t option_count);

/*
 * Reads the next option or operand.  Returns the option's id (its value, if
 * it takes one, in parser->value), CLI_OPERAND, CLI_DONE, or CLI_ERROR with
 * a message in parser->error such as "unknown option '--frobnicate'".
 */
int cli_next(struct cli_parser *parser);

/* Writes "-s/--start", "-s" or "--start" for an option to buf. */
void cli_option_label(const struct cli_option *option, char *buf, size_t size);

#endif
