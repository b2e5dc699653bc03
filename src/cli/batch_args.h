/*
 * batch_args.h - the command line of retain batch [OPTION]... [FILE]...
 */
#ifndef RETAIN_BATCH_ARGS_H
#define RETAIN_BATCH_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "batch.h"
#include "cli_command.h"
#include "cli_lifetime.h"

struct batch_args {
    bool help;
    struct rt_batch_options options;
    struct cli_lifetime lifetime; /* as given; copied into options */
    const char *summary_file;     /* NULL: stderr, or stdout for text */
    const char **files;           /* the caller's array, argc entries */
    size_t file_count;            /* 0: standard input */
};

/*
 * Reads argv[first..argc-1] into *args without printing; args->files must
 * point to room for argc names.  On failure writes a one-line message to
 * error.
 */
enum cli_parse_result batch_parse_args(int argc, char *const *argv, int first,
                                       struct batch_args *args, char *error,
                                       size_t error_size);

#endif
