/*
 * calc_args.h - the core command's command line: retain -s START -e END
 * [-n NEW] [options].
 */
#ifndef RETAIN_CALC_ARGS_H
#define RETAIN_CALC_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "cli_output.h"
#include "retain.h"

enum calc_action { CALC_RUN, CALC_HELP, CALC_VERSION };

/* What the command line asked for. */
struct calc_args {
    enum calc_action action;
    struct rt_counts counts;
    unsigned precision;
    bool strict;
    struct cli_output output; /* format, --only, figures beyond the period */
};

/*
 * Reads argv[first..argc-1] into *args, without printing.  On failure
 * writes a one-line message (without the "retain: " prefix) to error.
 */
enum cli_parse_result calc_parse_args(int argc, char *const *argv, int first,
                                      struct calc_args *args, char *error,
                                      size_t error_size);

#endif
