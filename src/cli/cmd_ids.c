/*
 * cmd_ids.c - retain ids: read both lists, compute, print the figures or
 * a list of IDs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_lifetime.h"
#include "describe.h"
#include "cli_outfile.h"
#include "cmd_ids.h"
#include "cli_part.h"
#include "merge.h"
#include "merge_args.h"
#include "emit.h"
#include "ids_args.h"
#include "platform.h"

#define STDIN_NAME "(standard input)"

const char ids_help_text[] =
    "Usage: retain ids [OPTION]... START_FILE END_FILE\n"
    "\n"
    "Compute retention exactly from two exports of customer IDs: those at\n"
    "the start of the period and those at the end.  Either file may be - for\n"
    "standard input, not both; they must be two different files.\n"
    "\n"
    "  S = distinct IDs in START_FILE     E = distinct IDs in END_FILE\n"
    "  retained = IDs in both             new (N) = IDs only in END_FILE\n"
    "  lost = IDs only in START_FILE\n"
    "\n"
    "Each file holds one ID per line: any bytes but the line end, up to\n"
    "65535 of them.  A UTF-8 byte-order mark at the start and a CR before\n"
    "the line end are dropped.  Blank lines are skipped and duplicates count\n"
    "once; both are warnings, and so is an end list without IDs.  Warnings\n"
    "go to stderr and into the warnings field of json, csv and tsv.\n"
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
    "                          standard output; FILE is replaced only when\n"
    "                          all is written, and is never an input\n"
    "  -f, --format=FORMAT     text (default), json, csv, tsv or markdown\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "      --no-header         csv and tsv: leave out the header line (not\n"
    "                          with --only, which prints none)\n"
    "      --only=FIELD        print one figure alone (see retain --help)\n"
    "      --strict            exit 1 on any warning: duplicate IDs, blank\n"
    "                          lines, an end list without IDs\n"
    "      --partial           write the exact counts as a part for retain\n"
    "                          merge instead (no option of the output: give\n"
    "                          those to merge); an empty start list is fine\n"
    "  -h, --help              show this help and exit\n"
    "\n" CLI_LIFETIME_HELP "\n"
    "Exit status: 0 computed; 1 computed, but with warnings and --strict\n"
    "was given; 2 nothing computed (a file that cannot be read, one file as\n"
    "both lists, an ID line too long, an empty start list, a list too large,\n"
    "--list-to naming an input, a usage error); 3 the output could not be\n"
    "written, or out of memory.\n"
    "\n"
    "Examples:\n"
    "  retain ids customers-jan.txt customers-feb.txt\n"
    "  retain ids --list lost jan.txt feb.txt > win-back.txt\n"
    "  retain ids --id-column customer_id --list-to lost.txt --list lost \\\n"
    "      jan.csv feb.csv\n"
    "  retain ids --period month --per year jan.txt feb.txt\n";

/* At most 3 warnings a list: blank lines, duplicates, no IDs. */
#define NOTES_MAX 8

/* The warnings of a run, for the warnings field of the output. */
struct ids_notes {
    char *texts[NOTES_MAX];
    struct rt_notes list; /* texts, as the emitters take them */
    bool no_memory;
};

/* The two lists, open. */
struct ids_lists {
    FILE *start, *end;
};

static bool is_stdin(const char *name)
{
    return strcmp(name, "-") == 0;
}

/* How diagnostics name a list: "-" is standard input. */
static const char *shown_name(const char *name)
{
    return is_stdin(name) ? STDIN_NAME : name;
}

static void notes_init(struct ids_notes *notes)
{
    memset(notes, 0, sizeof *notes);
    notes->list.texts = (const char *const *)notes->texts;
}

static void notes_free(struct ids_notes *notes)
{
    size_t i;

    for (i = 0; i < notes->list.count; i++)
        free(notes->texts[i]);
}

/*
 * The reporter of retain ids: every diagnostic goes to stderr, as for
 * every command, and each warning is also kept, as "FILE:LINE: MESSAGE",
 * for the warnings field of the figures.
 */
static void report_and_note(void *context, enum rt_severity severity,
                            const char *file, uint64_t line,
                            const char *message)
{
    struct ids_notes *notes = context;
    size_t size;
    char *text;

    cli_report(NULL, severity, file, line, message);
    if (severity != RT_SEVERITY_WARNING || notes->list.count == NOTES_MAX)
        return;
    size = (file ? strlen(file) : 0) + strlen(message) + 32;
    text = malloc(size);
    if (!text) {
        notes->no_memory = true;
        return;
    }
    if (!file)
        snprintf(text, size, "%s", message);
    else if (line == 0)
        snprintf(text, size, "%s: %s", file, message);
    else
        snprintf(text, size, "%s:%llu: %s", file, (unsigned long long)line,
                 message);
    notes->texts[notes->list.count++] = text;
}

static FILE *open_list(const char *name)
{
    FILE *in = is_stdin(name) ? stdin : fopen(name, "rb");

    if (!in) {
        char shown[RT_NAME_SIZE];

        cli_error("%s: cannot open: %s",
                  rt_quote_name(name, shown, sizeof shown), strerror(errno));
    }
    return in;
}

static void close_lists(struct ids_lists *lists)
{
    if (lists->start && lists->start != stdin)
        fclose(lists->start);
    if (lists->end && lists->end != stdin)
        fclose(lists->end);
}

static void list_id(const char *name, struct rt_file_id *id)
{
    if (is_stdin(name))
        rt_platform_stream_id(0, id);
    else
        rt_platform_file_id(name, id);
}

/*
 * One file given as both lists (a.txt and ./a.txt, a link, /dev/stdin and
 * -) is a mistake: a pipe would be read dry by the start list, and a file
 * compared with itself tells nothing.
 */
static bool same_list(const struct ids_args *args)
{
    struct rt_file_id start, end;
    char end_name[RT_NAME_SIZE], start_name[RT_NAME_SIZE];

    list_id(args->start_file, &start);
    list_id(args->end_file, &end);
    if (!rt_platform_same_file(&start, &end))
        return false;
    cli_error(
        "END_FILE %s is the same file as START_FILE %s (expected two "
        "different lists)",
        rt_quote_name(shown_name(args->end_file), end_name, sizeof end_name),
        rt_quote_name(shown_name(args->start_file), start_name,
                      sizeof start_name));
    return true;
}

static int open_lists(struct ids_lists *lists, const struct ids_args *args)
{
    lists->start = open_list(args->start_file);
    lists->end = lists->start ? open_list(args->end_file) : NULL;
    if (!lists->end || same_list(args))
        return CLI_EXIT_USAGE;
    return CLI_EXIT_OK;
}

/* The file of --list-to, checked and opened before the lists are read. */
static int open_list_to(struct cli_outfile *file, const struct ids_args *args)
{
    const char *inputs[2];

    inputs[0] = args->start_file;
    inputs[1] = args->end_file;
    return cli_outfile_open(file, "--list-to", args->list_to, inputs, 2);
}

static int read_lists(struct rt_ids *ids, const struct ids_lists *lists,
                      const struct ids_args *args,
                      const struct ids_notes *notes)
{
    enum rt_ids_result result =
        rt_ids_read_start(ids, lists->start, shown_name(args->start_file));

    if (result == RT_IDS_OK)
        result = rt_ids_read_end(ids, lists->end, shown_name(args->end_file));
    if (result == RT_IDS_OK && notes->no_memory)
        result = RT_IDS_NO_MEMORY;
    if (result == RT_IDS_NO_MEMORY) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    return result == RT_IDS_OK ? CLI_EXIT_OK : CLI_EXIT_USAGE;
}

/*
 * Writes a list of IDs to --list-to's file, reporting a write error before
 * the figures are printed, or to stdout, whose errors cli_close_stdout()
 * reports.
 */
static int write_list(const struct rt_ids *ids, enum rt_ids_list which,
                      struct cli_outfile *file)
{
    struct rt_sink *sink = malloc(sizeof *sink);

    if (!sink) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    rt_sink_init(sink, file->stream ? file->stream : stdout);
    if (!rt_ids_write_list(ids, which, sink)) {
        free(sink);
        return CLI_EXIT_USAGE; /* an ID with a line break, reported */
    }
    rt_sink_flush(sink);
    free(sink);
    return cli_outfile_flush(file);
}

static int compute(const struct rt_ids *ids, const struct ids_args *args,
                   struct cli_outfile *list_file, const struct rt_notes *notes)
{
    struct rt_counts counts = rt_ids_counts(ids);
    struct cli_output output = args->output;
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
        status = write_list(ids, args->list, list_file);
    output.notes = notes;
    if (status == CLI_EXIT_OK && (!args->has_list || args->list_to))
        status = cli_print_figures(&figures, &output);
    if (status == CLI_EXIT_OK && args->strict && rt_ids_untidy(ids))
        status = CLI_EXIT_INCONSISTENT;
    return status;
}

/* --partial: the counts as a part, for retain merge. */
static int write_part(const struct rt_ids *ids, const struct ids_args *args)
{
    struct rt_part part;
    int status = CLI_EXIT_FAILURE;

    rt_part_init(&part, "ids");
    if (merge_args_ids_part(args, &part) && rt_merge_ids_part(ids, &part))
        status = cli_write_part(&part);
    else
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    rt_part_free(&part);
    if (status == CLI_EXIT_OK && args->strict && rt_ids_untidy(ids))
        status = CLI_EXIT_INCONSISTENT;
    return status;
}

static int run(const struct ids_args *args)
{
    struct ids_notes notes;
    struct rt_reporter reporter = {report_and_note, &notes};
    struct ids_lists lists = {NULL, NULL};
    struct cli_outfile list_file;
    struct rt_ids_options options;
    struct rt_ids ids;
    uint64_t key[2];
    int status;

    notes_init(&notes);
    memset(&list_file, 0, sizeof list_file);
    rt_platform_random_key(key);
    options = args->options;
    options.part = args->partial;
    rt_ids_init(&ids, &options, reporter, key);
    status = open_lists(&lists, args);
    if (status == CLI_EXIT_OK && args->list_to)
        status = open_list_to(&list_file, args);
    if (status == CLI_EXIT_OK)
        status = read_lists(&ids, &lists, args, &notes);
    if (status == CLI_EXIT_OK)
        status = args->partial ? write_part(&ids, args)
                               : compute(&ids, args, &list_file, &notes.list);
    /* Only a run that wrote all it had to replaces the --list-to file. */
    if (cli_outfile_close(&list_file, status <= CLI_EXIT_INCONSISTENT &&
                                          cli_outfile_stdout_taken()) !=
        CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    close_lists(&lists);
    rt_ids_free(&ids);
    notes_free(&notes);
    return status;
}

int cmd_ids(int argc, char *const *argv, int first)
{
    struct ids_args args;
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed =
        ids_parse_args(argc, argv, first, &args, error, sizeof error);

    if (parsed != CLI_PARSE_OK)
        return cli_parse_report("ids", parsed, error);
    if (args.help) {
        fputs(ids_help_text, stdout);
        return CLI_EXIT_OK;
    }
    return run(&args);
}
