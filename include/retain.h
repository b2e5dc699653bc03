/*
 * retain.h - exact customer-retention figures.
 *
 * The library computes and formats; it never prints on its own, never exits
 * and never touches the locale.  Every function reports through its return
 * value (enum rt_status, RT_OK on success) and writes results through
 * out-parameters or a caller-given FILE *.
 *
 * Ownership: every buffer and struct passed in belongs to the caller, no
 * function keeps a pointer it was given, and every pointer the library
 * returns (names, messages) points to static storage that lives as long as
 * the program.  Nothing is kept from one call to the next.
 *
 * Memory: most functions allocate nothing.  Four allocate on the heap for
 * the length of one call and free it all before they return:
 * rt_lifetime_compute() (exact arithmetic on numbers wider than 64 bits),
 * and rt_emit_figures(), rt_emit_report() and rt_emit_revenue() (a 64 KiB
 * output buffer, for json, csv and tsv, and the warnings of csv and tsv
 * joined into one field).  When memory runs out they return RT_ERR_NOMEM;
 * an emitter has then written nothing.  No function puts
 * more than a few KiB on the caller's stack, and no struct here is larger
 * than 1 KiB.
 *
 * Every function is defined for every value of its arguments: an enum
 * value out of range gives RT_ERR_INVALID, "", false or 0, as each
 * function says.  Pointers must point to valid objects.  Input structs
 * (struct rt_counts, struct rt_lifetime_options, struct rt_revenue) may
 * hold any values; figures passed back in must be as a compute function
 * of this header made them.
 *
 * Numbers are exact.  Counts are whole numbers from 0 to RT_COUNT_MAX.  Rates
 * are percentages computed with integer arithmetic from the exact ratio and
 * rounded half away from zero, so they match a spreadsheet's ROUND applied
 * to the exact value; no binary floating point is involved.
 */
#ifndef RETAIN_H
#define RETAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* C++ programs link the C names as they are. */
#ifdef __cplusplus
extern "C" {
#endif

#define RT_VERSION_MAJOR  0
#define RT_VERSION_MINOR  1
#define RT_VERSION_PATCH  0
#define RT_VERSION_STRING "0.1.0"

/* The largest count accepted anywhere: 2^63 - 1. */
#define RT_COUNT_MAX UINT64_C(9223372036854775807)

/* Digits after the decimal point of a rate: 0 to RT_PRECISION_MAX. */
#define RT_PRECISION_MAX     12
#define RT_PRECISION_DEFAULT 2

/* Enough for any rate, count or warning the library formats, with its NUL. */
#define RT_RATE_TEXT_SIZE    64
#define RT_NUMBER_TEXT_SIZE  24
#define RT_WARNING_TEXT_SIZE 256

/* What went wrong.  rt_status_text() describes each one in a phrase. */
enum rt_status {
    RT_OK = 0,
    RT_ERR_EMPTY,      /* a number's text is empty */
    RT_ERR_SPACE,      /* white space in or around a number */
    RT_ERR_PLUS,       /* a leading '+' */
    RT_ERR_NEGATIVE,   /* a leading '-' */
    RT_ERR_SEPARATOR,  /* thousands separators: 1,000 1_000 1'000 */
    RT_ERR_FRACTION,   /* a decimal point or comma: 1.5 1,5 */
    RT_ERR_EXPONENT,   /* exponent notation: 1e3 */
    RT_ERR_HEX,        /* a hexadecimal prefix: 0x10 */
    RT_ERR_NOT_NUMBER, /* anything else that is not digits */
    RT_ERR_RANGE,      /* above RT_COUNT_MAX */
    RT_ERR_ZERO_START, /* start is 0: no rate is defined */
    RT_ERR_PRECISION,  /* precision above RT_PRECISION_MAX */
    RT_ERR_BUFFER,     /* the caller's buffer is too small */
    RT_ERR_IO,         /* writing to a FILE * failed */
    RT_ERR_NOMEM,      /* out of memory */
    RT_ERR_DECIMALS,   /* more decimals than an amount or rate may have */
    RT_ERR_BARE_RATE,  /* a rate without '%' or a decimal point: 10 */
    RT_ERR_INVALID     /* an argument outside what the function defines, such
                          as an enum value out of range */
};

/*
 * A short phrase for a status, e.g. "not a whole number"; "unknown error"
 * for a value out of range.  Never NULL.
 */
const char *rt_status_text(enum rt_status status);

/*
 * Parses a count strictly: decimal digits only, nothing before or after, at
 * most RT_COUNT_MAX.  Leading zeros are allowed.  `text` need not be
 * NUL-terminated; `len` bytes are read.  On success stores the value in
 * *out and returns RT_OK; otherwise leaves *out alone and returns the first
 * applicable RT_ERR_* of EMPTY .. RANGE, naming what is wrong.
 */
enum rt_status rt_count_parse(const char *text, size_t len, uint64_t *out);

/*
 * When a count was refused only for a '+', surrounding spaces or thousands
 * separators, writes the digits the user probably meant ("1,000" -> "1000")
 * to buf and returns true.  Returns false when no such reading exists or buf
 * is too small.
 */
bool rt_count_suggest(const char *text, size_t len, char *buf, size_t size);

/*
 * An exact signed whole number of magnitude up to 2^64 - 1: wide enough for
 * retained (end - new) and lost (start - retained) for every accepted
 * input, even inconsistent ones.  Zero is never negative.
 */
struct rt_wide {
    bool negative;
    uint64_t magnitude;
};

/* Writes `value` in decimal to buf (at least RT_NUMBER_TEXT_SIZE bytes). */
void rt_wide_format(struct rt_wide value, char buf[RT_NUMBER_TEXT_SIZE]);

/*
 * Writes (num / den) * 100, rounded half away from zero to `precision`
 * digits after the point, to buf, e.g. "66.67" or "-5.00".  A value that
 * rounds to zero is written without a sign.  Returns RT_ERR_ZERO_START when
 * den is 0, RT_ERR_PRECISION when precision is above RT_PRECISION_MAX and
 * RT_ERR_BUFFER when size is too small (RT_RATE_TEXT_SIZE always does).
 */
enum rt_status rt_percent_format(struct rt_wide num, uint64_t den,
                                 unsigned precision, char *buf, size_t size);

/* The counts of one period.  new_customers counts only when has_new. */
struct rt_counts {
    uint64_t start;
    uint64_t end;
    uint64_t new_customers;
    bool has_new;
};

/*
 * A rate, formatted, with the length of its text; known is false where the
 * inputs do not define it.
 */
struct rt_rate {
    bool known;
    unsigned char len;
    char text[RT_RATE_TEXT_SIZE];
};

/* Inputs that cannot all be true; the figures are still computed. */
enum rt_warning {
    RT_WARN_NEW_ABOVE_END = 1u << 0,       /* N > E: retained < 0 */
    RT_WARN_RETAINED_ABOVE_START = 1u << 1 /* E - N > S */
};
#define RT_WARNING_KINDS 2

/*
 * Everything retain reports about one period.  retained, lost, the
 * retention rate and the churn rate are known only when counts.has_new;
 * the simple rates are always known.  warnings is a set of enum rt_warning
 * bits.
 */
struct rt_figures {
    struct rt_counts counts;
    unsigned precision;
    struct rt_wide retained;
    struct rt_wide lost;
    struct rt_rate retention_rate;
    struct rt_rate churn_rate;
    struct rt_rate simple_retention_rate;
    struct rt_rate simple_churn_rate;
    unsigned warnings;
};

/*
 * Computes every figure of `counts` with `precision` digits after the
 * point.  Returns RT_ERR_RANGE when a count is above RT_COUNT_MAX,
 * RT_ERR_ZERO_START when start is 0 and RT_ERR_PRECISION when precision is
 * above RT_PRECISION_MAX; *out is then unspecified.  Inconsistent counts
 * are not an error: they set bits in out->warnings.
 */
enum rt_status rt_figures_compute(const struct rt_counts *counts,
                                  unsigned precision, struct rt_figures *out);

/*
 * Describes one warning of `figures` with its numbers, in ASCII, without a
 * prefix, e.g. "new (250) is greater than end (200): ...".  buf should hold
 * RT_WARNING_TEXT_SIZE bytes; longer text is cut short.  Returns the length
 * written: 0, with "", when `warning` is not one enum rt_warning.
 */
size_t rt_warning_text(const struct rt_figures *figures,
                       enum rt_warning warning, char *buf, size_t size);

/* The figures retain reports, in the order of every output format. */
enum rt_field {
    RT_FIELD_START,
    RT_FIELD_END,
    RT_FIELD_NEW,
    RT_FIELD_RETAINED,
    RT_FIELD_LOST,
    RT_FIELD_RETENTION_RATE,
    RT_FIELD_CHURN_RATE,
    RT_FIELD_SIMPLE_RETENTION_RATE,
    RT_FIELD_SIMPLE_CHURN_RATE,
    RT_FIELD_WARNINGS,
    RT_FIELD_COUNT
};

/* The field's name in JSON, CSV and TSV, e.g. "retention_rate"; "" for a
 * value out of range (RT_FIELD_COUNT included). */
const char *rt_field_name(enum rt_field field);

/* Looks up a field by its exact name; returns false when there is none. */
bool rt_field_lookup(const char *name, enum rt_field *out);

/*
 * Writes the value of `field` as it appears in CSV: digits, a rate, or the
 * warnings joined with "; ".  Returns false and writes "" when the figure is
 * unknown (no new count given) or the field is out of range; warnings are
 * always known (maybe "").  Output longer than size is cut short;
 * RT_WARNING_TEXT_SIZE * RT_WARNING_KINDS bytes always suffice.
 */
bool rt_field_value(const struct rt_figures *figures, enum rt_field field,
                    char *buf, size_t size);

/* Output formats: markdown is a GitHub-flavoured pipe table, svg a chart
   (of cohorts, batch and periods only). */
enum rt_format {
    RT_FORMAT_TEXT,
    RT_FORMAT_JSON,
    RT_FORMAT_CSV,
    RT_FORMAT_TSV,
    RT_FORMAT_MARKDOWN,
    RT_FORMAT_SVG
};

/* Looks up a format by name ("text", "json", "csv", "tsv", "markdown",
   "svg"). */
bool rt_format_lookup(const char *name, enum rt_format *out);

/*
 * Writes `figures` to `out` in `format`: text for people (with the formulas
 * and the numbers put in), one JSON object, or CSV/TSV with a header line
 * unless `header` is false.  For json, csv and tsv it allocates a 64 KiB
 * output buffer for the call.  Returns RT_OK; RT_ERR_IO when writing
 * failed; RT_ERR_NOMEM, or RT_ERR_INVALID for a format out of range,
 * having written nothing.
 */
enum rt_status rt_emit_figures(FILE *out, enum rt_format format,
                               const struct rt_figures *figures, bool header);

/*
 * Beyond one period: rates over another length of period, lifetimes and
 * lifetime value.  Amounts of money and rates given as fractions are
 * decimals kept exactly, in millionths ("49.90" is 49900000, "10%" and
 * "0.10" are 100000).
 */
#define RT_MICRO            UINT64_C(1000000)
#define RT_VALUE_TEXT_SIZE  64
#define RT_MONEY_DECIMALS   6 /* at most, in an amount or a fraction */
#define RT_PERCENT_DECIMALS 4 /* at most, in a rate written with '%' */

enum rt_amount_kind {
    RT_AMOUNT_MONEY, /* 49.90: digits, then up to 6 decimals */
    RT_AMOUNT_RATE   /* 10% or 0.10, never a bare 10 */
};

/*
 * Parses an amount strictly, in millionths, up to RT_COUNT_MAX of them.
 * Returns RT_OK, or the first applicable of RT_ERR_EMPTY .. RT_ERR_RANGE,
 * RT_ERR_DECIMALS and RT_ERR_BARE_RATE.
 */
enum rt_status rt_amount_parse(const char *text, size_t len,
                               enum rt_amount_kind kind, uint64_t *micros);

/*
 * Writes millionths as a decimal with at least `decimals` digits after the
 * point and no more than it needs (49900000 at 2 is "49.90", 49999000 at
 * 2 is "49.999"); `percent` writes a fraction as a percentage instead.
 * buf should hold RT_VALUE_TEXT_SIZE bytes.
 */
void rt_amount_format(uint64_t micros, unsigned decimals, bool percent,
                      char *buf, size_t size);

/* Lengths of period: a year is 12 months, 4 quarters, 365.25 days. */
enum rt_period {
    RT_PERIOD_NONE, /* not named: no conversion, no years */
    RT_PERIOD_DAY,
    RT_PERIOD_WEEK,
    RT_PERIOD_MONTH,
    RT_PERIOD_QUARTER,
    RT_PERIOD_YEAR
};

/* "day", "week", "month", "quarter", "year"; "" for RT_PERIOD_NONE and a
 * value out of range. */
const char *rt_period_name(enum rt_period period);
bool rt_period_lookup(const char *name, enum rt_period *out);

/*
 * How many periods `from` make one `to`, as the fraction *num / *den in
 * lowest terms: 12/1 from month to year, 1/3 from quarter to month,
 * 1461/28 from week to year.  Returns RT_OK, or RT_ERR_INVALID, leaving
 * *num and *den alone, when either is RT_PERIOD_NONE or out of range: a
 * length without a name has no ratio to another.
 */
enum rt_status rt_period_ratio(enum rt_period from, enum rt_period to,
                               uint64_t *num, uint64_t *den);

struct rt_lifetime_options {
    enum rt_period period; /* the length of the measured period */
    enum rt_period per;    /* convert the rates to it (needs period) */
    bool has_margin;
    uint64_t margin;          /* money per customer per period, in millionths */
    uint64_t discount;        /* discount rate per period, in millionths */
    unsigned money_precision; /* decimals of the lifetime value */
};

/* The figures beyond one period, in the order of every output format. */
enum rt_lifetime_field {
    RT_LIFETIME_PERIOD,
    RT_LIFETIME_PER,
    RT_LIFETIME_RETENTION_RATE_PER,
    RT_LIFETIME_CHURN_RATE_PER,
    RT_LIFETIME_EXPECTED,
    RT_LIFETIME_EXPECTED_YEARS,
    RT_LIFETIME_MEDIAN,
    RT_LIFETIME_MEDIAN_YEARS,
    RT_LIFETIME_MARGIN,
    RT_LIFETIME_DISCOUNT_RATE,
    RT_LIFETIME_VALUE,
    RT_LIFETIME_FIELD_COUNT
};

enum rt_value_state {
    RT_VALUE_UNKNOWN, /* not asked for, or not defined by the counts */
    RT_VALUE_KNOWN,
    RT_VALUE_INFINITE /* churn of 0: text "inf"; "inf" in text, CSV and TSV
                         output, null in JSON, with a warning in each */
};

struct rt_value {
    enum rt_value_state state;
    char text[RT_VALUE_TEXT_SIZE];
};

enum rt_lifetime_warning {
    RT_LIFETIME_WARN_INFINITE = 1u << 0, /* churn is 0 */
    RT_LIFETIME_WARN_UNDEFINED = 1u << 1 /* retention outside 0..100% */
};
#define RT_LIFETIME_WARNING_KINDS 2

struct rt_lifetime {
    struct rt_lifetime_options options;
    struct rt_value values[RT_LIFETIME_FIELD_COUNT];
    unsigned warnings; /* enum rt_lifetime_warning bits */
};

/*
 * Computes the figures beyond one period from a period's figures as
 * rt_figures_compute() made them.  Without the retention rate
 * (counts.has_new false), or with counts that contradict each other, the
 * figures are unknown and out->warnings says so.  Rates and lifetimes are
 * rounded to figures->precision digits, the lifetime value to
 * options->money_precision.  Allocates while it runs (exact arithmetic on
 * numbers wider than 64 bits) and frees it all before returning.
 * Returns RT_OK; RT_ERR_PRECISION when either precision is above
 * RT_PRECISION_MAX; RT_ERR_ZERO_START when the start is 0; RT_ERR_RANGE
 * when the start, margin or discount is above RT_COUNT_MAX; RT_ERR_INVALID
 * when a length of period is out of range, or `per` is named without
 * `period`; RT_ERR_NOMEM.  *out is unspecified unless RT_OK.
 */
enum rt_status rt_lifetime_compute(const struct rt_figures *figures,
                                   const struct rt_lifetime_options *options,
                                   struct rt_lifetime *out);

/* The field's name in JSON, CSV and TSV, e.g. "median_lifetime"; "" for
 * a value out of range. */
const char *rt_lifetime_field_name(enum rt_lifetime_field field);
bool rt_lifetime_field_lookup(const char *name, enum rt_lifetime_field *out);

/* Describes one warning, as rt_warning_text() does ("" and 0 for a value
 * that is not one enum rt_lifetime_warning). */
size_t rt_lifetime_warning_text(const struct rt_lifetime *lifetime,
                                enum rt_lifetime_warning warning, char *buf,
                                size_t size);

/*
 * Revenue retention of subscription revenue (MRR) over one period, in
 * millionths of the money unit:
 *   net (NRR)   = (start + expansion - contraction - churned) / start * 100
 *   gross (GRR) = (start - contraction - churned) / start * 100
 */
struct rt_revenue {
    uint64_t start, expansion, contraction, churned;
};

enum rt_revenue_field {
    RT_REVENUE_START_MRR,
    RT_REVENUE_EXPANSION,
    RT_REVENUE_CONTRACTION,
    RT_REVENUE_CHURNED,
    RT_REVENUE_NET,
    RT_REVENUE_GROSS,
    RT_REVENUE_WARNINGS,
    RT_REVENUE_FIELD_COUNT
};

/* contraction + churned is more than there was at the start */
#define RT_REVENUE_WARN_LOSS_ABOVE_START 1u

struct rt_revenue_figures {
    struct rt_revenue amounts;
    unsigned precision;
    struct rt_rate net, gross;
    unsigned warnings;
};

/*
 * Computes both rates.  Returns RT_ERR_RANGE when an amount is above
 * RT_COUNT_MAX, RT_ERR_ZERO_START when start is 0, RT_ERR_PRECISION.
 */
enum rt_status rt_revenue_compute(const struct rt_revenue *amounts,
                                  unsigned precision,
                                  struct rt_revenue_figures *out);

/* "start_mrr", ..., "net_revenue_retention", ..., "warnings"; "" for a
 * value out of range. */
const char *rt_revenue_field_name(enum rt_revenue_field field);
bool rt_revenue_field_lookup(const char *name, enum rt_revenue_field *out);

/* The value of a field as CSV holds it ("" for no warnings, and for a
 * field out of range). */
void rt_revenue_field_value(const struct rt_revenue_figures *figures,
                            enum rt_revenue_field field, char *buf,
                            size_t size);

/* Writes revenue figures as rt_emit_figures() writes a period's, with the
 * same allocation and return values. */
enum rt_status rt_emit_revenue(FILE *out, enum rt_format format,
                               const struct rt_revenue_figures *figures,
                               bool header);

/*
 * Writes figures and, unless lifetime is NULL, the figures beyond the
 * period after them (before the warnings), as rt_emit_figures() does, with
 * the same allocation and return values.
 */
enum rt_status rt_emit_report(FILE *out, enum rt_format format,
                              const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime, bool header);

#ifdef __cplusplus
}
#endif

#endif
