/*
 * cmd_batch.c - retain batch: check the inputs, stream them through the
 * batch engine, report, and map the outcome to an exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_args.h"
#include "batch_parallel.h"
#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_lifetime.h"
#include "describe.h"
#include "cli_outfile.h"
#include "cmd_batch.h"
#include "platform.h"

const char batch_help_text[] =
    "Usage: retain batch [OPTION]... [FILE]...\n"
    "\n"
    "Compute the retention figures of every row of CSV or TSV input, in\n"
    "one streaming pass.  Reads each FILE in turn, or standard input when\n"
    "there is none or FILE is -; a FILE that cannot be used, or whose\n"
    "header is not the first one's, is reported and skipped.\n"
    "\n"
    "A header line names the columns.  The counts are the columns named\n"
    "start, end and new (any case; also S, E and N); without new, only the\n"
    "simple rates are computed.  Other columns pass through (as input.NAME\n"
    "when the output adds NAME).  Each row gives one row of the header's\n"
    "width: its columns, then retained, lost, retention_rate, churn_rate,\n"
    "simple_retention_rate, simple_churn_rate, the figures beyond one period\n"
    "when asked for, and warnings.  An invalid row keeps its columns, gets\n"
    "empty figures and the reason in warnings, and is reported on stderr as\n"
    "FILE:LINE; so is a row of another width than the header.\n"
    "\n"
    "With a start_mrr column (any case), expansion, contraction and churned\n"
    "must be there too, and each row also gets net_revenue_retention and\n"
    "gross_revenue_retention.\n"
    "\n"
    "Input:\n"
    "  -d, --delimiter=DELIM   ',', ';' or tab; by default taken from the\n"
    "                          file name (.csv, .tsv) or the header line\n"
    "      --start-col=NAME    the column of the start count\n"
    "      --end-col=NAME      the column of the end count\n"
    "      --new-col=NAME      the column of the new count\n"
    "      --no-header         the input has no header line, and the output\n"
    "                          gets none ...\n"
    "      --columns=NAMES     ... and these are its columns, e.g.\n"
    "                          --columns period,start,end,new\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT     csv, tsv, json (JSON Lines), text (a table),\n"
    "                          markdown (a GitHub pipe table) or svg (a\n"
    "                          chart of retention and churn by the period\n"
    "                          column or row, a line per group); by default\n"
    "                          as the input: csv or tsv\n"
    "      --width=PIXELS      the chart's size, 320 to 10000 (default\n"
    "      --height=PIXELS     800 x 500); with -f svg\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "                          (default 2), rounded half away from zero\n"
    "      --strict            exit 1 when any row's counts contradict each\n"
    "                          other, or its width is not the header's\n"
    "      --summary           add the pooled figures over all valid rows,\n"
    "                          and the mean, minimum and maximum retention\n"
    "                          rate: on stderr, or after the table for text\n"
    "      --summary-file=PATH the summary to PATH (implies --summary)\n"
    "      --group-by=COLUMN   also per value of COLUMN (implies --summary)\n"
    "      --only=COLUMN       each row: its columns other than the counts,\n"
    "                          and COLUMN alone (a count or a figure)\n"
    "  -j, --jobs=N            compute on N threads (default 2; 1 to 64);\n"
    "                          the output is the same, in the same order\n"
    "  -h, --help              show this help and exit\n";

/* The rest of --help: one string literal is at most 4095 bytes in C. */
static const char batch_help_tail[] =
    "\n" CLI_LIFETIME_HELP "\n"
    "Exit status:\n"
    "  0  every row computed\n"
    "  1  some rows invalid or inputs skipped, or rows inconsistent or\n"
    "     ragged with --strict\n"
    "  2  nothing usable: no usable input, a file named twice, a bad option\n"
    "  3  the output could not be written, or out of memory\n"
    "\n"
    "Examples:\n"
    "  retain batch periods.csv\n"
    "  retain batch --summary --group-by segment periods.csv\n"
    "  retain batch -f json periods.csv | jq .retention_rate\n"
    "  retain batch --no-header --columns period,segment,start,end,new\n";

/*
 * Any write error is reported once, here, and stdout's error flag cleared
 * so that it is not reported again when stdout is closed.  A reader that
 * went away (EPIPE, with SIGPIPE ignored) is one: the output is cut short.
 */
static int output_failed(const struct rt_sink *sink)
{
    clearerr(stdout);
    cli_error("write error on standard output: %s", strerror(sink->error));
    return CLI_EXIT_FAILURE;
}

static int exit_status(enum rt_batch_result result)
{
    switch (result) {
    case RT_BATCH_OK:
        return CLI_EXIT_OK;
    case RT_BATCH_ROWS_INVALID:
    case RT_BATCH_INPUT_SKIPPED:
        return CLI_EXIT_INCONSISTENT;
    case RT_BATCH_UNUSABLE:
    case RT_BATCH_BAD_COLUMNS:
        return CLI_EXIT_USAGE;
    case RT_BATCH_NO_MEMORY:
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    case RT_BATCH_OUTPUT_FAILED:
        break;
    }
    return CLI_EXIT_FAILURE;
}

int cmd_batch_status(enum rt_batch_result result, const struct rt_sink *sink)
{
    return result == RT_BATCH_OUTPUT_FAILED ? output_failed(sink)
                                            : exit_status(result);
}

/* Reads one input; one that cannot be opened is skipped as unusable. */
static enum rt_batch_result run_file(struct rt_batch *batch, const char *name)
{
    enum rt_batch_result result;
    const char *shown;
    FILE *in = cli_inputs_open(name, &shown);

    if (!in) {
        batch->inputs_skipped++;
        return RT_BATCH_UNUSABLE;
    }
    result = rt_batch_file(batch, in, shown);
    cli_inputs_close(in);
    return result;
}

/*
 * Runs every input in turn.  One that cannot be used has been reported,
 * and the rest go on (rt_batch_finish() says how the run went); only what
 * stops the whole run (no memory, no output, --columns) stops here.
 */
static enum rt_batch_result run_inputs(struct rt_batch *batch,
                                       const struct batch_args *args)
{
    enum rt_batch_result result = RT_BATCH_OK;
    size_t i;

    if (args->file_count == 0)
        result = rt_batch_file(batch, stdin, CLI_STDIN_NAME);
    for (i = 0; i < args->file_count && result <= RT_BATCH_UNUSABLE; i++)
        result = run_file(batch, args->files[i]);
    return result > RT_BATCH_UNUSABLE ? result : RT_BATCH_OK;
}

/*
 * Where the summary goes: stderr, nowhere (text and markdown print it
 * after the table, markdown as a second table), or --summary-file,
 * checked against the inputs and opened as a new file beside it
 * (cli_outfile.h).  NULL and *status set on failure.
 */
static FILE *open_summary(const struct batch_args *args,
                          struct cli_outfile *file, int *status)
{
    static const char *const standard_input[] = {"-"};

    memset(file, 0, sizeof *file);
    *status = CLI_EXIT_OK;
    if (!args->summary_file)
        return args->options.format == RT_FORMAT_TEXT ||
                       args->options.format == RT_FORMAT_MARKDOWN
                   ? NULL
                   : stderr;
    *status = cli_outfile_open(file, "--summary-file", args->summary_file,
                               args->file_count ? args->files : standard_input,
                               args->file_count ? args->file_count : 1);
    return file->stream;
}

static int run(const struct batch_args *args)
{
    struct rt_reporter reporter = {cli_report, NULL};
    struct rt_sink *sink = malloc(sizeof *sink);
    enum rt_batch_result result, finished;
    struct rt_batch batch;
    struct cli_outfile summary_file;
    FILE *summary_out;
    int status;

    if (!sink ||
        rt_batch_init(&batch, &args->options, sink, reporter) != RT_OK) {
        free(sink);
        return exit_status(RT_BATCH_NO_MEMORY);
    }
    rt_sink_init(sink, stdout);
    summary_out = open_summary(args, &summary_file, &status);
    if (status != CLI_EXIT_OK) {
        rt_batch_free(&batch);
        free(sink);
        return status;
    }
    result = run_inputs(&batch, args);
    finished = rt_batch_finish(&batch, summary_out);
    if (result < finished)
        result = finished;
    status = cmd_batch_status(result, sink);
    /* Only a run that wrote all it had to replaces the summary file. */
    if (cli_outfile_close(&summary_file, status <= CLI_EXIT_INCONSISTENT &&
                                             cli_outfile_stdout_taken()) !=
        CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    rt_batch_free(&batch);
    free(sink);
    return status;
}

int cmd_batch(int argc, char *const *argv, int first)
{
    const char **files = malloc((size_t)argc * sizeof *files);
    struct batch_args args = {0};
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed;
    int status;

    if (!files)
        return exit_status(RT_BATCH_NO_MEMORY);
    args.files = files;
    parsed = batch_parse_args(argc, argv, first, &args, error, sizeof error);
    if (parsed != CLI_PARSE_OK) {
        status = cli_parse_report("batch", parsed, error);
    } else if (args.help) {
        fputs(batch_help_text, stdout);
        fputs(batch_help_tail, stdout);
        status = CLI_EXIT_OK;
    } else if ((status = cli_inputs_distinct(args.files, args.file_count)) ==
               CLI_EXIT_OK) {
        rt_platform_random_key(args.options.hash_key);
        status = run(&args);
    }
    free(files);
    return status;
}
