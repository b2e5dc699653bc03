/*
 * cmd_calc.h - the core command: retain -s START -e END [-n NEW].
 */
#ifndef RETAIN_CMD_CALC_H
#define RETAIN_CMD_CALC_H

/*
 * Runs the core command on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_calc(int argc, char *const *argv, int first);

/* The --help text. */
extern const char calc_help_text[];

#endif
