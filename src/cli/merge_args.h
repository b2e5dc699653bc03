/*
 * merge_args.h - the command line of retain merge [OPTION]... [FILE]...,
 * and the options a part records.
 *
 * Which command the parts are of is known only once they are read, so
 * the command line is read twice: first every option of cohorts, periods
 * and ids is taken as a token ("--name" or "--name=value"), with the
 * files; then, the command known, the tokens are checked (an option that
 * shapes the counts is the parts', one that reads the input has no use
 * here) and given, with the options the parts recorded, to the command's
 * own parser, so that merge prints with the command's own options, rules
 * and defaults.
 */
#ifndef RETAIN_MERGE_ARGS_H
#define RETAIN_MERGE_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "cohorts_args.h"
#include "ids_args.h"
#include "part.h"

struct merge_args {
    bool help;
    bool partial;       /* write the merged part, not the report */
    const char **files; /* the caller's array, argc entries */
    size_t file_count;  /* 0: standard input */
    char **tokens;      /* the options given, as "--name[=value]" */
    size_t token_count;
    bool no_memory; /* the parse failed for want of memory: exit 3 */
};

/*
 * Reads argv[first..argc-1] into *args without printing; args->files
 * must point to room for argc names.  On failure writes a one-line
 * message to error.  Free with merge_args_free() whatever it returns.
 */
enum cli_parse_result merge_parse_args(int argc, char *const *argv, int first,
                                       struct merge_args *args, char *error,
                                       size_t error_size);
void merge_args_free(struct merge_args *args);

/*
 * The command line of the parts' command: the tokens given, then the
 * part's options, then for ids two names of lists it never opens.  NULL
 * with a message in error when a token is no option for merging these
 * parts, or out of memory (error "").  Free with merge_args_free_line().
 */
char **merge_args_command_line(const struct merge_args *args,
                               const struct rt_part *part, int *argc,
                               char *error, size_t error_size);
void merge_args_free_line(char **line, int argc);

/* The options that shape the counts, into a part; false out of memory. */
bool merge_args_cohorts_part(const struct cohorts_args *args, bool periods,
                             struct rt_part *part);
bool merge_args_ids_part(const struct ids_args *args, struct rt_part *part);

/*
 * With --partial: CLI_PARSE_USAGE, with a message, when one of the `count`
 * options `ids` (those that only shape the printing) was given.
 */
enum cli_parse_result merge_args_refuse_printing(const struct cli_parse *parse,
                                                 const int *ids, size_t count,
                                                 char *error, size_t size);

#endif
