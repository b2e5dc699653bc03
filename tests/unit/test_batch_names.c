/*
 * test_batch_names.c - the names the input columns get in the output.
 *
 * Each case gives the header's names (joined with '|'), the names the
 * output adds, and the names expected back with the repeats counted.
 * Whatever the case, the names that come back must all differ, in any
 * case, from each other and from the output's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_names.h"
#include "table.h"

#define MAX_NAMES 16

struct names_case {
    const char *name;
    const char *names;    /* '|' between names */
    const char *reserved; /* '|' between names; "" for none */
    const char *expected;
    size_t repeats, first_repeat;
};

static const struct names_case names_cases[] = {
    {"nothing to change", "seg|start|end", "retained|warnings", "seg|start|end",
     0, 0},
    {"a name the output adds", "seg|retained", "retained|warnings",
     "seg|input.retained", 0, 0},
    {"input.NAME taken too", "retained|input.retained", "retained",
     "input.input.retained|input.retained", 0, 0},
    {"in any case", "Retained|INPUT.RETAINED", "retained",
     "input.input.Retained|INPUT.RETAINED", 0, 0},
    {"repeats numbered", "a|a|a", "", "a|a.2|a.3", 2, 1},
    {"a number taken is skipped", "a|a|a.2", "", "a|a.3|a.2", 1, 1},
    {"repeats in any case keep their spelling", "A|b|a", "", "A|b|a.2", 1, 2},
    {"the first repeat by column is named", "x|y|y|x", "", "x|y|y.2|x.2", 2, 2},
    {"a repeated name the output adds", "retained|retained", "retained",
     "input.retained|retained.2", 1, 1},
    {"empty names", "||", "", "|.2|.3", 2, 1},
    {"a repeat numbered into a name taken", "a.2|a|a", "", "a.2|a|a.3", 1, 2},
};

/* Splits text at '|' into names that point into a copy; returns how many. */
static size_t split(const char *text, char *copy, char **names)
{
    size_t n = 0;
    char *p = copy;

    strcpy(copy, text);
    if (!*text)
        return 0;
    names[n++] = p;
    for (; *p; p++)
        if (*p == '|') {
            *p = '\0';
            names[n++] = p + 1;
        }
    return n;
}

static bool same_in_any_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (char)(*a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a);
        char y = (char)(*b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b);
        if (x != y)
            return false;
    }
    return *a == *b;
}

static void assert_all_differ(char **out, size_t count, char **reserved,
                              size_t reserved_count)
{
    size_t i, j;

    for (i = 0; i < count; i++) {
        for (j = i + 1; j < count; j++)
            assert_false(same_in_any_case(out[i], out[j]));
        for (j = 0; j < reserved_count; j++)
            assert_false(same_in_any_case(out[i], reserved[j]));
    }
}

static void test_names(void **state)
{
    const struct names_case *c = *state;
    char names_copy[256], reserved_copy[256], expected_copy[256];
    char *names[MAX_NAMES], *reserved[MAX_NAMES], *expected[MAX_NAMES];
    char *out[MAX_NAMES];
    struct rt_names_repeats repeats;
    size_t count = split(c->names, names_copy, names);
    size_t reserved_count = split(c->reserved, reserved_copy, reserved);
    size_t i;

    assert_int_equal(split(c->expected, expected_copy, expected), count);
    assert_true(rt_names_assign(names, count, (const char *const *)reserved,
                                reserved_count, out, &repeats));
    for (i = 0; i < count; i++) {
        assert_string_equal(out[i], expected[i]);
        /* A name that stays is the input's own string, not a copy. */
        assert_int_equal(out[i] == names[i], strcmp(names[i], out[i]) == 0);
    }
    assert_int_equal(repeats.count, c->repeats);
    if (c->repeats)
        assert_int_equal(repeats.first, c->first_repeat);
    assert_all_differ(out, count, reserved, reserved_count);
    rt_names_free(names, out, count);
}

/* A header of 100,000 columns with the same name: numbered in order, and
   sorted rather than compared each with each, so it takes no time. */
static void test_many_repeats(void **state)
{
    const size_t count = 100000;
    char **names = malloc(count * sizeof *names);
    char **out = malloc(count * sizeof *out);
    char name[] = "x", last[32];
    struct rt_names_repeats repeats;
    size_t i;

    (void)state;
    assert_non_null(names);
    assert_non_null(out);
    for (i = 0; i < count; i++)
        names[i] = name;
    assert_true(rt_names_assign(names, count, NULL, 0, out, &repeats));
    assert_int_equal(repeats.count, count - 1);
    assert_int_equal(repeats.first, 1);
    assert_string_equal(out[0], "x");
    snprintf(last, sizeof last, "x.%zu", count);
    assert_string_equal(out[count - 1], last);
    rt_names_free(names, out, count);
    free(names);
    free(out);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_many_repeats),
    };

    return TABLE_RUN("batch names", names_cases, test_names) +
           cmocka_run_group_tests_name("batch names, many", plain, NULL, NULL);
}
