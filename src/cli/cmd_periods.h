/*
 * cmd_periods.h - retain periods: S, E and N for every period, from an
 * activity log or a subscription table.
 */
#ifndef RETAIN_CMD_PERIODS_H
#define RETAIN_CMD_PERIODS_H

/*
 * Runs retain periods on argv[first..argc-1]; returns the exit status,
 * with stdout still open: cli_main() closes and checks it.
 */
int cmd_periods(int argc, char *const *argv, int first);

/* The text of retain periods --help. */
extern const char periods_help_text[];

#endif
