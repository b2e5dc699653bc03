/*
 * ids_args.h - the command line of retain ids START_FILE END_FILE.
 */
#ifndef RETAIN_IDS_ARGS_H
#define RETAIN_IDS_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "cli_output.h"
#include "ids.h"

struct ids_args {
    bool help;
    struct rt_ids_options options;
    struct cli_output output;
    unsigned precision;
    bool strict;  /* exit 1 when a list held duplicates or blank lines */
    bool partial; /* --partial: write the counts as a part (merge_args.h) */
    bool has_list;
    enum rt_ids_list list;
    const char *list_to; /* NULL: the list replaces the figures on stdout */
    const char *start_file, *end_file;
    const char *extra_file; /* the first file named beyond two */
    size_t file_count;      /* files named: 2 when all is well */
};

/* Reads argv[first..argc-1] into *args without printing. */
enum cli_parse_result ids_parse_args(int argc, char *const *argv, int first,
                                     struct ids_args *args, char *error,
                                     size_t error_size);

#endif
