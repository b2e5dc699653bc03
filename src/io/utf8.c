/* utf8.c - see utf8.h. */
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "utf8_table.h"

static bool continues(const unsigned char *p, size_t avail, size_t n)
{
    size_t i;

    if (avail < n)
        return false;
    for (i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return false;
    return true;
}

/* The length of the sequence a lead byte starts, checked, or 0. */
static size_t sequence_length(const unsigned char *p, size_t avail)
{
    unsigned char c = p[0], second = avail > 1 ? p[1] : 0;

    if (c >= 0xc2 && c <= 0xdf)
        return continues(p, avail, 2) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if ((c == 0xe0 && second < 0xa0) || (c == 0xed && second > 0x9f))
            return 0;
        return continues(p, avail, 3) ? 3 : 0;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if ((c == 0xf0 && second < 0x90) || (c == 0xf4 && second > 0x8f))
            return 0;
        return continues(p, avail, 4) ? 4 : 0;
    }
    return 0;
}

size_t rt_utf8_decode(const char *text, size_t avail, uint32_t *code)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n, i;

    if (p[0] < 0x80) {
        *code = p[0];
        return 1;
    }
    n = sequence_length(p, avail);
    if (n == 0)
        return 0;
    /* The lead byte keeps 5, 4 or 3 bits for 2, 3 or 4 bytes. */
    *code = p[0] & (0x7fu >> n);
    for (i = 1; i < n; i++)
        *code = (*code << 6) | (p[i] & 0x3fu);
    return n;
}

/* The kind of a code point above ASCII: a binary search of the table. */
static enum utf8_kind kind_of(uint32_t code)
{
    size_t low = 0, high = sizeof utf8_ranges / sizeof utf8_ranges[0];

    while (low < high) {
        size_t mid = low + (high - low) / 2;

        if (code < utf8_ranges[mid].first)
            high = mid;
        else if (code > utf8_ranges[mid].last)
            low = mid + 1;
        else
            return (enum utf8_kind)utf8_ranges[mid].kind;
    }
    return UTF8_PLAIN;
}

/* The escape of an ASCII byte that is not plain, and its length. */
static size_t escape_byte(unsigned char c, char shown[RT_UTF8_SHOWN_MAX])
{
    static const char hex[] = "0123456789abcdef";
    char named = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\0';

    shown[0] = '\\';
    if (named) {
        shown[1] = named;
        return 2;
    }
    if (c == '\\') {
        shown[1] = '\\';
        return 2;
    }
    shown[1] = 'x';
    shown[2] = '{';
    shown[3] = hex[c >> 4];
    shown[4] = hex[c & 15];
    shown[5] = '}';
    return 6;
}

size_t rt_utf8_show_one(const char *text, size_t len,
                        char shown[RT_UTF8_SHOWN_MAX], size_t *shown_len,
                        size_t *columns)
{
    unsigned char c = (unsigned char)text[0];
    uint32_t code;
    size_t n = c < 0x80 ? 1 : rt_utf8_decode(text, len, &code);
    enum utf8_kind kind;

    if (c < 0x80 && rt_utf8_plain(c)) {
        shown[0] = (char)c;
        *shown_len = *columns = 1;
        return 1;
    }
    if (c < 0x80 || n == 0) {
        *shown_len = *columns = escape_byte(c, shown);
        return 1;
    }
    kind = kind_of(code);
    if (kind == UTF8_HIDDEN) {
        *shown_len = *columns = (size_t)snprintf(
            shown, RT_UTF8_SHOWN_MAX, "\\u{%04lx}", (unsigned long)code);
        return n;
    }
    memcpy(shown, text, n);
    *shown_len = n;
    *columns = kind == UTF8_ZERO ? 0 : kind == UTF8_WIDE ? 2 : 1;
    return n;
}

size_t rt_utf8_width(const char *text, size_t len)
{
    char shown[RT_UTF8_SHOWN_MAX];
    size_t width = 0, i = 0, shown_len, columns;

    while (i < len) {
        if (rt_utf8_plain((unsigned char)text[i])) {
            width++, i++;
            continue;
        }
        i += rt_utf8_show_one(text + i, len - i, shown, &shown_len, &columns);
        width += columns;
    }
    return width;
}
