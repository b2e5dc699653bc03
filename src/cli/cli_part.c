/* cli_part.c - see cli_part.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_output.h"
#include "cli_part.h"
#include "sink.h"

int cli_write_part(const struct rt_part *part)
{
    struct rt_sink *sink = malloc(sizeof *sink);
    int error;

    if (!sink) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    rt_sink_init(sink, stdout);
    rt_part_write(part, sink);
    if (rt_sink_flush(sink)) {
        free(sink);
        return CLI_EXIT_OK;
    }
    error = sink->error;
    free(sink);
    /* Reported once, here: stdout's close must not say it again. */
    clearerr(stdout);
    cli_error("write error on standard output: %s", strerror(error));
    return CLI_EXIT_FAILURE;
}
