/*
 * row_shape.h - what is wrong with the shape of a record (internal).
 *
 * One wording for every command that reads records with a header: a row
 * of another width than the header, a quoted field the input ends in,
 * text after a closing quote, a header that cannot be read, a read that
 * failed.  Each message names the field, by its header name when the
 * caller kept the names, else by its number from 1.
 */
#ifndef RETAIN_ROW_SHAPE_H
#define RETAIN_ROW_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"

/*
 * The label of field `index` of a row: the header's name, quoted, when
 * names holds it (index < count; names may be NULL), else its number.
 */
void rt_row_shape_label(const char *const *names, size_t count, size_t index,
                        char *buf, size_t size);

/* "the row has HAVE fields, the header WANT", for a row of another width. */
void rt_row_shape_width(size_t have, size_t want, char *buf, size_t size);

/*
 * What record->problem says, in words, naming the field as
 * rt_row_shape_label() does.  Writes "" for a record without a problem.
 */
void rt_row_shape_problem(const struct rt_csv_record *record,
                          const char *const *names, size_t count, char *buf,
                          size_t size);

/* Why there is no header: the input is empty, or only blank lines. */
const char *rt_row_shape_no_header(bool blank_lines);

/*
 * What is wrong with a header line the reader found a problem in, naming
 * the field by its number: "the header line: " and rt_row_shape_problem().
 */
void rt_row_shape_bad_header(const struct rt_csv_record *header, char *buf,
                             size_t size);

/*
 * Why reading stopped: RT_CSV_READ_FAIL (with its errno) or
 * RT_CSV_TOO_LONG.
 */
void rt_row_shape_read_failure(enum rt_csv_result result, int error, char *buf,
                               size_t size);

#endif
