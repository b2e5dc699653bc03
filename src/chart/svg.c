/* svg.c - see svg.h. */
#include <stdint.h>
#include <string.h>

#include "svg.h"
#include "utf8.h"

/* U+FFFD REPLACEMENT CHARACTER, in UTF-8. */
#define REPLACEMENT "\xef\xbf\xbd"
#define ELLIPSIS    "\xe2\x80\xa6"

/* The average advance of a character: 0.6 em, in tenths of a pixel per
   pixel of font size. */
#define ADVANCE_TENTHS 6

/* Whether a code point may not stand in the document as it is: XML 1.0
   forbids C0 controls other than tab and line ends and U+FFFE/U+FFFF;
   tab, line ends, DEL and C1 controls would be invisible or reflowed. */
static bool replaced_code(uint32_t code)
{
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code == 0xfffe ||
           code == 0xffff;
}

/*
 * The unit at the start of text (len >= 1): one byte that is not valid
 * UTF-8, or one character.  Returns its length in bytes and says whether
 * it is shown as U+FFFD and how many columns it takes.
 */
static size_t text_unit(const char *text, size_t len, bool *replaced,
                        size_t *columns)
{
    uint32_t code = 0;
    size_t n = rt_utf8_decode(text, len, &code);

    *columns = 1;
    *replaced = n == 0 || replaced_code(code);
    if (n == 0)
        return 1;
    if (!*replaced && code >= 0x80) {
        char shown[RT_UTF8_SHOWN_MAX];
        size_t shown_len, unit_columns;

        rt_utf8_show_one(text, n, shown, &shown_len, &unit_columns);
        /* What a terminal shows as an escape (C1 controls, format
           characters such as bidirectional overrides, line separators)
           could hide or reorder a label: U+FFFD, in one column. */
        *replaced = shown[0] == '\\';
        *columns = *replaced ? 1 : unit_columns;
    }
    return n;
}

/* The entity of one of XML's special characters, or NULL. */
static const char *entity(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    default:
        return NULL;
    }
}

void rt_svg_text_escaped(struct rt_svg *svg, const char *text, size_t len)
{
    size_t i = 0;

    while (i < len) {
        bool replaced;
        size_t columns, n = text_unit(text + i, len - i, &replaced, &columns);
        const char *name = entity(text[i]);

        if (replaced)
            rt_sink_puts(svg->sink, REPLACEMENT);
        else if (name)
            rt_sink_puts(svg->sink, name);
        else
            rt_sink_write(svg->sink, text + i, n);
        i += n;
    }
}

void rt_svg_raw(struct rt_svg *svg, const char *text)
{
    rt_sink_puts(svg->sink, text);
}

void rt_svg_number(struct rt_svg *svg, long tenths)
{
    char digits[32];
    size_t at = sizeof digits;
    unsigned long magnitude =
        tenths < 0 ? 0ul - (unsigned long)tenths : (unsigned long)tenths;
    unsigned long whole = magnitude / 10, tenth = magnitude % 10;

    if (tenth) {
        digits[--at] = (char)('0' + tenth);
        digits[--at] = '.';
    }
    do {
        digits[--at] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    if (tenths < 0)
        digits[--at] = '-';
    rt_sink_write(svg->sink, digits + at, sizeof digits - at);
}

/* Writes ` name="tenths"`. */
static void attribute(struct rt_svg *svg, const char *name, long tenths)
{
    rt_sink_put(svg->sink, ' ');
    rt_sink_puts(svg->sink, name);
    rt_sink_puts(svg->sink, "=\"");
    rt_svg_number(svg, tenths);
    rt_sink_put(svg->sink, '"');
}

/* Writes ` attrs` when there are any. */
static void extra(struct rt_svg *svg, const char *attrs)
{
    if (!attrs || !*attrs)
        return;
    rt_sink_put(svg->sink, ' ');
    rt_sink_puts(svg->sink, attrs);
}

void rt_svg_begin(struct rt_svg *svg, struct rt_sink *sink, unsigned width,
                  unsigned height, const char *title, const char *desc)
{
    long w = (long)width * 10, h = (long)height * 10;

    svg->sink = sink;
    rt_svg_raw(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"");
    attribute(svg, "width", w);
    attribute(svg, "height", h);
    rt_svg_raw(svg, " viewBox=\"0 0 ");
    rt_svg_number(svg, w);
    rt_sink_put(sink, ' ');
    rt_svg_number(svg, h);
    rt_svg_raw(svg, "\" role=\"img\" aria-labelledby=\"rt-title rt-desc\""
                    " font-family=\"sans-serif\" xml:space=\"preserve\">\n"
                    "<title id=\"rt-title\">");
    rt_svg_text_escaped(svg, title, strlen(title));
    rt_svg_raw(svg, "</title>\n<desc id=\"rt-desc\">");
    rt_svg_text_escaped(svg, desc, strlen(desc));
    rt_svg_raw(svg, "</desc>\n");
    rt_svg_rect(svg, 0, 0, w, h, "fill=\"#ffffff\"");
}

void rt_svg_end(struct rt_svg *svg)
{
    rt_svg_raw(svg, "</svg>\n");
}

/* The start tag of a text element, up to its content. */
static void text_open(struct rt_svg *svg, long x, long y, const char *anchor,
                      const char *attrs)
{
    rt_svg_raw(svg, "<text");
    attribute(svg, "x", x);
    attribute(svg, "y", y);
    if (anchor) {
        rt_svg_raw(svg, " text-anchor=\"");
        rt_svg_raw(svg, anchor);
        rt_sink_put(svg->sink, '"');
    }
    extra(svg, attrs);
    rt_sink_put(svg->sink, '>');
}

void rt_svg_text(struct rt_svg *svg, long x, long y, const char *anchor,
                 const char *attrs, const char *text)
{
    text_open(svg, x, y, anchor, attrs);
    rt_svg_text_escaped(svg, text, strlen(text));
    rt_svg_raw(svg, "</text>\n");
}

void rt_svg_rect(struct rt_svg *svg, long x, long y, long w, long h,
                 const char *attrs)
{
    rt_svg_raw(svg, "<rect");
    attribute(svg, "x", x);
    attribute(svg, "y", y);
    attribute(svg, "width", w);
    attribute(svg, "height", h);
    extra(svg, attrs);
    rt_svg_raw(svg, "/>\n");
}

void rt_svg_line(struct rt_svg *svg, long x1, long y1, long x2, long y2,
                 const char *attrs)
{
    rt_svg_raw(svg, "<line");
    attribute(svg, "x1", x1);
    attribute(svg, "y1", y1);
    attribute(svg, "x2", x2);
    attribute(svg, "y2", y2);
    extra(svg, attrs);
    rt_svg_raw(svg, "/>\n");
}

void rt_svg_circle(struct rt_svg *svg, long cx, long cy, long r,
                   const char *attrs)
{
    rt_svg_raw(svg, "<circle");
    attribute(svg, "cx", cx);
    attribute(svg, "cy", cy);
    attribute(svg, "r", r);
    extra(svg, attrs);
    rt_svg_raw(svg, "/>\n");
}

void rt_svg_path_begin(struct rt_svg *svg)
{
    rt_svg_raw(svg, "<path d=\"");
}

void rt_svg_path_to(struct rt_svg *svg, bool move, long x, long y)
{
    rt_svg_raw(svg, move ? "M" : " L");
    rt_svg_number(svg, x);
    rt_sink_put(svg->sink, ' ');
    rt_svg_number(svg, y);
}

void rt_svg_path_end(struct rt_svg *svg, const char *attrs)
{
    rt_sink_put(svg->sink, '"');
    extra(svg, attrs);
    rt_svg_raw(svg, "/>\n");
}

/* The display columns of text as the document shows it. */
static size_t text_columns(const char *text, size_t len)
{
    size_t i = 0, total = 0;

    while (i < len) {
        bool replaced;
        size_t columns;

        i += text_unit(text + i, len - i, &replaced, &columns);
        total += columns;
    }
    return total;
}

long rt_svg_text_width(const char *text, size_t len, unsigned font_px)
{
    return (long)text_columns(text, len) * (long)font_px * ADVANCE_TENTHS;
}

long rt_svg_scale(long value, long from_range, long to_range)
{
    long long product = (long long)value * to_range;
    long long den = from_range, quotient, remainder;
    bool negative = (product < 0) != (den < 0);

    if (den == 0)
        return 0;
    if (product < 0)
        product = -product;
    if (den < 0)
        den = -den;
    quotient = product / den;
    remainder = product % den;
    /* Half away from zero: the magnitude rounds up at one half. */
    if (remainder >= den - remainder)
        quotient++;
    return (long)(negative ? -quotient : quotient);
}

size_t rt_svg_fit(const char *text, size_t len, unsigned font_px,
                  long max_tenths, bool *cut)
{
    long advance = (long)font_px * ADVANCE_TENTHS, used = advance;
    size_t i = 0;

    *cut = rt_svg_text_width(text, len, font_px) > max_tenths;
    if (!*cut)
        return len;
    /* Whole characters while they fit with the ellipsis after them. */
    while (i < len) {
        bool replaced;
        size_t columns, n = text_unit(text + i, len - i, &replaced, &columns);

        if (used + (long)columns * advance > max_tenths)
            break;
        used += (long)columns * advance;
        i += n;
    }
    return i;
}

void rt_svg_text_fit(struct rt_svg *svg, long x, long y, const char *anchor,
                     const char *attrs, const char *text, unsigned font_px,
                     long max_tenths)
{
    bool cut;
    size_t len = strlen(text);
    size_t shown = rt_svg_fit(text, len, font_px, max_tenths, &cut);

    text_open(svg, x, y, anchor, attrs);
    rt_svg_text_escaped(svg, text, shown);
    if (cut)
        rt_svg_raw(svg, ELLIPSIS);
    rt_svg_raw(svg, "</text>\n");
}

size_t rt_svg_round_step(size_t needed)
{
    size_t step = 1;

    while (step < needed) {
        if (step * 2 >= needed)
            return step * 2;
        if (step * 5 >= needed)
            return step * 5;
        step *= 10;
    }
    return step;
}
