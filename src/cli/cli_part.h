/*
 * cli_part.h - a part of --partial (or of retain merge --partial) written
 * to standard output, for every command that makes one.
 */
#ifndef RETAIN_CLI_PART_H
#define RETAIN_CLI_PART_H

#include "part.h"

/*
 * Writes a part to standard output: CLI_EXIT_OK, or CLI_EXIT_FAILURE with
 * the write error reported.
 */
int cli_write_part(const struct rt_part *part);

#endif
