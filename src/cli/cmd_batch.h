/*
 * cmd_batch.h - retain batch: figures for every row of CSV or TSV input.
 */
#ifndef RETAIN_CMD_BATCH_H
#define RETAIN_CMD_BATCH_H

/*
 * Runs retain batch on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_batch(int argc, char *const *argv, int first);

/* The text of retain batch --help. */
extern const char batch_help_text[];

#endif
