/*
 * cmd_shard.c - retain shard: open the inputs, split them into the parts,
 * and put the parts in place only when all of them are whole.
 */
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_outfile.h"
#include "cmd_shard.h"
#include "platform.h"
#include "shard.h"
#include "shard_args.h"

const char shard_help_text[] =
    "Usage: retain shard --by COLUMN --parts N --prefix PATH [FILE]...\n"
    "  or:  retain shard --plain --parts N --prefix PATH [FILE]...\n"
    "\n"
    "Split a CSV or TSV log (or, with --plain, a list of IDs, one a line)\n"
    "into N parts by customer: every row goes to the part that a keyed hash\n"
    "of its COLUMN value picks, so that all the rows of one customer are in\n"
    "one part, on any machine.  Count each part with --partial and add the\n"
    "counts with retain merge.  With no FILE, or FILE -, read standard input.\n"
    "\n"
    "The parts are PATH-00000-of-0000N.csv to PATH-0000(N-1)-of-0000N.csv\n"
    "(.tsv for tab-delimited input; .txt for ';' and --plain), each with\n"
    "the header line of the input first.  Rows are written as the input has\n"
    "them, with an LF line end; blank lines are dropped.  Every part is\n"
    "written beside its name and put in place only when all the parts are\n"
    "complete: a run that fails replaces none.\n"
    "\n"
    "The part of an ID is (h * N) >> 64, h its SipHash-2-4 under the key\n"
    "\"retain shard key\" (16 ASCII bytes), of the ID as retain reads it:\n"
    "unquoted, after --trim and --ignore-case when given.\n"
    "\n"
    "Options:\n"
    "      --by=COLUMN         the customer ID column (CSV or TSV with a\n"
    "                          header line)\n"
    "      --plain             the input is a list of IDs, one a line\n"
    "      --parts=N           how many parts, 1 to 1000\n"
    "      --prefix=PATH       the parts' names start with PATH\n"
    "  -d, --delimiter=DELIM   ',', ';' or tab (default: from the file name,\n"
    "                          or guessed from the header)\n"
    "      --trim              hash IDs without the spaces and tabs around\n"
    "                          them (as retain ids --trim reads them)\n"
    "      --ignore-case       hash A-Z as a-z (as retain ids --ignore-case)\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status: 0 split; 1 split, but rows whose ID could not be told\n"
    "(too few fields, or quotes gone wrong) were left out; 2 nothing split\n"
    "(an input that cannot be read, no such column, inputs with different\n"
    "headers, a usage error); 3 a part could not be written, or out of\n"
    "memory.\n"
    "\n"
    "Examples:\n"
    "  retain shard --by customer_id --parts 8 --prefix part events.csv\n"
    "  ls part-*-of-00008.csv | parallel 'retain cohorts --as-of 2024-12-31 "
    "\\\n"
    "      --partial {} > {.}.partial'\n"
    "  retain merge part-*.partial\n";

/* The parts being written, and what names them. */
struct shard_out {
    const struct shard_args *args;
    const char *const *inputs; /* for the check that no part is an input */
    size_t input_count;
    struct cli_outfile *files; /* args->options.parts of them */
    char **names;              /* their names, which the files point to */
    char **buffers;            /* their streams' buffers, or NULL */
    unsigned opened;
    int open_status; /* of the part that could not be opened, if one */
};

/* The parts' name ending: what tells retain their delimiter. */
static const char *extension(char delimiter)
{
    return delimiter == ',' ? ".csv" : delimiter == '\t' ? ".tsv" : ".txt";
}

static char *part_name(const struct shard_out *out, unsigned part,
                       char delimiter)
{
    size_t size = strlen(out->args->prefix) + 32;
    char *name = malloc(size);

    if (name)
        snprintf(name, size, "%s-%05u-of-%05u%s", out->args->prefix, part,
                 out->args->options.parts, extension(delimiter));
    else
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    return name;
}

/* All the parts' write buffers together: big buffers make few writes,
   and 16 MiB is little beside what retain's other commands hold. */
#define BUFFERS_SIZE ((size_t)16 << 20)
#define BUFFER_MIN   ((size_t)16 << 10)
#define BUFFER_MAX   ((size_t)1 << 20)

/* A buffer of its own for the stream of a part, before anything is
   written; the stream's own buffer when it cannot be had, and for a part
   that is standard output or error, which outlive the buffer. */
static void buffer_part(struct shard_out *out, unsigned part)
{
    FILE *stream = out->files[part].stream;
    size_t size = BUFFERS_SIZE / out->args->options.parts;

    if (stream == stdout || stream == stderr)
        return;
    size = size < BUFFER_MIN   ? BUFFER_MIN
           : size > BUFFER_MAX ? BUFFER_MAX
                               : size;
    out->buffers[part] = malloc(size);
    if (out->buffers[part] &&
        setvbuf(stream, out->buffers[part], _IOFBF, size) != 0) {
        free(out->buffers[part]);
        out->buffers[part] = NULL;
    }
}

/* Opens every part, beside its name, once the delimiter is known. */
static bool start_parts(void *context, char delimiter)
{
    struct shard_out *out = context;
    unsigned part;

    for (part = 0; part < out->args->options.parts; part++) {
        out->names[part] = part_name(out, part, delimiter);
        out->open_status = out->names[part]
                               ? cli_outfile_open(&out->files[part], "--prefix",
                                                  out->names[part], out->inputs,
                                                  out->input_count)
                               : CLI_EXIT_FAILURE;
        if (out->open_status != CLI_EXIT_OK)
            return false;
        out->opened = part + 1;
        buffer_part(out, part);
    }
    return true;
}

/* Writes a row and its line end; a failure is reported once, here. */
static bool write_row(void *context, unsigned part, const char *data,
                      size_t len)
{
    struct shard_out *out = context;
    FILE *stream = out->files[part].stream;

    if (fwrite(data, 1, len, stream) == len && putc('\n', stream) != EOF)
        return true;
    cli_outfile_flush(&out->files[part]);
    return false;
}

/*
 * Puts the parts in place when `keep`, else removes them.  All are
 * flushed first, so that a write error (a full disk) shows before any
 * part replaces an older one.
 */
static int close_parts(struct shard_out *out, bool keep)
{
    bool wanted = keep;
    int status = CLI_EXIT_OK;
    unsigned part;

    for (part = 0; keep && part < out->opened; part++)
        if (cli_outfile_flush(&out->files[part]) != CLI_EXIT_OK)
            keep = false;
    /* A message lost on stderr: the run did not go as it says. */
    if (keep && !cli_outfile_stdout_taken())
        keep = false;
    /* All the parts in place or none: a signal waits for the renames. */
    rt_platform_hold_signals(true);
    for (part = 0; part < out->opened; part++)
        if (cli_outfile_close(&out->files[part], keep) != CLI_EXIT_OK)
            status = CLI_EXIT_FAILURE;
    rt_platform_hold_signals(false);
    return wanted && !keep ? CLI_EXIT_FAILURE : status;
}

static void free_out(struct shard_out *out)
{
    unsigned part;

    for (part = 0; part < out->args->options.parts; part++) {
        free(out->names ? out->names[part] : NULL);
        free(out->buffers ? out->buffers[part] : NULL);
    }
    free(out->names);
    free(out->buffers);
    free(out->files);
}

static bool alloc_out(struct shard_out *out, const struct shard_args *args)
{
    static const char *const standard_input[] = {"-"};

    memset(out, 0, sizeof *out);
    out->args = args;
    out->inputs = args->file_count ? args->files : standard_input;
    out->input_count = args->file_count ? args->file_count : 1;
    out->files = calloc(args->options.parts, sizeof *out->files);
    out->names = calloc(args->options.parts, sizeof *out->names);
    out->buffers = calloc(args->options.parts, sizeof *out->buffers);
    if (out->files && out->names && out->buffers)
        return true;
    free_out(out);
    cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    return false;
}

/* Opens every input before any part is made: a missing one stops the run
   before anything is written. */
static FILE **open_inputs(const char *const *names, size_t count,
                          const char **shown)
{
    FILE **inputs = calloc(count, sizeof(FILE *));
    size_t i;

    if (!inputs) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return NULL;
    }
    for (i = 0; i < count; i++) {
        inputs[i] = cli_inputs_open(names[i], &shown[i]);
        if (!inputs[i]) {
            while (i-- > 0)
                cli_inputs_close(inputs[i]);
            free(inputs);
            return NULL;
        }
    }
    return inputs;
}

static int exit_status(enum rt_shard_result result, const struct rt_shard *s)
{
    switch (result) {
    case RT_SHARD_OK:
        return s->left_out ? CLI_EXIT_INCONSISTENT : CLI_EXIT_OK;
    case RT_SHARD_UNUSABLE:
        return CLI_EXIT_USAGE;
    case RT_SHARD_NO_MEMORY:
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    default:
        return CLI_EXIT_FAILURE;
    }
}

/* Splits the open inputs in turn; the parts are kept only when all went
   well (rows left out aside). */
static int split(const struct shard_args *args, FILE **inputs,
                 const char *const *shown, size_t count)
{
    struct rt_reporter reporter = {cli_report, NULL};
    enum rt_shard_result result = RT_SHARD_OK;
    struct rt_shard_sink sink;
    struct shard_out out;
    struct rt_shard shard;
    size_t i;
    int status;

    if (!alloc_out(&out, args))
        return CLI_EXIT_FAILURE;
    sink.start = start_parts;
    sink.row = write_row;
    sink.context = &out;
    rt_shard_init(&shard, &args->options, reporter, sink);
    for (i = 0; i < count && result == RT_SHARD_OK; i++)
        result = rt_shard_read(&shard, inputs[i], shown[i]);
    /* Parts of a list with no line, or of a failed first header, are made
       (empty) only when the run succeeded. */
    if (result == RT_SHARD_OK && !shard.started &&
        !start_parts(&out, args->options.delimiter))
        result = RT_SHARD_WRITE_FAIL;
    /* A part that cannot be made is a bad --prefix (2), or no memory. */
    status = out.open_status ? out.open_status : exit_status(result, &shard);
    if (close_parts(&out, result == RT_SHARD_OK) != CLI_EXIT_OK &&
        status < CLI_EXIT_FAILURE)
        status = CLI_EXIT_FAILURE;
    rt_shard_free(&shard);
    free_out(&out);
    return status;
}

static int run(const struct shard_args *args)
{
    static const char *const standard_input[] = {"-"};
    const char *const *names = args->file_count ? args->files : standard_input;
    size_t count = args->file_count ? args->file_count : 1, i;
    const char **shown = calloc(count, sizeof *shown);
    FILE **inputs = shown ? open_inputs(names, count, shown) : NULL;
    int status;

    if (!shown)
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    if (!inputs) {
        free(shown);
        return shown ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
    }
    status = split(args, inputs, shown, count);
    for (i = 0; i < count; i++)
        cli_inputs_close(inputs[i]);
    free(inputs);
    free(shown);
    return status;
}

int cmd_shard(int argc, char *const *argv, int first)
{
    const char **files = malloc((size_t)argc * sizeof *files);
    struct shard_args args;
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed;
    int status;

    if (!files) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    memset(&args, 0, sizeof args);
    args.files = files;
    parsed = shard_parse_args(argc, argv, first, &args, error, sizeof error);
    if (parsed != CLI_PARSE_OK)
        status = cli_parse_report("shard", parsed, error);
    else if (args.help) {
        fputs(shard_help_text, stdout);
        status = CLI_EXIT_OK;
    } else if ((status = cli_inputs_distinct(args.files, args.file_count)) ==
               CLI_EXIT_OK)
        status = run(&args);
    free(files);
    return status;
}
