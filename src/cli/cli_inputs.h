/*
 * cli_inputs.h - the inputs of a command that reads files in turn (batch,
 * cohorts): each must be named once, or its rows would count twice.
 */
#ifndef RETAIN_CLI_INPUTS_H
#define RETAIN_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* How messages name standard input. */
#define CLI_STDIN_NAME "(standard input)"

/*
 * Standard input can be read once: named twice (-), its second reading
 * would find it empty.  False with a message in error when it is.
 */
bool cli_inputs_stdin_once(const char *const *files, size_t count, char *error,
                           size_t size);

/*
 * Refuses a file named twice (a.csv ./a.csv, a link, - and /dev/stdin)
 * before anything is read.  Returns CLI_EXIT_OK, CLI_EXIT_USAGE (reported)
 * or CLI_EXIT_FAILURE (out of memory, reported).
 */
int cli_inputs_distinct(const char *const *files, size_t count);

/*
 * Opens an input to read: standard input for "-", else the file, and sets
 * *shown to how messages name it.  NULL, after reporting "NAME: cannot
 * open: REASON", when the file cannot be opened.
 */
FILE *cli_inputs_open(const char *name, const char **shown);

/* Closes what cli_inputs_open() opened; standard input stays open. */
void cli_inputs_close(FILE *in);

#endif
