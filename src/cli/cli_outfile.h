/*
 * cli_outfile.h - an output file named by an option (--summary-file,
 * --list-to), written so that nothing is lost.
 *
 * The file is never one of the inputs, is not touched before the inputs
 * are open, and is written to a new file beside it, created exclusively
 * under a random name (so that a link planted there is never followed),
 * which replaces it only when complete and closed without error: a run
 * that fails leaves the old file as it was.  A device or a pipe
 * (/dev/full, a FIFO) is written in place, as there is nothing there to
 * lose, and a name for the run's own standard output or error (say
 * /dev/stdout) writes to that stream.
 */
#ifndef RETAIN_CLI_OUTFILE_H
#define RETAIN_CLI_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "describe.h"

struct cli_outfile {
    const char *option; /* e.g. "--list-to", for messages */
    const char *name;   /* as given */
    bool quoted;        /* messages show quoted_name, not name */
    char quoted_name[RT_NAME_SIZE];
    char *target; /* name with links resolved, or NULL: name itself */
    char *temp;   /* the new file beside it, or NULL: written in place */
    FILE *stream; /* where to write; NULL when not open */
    bool failed;  /* a write error was reported: keep the old file */
};

/*
 * Checks that the file `name` of `option` is none of the `count` inputs
 * (names; "-" is standard input), then opens it for writing as above.
 * Call it once the inputs are open, before reading them, so that an
 * output that cannot be written stops the run before any work.  Returns
 * CLI_EXIT_OK, or reports and returns CLI_EXIT_USAGE (an input, or cannot
 * be created) or CLI_EXIT_FAILURE (out of memory).
 */
int cli_outfile_open(struct cli_outfile *file, const char *option,
                     const char *name, const char *const *inputs, size_t count);

/*
 * Writes out what is buffered, so that a write error shows before the run
 * goes on to other output: reports it and returns CLI_EXIT_FAILURE, after
 * which cli_outfile_close() keeps the old file.  Else CLI_EXIT_OK.
 */
int cli_outfile_flush(struct cli_outfile *file);

/*
 * Whether standard output and error have taken all that was written to
 * them so far: a run whose output failed, its reader gone included, must
 * not replace an output file either.
 */
bool cli_outfile_stdout_taken(void);

/*
 * Closes the file.  With `keep` (the run computed what it was to write,
 * and wrote its other output), the new file replaces the old one; a write
 * error is reported and returns CLI_EXIT_FAILURE, and the old file stays.
 * Without `keep`, the new file is removed.  Returns CLI_EXIT_OK otherwise,
 * also for a file that was never opened.
 */
int cli_outfile_close(struct cli_outfile *file, bool keep);

#endif
