/*
 * revenue_args.h - the command line of retain revenue --start-mrr AMOUNT
 * --expansion AMOUNT --contraction AMOUNT --churned AMOUNT [OPTION]...
 */
#ifndef RETAIN_REVENUE_ARGS_H
#define RETAIN_REVENUE_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "retain.h"

/* What the command line asked for. */
struct revenue_args {
    bool help;
    struct rt_revenue amounts; /* in millionths */
    unsigned precision;
    enum rt_format format;
    bool header;
    bool strict;
    bool precision_given;
    bool has_only; /* print one field alone */
    enum rt_revenue_field only;
};

/*
 * Reads argv[first..argc-1] into *args, without printing.  On failure
 * writes a one-line message (without the "retain: " prefix) to error.
 */
enum cli_parse_result revenue_parse_args(int argc, char *const *argv, int first,
                                         struct revenue_args *args, char *error,
                                         size_t error_size);

#endif
