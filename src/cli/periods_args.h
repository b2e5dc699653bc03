/*
 * periods_args.h - the command line of retain periods [OPTION]... [FILE]...
 *
 * Its reading options are retain cohorts' (the same rows, checks and
 * rules: cohorts_args.h), its figure options retain batch's (the lifetime
 * rows of cli_lifetime.h, --only, --summary); --period is both the
 * calendar period and the length of the measured period.
 */
#ifndef RETAIN_PERIODS_ARGS_H
#define RETAIN_PERIODS_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "batch_types.h"
#include "cli_command.h"
#include "cli_lifetime.h"
#include "cohorts_args.h"

struct periods_args {
    /* First: cohorts' rows set it at their own offsets. */
    struct cohorts_args cohorts;
    struct cli_lifetime lifetime; /* as given; into batch */
    const char *only;             /* --only FIELD, or NULL */
    bool summary;
    const char *summary_file; /* NULL: stderr, or after the table for text */
    struct rt_batch_options batch; /* the figure options, once checked */
};

/*
 * Reads argv[first..argc-1] into *args without printing;
 * args->cohorts.files must point to room for argc names.  On failure
 * writes a one-line message to error.
 */
enum cli_parse_result periods_parse_args(int argc, char *const *argv, int first,
                                         struct periods_args *args, char *error,
                                         size_t error_size);

#endif
