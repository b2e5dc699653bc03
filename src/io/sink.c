/* sink.c - see sink.h. */
#include <errno.h>
#include <stdlib.h>

#include "sink.h"
#include "utf8.h"

void rt_sink_init(struct rt_sink *sink, FILE *out)
{
    sink->out = out;
    sink->buf = sink->storage;
    sink->len = 0;
    sink->cap = RT_SINK_SIZE;
    sink->failed = false;
    sink->error = 0;
}

void rt_sink_init_memory(struct rt_sink *sink)
{
    sink->out = NULL;
    sink->buf = NULL;
    sink->len = sink->cap = 0;
    sink->failed = false;
    sink->error = 0;
}

void rt_sink_free(struct rt_sink *sink)
{
    if (!sink->out)
        free(sink->buf);
    sink->buf = NULL;
    sink->len = sink->cap = 0;
}

void rt_sink_reset(struct rt_sink *sink)
{
    sink->len = 0;
    sink->failed = false;
}

/* Makes room for `more` bytes in a memory sink. */
static bool grow(struct rt_sink *sink, size_t more)
{
    size_t cap = sink->cap ? sink->cap : RT_SINK_SIZE;
    char *bigger;

    while (cap - sink->len < more)
        cap *= 2;
    bigger = realloc(sink->buf, cap);
    if (!bigger) {
        sink->failed = true;
        return false;
    }
    sink->buf = bigger;
    sink->cap = cap;
    return true;
}

bool rt_sink_flush(struct rt_sink *sink)
{
    if (!sink->out)
        return !sink->failed && (sink->len < sink->cap || grow(sink, 1));
    if (sink->len > 0 && !sink->failed &&
        fwrite(sink->buf, 1, sink->len, sink->out) != sink->len) {
        sink->failed = true;
        sink->error = errno;
    }
    sink->len = 0;
    return !sink->failed;
}

void rt_sink_write_block(struct rt_sink *sink, const void *data, size_t len)
{
    if (!sink->out) {
        if (!grow(sink, len))
            return;
    } else {
        rt_sink_flush(sink);
        if (len >= sink->cap) {
            if (!sink->failed && fwrite(data, 1, len, sink->out) != len) {
                sink->failed = true;
                sink->error = errno;
            }
            return;
        }
    }
    memcpy(sink->buf + sink->len, data, len);
    sink->len += len;
}

static bool json_plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
}

void rt_sink_json_string(struct rt_sink *sink, const char *text, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, run = 0, n;
    uint32_t code;

    rt_sink_put(sink, '"');
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};

        if (json_plain(c) && c < 0x80)
            continue;
        if (c >= 0x80) {
            n = rt_utf8_decode(text + i, len - i, &code);
            if (n > 0) {
                i += n - 1;
                continue;
            }
            /* JSON is UTF-8: a stray byte becomes U+FFFD, the replacement
               character, as JSON tools do. */
            rt_sink_write(sink, text + run, i - run);
            run = i + 1;
            rt_sink_puts(sink, "\\ufffd");
            continue;
        }
        rt_sink_write(sink, text + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            esc[1] = (char)c;
            esc[2] = 0;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
            esc[2] = 0;
        }
        rt_sink_puts(sink, esc);
    }
    rt_sink_write(sink, text + run, len - run);
    rt_sink_put(sink, '"');
}

static bool csv_needs_quotes(const char *text, size_t len, char delimiter)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (text[i] == delimiter || text[i] == '"' || text[i] == '\n' ||
            text[i] == '\r')
            return true;
    return false;
}

/*
 * A tab-separated field cannot be quoted: a tab, CR, LF or backslash in it
 * is written as an escape, as PostgreSQL's text format and the IANA TSV
 * convention write them, and the reader (csv.h) reads them back.
 */
static void tsv_field(struct rt_sink *sink, const char *text, size_t len)
{
    size_t i;

    /* Byte by byte: fields are short, and rt_sink_put() is inline. */
    for (i = 0; i < len; i++) {
        char c = text[i];

        /* Every byte to escape is a control byte or the backslash. */
        if (((unsigned char)c >= 0x20 && c != '\\') ||
            (c != '\t' && c != '\n' && c != '\r' && c != '\\')) {
            rt_sink_put(sink, c);
            continue;
        }
        rt_sink_put(sink, '\\');
        rt_sink_put(sink, c == '\t'   ? 't'
                          : c == '\n' ? 'n'
                          : c == '\r' ? 'r'
                                      : '\\');
    }
}

void rt_sink_field(struct rt_sink *sink, const char *text, size_t len,
                   char delimiter)
{
    size_t i;

    if (delimiter == '\t') {
        tsv_field(sink, text, len);
        return;
    }
    if (!csv_needs_quotes(text, len, delimiter)) {
        rt_sink_write(sink, text, len);
        return;
    }
    rt_sink_put(sink, '"');
    for (i = 0; i < len; i++) {
        if (text[i] == '"')
            rt_sink_put(sink, '"');
        rt_sink_put(sink, text[i]);
    }
    rt_sink_put(sink, '"');
}

struct rt_sink *rt_sink_open(FILE *out)
{
    struct rt_sink *sink = malloc(sizeof *sink);

    if (sink)
        rt_sink_init(sink, out);
    return sink;
}

enum rt_status rt_sink_close(struct rt_sink *sink)
{
    bool ok = rt_sink_flush(sink) && !ferror(sink->out);

    free(sink);
    return ok ? RT_OK : RT_ERR_IO;
}
