/*
 * cmd_merge.h - retain merge: adds the parts that --partial wrote and
 * prints the report of all of them, or writes their sum as one part.
 */
#ifndef RETAIN_CMD_MERGE_H
#define RETAIN_CMD_MERGE_H

#include "part.h"

/*
 * Runs retain merge on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_merge(int argc, char *const *argv, int first);

/* The text of retain merge --help. */
extern const char merge_help_text[];

#endif
