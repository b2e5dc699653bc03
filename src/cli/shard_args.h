/*
 * shard_args.h - the command line of retain shard --by COLUMN --parts N
 * --prefix PATH [FILE]...
 */
#ifndef RETAIN_SHARD_ARGS_H
#define RETAIN_SHARD_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli_command.h"
#include "shard.h"

struct shard_args {
    bool help;
    struct rt_shard_options options;
    uint64_t parts;     /* as given; options.parts once checked */
    const char *prefix; /* the parts are PREFIX-KKKKK-of-NNNNN.EXT */
    const char **files; /* the caller's array, argc entries */
    size_t file_count;  /* 0: standard input */
};

/*
 * Reads argv[first..argc-1] into *args without printing; args->files must
 * point to room for argc names.  On failure writes a one-line message to
 * error.
 */
enum cli_parse_result shard_parse_args(int argc, char *const *argv, int first,
                                       struct shard_args *args, char *error,
                                       size_t error_size);

#endif
