/*
 * cli_main.c - pick the command, run it: all of main() but the process.
 *
 * A first argument that is not an option names a subcommand; anything else
 * is the core command (retain -s START -e END [-n NEW]).  Each command
 * returns its exit status with stdout still open; cli_main closes it.
 */
#include <stddef.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_main.h"
#include "cmd_batch.h"
#include "cmd_calc.h"
#include "cmd_cohorts.h"
#include "cmd_ids.h"
#include "cmd_merge.h"
#include "cmd_periods.h"
#include "cmd_revenue.h"
#include "cmd_shard.h"

struct command {
    const char *name;
    int (*run)(int argc, char *const *argv, int first);
};

/* Subcommands join this table as they are written; NULL ends it. */
static const struct command commands[] = {
    {"batch", cmd_batch},     {"cohorts", cmd_cohorts},
    {"ids", cmd_ids},         {"merge", cmd_merge},
    {"periods", cmd_periods}, {"revenue", cmd_revenue},
    {"shard", cmd_shard},     {NULL, NULL},
};

static const struct command *find_command(const char *name)
{
    const struct command *c;

    for (c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* Runs the command that argv names; returns its exit status. */
static int run_command(int argc, char **argv)
{
    const struct command *command;
    char quoted[128];

    if (argc < 2 || argv[1][0] == '-')
        return cmd_calc(argc, argv, 1);
    command = find_command(argv[1]);
    if (command)
        return command->run(argc, argv, 2);
    rt_quote_value(argv[1], strlen(argv[1]), quoted, sizeof quoted);
    cli_usage_error(NULL, "unknown command %s", quoted);
    return CLI_EXIT_USAGE;
}

/*
 * A command leaves stdout open: it is flushed, closed and checked here,
 * once for every command, so that a failed write (> /dev/full, a reader
 * gone) is never silent and never reported twice.
 */
int cli_main(int argc, char **argv)
{
    return cli_close_stdout(run_command(argc, argv));
}
