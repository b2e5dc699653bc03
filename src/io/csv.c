/*
 * csv.c - see csv.h.
 *
 * Most lines hold no quote, so the reader splits a line in place, without
 * copying, finding its delimiters and its end in one pass, eight bytes at
 * a time where it can (CSV_SWAR below), else byte by byte.  Only a line with a
 * quote in it (when quoting is on) goes through the byte-by-byte state
 * machine, which unescapes its fields into a scratch buffer and may carry
 * the record across line ends.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

enum scan_state { FIELD_START, UNQUOTED, QUOTED, CLOSED };

/*
 * The grammar of RFC 4180 within a record, one byte at a time, written
 * once for every pass that follows quotes (the reader's slow path, its raw
 * fields, and the cuts of the parallel blocks).  A quote opens a quoted
 * field only at the start of a field; inside, a quote closes it, and a
 * quote right after the closing one is a doubled quote, which reopens it.
 * Outside quotes a delimiter starts the next field.  Line ends are the
 * caller's.
 */
static enum scan_state next_state(enum scan_state state, char c, char delimiter)
{
    if (state == QUOTED)
        return c == '"' ? CLOSED : QUOTED;
    if (state == CLOSED && c == '"')
        return QUOTED;
    if (c == delimiter)
        return FIELD_START;
    return state == FIELD_START && c == '"' ? QUOTED : UNQUOTED;
}

#define INITIAL_FIELDS 64

enum rt_status rt_csv_init(struct rt_csv *reader, FILE *in, char delimiter,
                           bool quoting)
{
    return rt_csv_init_sized(reader, in, delimiter, quoting,
                             RT_CSV_BUFFER_SIZE);
}

enum rt_status rt_csv_init_sized(struct rt_csv *reader, FILE *in,
                                 char delimiter, bool quoting, size_t size)
{
    memset(reader, 0, sizeof *reader);
    reader->in = in;
    reader->delimiter = delimiter;
    reader->quoting = quoting;
    reader->next_line = 1;
    reader->at_start = true;
    reader->buf = malloc(size);
    reader->fields = malloc(INITIAL_FIELDS * sizeof *reader->fields);
    if (!reader->buf || !reader->fields) {
        rt_csv_free(reader);
        return RT_ERR_NOMEM;
    }
    reader->size = size;
    reader->field_cap = INITIAL_FIELDS;
    return RT_OK;
}

enum rt_status rt_csv_init_memory(struct rt_csv *reader, const char *data,
                                  size_t len, char delimiter, bool quoting)
{
    memset(reader, 0, sizeof *reader);
    reader->delimiter = delimiter;
    reader->quoting = quoting;
    reader->next_line = 1;
    reader->eof = true;
    reader->borrowed = true;
    /* Never written: a reader at the end of its input does not refill. */
    reader->buf = (char *)data;
    reader->size = reader->len = len;
    reader->fields = malloc(INITIAL_FIELDS * sizeof *reader->fields);
    if (!reader->fields)
        return RT_ERR_NOMEM;
    reader->field_cap = INITIAL_FIELDS;
    return RT_OK;
}

/*
 * The states of scan_quoted(), so that a block ends exactly where the
 * reader would end a record.
 */
size_t rt_csv_boundary(const char *data, size_t len, char delimiter,
                       bool quoting)
{
    enum scan_state state = FIELD_START;
    size_t last = 0, i;

    if (!quoting || !memchr(data, '"', len)) {
        for (i = len; i > 0; i--)
            if (data[i - 1] == '\n')
                return i;
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (data[i] == '\n' && state != QUOTED) {
            last = i + 1;
            state = FIELD_START;
        } else {
            state = next_state(state, data[i], delimiter);
        }
    }
    return last;
}

void rt_csv_free(struct rt_csv *reader)
{
    if (!reader)
        return;
    if (!reader->borrowed)
        free(reader->buf);
    free(reader->scratch);
    free(reader->fields);
    free(reader->raw_fields);
    reader->buf = reader->scratch = NULL;
    reader->fields = reader->raw_fields = NULL;
}

/*
 * Moves the unfinished record to the front of the buffer, grows the buffer
 * when the record fills it, and reads more, setting eof at the end of the
 * input.  Returns RT_CSV_RECORD when the caller can go on.
 */
static enum rt_csv_result refill(struct rt_csv *r)
{
    size_t got;

    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->scan -= r->start;
        r->start = 0;
    }
    if (r->len == r->size) {
        char *bigger;

        if (r->size > RT_CSV_RECORD_MAX)
            return RT_CSV_TOO_LONG;
        bigger = realloc(r->buf, r->size * 2);
        if (!bigger)
            return RT_CSV_NO_MEMORY;
        r->buf = bigger;
        r->size *= 2;
    }
    got = fread(r->buf + r->len, 1, r->size - r->len, r->in);
    r->len += got;
    if (got == 0) {
        if (ferror(r->in)) {
            r->read_error = true;
            r->error = errno;
            return RT_CSV_READ_FAIL;
        }
        r->eof = true;
    }
    return RT_CSV_RECORD;
}

static bool add_field(struct rt_csv *r, size_t *count, const char *data,
                      size_t len)
{
    if (*count == r->field_cap) {
        size_t cap = r->field_cap ? r->field_cap * 2 : INITIAL_FIELDS;
        struct rt_csv_field *bigger =
            realloc(r->fields, cap * sizeof *r->fields);
        if (!bigger)
            return false;
        r->fields = bigger;
        r->field_cap = cap;
    }
    r->fields[*count].data = data;
    r->fields[*count].len = len;
    (*count)++;
    return true;
}

/*
 * Eight bytes at a time where the compiler tells the byte order: a word's
 * bytes that equal a given byte get their high bit set, exactly, and the
 * lowest set bit names the first of them.  Elsewhere, and when built with
 * RETAIN_NO_SWAR (as the tests also do), the reader goes byte by byte.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(RETAIN_NO_SWAR)
#define CSV_SWAR 1
#define ONES     UINT64_C(0x0101010101010101)
#define LOW7     UINT64_C(0x7f7f7f7f7f7f7f7f)

static uint64_t equal_bytes(uint64_t word, uint64_t pattern)
{
    uint64_t x = word ^ pattern;

    return ~(((x & LOW7) + LOW7) | x | LOW7);
}
#else
#define CSV_SWAR 0
#endif

/* How a scan of a line ended. */
enum line_scan { LINE_DONE = 0, LINE_QUOTED = -1, LINE_PARTIAL = -2 };

struct line_split {
    struct rt_csv *reader;
    struct rt_csv_record *rec;
    const char *field; /* start of the current field */
    const char *stop;  /* the line end or quote that ended the scan */
};

/*
 * Handles a delimiter, a quote or a line end at p.  Returns 1 to go on,
 * LINE_DONE at a line end, LINE_QUOTED at a quote, or RT_CSV_NO_MEMORY.
 */
static int at_special(struct line_split *split, const char *p)
{
    struct rt_csv *r = split->reader;

    if (*p == r->delimiter) {
        if (!add_field(r, &split->rec->count, split->field,
                       (size_t)(p - split->field)))
            return RT_CSV_NO_MEMORY;
        split->field = p + 1;
        return 1;
    }
    split->stop = p;
    return *p == '\n' ? LINE_DONE : LINE_QUOTED;
}

#if CSV_SWAR
/*
 * The bytes of a word below `below` (ONES times a byte up to 0x7f) get
 * their high bit set: all of them, and also a byte equal to the bound
 * right above one of them (a borrow).  Three operations, where an exact
 * equal_bytes() costs six for each byte sought.
 */
static uint64_t bytes_below(uint64_t word, uint64_t below)
{
    return (word - below) & ~word & ~LOW7;
}

/*
 * split_line()'s words when the delimiter and the line end are below 0x30
 * (a comma or a tab): one cheap test passes over a word with neither, nor
 * a quote, which is most words of IDs, digits and dates.  A hit may be
 * another byte (a space, a CR, a plus, or the byte above the delimiter
 * right after it), which is let go.  Returns as split_words_exact().
 */
static int split_words_below(struct line_split *split, const char **at,
                             const char *data_end, char quote)
{
    struct rt_csv *r = split->reader;
    unsigned char least = (unsigned char)r->delimiter > '\n'
                              ? (unsigned char)r->delimiter
                              : (unsigned char)'\n';
    uint64_t below = ONES * (uint64_t)(least + 1);
    /* A quote above the bound is sought exactly. */
    uint64_t q = (unsigned char)quote > least ? ONES * (unsigned char)quote : 0;
    const char *p = *at;

    for (; data_end - p >= 8; p += 8) {
        uint64_t word, hits;

        memcpy(&word, p, 8);
        hits = bytes_below(word, below) | (q ? equal_bytes(word, q) : 0);
        for (; hits; hits &= hits - 1) {
            const char *c = p + (__builtin_ctzll(hits) >> 3);
            int got;

            if (*c != r->delimiter && *c != '\n' && *c != quote)
                continue;
            got = at_special(split, c);
            if (got != 1)
                return got;
        }
    }
    *at = p;
    return 1;
}

/*
 * split_line()'s words, eight bytes at a time: each byte that is the
 * delimiter, a line end or the quote, exactly, is handed to at_special().
 * Returns 1 with *at past the words scanned when the line goes on, else
 * as at_special().
 */
static int split_words_exact(struct line_split *split, const char **at,
                             const char *data_end, char quote)
{
    struct rt_csv *r = split->reader;
    uint64_t d = ONES * (unsigned char)r->delimiter, n = ONES * '\n';
    uint64_t q = ONES * (unsigned char)quote;
    const char *p = *at;
    int got = 1;

    while (got == 1 && data_end - p >= 8) {
        uint64_t word, hits;

        memcpy(&word, p, 8);
        hits =
            equal_bytes(word, d) | equal_bytes(word, n) | equal_bytes(word, q);
        while (hits && got == 1) {
            got = at_special(split, p + (__builtin_ctzll(hits) >> 3));
            hits &= hits - 1;
        }
        p += 8;
    }
    *at = p;
    return got;
}
#endif

/*
 * Finds the line end and the delimiters of the line at `line` in one pass.
 * Returns LINE_DONE with split->stop at the line end (or at the end of the
 * data when the input ends without one), LINE_QUOTED when a quote (with
 * quoting on) or a backslash (without) sends the line to the slow path,
 * LINE_PARTIAL when the buffer ends first, or RT_CSV_NO_MEMORY.  The last
 * field is left to the caller.
 */
static int split_line(struct rt_csv *r, struct line_split *split)
{
    const char *p = split->field, *data_end = r->buf + r->len;
    /* Without quoting, a backslash may start an escape: the slow path. */
    char quote = r->quoting ? '"' : '\\';
    int got = 1;

    split->rec->count = 0;
#if CSV_SWAR
    got = (unsigned char)r->delimiter < 0x30
              ? split_words_below(split, &p, data_end, quote)
              : split_words_exact(split, &p, data_end, quote);
    if (got != 1)
        return got;
#endif
    for (; p < data_end; p++) {
        if (*p != r->delimiter && *p != '\n' && *p != quote)
            continue;
        got = at_special(split, p);
        if (got != 1)
            return got;
    }
    if (!r->eof)
        return LINE_PARTIAL;
    split->stop = data_end;
    return LINE_DONE;
}
static size_t trim_cr(const char *line, size_t len)
{
    return len > 0 && line[len - 1] == '\r' ? len - 1 : len;
}

/*
 * The fast path, for a line without quotes: split in place, in one pass.
 * Returns -1 to send a line with a quote to the slow path.
 */
static int read_plain(struct rt_csv *r, struct rt_csv_record *rec)
{
    struct line_split split = {0};
    const char *line;
    int got;

    for (;;) {
        enum rt_csv_result more;

        line = r->buf + r->start;
        split.reader = r;
        split.rec = rec;
        split.field = line;
        got = split_line(r, &split);
        if (got != LINE_PARTIAL)
            break;
        if (r->len - r->start >= RT_CSV_RECORD_MAX)
            return RT_CSV_TOO_LONG;
        more = refill(r);
        if (more != RT_CSV_RECORD)
            return (int)more;
    }
    if (got == LINE_QUOTED)
        return -1;
    if (got != LINE_DONE)
        return got;
    rec->raw = line;
    rec->raw_len = trim_cr(line, (size_t)(split.stop - line));
    rec->lines = 1;
    /* The last field ends where the line does, before a CR. */
    if (!add_field(r, &rec->count, split.field,
                   (size_t)(line + rec->raw_len - split.field)))
        return RT_CSV_NO_MEMORY;
    r->start = (size_t)(split.stop - r->buf) + (split.stop < r->buf + r->len);
    r->scan = r->start;
    return RT_CSV_RECORD;
}

#define NEED_MORE (-2)

static bool ensure_scratch(struct rt_csv *r, size_t need)
{
    char *bigger;

    if (need <= r->scratch_size && r->scratch)
        return true;
    bigger = realloc(r->scratch, need + 1);
    if (!bigger)
        return false;
    r->scratch = bigger;
    r->scratch_size = need + 1;
    return true;
}

/*
 * How many bytes end the line at p, outside quotes: 1 for LF, 2 for CRLF,
 * 0 when p does not end the line, NEED_MORE when it can't tell yet.
 */
static int line_end_at(const struct rt_csv *r, const char *p, const char *end)
{
    if (*p == '\n')
        return 1;
    if (*p != '\r')
        return 0;
    if (p + 1 < end)
        return p[1] == '\n' ? 2 : 0;
    return r->eof ? 1 : NEED_MORE;
}

static void finish_record(struct rt_csv *r, struct rt_csv_record *rec,
                          const char *p, int end_len, uint64_t lines)
{
    rec->raw = r->buf + r->start;
    rec->raw_len = (size_t)(p - rec->raw);
    rec->lines = lines;
    r->start += rec->raw_len + (size_t)end_len;
    r->scan = r->start;
}

static bool add_raw(struct rt_csv *r, size_t *count, const char *data,
                    const char *end)
{
    if (*count == r->raw_cap) {
        size_t cap = r->raw_cap ? r->raw_cap * 2 : INITIAL_FIELDS;
        struct rt_csv_field *bigger =
            realloc(r->raw_fields, cap * sizeof *r->raw_fields);
        if (!bigger)
            return false;
        r->raw_fields = bigger;
        r->raw_cap = cap;
    }
    r->raw_fields[*count].data = data;
    r->raw_fields[*count].len = (size_t)(end - data);
    (*count)++;
    return true;
}

/*
 * Splits a record with a problem as scan_quoted() did, at the same
 * delimiters, but keeps each field as the input writes it, quotes and all.
 */
static bool split_raw(struct rt_csv *r, struct rt_csv_record *rec)
{
    const char *p = rec->raw, *end = rec->raw + rec->raw_len, *field = p;
    enum scan_state state = FIELD_START;
    size_t count = 0;

    for (; p < end; p++) {
        enum scan_state next = next_state(state, *p, r->delimiter);

        if (next == FIELD_START) {
            if (!add_raw(r, &count, field, p))
                return false;
            field = p + 1;
        }
        state = next;
    }
    if (!add_raw(r, &count, field, end))
        return false;
    rec->raw_fields = r->raw_fields;
    return true;
}

static void note_problem(struct rt_csv_record *rec, enum rt_csv_problem what,
                         size_t field)
{
    if (rec->problem != RT_CSV_FINE)
        return;
    rec->problem = what;
    rec->problem_field = field;
}

/* The byte a TSV escape (a backslash, then `c`) stands for, or 0. */
static char unescaped(char c)
{
    switch (c) {
    case 't':
        return '\t';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case '\\':
        return '\\';
    default:
        return 0;
    }
}

/*
 * The slow path: a byte-by-byte pass over a record with quotes (or, with
 * quoting off, backslashes), unescaping every field into scratch.  Returns
 * NEED_MORE when the buffer ends before the record does; the caller reads
 * more and starts the pass again.
 */
static int scan_quoted(struct rt_csv *r, struct rt_csv_record *rec)
{
    const char *p = r->buf + r->start, *end = r->buf + r->len;
    enum scan_state state = FIELD_START;
    uint64_t lines = 1;
    char *out, *field;
    int end_len = 0;

    if (!ensure_scratch(r, (size_t)(end - p)))
        return RT_CSV_NO_MEMORY;
    out = field = r->scratch;
    rec->count = 0;
    rec->problem = RT_CSV_FINE;
    for (; p < end; p++) {
        char c = *p;

        /* Inside quotes, every byte but the closing quote is the field's. */
        if (state == QUOTED || (state == CLOSED && c == '"')) {
            state = next_state(state, c, r->delimiter);
            if (state == QUOTED) {
                lines += c == '\n';
                *out++ = c;
            }
            continue;
        }
        if (!r->quoting && c == '\\') {
            if (p + 1 == end && !r->eof)
                return NEED_MORE;
            if (p + 1 < end && unescaped(p[1])) {
                *out++ = unescaped(*++p);
                state = UNQUOTED;
                continue;
            }
        }
        if (c == r->delimiter) {
            if (!add_field(r, &rec->count, field, (size_t)(out - field)))
                return RT_CSV_NO_MEMORY;
            field = out;
            state = FIELD_START;
            continue;
        }
        end_len = line_end_at(r, p, end);
        if (end_len == NEED_MORE)
            return NEED_MORE;
        if (end_len > 0)
            break;
        if (r->quoting && next_state(state, c, r->delimiter) == QUOTED) {
            state = QUOTED;
            continue;
        }
        if (state == CLOSED)
            note_problem(rec, RT_CSV_AFTER_QUOTE, rec->count);
        state = UNQUOTED;
        *out++ = c;
    }
    if (p == end && !r->eof)
        return NEED_MORE;
    if (state == QUOTED)
        note_problem(rec, RT_CSV_UNTERMINATED, rec->count);
    if (!add_field(r, &rec->count, field, (size_t)(out - field)))
        return RT_CSV_NO_MEMORY;
    finish_record(r, rec, p, end_len, lines);
    if (rec->problem != RT_CSV_FINE && !split_raw(r, rec))
        return RT_CSV_NO_MEMORY;
    return RT_CSV_RECORD;
}

static int read_quoted(struct rt_csv *r, struct rt_csv_record *rec)
{
    for (;;) {
        int result = scan_quoted(r, rec);
        enum rt_csv_result more;

        if (result != NEED_MORE)
            return result;
        if (r->len - r->start >= RT_CSV_RECORD_MAX)
            return RT_CSV_TOO_LONG;
        more = refill(r);
        if (more != RT_CSV_RECORD)
            return (int)more;
    }
}

/* Skips a UTF-8 byte-order mark at the very start of the input. */
static enum rt_csv_result skip_bom(struct rt_csv *r)
{
    while (r->len - r->start < 3 && !r->eof) {
        enum rt_csv_result result = refill(r);
        if (result != RT_CSV_RECORD)
            return result;
    }
    r->at_start = false;
    if (r->len - r->start >= 3 &&
        memcmp(r->buf + r->start, "\xef\xbb\xbf", 3) == 0) {
        r->start += 3;
        r->scan = r->start;
    }
    return RT_CSV_RECORD;
}

enum rt_csv_result rt_csv_read(struct rt_csv *r, struct rt_csv_record *rec)
{
    enum rt_csv_result result = RT_CSV_RECORD;
    int got;

    if (r->read_error)
        return RT_CSV_READ_FAIL;
    if (r->at_start)
        result = skip_bom(r);
    while (result == RT_CSV_RECORD && r->start == r->len && !r->eof)
        result = refill(r);
    if (result != RT_CSV_RECORD)
        return result;
    if (r->start == r->len)
        return RT_CSV_END;
    rec->line = r->next_line;
    rec->problem = RT_CSV_FINE;
    rec->problem_field = 0;
    rec->raw_fields = NULL;
    got = r->reference ? -1 : read_plain(r, rec);
    if (got == -1)
        got = read_quoted(r, rec);
    if (got != RT_CSV_RECORD)
        return (enum rt_csv_result)got;
    rec->fields = r->fields;
    r->next_line += rec->lines;
    return RT_CSV_RECORD;
}

bool rt_csv_blank_prefix(const char *data, size_t len, bool at_end,
                         size_t *bytes, uint64_t *lines)
{
    size_t i = 0;

    *lines = 0;
    for (;;) {
        size_t end = i < len && data[i] == '\r' ? i + 1 : i;

        if (end < len && data[end] == '\n')
            end++;
        else if (end == len && end > i && at_end)
            ; /* a CR that ends the input ends a blank line */
        else
            break;
        i = end;
        ++*lines;
    }
    *bytes = i;
    /* Data that stops at a CR cannot tell yet whether a LF follows. */
    return i < len && !(data[i] == '\r' && i + 1 == len && !at_end);
}

enum rt_csv_result rt_csv_skip_blank_lines(struct rt_csv *r, uint64_t *skipped)
{
    enum rt_csv_result result = RT_CSV_RECORD;

    *skipped = 0;
    if (r->read_error)
        return RT_CSV_READ_FAIL;
    if (r->at_start)
        result = skip_bom(r);
    while (result == RT_CSV_RECORD) {
        size_t bytes;
        uint64_t lines;
        bool decided = rt_csv_blank_prefix(r->buf + r->start, r->len - r->start,
                                           r->eof, &bytes, &lines);

        r->start += bytes;
        r->scan = r->start;
        r->next_line += lines;
        *skipped += lines;
        if (decided || r->eof)
            break;
        result = refill(r);
    }
    return result;
}

enum rt_csv_result rt_csv_peek_line(struct rt_csv *r, const char **line,
                                    size_t *len)
{
    enum rt_csv_result result = RT_CSV_RECORD;
    const char *nl = NULL;

    if (r->at_start)
        result = skip_bom(r);
    while (result == RT_CSV_RECORD) {
        nl = memchr(r->buf + r->start, '\n', r->len - r->start);
        if (nl || r->eof || r->len - r->start >= RT_CSV_RECORD_MAX)
            break;
        result = refill(r);
    }
    if (result != RT_CSV_RECORD)
        return result;
    if (r->start == r->len)
        return RT_CSV_END;
    *line = r->buf + r->start;
    *len = trim_cr(*line, nl ? (size_t)(nl - *line) : r->len - r->start);
    return RT_CSV_RECORD;
}

char rt_csv_sniff(const char *line, size_t len)
{
    size_t tabs = 0, semicolons = 0, commas = 0, i;
    bool quoted = false;

    for (i = 0; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (!quoted && line[i] == '\t')
            tabs++;
        else if (!quoted && line[i] == ';')
            semicolons++;
        else if (!quoted && line[i] == ',')
            commas++;
    }
    if (tabs > commas && tabs >= semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix), i;

    if (n < s)
        return false;
    for (i = 0; i < s; i++) {
        char c = name[n - s + i];
        if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != suffix[i])
            return false;
    }
    return true;
}

char rt_csv_named_delimiter(char given, const char *name)
{
    if (given)
        return given;
    if (ends_with(name, ".csv"))
        return ',';
    if (ends_with(name, ".tsv") || ends_with(name, ".tab"))
        return '\t';
    return 0;
}

char rt_csv_delimiter(char given, const char *name, const char *first_line,
                      size_t len)
{
    char named = rt_csv_named_delimiter(given, name);

    if (named)
        return named;
    return first_line ? rt_csv_sniff(first_line, len) : ',';
}

enum rt_csv_result rt_csv_open(struct rt_csv *reader, FILE *in, size_t size,
                               char given, const char *name,
                               struct rt_csv_opening *opening)
{
    enum rt_csv_result got;
    const char *line = NULL;
    size_t len = 0;

    opening->blank_lines = 0;
    opening->delimiter = ',';
    if (rt_csv_init_sized(reader, in, ',', true, size) != RT_OK)
        return RT_CSV_NO_MEMORY;
    got = rt_csv_skip_blank_lines(reader, &opening->blank_lines);
    if (got != RT_CSV_RECORD)
        return got;
    /* Only an unnamed delimiter needs the first line. */
    if (!rt_csv_named_delimiter(given, name) &&
        rt_csv_peek_line(reader, &line, &len) != RT_CSV_RECORD)
        line = NULL;
    opening->delimiter = rt_csv_delimiter(given, name, line, len);
    reader->delimiter = opening->delimiter;
    reader->quoting = opening->delimiter != '\t';
    return RT_CSV_RECORD;
}

const char *rt_csv_unread(const struct rt_csv *reader, size_t *len)
{
    *len = reader->len - reader->start;
    return reader->buf + reader->start;
}

bool rt_csv_record_blank(const struct rt_csv_record *record)
{
    return record->raw_len == 0 && record->count == 1 &&
           record->problem == RT_CSV_FINE;
}
