/*
 * cli_output.h - printing one period's figures, for every command that
 * computes them (the core command and retain ids).
 */
#ifndef RETAIN_CLI_OUTPUT_H
#define RETAIN_CLI_OUTPUT_H

#include <stdbool.h>

#include "retain.h"

/* How the figures are to be printed. */
struct cli_output {
    enum rt_format format;
    bool header;   /* csv, tsv: the header line */
    bool has_only; /* print one figure, bare */
    enum rt_field only;
};

/*
 * Prints the warnings of figures on stderr and the figures on stdout as
 * `output` says.  Returns CLI_EXIT_OK, or CLI_EXIT_USAGE when --only asks
 * for a figure that the counts do not define.
 */
int cli_print_figures(const struct rt_figures *figures,
                      const struct cli_output *output);

#endif
