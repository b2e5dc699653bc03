/*
 * escape.h - quoting of values for JSON and delimited text (internal).
 *
 * Shared by every emitter, so that a value is quoted the same way in the
 * core command and in batch output.
 */
#ifndef RETAIN_ESCAPE_H
#define RETAIN_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes text as a JSON string with its quotes: '"', '\\' and control bytes
 * escaped; other bytes, including invalid UTF-8, are written as they are.
 */
void rt_json_write_string(FILE *out, const char *text, size_t len);

/*
 * Writes one field of delimited text.  With delimiter ',' the field is
 * quoted as RFC 4180 says when it holds a comma, a quote, CR or LF.  With
 * any other delimiter (tab) quoting does not exist, so the delimiter, CR
 * and LF are written as a space to keep the row intact.
 */
void rt_delimited_write_field(FILE *out, const char *text, size_t len,
                              char delimiter);

#endif
