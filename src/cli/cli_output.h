/*
 * cli_output.h - printing one period's figures, for every command that
 * computes them (the core command and retain ids).
 */
#ifndef RETAIN_CLI_OUTPUT_H
#define RETAIN_CLI_OUTPUT_H

#include <stdbool.h>

#include "cli_lifetime.h"
#include "retain.h"

struct rt_notes; /* emit.h */

/* How the figures are to be printed. */
struct cli_output {
    enum rt_format format;
    bool header;          /* csv, tsv: the header line */
    bool precision_given; /* -p was given (whose value the command keeps) */
    bool has_only;        /* print one figure, bare */
    bool only_lifetime;   /* ... and it is one of only_beyond */
    enum rt_field only;
    enum rt_lifetime_field only_beyond;
    struct cli_lifetime lifetime; /* figures beyond the period */
    const struct rt_notes *notes; /* warnings about the input, or NULL */
};

/* Empty: text, with a header, everything, nothing beyond the period. */
void cli_output_init(struct cli_output *output);

/*
 * Reads the value of --only: any field of the figures or beyond them.
 * False with the problem in words when there is no such field.
 */
bool cli_output_only(struct cli_output *output, const char *text, char *problem,
                     size_t size);

/*
 * Checks the options together once all are read: those beyond the period
 * (cli_lifetime_check()), that --only asks for a figure the other options
 * make known, that --no-header comes with csv or tsv, the formats that
 * have a header line (cli_output_check_header()), and that no option is
 * one that the figure of --only does not depend on, such as -p with
 * --only start.  False with a whole message.
 */
bool cli_output_check(const struct cli_output *output, bool has_new,
                      char *error, size_t size);

/*
 * --no-header needs a header line to leave out: one of csv or tsv, and no
 * --only, which prints a figure alone.  -f svg is refused: the commands of
 * one report draw no chart.  False with a whole message.
 */
bool cli_output_check_header(enum rt_format format, bool header, bool has_only,
                             char *error, size_t size);

/*
 * Writes the message for an option (such as "-p/--precision") that the
 * figure of --only (its name: `field`) does not depend on.
 */
void cli_output_unused(const char *option, const char *field, char *error,
                       size_t size);

/*
 * Prints the warnings of figures on stderr and the figures on stdout as
 * `output` says, with the figures beyond the period when asked for, and
 * output->notes first in the warnings field (they are not printed on
 * stderr: whoever made them has reported them).
 * Returns CLI_EXIT_OK, CLI_EXIT_USAGE when --only asks for a figure that
 * is not defined, or CLI_EXIT_FAILURE when memory runs out.
 */
int cli_print_figures(const struct rt_figures *figures,
                      const struct cli_output *output);

#endif
