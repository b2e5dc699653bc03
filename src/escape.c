/* escape.c - JSON strings and RFC 4180 fields. */
#include <stdbool.h>
#include <string.h>

#include "escape.h"

static void json_escape_byte(FILE *out, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";

    switch (c) {
    case '"':
        fputs("\\\"", out);
        break;
    case '\\':
        fputs("\\\\", out);
        break;
    case '\n':
        fputs("\\n", out);
        break;
    case '\r':
        fputs("\\r", out);
        break;
    case '\t':
        fputs("\\t", out);
        break;
    default:
        fputs("\\u00", out);
        putc(hex[c >> 4], out);
        putc(hex[c & 15], out);
    }
}

void rt_json_write_string(FILE *out, const char *text, size_t len)
{
    size_t i, run = 0;

    putc('"', out);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];

        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        fwrite(text + run, 1, i - run, out);
        json_escape_byte(out, c);
        run = i + 1;
    }
    fwrite(text + run, 1, len - run, out);
    putc('"', out);
}

static bool needs_quotes(const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (text[i] == ',' || text[i] == '"' || text[i] == '\n' ||
            text[i] == '\r')
            return true;
    return false;
}

void rt_delimited_write_field(FILE *out, const char *text, size_t len,
                              char delimiter)
{
    size_t i;

    if (delimiter != ',') {
        for (i = 0; i < len; i++) {
            char c = text[i];
            putc(c == delimiter || c == '\n' || c == '\r' ? ' ' : c, out);
        }
        return;
    }
    if (!needs_quotes(text, len)) {
        fwrite(text, 1, len, out);
        return;
    }
    putc('"', out);
    for (i = 0; i < len; i++) {
        if (text[i] == '"')
            putc('"', out);
        putc(text[i], out);
    }
    putc('"', out);
}
