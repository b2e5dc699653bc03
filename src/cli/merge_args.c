/*
 * merge_args.c - retain merge's command line, and the options of a part;
 * see merge_args.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "digits.h"
#include "merge_args.h"

/* The commands an option is for, as bits. */
#define C 1u /* cohorts */
#define P 2u /* periods */
#define I 4u /* ids */

enum merge_option_id { OPT_PARTIAL = 1, OPT_HELP, OPT_OTHER };

/*
 * Every option of the three commands: for which it shapes the counts (a
 * part records it, with the value it has when not given, `fallback`), for
 * which it shapes the printing (merge takes it).  Neither: it reads the
 * input, which merge does not.
 */
struct merge_option {
    const char *name;
    char short_name;
    bool takes_value, repeatable;
    unsigned shaping, printing;
    const char *fallback;
};

static const struct merge_option merge_options[] = {
    {"partial", 0, false, false, 0, C | P | I, NULL},
    {"help", 'h', false, true, 0, C | P | I, NULL},
    /* What a part records, in the order it records them. */
    {"period", 0, true, false, C | P, I, "month"},
    {"week-start", 0, true, false, C | P, 0, "monday"},
    {"date-format", 0, true, false, C | P, 0, "iso"},
    {"utc", 0, false, false, C | P, 0, "0"},
    {"event-col", 0, true, false, C | P, 0, ""},
    {"start-event", 0, true, true, C, 0, ""},
    {"return-event", 0, true, true, C | P, 0, ""},
    {"cohort-col", 0, true, false, C, 0, ""},
    {"mode", 0, true, false, C, 0, "on"},
    {"as-of", 0, true, false, C | P, 0, ""},
    {"from", 0, true, false, C | P, 0, ""},
    {"average", 0, true, false, C, 0, "pooled"},
    {"no-average", 0, false, false, C, 0, "0"},
    {"group-by", 0, true, false, C | P, 0, ""},
    {"max-periods", 0, true, false, C, 0, ""},
    {"spans", 0, false, false, C | P, 0, "0"},
    {"trim", 0, false, false, I, 0, "0"},
    {"ignore-case", 0, false, false, I, 0, "0"},
    /* The printing. */
    {"format", 'f', true, false, 0, C | P | I, NULL},
    {"precision", 'p', true, false, 0, C | P | I, NULL},
    {"no-header", 0, false, false, 0, C | P | I, NULL},
    {"strict", 0, false, false, 0, C | P | I, NULL},
    {"long", 0, false, false, 0, C, NULL},
    {"counts", 0, false, false, 0, C, NULL},
    {"chart", 0, true, false, 0, C, NULL},
    {"width", 0, true, false, 0, C | P, NULL},
    {"height", 0, true, false, 0, C | P, NULL},
    {"only", 0, true, false, 0, P | I, NULL},
    {"summary", 0, false, false, 0, P, NULL},
    {"summary-file", 0, true, false, 0, P, NULL},
    {"per", 0, true, false, 0, P | I, NULL},
    {"lifetime", 0, false, false, 0, P | I, NULL},
    {"margin", 0, true, false, 0, P | I, NULL},
    {"discount", 0, true, false, 0, P | I, NULL},
    {"money-precision", 0, true, false, 0, P | I, NULL},
    /* The reading of the input. */
    {"delimiter", 'd', true, false, 0, 0, NULL},
    {"id-col", 0, true, false, 0, 0, NULL},
    {"date-col", 0, true, false, 0, 0, NULL},
    {"start-col", 0, true, false, 0, 0, NULL},
    {"end-col", 0, true, false, 0, 0, NULL},
    {"jobs", 'j', true, false, 0, 0, NULL},
    {"id-column", 0, true, false, 0, 0, NULL},
    {"list", 0, true, false, 0, 0, NULL},
    {"list-to", 0, true, false, 0, 0, NULL},
};

#define MERGE_OPTION_COUNT (sizeof merge_options / sizeof merge_options[0])
_Static_assert(MERGE_OPTION_COUNT <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

static unsigned command_bit(const char *command)
{
    return strcmp(command, "cohorts") == 0   ? C
           : strcmp(command, "periods") == 0 ? P
                                             : I;
}

static const struct merge_option *find_option(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < MERGE_OPTION_COUNT; i++)
        if (strlen(merge_options[i].name) == len &&
            memcmp(merge_options[i].name, name, len) == 0)
            return &merge_options[i];
    return NULL;
}

static void make_options(struct cli_option *options)
{
    size_t i;

    for (i = 0; i < MERGE_OPTION_COUNT; i++) {
        const struct merge_option *o = &merge_options[i];

        options[i] = (struct cli_option){i == 0   ? OPT_PARTIAL
                                         : i == 1 ? OPT_HELP
                                                  : OPT_OTHER,
                                         o->short_name, o->name, o->takes_value,
                                         o->repeatable};
    }
}

/* "--name" or "--name=value", a new string. */
static char *make_token(const char *name, const char *value)
{
    size_t size = strlen(name) + (value ? strlen(value) + 1 : 0) + 3;
    char *token = malloc(size);

    if (token)
        snprintf(token, size, "--%s%s%s", name, value ? "=" : "",
                 value ? value : "");
    return token;
}

static char *copy_text(const char *text)
{
    char *copy = malloc(strlen(text) + 1);

    if (copy)
        memcpy(copy, text, strlen(text) + 1);
    return copy;
}

static bool add_token(char ***tokens, size_t *count, char *token)
{
    char **more = token ? realloc(*tokens, (*count + 1) * sizeof *more) : NULL;

    if (!more) {
        free(token);
        return false;
    }
    *tokens = more;
    (*tokens)[(*count)++] = token;
    return true;
}

enum cli_parse_result merge_parse_args(int argc, char *const *argv, int first,
                                       struct merge_args *args, char *error,
                                       size_t error_size)
{
    struct cli_option options[MERGE_OPTION_COUNT];
    struct cli_parser parser;
    const char **files = args->files;
    int id;

    memset(args, 0, sizeof *args);
    args->files = files;
    make_options(options);
    cli_parser_init(&parser, argc, argv, first, options, MERGE_OPTION_COUNT);
    while ((id = cli_next(&parser)) != CLI_DONE) {
        if (id == CLI_ERROR) {
            snprintf(error, error_size, "%s", parser.error);
            return CLI_PARSE_USAGE;
        }
        if (id == CLI_OPERAND)
            args->files[args->file_count++] = parser.value;
        else if (id == OPT_PARTIAL)
            args->partial = true;
        else if (id == OPT_HELP)
            args->help = true;
        else if (!add_token(&args->tokens, &args->token_count,
                            make_token(parser.option->long_name,
                                       parser.option->takes_value ? parser.value
                                                                  : NULL))) {
            snprintf(error, error_size, "%s", rt_status_text(RT_ERR_NOMEM));
            args->no_memory = true;
            return CLI_PARSE_INVALID;
        }
    }
    return CLI_PARSE_OK;
}

void merge_args_free(struct merge_args *args)
{
    merge_args_free_line(args->tokens, (int)args->token_count);
    args->tokens = NULL;
    args->token_count = 0;
}

void merge_args_free_line(char **line, int argc)
{
    int i;

    for (i = 0; line && i < argc; i++)
        free(line[i]);
    free(line);
}

/* Whether a token given to merge is for merging parts of `command`. */
static bool check_token(const char *token, const struct merge_args *args,
                        const char *command, char *error, size_t size)
{
    const char *name = token + 2;
    const struct merge_option *o = find_option(name, strcspn(name, "="));
    unsigned bit = command_bit(command);
    int len = (int)strcspn(name, "=");

    if (o->shaping & bit)
        snprintf(error, size,
                 "option --%.*s shapes the counts: it is read from the parts "
                 "(give it to retain %s --partial)",
                 len, name, command);
    else if (!(o->printing & bit) && o->printing)
        snprintf(error, size,
                 "option --%.*s is not an option of retain %s, whose parts "
                 "these are",
                 len, name, command);
    else if (!(o->printing & bit))
        snprintf(error, size,
                 "option --%.*s reads the input, and merge reads parts (give "
                 "it to retain %s --partial)",
                 len, name, command);
    else if (args->partial)
        snprintf(error, size,
                 "option --%.*s: not with --partial (a part holds counts; "
                 "give it to the merge that prints them)",
                 len, name);
    else
        return true;
    return false;
}

/* A part's option as a token; NULL, with *skip, for one not given. */
static char *option_token(const struct rt_part_pair *pair,
                          const struct merge_option *o, bool *skip)
{
    *skip = strcmp(pair->value, o->fallback) == 0;
    if (*skip)
        return NULL;
    return make_token(pair->name, o->takes_value ? pair->value : NULL);
}

/* Appends the part's options; false with error set ("" out of memory). */
static bool add_part_options(char ***line, size_t *count,
                             const struct rt_part *part, char *error,
                             size_t size)
{
    unsigned bit = command_bit(part->command);
    size_t i;
    bool skip;

    for (i = 0; i < part->option_count; i++) {
        const struct rt_part_pair *pair = &part->options[i];
        const struct merge_option *o =
            find_option(pair->name, strlen(pair->name));

        if (!o || !(o->shaping & bit)) {
            snprintf(error, size,
                     "%s: option --%s of retain %s is unknown to this retain "
                     "(expected a part of version %d)",
                     part->sources[0], pair->name, part->command,
                     RT_PART_VERSION);
            return false;
        }
        if (!o->takes_value && strcmp(pair->value, "1") != 0)
            continue;
        {
            char *token = option_token(pair, o, &skip);

            if (!skip && !add_token(line, count, token))
                return false;
        }
    }
    return true;
}

char **merge_args_command_line(const struct merge_args *args,
                               const struct rt_part *part, int *argc,
                               char *error, size_t error_size)
{
    char **line = NULL;
    size_t count = 0, i;
    bool ok = true;

    error[0] = '\0';
    for (i = 0; ok && i < args->token_count; i++)
        ok = check_token(args->tokens[i], args, part->command, error,
                         error_size) &&
             add_token(&line, &count, copy_text(args->tokens[i]));
    ok = ok && add_part_options(&line, &count, part, error, error_size);
    if (ok && strcmp(part->command, "ids") == 0)
        ok = add_token(&line, &count, copy_text("--")) &&
             add_token(&line, &count, copy_text("(start list)")) &&
             add_token(&line, &count, copy_text("(end list)"));
    if (!ok) {
        merge_args_free_line(line, (int)count);
        return NULL;
    }
    *argc = (int)count;
    return line;
}

/* A date option's value: YYYY-MM-DD, or "" when not given. */
static bool put_day(struct rt_part *part, const char *name, bool given,
                    int32_t day)
{
    char text[RT_DATE_TEXT_LENGTH + 1] = "";

    if (given)
        text[rt_date_write(day, text)] = '\0';
    return rt_part_option(part, name, text);
}

static int text_order(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * A repeatable option's values, sorted and each once: the same event
 * types given in another order, or twice, count the same.
 */
static bool put_values(struct rt_part *part, const char *name,
                       const struct cohorts_values *values)
{
    const char *sorted[COHORTS_VALUES_MAX];
    size_t i;

    memcpy(sorted, values->items, values->count * sizeof *sorted);
    qsort(sorted, values->count, sizeof *sorted, text_order);
    for (i = 0; i < values->count; i++)
        if ((i == 0 || strcmp(sorted[i - 1], sorted[i]) != 0) &&
            !rt_part_option(part, name, sorted[i]))
            return false;
    return true;
}

/* The value of a shaping option of cohorts or periods, as text. */
static const char *cohorts_value(const struct cohorts_args *args,
                                 const char *name, char *buf)
{
    const struct rt_cohort_log_options *o = &args->log;

    if (strcmp(name, "period") == 0)
        return rt_period_name(o->period.unit);
    if (strcmp(name, "week-start") == 0)
        return rt_period_weekday_name(o->period.week_start);
    if (strcmp(name, "date-format") == 0)
        return args->unix_seconds ? "unix" : "iso";
    if (strcmp(name, "utc") == 0)
        return args->utc ? "1" : "0";
    if (strcmp(name, "event-col") == 0)
        return o->event_col ? o->event_col : "";
    if (strcmp(name, "cohort-col") == 0)
        return o->cohort_col ? o->cohort_col : "";
    if (strcmp(name, "mode") == 0)
        return args->mode == RT_COHORT_ON ? "on" : "on-or-after";
    if (strcmp(name, "average") == 0)
        return args->average == RT_COHORT_POOLED ? "pooled" : "mean";
    if (strcmp(name, "no-average") == 0)
        return args->no_average ? "1" : "0";
    if (strcmp(name, "group-by") == 0)
        return o->group_col ? o->group_col : "";
    if (strcmp(name, "spans") == 0)
        return args->spans ? "1" : "0";
    buf[0] = '\0';
    if (strcmp(name, "max-periods") == 0 && args->has_max_periods)
        buf[rt_digits_write(args->max_periods, buf)] = '\0';
    return buf;
}

static bool put_cohorts_option(const struct cohorts_args *args,
                               const char *name, struct rt_part *part)
{
    char buf[RT_DIGITS_U64 + 1];

    if (strcmp(name, "as-of") == 0)
        return put_day(part, name, args->log.has_as_of, args->log.as_of);
    if (strcmp(name, "from") == 0)
        return put_day(part, name, args->log.has_from, args->log.from);
    if (strcmp(name, "start-event") == 0)
        return put_values(part, name, &args->start_events);
    if (strcmp(name, "return-event") == 0)
        return put_values(part, name, &args->return_events);
    return rt_part_option(part, name, cohorts_value(args, name, buf));
}

bool merge_args_cohorts_part(const struct cohorts_args *args, bool periods,
                             struct rt_part *part)
{
    unsigned bit = periods ? P : C;
    size_t i;

    for (i = 0; i < MERGE_OPTION_COUNT; i++)
        if ((merge_options[i].shaping & bit) &&
            !put_cohorts_option(args, merge_options[i].name, part))
            return false;
    return true;
}

bool merge_args_ids_part(const struct ids_args *args, struct rt_part *part)
{
    return rt_part_option(part, "trim", args->options.trim ? "1" : "0") &&
           rt_part_option(part, "ignore-case",
                          args->options.ignore_case ? "1" : "0");
}

enum cli_parse_result merge_args_refuse_printing(const struct cli_parse *parse,
                                                 const int *ids, size_t count,
                                                 char *error, size_t size)
{
    const struct cli_option *given = cli_parse_first_given(parse, ids, count);
    char label[64];

    if (!given)
        return CLI_PARSE_OK;
    cli_option_label(given, label, sizeof label);
    snprintf(error, size,
             "option %s: not with --partial (a part holds counts, not a "
             "report; give it to retain merge)",
             label);
    return CLI_PARSE_USAGE;
}
