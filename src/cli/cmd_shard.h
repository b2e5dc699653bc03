/*
 * cmd_shard.h - retain shard: split a log or a list into parts by
 * customer, for counting apart and merging.
 */
#ifndef RETAIN_CMD_SHARD_H
#define RETAIN_CMD_SHARD_H

/*
 * Runs retain shard on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_shard(int argc, char *const *argv, int first);

/* The text of retain shard --help. */
extern const char shard_help_text[];

#endif
