/*
 * cmd_revenue.h - retain revenue: net and gross revenue retention.
 */
#ifndef RETAIN_CMD_REVENUE_H
#define RETAIN_CMD_REVENUE_H

/*
 * Runs retain revenue on argv[first..argc-1]; returns the exit status, with
 * stdout still open: cli_main() closes and checks it.
 */
int cmd_revenue(int argc, char *const *argv, int first);

/* The --help text. */
extern const char revenue_help_text[];

#endif
