/* cli_inputs.c - see cli_inputs.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "describe.h"
#include "platform.h"

static bool is_stdin(const char *name)
{
    return strcmp(name, "-") == 0;
}

bool cli_inputs_stdin_once(const char *const *files, size_t count, char *error,
                           size_t size)
{
    size_t i, named = 0;

    for (i = 0; i < count; i++)
        named += is_stdin(files[i]);
    if (named < 2)
        return true;
    snprintf(error, size,
             "standard input (-) is named twice (expected each input once: "
             "it can be read only once)");
    return false;
}

/* An input and what it is, to find one file named twice. */
struct input_id {
    struct rt_file_id id;
    size_t index; /* in the command line's files */
};

/* By device and inode; those the system cannot tell last, in order. */
static int by_identity(const void *a, const void *b)
{
    const struct input_id *x = a, *y = b;

    if (x->id.known != y->id.known)
        return x->id.known ? -1 : 1;
    if (x->id.known && x->id.device != y->id.device)
        return x->id.device < y->id.device ? -1 : 1;
    if (x->id.known && x->id.inode != y->id.inode)
        return x->id.inode < y->id.inode ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The first input, in the command line's order, that is an earlier one
 * again.  Sorted, the names of a file are neighbours; one whose identity
 * the system cannot tell is compared with every other (by name).
 */
static bool find_twice(const struct input_id *ids, size_t count, size_t *first,
                       size_t *again)
{
    size_t i, j;

    *again = count;
    for (i = 0; i < count; i++) {
        size_t from = ids[i].id.known ? i + 1 : 0;
        size_t to = ids[i].id.known ? i + 2 : count;

        for (j = from; j < to && j < count; j++) {
            size_t low =
                ids[i].index < ids[j].index ? ids[i].index : ids[j].index;
            size_t high = ids[i].index + ids[j].index - low;

            if (j != i && high < *again &&
                rt_platform_same_file(&ids[i].id, &ids[j].id)) {
                *first = low;
                *again = high;
            }
        }
    }
    return *again < count;
}

/* How a message names an input: quoted when a byte of it needs it. */
static const char *shown_name(const char *name, char buf[RT_NAME_SIZE])
{
    return is_stdin(name) ? "standard input (-)"
                          : rt_quote_name(name, buf, RT_NAME_SIZE);
}

int cli_inputs_distinct(const char *const *files, size_t count)
{
    struct input_id *ids = malloc((count + 1) * sizeof *ids);
    size_t i, first = 0, again = 0;
    bool twice;
    char again_name[RT_NAME_SIZE], first_name[RT_NAME_SIZE];

    if (!ids) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    for (i = 0; i < count; i++) {
        if (is_stdin(files[i]))
            rt_platform_stream_id(0, &ids[i].id);
        else
            rt_platform_file_id(files[i], &ids[i].id);
        ids[i].index = i;
    }
    qsort(ids, count, sizeof *ids, by_identity);
    twice = find_twice(ids, count, &first, &again);
    free(ids);
    if (!twice)
        return CLI_EXIT_OK;
    cli_error("%s is the same file as %s (expected each input once: its rows "
              "would be counted twice)",
              shown_name(files[again], again_name),
              shown_name(files[first], first_name));
    return CLI_EXIT_USAGE;
}

FILE *cli_inputs_open(const char *name, const char **shown)
{
    char quoted[RT_NAME_SIZE];
    FILE *in;

    *shown = is_stdin(name) ? CLI_STDIN_NAME : name;
    if (is_stdin(name))
        return stdin;
    in = fopen(name, "rb");
    if (!in)
        cli_error("%s: cannot open: %s",
                  rt_quote_name(name, quoted, sizeof quoted), strerror(errno));
    return in;
}

void cli_inputs_close(FILE *in)
{
    if (in && in != stdin)
        fclose(in);
}
