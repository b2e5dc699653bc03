/*
 * cmd_cohorts.h - retain cohorts: cohort retention tables from an activity
 * log.
 */
#ifndef RETAIN_CMD_COHORTS_H
#define RETAIN_CMD_COHORTS_H

/*
 * Runs retain cohorts on argv[first..argc-1]; returns the exit status,
 * with stdout still open: cli_main() closes and checks it.
 */
int cmd_cohorts(int argc, char *const *argv, int first);

/* The text of retain cohorts --help. */
extern const char cohorts_help_text[];

#endif
