/*
 * lines.h - a reader of plain lists, one item a line (internal).
 *
 * A line ends at LF; a CR before the LF, or before the end of the input,
 * belongs to the line end.  A UTF-8 byte-order mark at the very start is
 * dropped, and a last line without its line end is still a line.  Lines
 * are never cut: a line longer than the reader's maximum is refused.
 *
 * Lines are handed out from the reader's buffer, without copying, so that
 * a caller can gather many before looking at them: every line handed out
 * stays valid until the next rt_lines_refill().
 */
#ifndef RETAIN_LINES_H
#define RETAIN_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "retain.h"

/* The longest line rt_lines_init() accepts, without its line end: 1 MiB. */
#define RT_LINE_MAX ((size_t)1 << 20)

struct rt_lines {
    FILE *in;
    char *buf; /* the unread input starts at buf + start */
    size_t size, len, start;
    size_t max;    /* the longest line accepted */
    bool eof;      /* nothing more to read */
    bool at_start; /* a byte-order mark may still come */
    bool got_any;  /* some byte was read */
    int error;     /* errno of a failed read */
    uint64_t line; /* the number of the line last handed out, from 1 */
};

/* How rt_lines_next() ended. */
enum rt_lines_result {
    RT_LINES_OK,      /* *text, *len hold the next line */
    RT_LINES_MORE,    /* no whole line is buffered: rt_lines_refill() */
    RT_LINES_END,     /* no more lines */
    RT_LINES_TOO_LONG /* line `line` is longer than the maximum */
};

/*
 * Prepares to read `in`, which stays the caller's, with a first buffer of
 * RT_LINE_MAX bytes and lines of up to RT_LINE_MAX bytes.  RT_ERR_NOMEM
 * on failure.
 */
enum rt_status rt_lines_init(struct rt_lines *reader, FILE *in);

/*
 * rt_lines_init() with a first buffer of `size` bytes (at least 1) and
 * lines of up to `max` bytes: the buffer grows to hold the longest line.
 * Tests use tiny ones so that lines cross refills.
 */
enum rt_status rt_lines_init_sized(struct rt_lines *reader, FILE *in,
                                   size_t size, size_t max);

/* Frees the buffer; accepts a reader that failed to init. */
void rt_lines_free(struct rt_lines *reader);

/*
 * The next line, without its line end, from what is buffered; counts it
 * in reader->line.  After RT_LINES_TOO_LONG nothing more is read.
 */
enum rt_lines_result rt_lines_next(struct rt_lines *reader, const char **text,
                                   size_t *len);

/*
 * After RT_LINES_MORE: moves the unread input to the front of the buffer
 * (lines handed out become invalid), grows it when a line fills it, and
 * reads more.
 * RT_ERR_IO when reading failed: errno in reader->error, and the failure
 * is at line reader->line + 1, or at no line when nothing was read
 * (reader->got_any is false: a directory).  RT_ERR_NOMEM when the buffer
 * could not grow.
 */
enum rt_status rt_lines_refill(struct rt_lines *reader);

#endif
