/*
 * csv.h - a streaming reader of delimited text (internal).
 *
 * CSV as RFC 4180 has it: quoted fields, doubled quotes, delimiters and line
 * breaks inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark, a last
 * line with or without its line end.  With quoting off (TSV) a quote is an
 * ordinary byte, and a field holds a tab, LF, CR or backslash written as
 * \t, \n, \r or \\ (PostgreSQL's text format, the IANA TSV convention);
 * a backslash before any other byte is an ordinary byte.  Records are never
 * truncated: the buffer grows to hold the longest one, up to RT_CSV_RECORD_MAX,
 * and a longer one is refused.
 *
 * Memory stays flat however many records there are: one buffer that holds
 * the current record, and one array of fields.
 */
#ifndef RETAIN_CSV_H
#define RETAIN_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "retain.h"

/* The longest record (all its lines and fields) accepted: 1 GiB. */
#define RT_CSV_RECORD_MAX ((size_t)1 << 30)

/* The first buffer of rt_csv_init(): 1 MiB. */
#define RT_CSV_BUFFER_SIZE ((size_t)1 << 20)

struct rt_csv_field {
    const char *data; /* not NUL-terminated; valid until the next read */
    size_t len;
};

/* What is wrong with a record's syntax, if anything. */
enum rt_csv_problem {
    RT_CSV_FINE = 0,
    RT_CSV_UNTERMINATED, /* the input ended inside a quoted field */
    RT_CSV_AFTER_QUOTE /* a byte other than a delimiter after a closing quote */
};

struct rt_csv_record {
    const char *raw; /* the record as in the input, without its line end */
    size_t raw_len;
    uint64_t line;  /* the physical line it starts on, from 1 */
    uint64_t lines; /* physical lines it spans (more than 1 with quotes) */
    struct rt_csv_field *fields;
    size_t count;
    enum rt_csv_problem problem;
    size_t problem_field; /* index of the field with the problem */
    /* With a problem, the same `count` fields as the input writes them,
       quotes and all, for showing a record no reading of can be trusted;
       NULL without one. */
    const struct rt_csv_field *raw_fields;
};

struct rt_csv {
    FILE *in;
    char delimiter;
    bool quoting;
    char *buf; /* input; the current record starts at buf + start */
    size_t size, len, start, scan;
    char *scratch; /* unescaped quoted fields */
    size_t scratch_size;
    struct rt_csv_field *fields;
    size_t field_cap;
    struct rt_csv_field *raw_fields; /* of a record with a problem */
    size_t raw_cap;
    uint64_t next_line;
    bool eof, read_error, at_start;
    bool borrowed; /* buf is the caller's memory: rt_csv_init_memory() */
    /* Tests only: every record goes through the byte-by-byte state
       machine, the reference the fast split must agree with. */
    bool reference;
    int error; /* errno of a failed read */
};

/* Prepares to read `in`, which stays the caller's.  RT_ERR_NOMEM on failure. */
enum rt_status rt_csv_init(struct rt_csv *reader, FILE *in, char delimiter,
                           bool quoting);

/*
 * rt_csv_init() with a first buffer of `size` bytes (at least 1): tests use
 * a tiny one so that every record crosses refills.
 */
enum rt_status rt_csv_init_sized(struct rt_csv *reader, FILE *in,
                                 char delimiter, bool quoting, size_t size);

/*
 * Prepares to read len bytes at data, which stay the caller's and must
 * outlive the reader: the records of a block cut by rt_csv_boundary().
 */
enum rt_status rt_csv_init_memory(struct rt_csv *reader, const char *data,
                                  size_t len, char delimiter, bool quoting);

/*
 * The length of the longest prefix of data that holds only whole records,
 * given that data starts at a record boundary: up to just after the last
 * line end that is not inside quotes.  0 when no record ends in data.
 */
size_t rt_csv_boundary(const char *data, size_t len, char delimiter,
                       bool quoting);

/* Frees what the reader allocated; accepts a reader that failed to init. */
void rt_csv_free(struct rt_csv *reader);

/* How rt_csv_read() ended. */
enum rt_csv_result {
    RT_CSV_RECORD,    /* *record holds the next record */
    RT_CSV_END,       /* no more records */
    RT_CSV_READ_FAIL, /* reading the input failed: see reader->error */
    RT_CSV_TOO_LONG,  /* a record above RT_CSV_RECORD_MAX; nothing more read */
    RT_CSV_NO_MEMORY
};

/*
 * Reads the next record into *record; its pointers stay valid until the
 * next call.  A line with nothing on it is a record with one empty field
 * and raw_len 0, so the caller can tell blank lines apart.
 */
enum rt_csv_result rt_csv_read(struct rt_csv *reader,
                               struct rt_csv_record *record);

/* Whether a record read is a blank line: nothing but its line end. */
bool rt_csv_record_blank(const struct rt_csv_record *record);

/*
 * Measures the blank lines (each nothing but a line end: LF, CRLF, or a
 * CR that ends the input) at the start of data: *bytes and *lines.  True
 * when a line that is not blank follows them in data; false when data ran
 * out first, and more input (unless at_end says there is none) decides.
 */
bool rt_csv_blank_prefix(const char *data, size_t len, bool at_end,
                         size_t *bytes, uint64_t *lines);

/*
 * Consumes the blank lines at the reader's position (after a byte-order
 * mark at the start), counting them in *skipped, so that a header after
 * blank lines is read as the header and keeps its true line number.
 * Returns RT_CSV_RECORD when the caller can go on, else why not.
 */
enum rt_csv_result rt_csv_skip_blank_lines(struct rt_csv *reader,
                                           uint64_t *skipped);

/*
 * Points *line at the next line of the input (the first, after any
 * byte-order mark, unless lines were read or skipped; without its line
 * end) without consuming it, so that the delimiter can be sniffed before
 * the header is read.  Returns RT_CSV_END at the end of the input.
 */
enum rt_csv_result rt_csv_peek_line(struct rt_csv *reader, const char **line,
                                    size_t *len);

/*
 * Guesses the delimiter of a header line: the most frequent of tab, ';' and
 * ',' outside quotes; ',' when none occurs.
 */
char rt_csv_sniff(const char *line, size_t len);

/*
 * The delimiter that -d (`given`, 0 for none) or the file's name fixes:
 * ',' for .csv, a tab for .tsv and .tab (in any case); 0 when neither
 * does, and the first line must be sniffed.
 */
char rt_csv_named_delimiter(char given, const char *name);

/*
 * An input's delimiter: as rt_csv_named_delimiter() says, else sniffed
 * from its first line (',' when first_line is NULL: there is none).
 */
char rt_csv_delimiter(char given, const char *name, const char *first_line,
                      size_t len);

/* What rt_csv_open() found before the header. */
struct rt_csv_opening {
    char delimiter;       /* as rt_csv_delimiter() chose it */
    uint64_t blank_lines; /* blank lines skipped before the header */
};

/*
 * Starts reading `in` (the caller's) as every command reads a file of
 * records, with a first buffer of `size` bytes (RT_CSV_BUFFER_SIZE unless
 * the caller reads on in blocks of its own): drops a byte-order mark,
 * skips the blank lines at the start, so that the header keeps its true
 * line number, and fixes the delimiter as rt_csv_delimiter() says, from
 * `given` (0 for none), the file's `name` and its first line; quotes
 * count unless it is a tab.  The header, if any, is the next record.
 * Returns RT_CSV_RECORD when the caller can go on, else why not; the
 * reader is to be freed either way.
 */
enum rt_csv_result rt_csv_open(struct rt_csv *reader, FILE *in, size_t size,
                               char given, const char *name,
                               struct rt_csv_opening *opening);

/*
 * The bytes read from the input but not yet returned as records: where a
 * reader of blocks (the parallel batch) takes over after the header.
 * Valid until the next read.
 */
const char *rt_csv_unread(const struct rt_csv *reader, size_t *len);

#endif
