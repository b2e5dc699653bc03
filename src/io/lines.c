/* lines.c - see lines.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"

#define BOM     "\xef\xbb\xbf" /* UTF-8 byte-order mark */
#define BOM_LEN 3

enum rt_status rt_lines_init(struct rt_lines *reader, FILE *in)
{
    return rt_lines_init_sized(reader, in, RT_LINE_MAX, RT_LINE_MAX);
}

enum rt_status rt_lines_init_sized(struct rt_lines *reader, FILE *in,
                                   size_t size, size_t max)
{
    memset(reader, 0, sizeof *reader);
    reader->in = in;
    reader->max = max;
    reader->at_start = true;
    reader->buf = malloc(size);
    if (!reader->buf)
        return RT_ERR_NOMEM;
    reader->size = size;
    return RT_OK;
}

void rt_lines_free(struct rt_lines *reader)
{
    if (!reader)
        return;
    free(reader->buf);
    reader->buf = NULL;
}

/*
 * A line of `max` bytes, a CR and the LF that ends it must fit, and so
 * must a byte-order mark: the buffer doubles when a line fills it, up to
 * that size.
 */
static bool grow(struct rt_lines *r)
{
    size_t need = r->max + 2 > BOM_LEN ? r->max + 2 : BOM_LEN;
    size_t want = r->size * 2 < need ? r->size * 2 : need;
    char *bigger;

    if (want <= r->size)
        return true; /* as big as a line needs: nothing more fits */
    bigger = realloc(r->buf, want);
    if (!bigger)
        return false;
    r->buf = bigger;
    r->size = want;
    return true;
}

enum rt_status rt_lines_refill(struct rt_lines *r)
{
    size_t got;

    memmove(r->buf, r->buf + r->start, r->len - r->start);
    r->len -= r->start;
    r->start = 0;
    if (r->len == r->size && !grow(r))
        return RT_ERR_NOMEM;
    got = fread(r->buf + r->len, 1, r->size - r->len, r->in);
    r->len += got;
    r->got_any = r->got_any || got > 0;
    if (got == 0) {
        r->eof = true;
        if (ferror(r->in)) {
            r->error = errno;
            return RT_ERR_IO;
        }
    }
    return RT_OK;
}

/* Drops a byte-order mark: editors on Windows start UTF-8 text with one. */
static bool skip_bom(struct rt_lines *r)
{
    if (r->len - r->start < BOM_LEN && !r->eof)
        return false; /* cannot tell yet */
    if (r->len - r->start >= BOM_LEN &&
        memcmp(r->buf + r->start, BOM, BOM_LEN) == 0)
        r->start += BOM_LEN;
    r->at_start = false;
    return true;
}

enum rt_lines_result rt_lines_next(struct rt_lines *r, const char **text,
                                   size_t *len)
{
    const char *nl;
    size_t n;

    if (r->at_start && !skip_bom(r))
        return RT_LINES_MORE;
    nl = memchr(r->buf + r->start, '\n', r->len - r->start);
    if (!nl) {
        if (r->eof && r->start == r->len)
            return RT_LINES_END;
        /* Past the longest line and the CR of its line end: refuse. */
        if (r->len - r->start > r->max + 1) {
            r->line++;
            return RT_LINES_TOO_LONG;
        }
        if (!r->eof)
            return RT_LINES_MORE;
    }
    *text = r->buf + r->start;
    n = nl ? (size_t)(nl - *text) : r->len - r->start;
    r->start += n + (nl != NULL);
    r->line++;
    if (n > 0 && (*text)[n - 1] == '\r')
        n--;
    *len = n;
    return n > r->max ? RT_LINES_TOO_LONG : RT_LINES_OK;
}
