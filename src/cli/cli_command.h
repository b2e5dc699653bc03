/*
 * cli_command.h - the one option-parsing skeleton of every command.
 *
 * A command is a table of rows, one per option: the option as the
 * tokenizer (cli_opt.h) knows it, the field of the command's argument
 * struct it sets, and the function that reads its value into that field.
 * The options that several commands share (-f, -p, --no-header, --only,
 * --strict, -h, and the lifetime rows of cli_lifetime.h) are rows written
 * once, as macros, that each command includes in its table.  One loop,
 * cli_command_parse(), reads every command line, so that every command
 * reports a malformed command line or a wrong value the same way.  It
 * never prints: the command checks the options together afterwards, and
 * cli_parse_report() prints a failure.
 */
#ifndef RETAIN_CLI_COMMAND_H
#define RETAIN_CLI_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_opt.h"
#include "retain.h"

/* How parsing ended; both failures mean exit status 2. */
enum cli_parse_result {
    CLI_PARSE_OK,
    CLI_PARSE_USAGE,  /* malformed command line: point at --help */
    CLI_PARSE_INVALID /* a value is wrong: the message says how */
};

/*
 * Ids of the shared options.  A command numbers its own from 1; the
 * lifetime options are from 100 (cli_lifetime.h).
 */
enum cli_shared_option_id {
    CLI_OPT_FORMAT = 80,
    CLI_OPT_PRECISION,
    CLI_OPT_NO_HEADER,
    CLI_OPT_ONLY,
    CLI_OPT_STRICT,
    CLI_OPT_HELP,
    CLI_OPT_VERSION,
    CLI_OPT_JOBS
};

/* Worker threads by default: the machines retain is built for have two
 * cores or more, and a second thread costs little where there is one. */
#define CLI_DEFAULT_JOBS 2
#define CLI_MAX_JOBS     64

/*
 * One option of a command.  `set` reads `value` (NULL for a flag) into
 * `field`, the member `offset` bytes into the command's argument struct;
 * false with the problem in words, without the option's name, when the
 * value is wrong.
 */
struct cli_row {
    struct cli_option option;
    bool (*set)(void *field, const char *value, char *problem, size_t size);
    size_t offset;
};

/* A row whose flag or value sets FIELD of the struct TYPE with SET. */
#define CLI_ROW(id, short_name, long_name, takes_value, set, type, field)      \
    {                                                                          \
        {id, short_name, long_name, takes_value, false}, set,                  \
            offsetof(type, field)                                              \
    }

/* The shared rows: FIELD is where the command keeps the value. */
#define CLI_ROW_FORMAT(type, field)                                            \
    CLI_ROW(CLI_OPT_FORMAT, 'f', "format", true, cli_set_format, type, field)
#define CLI_ROW_PRECISION(type, field)                                         \
    CLI_ROW(CLI_OPT_PRECISION, 'p', "precision", true, cli_set_precision,      \
            type, field)
#define CLI_ROW_NO_HEADER(type, field)                                         \
    CLI_ROW(CLI_OPT_NO_HEADER, 0, "no-header", false, cli_clear_flag, type,    \
            field)
#define CLI_ROW_STRICT(type, field)                                            \
    CLI_ROW(CLI_OPT_STRICT, 0, "strict", false, cli_set_flag, type, field)
/* -j/--jobs: an unsigned number of threads, 1 to CLI_MAX_JOBS. */
#define CLI_ROW_JOBS(type, field)                                              \
    CLI_ROW(CLI_OPT_JOBS, 'j', "jobs", true, cli_set_jobs, type, field)
/* The fields --only names are the command's: so is the reader. */
#define CLI_ROW_ONLY(set, type, field)                                         \
    CLI_ROW(CLI_OPT_ONLY, 0, "only", true, set, type, field)
/* -h and -V are actions, asked with cli_parse_given(), and repeatable. */
#define CLI_ROW_HELP                                                           \
    {                                                                          \
        {CLI_OPT_HELP, 'h', "help", false, true}, cli_set_nothing, 0           \
    }
#define CLI_ROW_VERSION                                                        \
    {                                                                          \
        {CLI_OPT_VERSION, 'V', "version", false, true}, cli_set_nothing, 0     \
    }

/*
 * Takes an operand (an argument that is no option); false with a whole
 * message when the command takes none, a usage error.
 */
struct cli_command {
    const struct cli_row *rows;
    size_t row_count;
    bool (*operand)(void *args, const char *value, char *error, size_t size);
};

/* A parse under way, then what it found. */
struct cli_parse {
    struct cli_option options[CLI_MAX_OPTIONS]; /* the rows' options */
    const struct cli_row *rows;
    struct cli_parser parser;
    unsigned first_use[CLI_MAX_OPTIONS]; /* 1 for the first option given */
    unsigned uses;
};

/*
 * Reads argv[first..argc-1] into `args`, the struct the rows' offsets are
 * of, which holds its defaults.  Stops at the first malformed argument or
 * wrong value, with a one-line message (no "retain: ") in error.  What
 * was given is then known from `parse`.
 */
enum cli_parse_result cli_command_parse(const struct cli_command *command,
                                        int argc, char *const *argv, int first,
                                        void *args, struct cli_parse *parse,
                                        char *error, size_t size);

/*
 * Writes "unexpected argument VALUE (HINT)" to error, VALUE quoted, for a
 * command that takes no operands; returns false, as an operand hook does.
 */
bool cli_refuse_operand(const char *value, const char *hint, char *error,
                        size_t size);

/* Whether the option `id` was given. */
bool cli_parse_given(const struct cli_parse *parse, int id);

/*
 * For a chart of batch or periods, which draws each row's retention and
 * churn only: CLI_PARSE_USAGE, with a message, when one of the `count`
 * options `ids` (those that ask for other output) was given; the first
 * given is named.  Else CLI_PARSE_OK.
 */
enum cli_parse_result cli_refuse_not_drawn(const struct cli_parse *parse,
                                           const int *ids, size_t count,
                                           char *error, size_t size);

/* Of the `count` options `ids`, the one given first, or NULL. */
const struct cli_option *cli_parse_first_given(const struct cli_parse *parse,
                                               const int *ids, size_t count);

/*
 * Prints a failed parse's message: a usage error points at the help of
 * `command` (NULL: the core command).  Returns CLI_EXIT_USAGE.
 */
int cli_parse_report(const char *command, enum cli_parse_result result,
                     const char *error);

/* The rows' readers; each reads into the type its name says. */
bool cli_set_flag(void *field, const char *value, char *problem, size_t size);
bool cli_clear_flag(void *field, const char *value, char *problem, size_t size);
bool cli_set_nothing(void *field, const char *value, char *problem,
                     size_t size);
bool cli_set_format(void *field, const char *value, char *problem, size_t size);
bool cli_set_precision(void *field, const char *value, char *problem,
                       size_t size);
bool cli_set_delimiter(void *field, const char *value, char *problem,
                       size_t size);
bool cli_set_jobs(void *field, const char *value, char *problem, size_t size);
bool cli_set_count(void *field, const char *value, char *problem, size_t size);
bool cli_set_money(void *field, const char *value, char *problem, size_t size);
/* --only of one period's figures: a struct cli_output (cli_output.h). */
bool cli_set_figure_only(void *field, const char *value, char *problem,
                         size_t size);
/*
 * A name (const char *) that cannot be empty: `expected` says what it
 * names, for the message.  The two after it are the usual ones.
 */
bool cli_set_name(const char **field, const char *value, const char *expected,
                  char *problem, size_t size);
bool cli_set_column_name(void *field, const char *value, char *problem,
                         size_t size);
bool cli_set_file_name(void *field, const char *value, char *problem,
                       size_t size);

#endif
