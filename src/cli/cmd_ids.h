/*
 * cmd_ids.h - retain ids: exact retention from two lists of customer IDs.
 */
#ifndef RETAIN_CMD_IDS_H
#define RETAIN_CMD_IDS_H

/*
 * Runs retain ids on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_ids(int argc, char *const *argv, int first);

/* The text of retain ids --help. */
extern const char ids_help_text[];

#endif
