/*
 * cmd_ids.c - retain ids: read both lists, compute, print the figures or
 * a list of IDs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_diag.h"
#include "cli_lifetime.h"
#include "cmd_ids.h"
#include "ids_args.h"

#define STDIN_NAME "(standard input)"

const char ids_help_text[] =
    "Usage: retain ids [OPTION]... START_FILE END_FILE\n"
    "\n"
    "Compute retention exactly from two exports of customer IDs: those at\n"
    "the start of the period and those at the end.  Either file may be - for\n"
    "standard input, not both.\n"
    "\n"
    "  S = distinct IDs in START_FILE     E = distinct IDs in END_FILE\n"
    "  retained = IDs in both             new (N) = IDs only in END_FILE\n"
    "  lost = IDs only in START_FILE\n"
    "\n"
    "Each file holds one ID per line: any bytes but the line end, up to\n"
    "65535 of them.  A CR before the line end is dropped; blank lines are\n"
    "skipped; duplicates count once; both are reported as warnings.\n"
    "\n"
    "Input:\n"
    "      --trim              drop spaces and tabs around each ID\n"
    "      --ignore-case       compare IDs ignoring the case of A-Z\n"
    "      --id-column=NAME    read CSV or TSV with a header; IDs are in the\n"
    "                          column NAME\n"
    "  -d, --delimiter=DELIM   with --id-column: ',', ';' or tab (default: "
    "from\n"
    "                          the file name, or guessed from the header)\n"
    "\n"
    "Output:\n"
    "      --list=WHICH        print the lost, new or retained IDs instead of\n"
    "                          the figures, one per line, in the order they\n"
    "                          first appear in their file (retained: the\n"
    "                          start file)\n"
    "      --list-to=FILE      write the list to FILE, and the figures to\n"
    "                          standard output\n"
    "  -f, --format=FORMAT     text (default), json, csv or tsv\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "      --no-header         csv and tsv: leave out the header line\n"
    "      --only=FIELD        print one figure alone (see retain --help)\n"
    "      --strict            exit 1 when a list holds duplicate IDs or\n"
    "                          blank lines\n"
    "  -h, --help              show this help and exit\n"
    "\n" CLI_LIFETIME_HELP "\n"
    "Exit status: 0 computed; 1 computed, but a list held duplicates or\n"
    "blank lines and --strict was given; 2 nothing computed (a file that\n"
    "cannot be read, an ID line too long, an empty start list, a usage\n"
    "error); 3 the output could not be written, or out of memory.\n"
    "\n"
    "Examples:\n"
    "  retain ids customers-jan.txt customers-feb.txt\n"
    "  retain ids --list lost jan.txt feb.txt > win-back.txt\n"
    "  retain ids --id-column customer_id --list-to lost.txt --list lost \\\n"
    "      jan.csv feb.csv\n"
    "  retain ids --period month --per year jan.txt feb.txt\n";

/*
 * Two unpredictable words for the hash key, from /dev/urandom where the
 * system has it, else from the clock and addresses: enough that an input
 * cannot be prepared to collide under a key it cannot know.
 */
static void hash_key(uint64_t key[2])
{
    FILE *random = fopen("/dev/urandom", "rb");
    uint64_t mix = (uint64_t)time(NULL) ^ ((uint64_t)clock() << 32);

    key[0] = mix ^ (uint64_t)(uintptr_t)&mix;
    key[1] = mix * UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)(uintptr_t)key;
    if (random) {
        uint64_t bytes[2];

        if (fread(bytes, sizeof bytes, 1, random) == 1) {
            key[0] ^= bytes[0];
            key[1] ^= bytes[1];
        }
        fclose(random);
    }
}

static bool is_stdin(const char *name)
{
    return strcmp(name, "-") == 0;
}

/* How diagnostics name a list: "-" is standard input. */
static const char *shown_name(const char *name)
{
    return is_stdin(name) ? STDIN_NAME : name;
}

static FILE *open_list(const char *name)
{
    FILE *in = is_stdin(name) ? stdin : fopen(name, "rb");

    if (!in)
        cli_error("%s: cannot open: %s", name, strerror(errno));
    return in;
}

static enum rt_ids_result read_both(struct rt_ids *ids,
                                    const struct ids_args *args)
{
    FILE *start = open_list(args->start_file), *end;
    enum rt_ids_result result;

    if (!start)
        return RT_IDS_UNUSABLE;
    end = open_list(args->end_file);
    if (!end) {
        if (start != stdin)
            fclose(start);
        return RT_IDS_UNUSABLE;
    }
    result = rt_ids_read_start(ids, start, shown_name(args->start_file));
    if (result == RT_IDS_OK)
        result = rt_ids_read_end(ids, end, shown_name(args->end_file));
    if (start != stdin)
        fclose(start);
    if (end != stdin)
        fclose(end);
    return result;
}

/* Writes a list of IDs to --list-to's file, or to stdout. */
static int write_list(const struct rt_ids *ids, const struct ids_args *args)
{
    FILE *out = args->list_to ? fopen(args->list_to, "wb") : stdout;
    struct rt_sink *sink = malloc(sizeof *sink);
    bool failed;
    int error;

    if (!out || !sink) {
        free(sink);
        if (!out) {
            cli_error("option --list-to: %s: cannot open: %s", args->list_to,
                      strerror(errno));
            return CLI_EXIT_USAGE;
        }
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    rt_sink_init(sink, out);
    rt_ids_write_list(ids, args->list, sink);
    failed = !rt_sink_flush(sink);
    error = sink->error;
    free(sink);
    if (!args->list_to)
        return CLI_EXIT_OK; /* cli_close_stdout() reports stdout's errors */
    if (fclose(out) != 0 && !failed) {
        failed = true;
        error = errno;
    }
    if (!failed)
        return CLI_EXIT_OK;
    cli_error("%s: write error: %s", args->list_to, strerror(error));
    return CLI_EXIT_FAILURE;
}

static int compute(const struct rt_ids *ids, const struct ids_args *args)
{
    struct rt_counts counts = rt_ids_counts(ids);
    struct rt_figures figures;
    int status = CLI_EXIT_OK;

    if (counts.start == 0) {
        cli_error("%s: no IDs in the start list, so no rate is defined "
                  "(expected at least 1 customer at the start)",
                  shown_name(args->start_file));
        return CLI_EXIT_USAGE;
    }
    if (rt_figures_compute(&counts, args->precision, &figures) != RT_OK) {
        cli_error("%s", rt_status_text(RT_ERR_RANGE));
        return CLI_EXIT_USAGE;
    }
    if (args->has_list)
        status = write_list(ids, args);
    if (status == CLI_EXIT_OK && (!args->has_list || args->list_to))
        status = cli_print_figures(&figures, &args->output);
    if (status == CLI_EXIT_OK && args->strict && rt_ids_untidy(ids))
        status = CLI_EXIT_INCONSISTENT;
    return status;
}

static int run(const struct ids_args *args)
{
    struct rt_reporter reporter = {cli_report, NULL};
    struct rt_ids ids;
    enum rt_ids_result result;
    uint64_t key[2];
    int status;

    hash_key(key);
    rt_ids_init(&ids, &args->options, reporter, key);
    result = read_both(&ids, args);
    if (result == RT_IDS_NO_MEMORY) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        status = CLI_EXIT_FAILURE;
    } else if (result == RT_IDS_UNUSABLE) {
        status = CLI_EXIT_USAGE;
    } else {
        status = compute(&ids, args);
    }
    rt_ids_free(&ids);
    return status;
}

int cmd_ids(int argc, char *const *argv, int first)
{
    struct ids_args args;
    char error[RT_MESSAGE_SIZE + 80];

    switch (ids_parse_args(argc, argv, first, &args, error, sizeof error)) {
    case IDS_PARSE_USAGE:
        cli_usage_error("%s", error);
        return CLI_EXIT_USAGE;
    case IDS_PARSE_INVALID:
        cli_error("%s", error);
        return CLI_EXIT_USAGE;
    case IDS_PARSE_OK:
        break;
    }
    if (args.help) {
        fputs(ids_help_text, stdout);
        return cli_close_stdout(CLI_EXIT_OK);
    }
    return cli_close_stdout(run(&args));
}
