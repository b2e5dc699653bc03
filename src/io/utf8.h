/*
 * utf8.h - text as people see it: decoding, escapes and columns (internal).
 *
 * Messages and text tables show input bytes the same way.  A character
 * that prints is shown as it is; anything that would break, hide or
 * reorder the line is shown as an escape that reads back to exactly one
 * byte or one character:
 *
 *   \t \n \r            tab, line feed, carriage return
 *   \\                  a backslash
 *   \x{HH}              any other control byte (0x00-0x1f, 0x7f), or a
 *                       byte that is not part of valid UTF-8
 *   \u{HHHH}            a code point that is a control (C1), a format
 *                       character (bidirectional overrides, zero-width
 *                       spaces, ...) or a line or paragraph separator
 *
 * The braces keep an escape from running into a hex digit after it:
 * a NUL byte followed by '0' is "\x{00}0".
 *
 * Columns are those of a terminal: two for East Asian wide and fullwidth
 * characters, none for combining marks, one for everything else, and one
 * per byte of an escape.  The tables come from Unicode 15.0 (utf8_table.h).
 */
#ifndef RETAIN_UTF8_H
#define RETAIN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest form one unit is shown in: "\u{10ffff}". */
#define RT_UTF8_SHOWN_MAX 12

/*
 * The length of the well-formed UTF-8 sequence at the start of text (RFC
 * 3629: no overlong forms, no surrogates, nothing above U+10FFFF) and its
 * code point in *code; 0 when text does not start with one.  avail >= 1.
 */
size_t rt_utf8_decode(const char *text, size_t avail, uint32_t *code);

/* Whether a byte is shown as itself in one column: printable ASCII other
   than the backslash. */
static inline bool rt_utf8_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '\\';
}

/*
 * Shows the byte or character at the start of text (len >= 1) as the
 * header says.  Writes the shown form
 * to shown (not NUL-terminated), its length to *shown_len and its columns
 * to *columns; returns how many bytes of text it stands for.
 */
size_t rt_utf8_show_one(const char *text, size_t len,
                        char shown[RT_UTF8_SHOWN_MAX], size_t *shown_len,
                        size_t *columns);

/* The columns text takes when shown. */
size_t rt_utf8_width(const char *text, size_t len);

#endif
