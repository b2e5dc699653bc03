/*
 * cmd_merge.c - retain merge: read the parts, add them, print the report
 * with the command's own printing, or write the sum as a part.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_output.h"
#include "cli_part.h"
#include "cmd_cohorts.h"
#include "cmd_merge.h"
#include "cmd_periods.h"
#include "merge.h"
#include "merge_args.h"

#define STDIN_NAME "(standard input)"

/* The ids warnings a merge can carry, with the note list's room. */
#define NOTES_MAX 8

const char merge_help_text[] =
    "Usage: retain merge [OPTION]... [FILE]...\n"
    "\n"
    "Add up the parts that retain cohorts, periods or ids wrote with\n"
    "--partial, and print the report of all of them: byte for byte what\n"
    "the command prints when run on all the data at once, provided each\n"
    "customer's rows were all in one part.  With no FILE, or -, read\n"
    "standard input.  The parts must come from one command, made with the\n"
    "same options (--period, --as-of, --group-by, ...: those that shape the\n"
    "counts, which the parts record); merge takes the options of the\n"
    "printing instead:\n"
    "\n"
    "  cohorts  -f FORMAT, -p DIGITS, --long, --counts, --no-header,\n"
    "           --strict, --chart, --width, --height\n"
    "  periods  -f FORMAT, -p DIGITS, --no-header, --only, --summary,\n"
    "           --summary-file, --strict, --width, --height, --lifetime,\n"
    "           --per, --margin, --discount, --money-precision\n"
    "  ids      -f FORMAT, -p DIGITS, --no-header, --only, --strict,\n"
    "           --period, --per, --lifetime, --margin, --discount,\n"
    "           --money-precision\n"
    "\n"
    "as that command's --help describes them.\n"
    "\n"
    "      --partial           write the sum as one part, to merge again\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Each part keeps the 64 smallest keyed hashes of its customer IDs: a\n"
    "hash in two parts means both counted one customer, and merge warns,\n"
    "naming both (it can tell only where such a hash is among the\n"
    "smallest).\n"
    "\n"
    "Exit status:\n"
    "  0  merged\n"
    "  1  merged, but the parts had rows left out or inputs skipped, or\n"
    "     two parts counted one customer, or warnings with --strict\n"
    "  2  nothing merged: no part, a part that is not one (FILE:LINE),\n"
    "     parts of different commands, versions or options, a bad option\n"
    "  3  the output could not be written, or out of memory\n"
    "\n"
    "Examples:\n"
    "  retain cohorts --partial --as-of 2024-06-30 part1.csv > p1\n"
    "  retain cohorts --partial --as-of 2024-06-30 part2.csv > p2\n"
    "  retain merge -f text p1 p2\n"
    "  cat p1 p2 | retain merge --partial > both\n";

/*
 * The whole of a stream, in a new buffer; NULL on a read error or, with
 * *no_memory set, when memory ran out.
 */
static char *read_whole(FILE *in, size_t *len, bool *no_memory)
{
    size_t cap = 4096, got;
    char *buf = malloc(cap), *more;

    *len = 0;
    *no_memory = buf == NULL;
    while (buf && (got = fread(buf + *len, 1, cap - *len, in)) > 0) {
        *len += got;
        if (*len < cap)
            continue;
        more = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!more) {
            free(buf);
            *no_memory = true;
            return NULL;
        }
        buf = more;
        cap *= 2;
    }
    if (buf && ferror(in)) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Reads one part into the sum; false when it was reported. */
static bool read_part(const char *file, struct rt_part *part)
{
    struct rt_reporter reporter = {cli_report, NULL};
    bool is_stdin = strcmp(file, "-") == 0, no_memory;
    const char *name = is_stdin ? STDIN_NAME : file;
    FILE *in = is_stdin ? stdin : fopen(file, "rb");
    char shown[RT_NAME_SIZE], *buf;
    size_t len;
    bool ok;

    if (!in) {
        cli_error("%s: cannot open: %s",
                  rt_quote_name(name, shown, sizeof shown), strerror(errno));
        return false;
    }
    buf = read_whole(in, &len, &no_memory);
    if (no_memory)
        part->no_memory = true;
    else if (!buf)
        cli_error("%s: cannot read: %s",
                  rt_quote_name(name, shown, sizeof shown), strerror(errno));
    ok = buf && rt_part_read(part, buf, len, name, reporter);
    free(buf);
    if (!is_stdin)
        fclose(in);
    return ok;
}

/* Every part, each reported on its own: CLI_EXIT_OK when all were read. */
static int read_parts(const struct merge_args *args, struct rt_part *part)
{
    static const char *const standard_input[] = {"-"};
    const char *const *files = args->file_count ? args->files : standard_input;
    size_t count = args->file_count ? args->file_count : 1, i;
    int status = cli_inputs_distinct(files, count);
    bool bad = false;
    enum rt_status added;
    char shown[RT_NAME_SIZE];

    /* Every part is read, so that every bad one is named at once; each
       file's counts are added as it comes, so that a sum too large names
       the file that made it so. */
    for (i = 0; status == CLI_EXIT_OK && i < count && !part->no_memory; i++) {
        bad = !read_part(files[i], part) || bad;
        if (bad || part->no_memory || (added = rt_part_finish(part)) == RT_OK)
            continue;
        if (added == RT_ERR_RANGE) {
            cli_error("%s: the counts add up to more than 2^63 - 1 with the "
                      "parts before (expected counts that fit)",
                      rt_quote_name(strcmp(files[i], "-") == 0 ? STDIN_NAME
                                                               : files[i],
                                    shown, sizeof shown));
            return CLI_EXIT_USAGE;
        }
        part->no_memory = true;
    }
    if (status == CLI_EXIT_OK && part->no_memory) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    return status == CLI_EXIT_OK && bad ? CLI_EXIT_USAGE : status;
}

static const char *plural(uint64_t count)
{
    return count == 1 ? "" : "s";
}

/*
 * What the parts left out when they were made, said again: their runs
 * named each row, which a merge cannot.  Exit 1 when there was some.
 */
static int carried_warnings(const struct rt_part *part)
{
    uint64_t rows = rt_part_tally_value(part, "rows_left_out");
    uint64_t inputs = rt_part_tally_value(part, "inputs_skipped");

    if (rows > 0)
        cli_warning("the parts left out %llu row%s (their runs named each)",
                    (unsigned long long)rows, plural(rows));
    if (inputs > 0)
        cli_warning("the parts skipped %llu input%s (their runs named each)",
                    (unsigned long long)inputs, plural(inputs));
    return rows + inputs > 0 ? CLI_EXIT_INCONSISTENT : CLI_EXIT_OK;
}

/* A log that holds only the merge's counts, for the commands' printing. */
static void merged_log(const struct rt_part *part,
                       const struct rt_cohort_log_options *options,
                       struct rt_cohort_log *log)
{
    memset(log, 0, sizeof *log);
    log->options = *options;
    rt_merge_log_counts(part, log);
}

/* The triangles of the sum, printed as retain cohorts prints them. */
static int report_cohorts(const struct cohorts_args *args,
                          const struct rt_part *part)
{
    struct rt_cohort_result result;
    struct rt_cohort_log log;
    int status;

    merged_log(part, &args->log, &log);
    if (rt_merge_cohorts_result(
            part, rt_cohort_log_last_complete(&log, args->log.as_of),
            args->mode, args->has_max_periods ? args->max_periods + 1 : 0,
            &result) != RT_OK) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    status = cohorts_report(args, &log, &result, args->log.as_of);
    rt_cohort_result_free(&result);
    return status;
}

static int print_cohorts(int argc, char **line, const struct rt_part *part,
                         char *error, size_t size)
{
    struct cohorts_args *args = calloc(1, sizeof *args);
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    enum cli_parse_result parsed;
    int status = CLI_EXIT_FAILURE;

    if (!args || !files) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    } else {
        args->files = files;
        parsed = cohorts_parse_args(argc, line, 0, args, error, size);
        status = parsed == CLI_PARSE_OK
                     ? report_cohorts(args, part)
                     : cli_parse_report("merge", parsed, error);
    }
    free(files);
    free(args);
    return status;
}

/* Counts the warnings of the merged log, printed as they come. */
static void take_warning(void *context, const char *text)
{
    cli_warning("%s", text);
    ++*(unsigned *)context;
}

static int report_periods(struct periods_args *args, const struct rt_part *part)
{
    struct rt_cohort_log log;
    struct rt_cohort_result none;
    struct rt_period_result result;
    unsigned warnings = 0;
    int status;

    merged_log(part, &args->cohorts.log, &log);
    memset(&none, 0, sizeof none);
    rt_cohort_log_warnings(&log, &none, take_warning, &warnings);
    /* Every customer leaves a hash: none in any part, no customer. */
    if (part->hash_count == 0)
        return periods_no_data(&log);
    if (rt_merge_periods_result(
            part, log.options.spans != RT_SPAN_BITS_NONE,
            rt_cohort_log_last_complete(&log, log.options.as_of),
            &result) != RT_OK) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    status = periods_report(args, &log, &result, log.options.as_of);
    rt_period_result_free(&result);
    if (status == CLI_EXIT_OK)
        status = periods_read_status(args, &log, warnings);
    return status;
}

static int print_periods(int argc, char **line, const struct rt_part *part,
                         char *error, size_t size)
{
    struct periods_args *args = calloc(1, sizeof *args);
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    enum cli_parse_result parsed;
    int status = CLI_EXIT_FAILURE;

    if (!args || !files) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    } else {
        args->cohorts.files = files;
        parsed = periods_parse_args(argc, line, 0, args, error, size);
        status = parsed == CLI_PARSE_OK
                     ? report_periods(args, part)
                     : cli_parse_report("merge", parsed, error);
    }
    free(files);
    free(args);
    return status;
}

/* The warnings of ids, from the parts' tallies, as notes and on stderr. */
struct ids_notes {
    char texts[NOTES_MAX][160];
    const char *pointers[NOTES_MAX];
    struct rt_notes list;
};

static void note(struct ids_notes *notes, const char *text)
{
    size_t n = notes->list.count;

    snprintf(notes->texts[n], sizeof notes->texts[n], "%s", text);
    notes->pointers[n] = notes->texts[n];
    notes->list.count++;
    cli_warning("%s", text);
}

/* A list's tally, noted when there is some. */
static void note_tally(struct ids_notes *notes, const struct rt_part *part,
                       const char *list, bool duplicates)
{
    char name[32], text[160];
    uint64_t n;

    snprintf(name, sizeof name, "%s_%s", list,
             duplicates ? "duplicates" : "blank_lines");
    if ((n = rt_part_tally_value(part, name)) == 0)
        return;
    if (duplicates)
        snprintf(text, sizeof text,
                 "the parts' %s lists: %llu duplicate ID%s, each counted once",
                 list, (unsigned long long)n, plural(n));
    else
        snprintf(text, sizeof text,
                 "the parts' %s lists: skipped %llu blank line%s", list,
                 (unsigned long long)n, plural(n));
    note(notes, text);
}

static void ids_warnings(const struct rt_part *part,
                         const struct rt_counts *counts,
                         struct ids_notes *notes)
{
    notes->list.texts = notes->pointers;
    note_tally(notes, part, "start", false);
    note_tally(notes, part, "start", true);
    note_tally(notes, part, "end", false);
    note_tally(notes, part, "end", true);
    if (counts->end == 0)
        note(notes, "no IDs in the end list: every start ID counts as lost");
}

static int report_ids(const struct ids_args *args, const struct rt_part *part)
{
    struct cli_output output = args->output;
    struct ids_notes notes;
    struct rt_figures figures;
    struct rt_counts counts;
    int status;

    memset(&notes, 0, sizeof notes);
    if (!rt_merge_ids_counts(part, &counts)) {
        cli_error("%s: more IDs retained than at the start or the end "
                  "(expected the counts of a part)",
                  part->sources[0]);
        return CLI_EXIT_USAGE;
    }
    if (counts.start == 0) {
        cli_error("no IDs in the start lists of the parts, so no rate is "
                  "defined (expected at least 1 customer at the start)");
        return CLI_EXIT_USAGE;
    }
    ids_warnings(part, &counts, &notes);
    if (rt_figures_compute(&counts, args->precision, &figures) != RT_OK) {
        cli_error("%s", rt_status_text(RT_ERR_RANGE));
        return CLI_EXIT_USAGE;
    }
    output.notes = &notes.list;
    status = cli_print_figures(&figures, &output);
    if (status == CLI_EXIT_OK && args->strict && notes.list.count > 0)
        status = CLI_EXIT_INCONSISTENT;
    return status;
}

static int print_ids(int argc, char **line, const struct rt_part *part,
                     char *error, size_t size)
{
    struct ids_args args;
    enum cli_parse_result parsed =
        ids_parse_args(argc, line, 0, &args, error, size);

    if (parsed != CLI_PARSE_OK)
        return cli_parse_report("merge", parsed, error);
    return report_ids(&args, part);
}

/*
 * The report of the sum, printed by the parts' command; with --partial,
 * the sum as a part (the command line checked all the same).
 */
static int print_sum(const struct merge_args *args, const struct rt_part *part)
{
    char error[RT_MESSAGE_SIZE + 80];
    char **line;
    int argc = 0, status;

    line = merge_args_command_line(args, part, &argc, error, sizeof error);
    if (!line && error[0] == '\0') {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    if (!line)
        return cli_parse_report("merge", CLI_PARSE_USAGE, error);
    if (args->partial)
        status = cli_write_part(part);
    else if (strcmp(part->command, "cohorts") == 0)
        status = print_cohorts(argc, line, part, error, sizeof error);
    else if (strcmp(part->command, "periods") == 0)
        status = print_periods(argc, line, part, error, sizeof error);
    else
        status = print_ids(argc, line, part, error, sizeof error);
    merge_args_free_line(line, argc);
    return status;
}

/* A status of what was printed, made 1 by what the merge warned of. */
static int with_warnings(int status, int warned)
{
    return status == CLI_EXIT_OK ? warned : status;
}

static int run(const struct merge_args *args)
{
    struct rt_part part;
    int status, warned;

    rt_part_init(&part, "");
    status = read_parts(args, &part);
    if (status == CLI_EXIT_OK) {
        warned = carried_warnings(&part);
        if (part.overlaps > 0)
            warned = CLI_EXIT_INCONSISTENT;
        status = with_warnings(print_sum(args, &part), warned);
    }
    rt_part_free(&part);
    return status;
}

int cmd_merge(int argc, char *const *argv, int first)
{
    const char **files = malloc((size_t)argc * sizeof *files);
    struct merge_args args;
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed;
    int status;

    if (!files) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    args.files = files;
    parsed = merge_parse_args(argc, argv, first, &args, error, sizeof error);
    if (args.no_memory) {
        cli_error("%s", error);
        status = CLI_EXIT_FAILURE;
    } else if (parsed != CLI_PARSE_OK)
        status = cli_parse_report("merge", parsed, error);
    else if (args.help) {
        fputs(merge_help_text, stdout);
        status = CLI_EXIT_OK;
    } else
        status = run(&args);
    merge_args_free(&args);
    free(files);
    return status;
}
