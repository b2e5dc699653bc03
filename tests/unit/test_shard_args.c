/*
 * test_shard_args.c - retain shard's command line, read into a struct:
 * each accepted case shows the fields that parsing set, each refused one
 * its exact message and kind.
 */
#include <stdio.h>
#include <string.h>

#include "shard_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[14];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

#define RANGE "(expected a whole number from 1 to 1000)"

static const struct args_case args_cases[] = {
    {"a log from standard input",
     {"--by", "id", "--parts", "8", "--prefix", "p"},
     CLI_PARSE_OK,
     "help=0 by=id plain=0 d=- trim=0 ic=0 parts=8 prefix=p files=0"},
    {"every spelling, files, options after them",
     {"--by=customer_id", "a.csv", "--parts=1000", "-d;", "b.csv",
      "--prefix=out/x", "--trim", "--ignore-case"},
     CLI_PARSE_OK,
     "help=0 by=customer_id plain=0 d=; trim=1 ic=1 parts=1000 prefix=out/x "
     "files=2 a.csv b.csv"},
    {"a plain list, one part",
     {"--plain", "--parts", "1", "--prefix", "l", "-"},
     CLI_PARSE_OK,
     "help=0 by=- plain=1 d=- trim=0 ic=0 parts=1 prefix=l files=1 -"},
    {"double dash ends the options",
     {"--plain", "--parts", "2", "--prefix", "l", "--", "--by"},
     CLI_PARSE_OK,
     "help=0 by=- plain=1 d=- trim=0 ic=0 parts=2 prefix=l files=1 --by"},
    {"help alone",
     {"--help"},
     CLI_PARSE_OK,
     "help=1 by=- plain=0 d=- trim=0 ic=0 parts=0 prefix=- files=0"},
    {"parts zero",
     {"--by", "id", "--parts", "0", "--prefix", "p"},
     CLI_PARSE_INVALID,
     "option --parts: '0' " RANGE},
    {"parts above the most",
     {"--by", "id", "--parts", "1001", "--prefix", "p"},
     CLI_PARSE_INVALID,
     "option --parts: '1001' " RANGE},
    {"parts negative",
     {"--by", "id", "--parts=-1", "--prefix", "p"},
     CLI_PARSE_INVALID,
     "option --parts: '-1' " RANGE},
    {"parts not a number",
     {"--by", "id", "--parts", "8x", "--prefix", "p"},
     CLI_PARSE_INVALID,
     "option --parts: '8x' " RANGE},
    {"an empty column name",
     {"--by", "", "--parts", "2", "--prefix", "p"},
     CLI_PARSE_INVALID,
     "option --by: empty value (expected a column name)"},
    {"an empty prefix",
     {"--by", "id", "--parts", "2", "--prefix="},
     CLI_PARSE_INVALID,
     "option --prefix: empty value (expected a file name)"},
    {"no prefix",
     {"--by", "id", "--parts", "2"},
     CLI_PARSE_USAGE,
     "missing option --prefix PATH"},
    {"no parts",
     {"--by", "id", "--prefix", "p"},
     CLI_PARSE_USAGE,
     "missing option --parts N"},
    {"neither --by nor --plain",
     {"--parts", "2", "--prefix", "p"},
     CLI_PARSE_USAGE,
     "missing option --by COLUMN (or --plain for a list of IDs, one a "
     "line)"},
    {"both --by and --plain",
     {"--plain", "--by", "id", "--parts", "2", "--prefix", "p"},
     CLI_PARSE_USAGE,
     "options --plain and --by exclude each other (a plain list has one ID "
     "per line and no columns)"},
    {"a delimiter for a plain list",
     {"--plain", "-d", "tab", "--parts", "2", "--prefix", "p"},
     CLI_PARSE_USAGE,
     "option -d/--delimiter needs --by (a plain list has one ID per line and "
     "no delimiter)"},
    {"standard input twice",
     {"--plain", "--parts", "2", "--prefix", "p", "-", "-"},
     CLI_PARSE_USAGE,
     "standard input (-) is named twice (expected each input once: it can "
     "be read only once)"},
    {"an unknown option",
     {"--by", "id", "--parts", "2", "--prefix", "p", "--period", "month"},
     CLI_PARSE_USAGE,
     "unknown option '--period'"},
};

static const char *or_dash(const char *text)
{
    return text ? text : "-";
}

static void summarize(const struct shard_args *a, char *buf, size_t size)
{
    char d[4] = "-";
    size_t used, i;

    if (a->options.delimiter)
        snprintf(d, sizeof d, "%c", a->options.delimiter);
    used = (size_t)snprintf(
        buf, size,
        "help=%d by=%s plain=%d d=%s trim=%d ic=%d parts=%llu prefix=%s "
        "files=%zu",
        a->help, or_dash(a->options.column), a->options.plain, d,
        a->options.trim, a->options.ignore_case, (unsigned long long)a->parts,
        or_dash(a->prefix), a->file_count);
    for (i = 0; i < a->file_count && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, " %s", a->files[i]);
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[16] = {(char *)"retain", (char *)"shard"};
    const char *files[16];
    char error[1024] = "", summary[512];
    struct shard_args args;
    int argc = 2;
    enum cli_parse_result result;

    while (c->argv[argc - 2])
        argv[argc] = (char *)c->argv[argc - 2], argc++;
    args.files = files;
    result = shard_parse_args(argc, argv, 2, &args, error, sizeof error);
    if (result == CLI_PARSE_OK) {
        summarize(&args, summary, sizeof summary);
        assert_string_equal(summary, c->summary);
    } else {
        assert_string_equal(error, c->summary);
    }
    assert_int_equal(result, c->result);
}

int main(void)
{
    return TABLE_RUN("shard_args", args_cases, test_args);
}
