/*
 * cmd_batch.h - retain batch: figures for every row of CSV or TSV input.
 */
#ifndef RETAIN_CMD_BATCH_H
#define RETAIN_CMD_BATCH_H

#include "batch_types.h"
#include "sink.h"

/*
 * Runs retain batch on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_batch(int argc, char *const *argv, int first);

/*
 * The exit status of a batch run that ended with `result`, reporting a
 * write error to `sink` (once) or running out of memory; also retain
 * periods', whose counts go through the batch engine.
 */
int cmd_batch_status(enum rt_batch_result result, const struct rt_sink *sink);

/* The text of retain batch --help. */
extern const char batch_help_text[];

#endif
