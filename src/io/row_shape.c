/* row_shape.c - see row_shape.h. */
#include <stdio.h>
#include <string.h>

#include "describe.h"
#include "row_shape.h"

void rt_row_shape_label(const char *const *names, size_t count, size_t index,
                        char *buf, size_t size)
{
    if (names && index < count)
        rt_quote_value(names[index], strlen(names[index]), buf, size);
    else
        snprintf(buf, size, "%zu", index + 1);
}

void rt_row_shape_width(size_t have, size_t want, char *buf, size_t size)
{
    snprintf(buf, size, "the row has %zu field%s, the header %zu", have,
             have == 1 ? "" : "s", want);
}

void rt_row_shape_problem(const struct rt_csv_record *record,
                          const char *const *names, size_t count, char *buf,
                          size_t size)
{
    char label[RT_QUOTE_SIZE];

    switch (record->problem) {
    case RT_CSV_UNTERMINATED:
        snprintf(buf, size,
                 "the input ends inside the quoted field %zu, which starts "
                 "on this line (expected a closing '\"')",
                 record->problem_field + 1);
        return;
    case RT_CSV_AFTER_QUOTE:
        rt_row_shape_label(names, count, record->problem_field, label,
                           sizeof label);
        snprintf(buf, size,
                 "field %s: text after the closing quote (expected the "
                 "delimiter or the line end; write \"\" for a quote inside "
                 "quotes)",
                 label);
        return;
    case RT_CSV_FINE:
        break;
    }
    buf[0] = '\0';
}

const char *rt_row_shape_no_header(bool blank_lines)
{
    return blank_lines
               ? "only blank lines (expected a header line naming the columns)"
               : "empty input (expected a header line naming the columns)";
}

void rt_row_shape_bad_header(const struct rt_csv_record *header, char *buf,
                             size_t size)
{
    char problem[RT_MESSAGE_SIZE];

    rt_row_shape_problem(header, NULL, 0, problem, sizeof problem);
    snprintf(buf, size, "the header line: %s", problem);
}

void rt_row_shape_read_failure(enum rt_csv_result result, int error, char *buf,
                               size_t size)
{
    if (result == RT_CSV_READ_FAIL)
        snprintf(buf, size, "read error: %s", strerror(error));
    else
        snprintf(buf, size,
                 "a record longer than %zu bytes (expected shorter lines; "
                 "nothing after this point was read)",
                 (size_t)RT_CSV_RECORD_MAX);
}
