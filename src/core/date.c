/*
 * date.c - see date.h.
 *
 * The day number of a civil date is Howard Hinnant's days_from_civil: the
 * year is shifted to start in March, so that February's leap day is the
 * last day of the shifted year, and then counted in 400-year eras of
 * 146097 days.  Parsing reads fixed-width fields with a subtraction and a
 * comparison per digit: a log of ten million rows has ten million dates.
 */
#include <stdio.h>

#include "date.h"
#include "digits.h"

/* Days from 0000-03-01 to 1970-01-01. */
#define EPOCH_SHIFT     719468
#define DAYS_PER_ERA    146097
#define MINUTES_PER_DAY 1440
#define SECONDS_PER_DAY 86400
/* What a digit reader returns when a byte is not a digit. */
#define NOT_DIGITS 10000u

/* Where a rejected text went wrong, for rt_date_problem(). */
struct date_detail {
    const char *what; /* the phrase; for ZONE_RANGE the field */
    unsigned value;   /* the number out of range */
    int32_t year;     /* of the date, for the days of its month */
    unsigned month;
};

/* The numbers of a date and time as written, before they are checked. */
struct iso_fields {
    unsigned year, month, day;
    unsigned hour, minute, second; /* 0 when not written */
    unsigned zone_hour, zone_minute;
    int zone_sign; /* 0 without an offset, else 1 or -1 */
};

static const char *const month_names[] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};

int rt_date_is_leap(int32_t year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned rt_date_days_in_month(int32_t year, unsigned month)
{
    static const unsigned char days[] = {0,  31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};

    if (month < 1 || month > 12)
        return 0;
    return days[month] + (unsigned)(month == 2 && rt_date_is_leap(year));
}

int32_t rt_date_from_civil(int32_t year, unsigned month, unsigned day)
{
    int32_t y = year - (month <= 2);
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned year_of_era = (unsigned)(y - era * 400);
    unsigned day_of_year =
        (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    unsigned day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

    return era * DAYS_PER_ERA + (int32_t)day_of_era - EPOCH_SHIFT;
}

void rt_date_to_civil(int32_t day_number, int32_t *year, unsigned *month,
                      unsigned *day)
{
    int32_t z = day_number + EPOCH_SHIFT;
    int32_t era = (z >= 0 ? z : z - (DAYS_PER_ERA - 1)) / DAYS_PER_ERA;
    unsigned day_of_era = (unsigned)(z - era * DAYS_PER_ERA);
    unsigned year_of_era = (day_of_era - day_of_era / 1460 +
                            day_of_era / 36524 - day_of_era / 146096) /
                           365;
    unsigned day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    unsigned shifted_month = (5 * day_of_year + 2) / 153; /* 0 is March */

    *day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    *month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    *year = (int32_t)year_of_era + era * 400 + (*month <= 2);
}

enum rt_weekday rt_date_weekday(int32_t day_number)
{
    /* 1970-01-01 was a Thursday: three days after a Monday. */
    int32_t shifted = day_number + 3;
    int32_t rest = shifted % 7;

    return (enum rt_weekday)(rest < 0 ? rest + 7 : rest);
}

size_t rt_date_write(int32_t day_number, char *buf)
{
    int32_t year;
    unsigned month, day;

    rt_date_to_civil(day_number, &year, &month, &day);
    rt_digits_pair((uint64_t)year / 100 % 100, buf);
    rt_digits_pair((uint64_t)year % 100, buf + 2);
    buf[4] = '-';
    rt_digits_pair(month, buf + 5);
    buf[7] = '-';
    rt_digits_pair(day, buf + 8);
    return RT_DATE_TEXT_LENGTH;
}

/* The two digits at p as a number, or NOT_DIGITS. */
static unsigned two_digits(const unsigned char *p)
{
    unsigned tens = (unsigned)p[0] - '0';
    unsigned ones = (unsigned)p[1] - '0';

    return tens > 9 || ones > 9 ? NOT_DIGITS : tens * 10 + ones;
}

static unsigned four_digits(const unsigned char *p)
{
    unsigned high = two_digits(p);
    unsigned low = two_digits(p + 2);

    return high == NOT_DIGITS || low == NOT_DIGITS ? NOT_DIGITS
                                                   : high * 100 + low;
}

static enum rt_date_status fail(struct date_detail *detail,
                                enum rt_date_status status, const char *what,
                                unsigned value)
{
    detail->what = what;
    detail->value = value;
    return status;
}

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* What every form rejects at its edges: nothing, spaces, a sign. */
static enum rt_date_status check_edges(const unsigned char *s, size_t len)
{
    if (len == 0)
        return RT_DATE_EMPTY;
    if (is_space(s[0]) || is_space(s[len - 1]))
        return RT_DATE_SPACE;
    if (s[0] == '+' || s[0] == '-')
        return RT_DATE_SIGN;
    return RT_DATE_OK;
}

/* Reads "YYYY-MM-DD" at the start of s. */
static enum rt_date_status read_date(const unsigned char *s, size_t len,
                                     struct iso_fields *f,
                                     struct date_detail *detail)
{
    if (len < 4 || (f->year = four_digits(s)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the year needs 4 digits", 0);
    if (len < 5 || s[4] != '-')
        return fail(detail, RT_DATE_FORM, "expected '-' after the year", 0);
    if (len < 7 || (f->month = two_digits(s + 5)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the month needs 2 digits", 0);
    if (len < 8 || s[7] != '-')
        return fail(detail, RT_DATE_FORM, "expected '-' after the month", 0);
    if (len < 10 || (f->day = two_digits(s + 8)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the day needs 2 digits", 0);
    return RT_DATE_OK;
}

/* Skips the digits from *pos on; returns how many there were. */
static size_t skip_digits(const unsigned char *s, size_t len, size_t *pos)
{
    size_t start = *pos;

    while (*pos < len && (unsigned)s[*pos] - '0' <= 9)
        ++*pos;
    return *pos - start;
}

/* Reads ":SS" and ".F..." from t[*pos] on, when there. */
static enum rt_date_status read_seconds(const unsigned char *t, size_t len,
                                        size_t *pos, struct iso_fields *f,
                                        const char **after,
                                        struct date_detail *detail)
{
    if (*pos == len || t[*pos] != ':')
        return RT_DATE_OK;
    if (len < *pos + 3 || (f->second = two_digits(t + *pos + 1)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the second needs 2 digits", 0);
    *pos += 3;
    *after = "expected '.' and digits, a zone or the end after the seconds";
    if (*pos == len || t[*pos] != '.')
        return RT_DATE_OK;
    ++*pos;
    if (skip_digits(t, len, pos) == 0)
        return fail(detail, RT_DATE_FORM,
                    "expected digits after the decimal point", 0);
    *after = "expected a zone or the end after the fraction of a second";
    return RT_DATE_OK;
}

/* Reads "+HH:MM" or "+HHMM" (or '-'), the whole of the `len` bytes at z. */
static enum rt_date_status read_offset(const unsigned char *z, size_t len,
                                       struct iso_fields *f,
                                       struct date_detail *detail)
{
    static const char form[] = "the zone offset needs HH:MM or HHMM";
    size_t colon = len >= 4 && z[3] == ':';

    if (len < 3 || (f->zone_hour = two_digits(z + 1)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, form, 0);
    if (len < 5 + colon ||
        (f->zone_minute = two_digits(z + 3 + colon)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, form, 0);
    if (len > 5 + colon)
        return fail(detail, RT_DATE_TRAILING, "unexpected text after the zone",
                    0);
    f->zone_sign = z[0] == '-' ? -1 : 1;
    return RT_DATE_OK;
}

/* Reads what may follow a time: nothing, 'Z' or an offset. */
static enum rt_date_status read_zone(const unsigned char *z, size_t len,
                                     const char *after, struct iso_fields *f,
                                     struct date_detail *detail)
{
    if (len == 0 || (len == 1 && z[0] == 'Z'))
        return RT_DATE_OK;
    if (z[0] == 'Z')
        return fail(detail, RT_DATE_TRAILING, "unexpected text after the zone",
                    0);
    if (z[0] == '+' || z[0] == '-')
        return read_offset(z, len, f, detail);
    return fail(detail, RT_DATE_TRAILING, after, 0);
}

/* Reads "?HH:MM[:SS[.F...]][ZONE]", ? being 'T' or a space, at t. */
static enum rt_date_status read_time(const unsigned char *t, size_t len,
                                     struct iso_fields *f,
                                     struct date_detail *detail)
{
    const char *after = "expected ':' and seconds, a zone or the end after "
                        "the minutes";
    enum rt_date_status status;
    size_t pos = 6;

    if (t[0] != 'T' && t[0] != ' ')
        return fail(detail, RT_DATE_TRAILING,
                    "expected 'T' or a space and a time after the date", 0);
    if (len < 3 || (f->hour = two_digits(t + 1)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the hour needs 2 digits", 0);
    if (len < 4 || t[3] != ':')
        return fail(detail, RT_DATE_FORM, "expected ':' after the hour", 0);
    if (len < 6 || (f->minute = two_digits(t + 4)) == NOT_DIGITS)
        return fail(detail, RT_DATE_FORM, "the minute needs 2 digits", 0);
    status = read_seconds(t, len, &pos, f, &after, detail);
    if (status != RT_DATE_OK)
        return status;
    return read_zone(t + pos, len - pos, after, f, detail);
}

/* Checks that the date names a day of the calendar. */
static enum rt_date_status check_date(const struct iso_fields *f,
                                      struct date_detail *detail)
{
    detail->year = (int32_t)f->year;
    detail->month = f->month;
    if (f->year == 0)
        return fail(detail, RT_DATE_NO_YEAR, NULL, 0);
    if (f->month < 1 || f->month > 12)
        return fail(detail, RT_DATE_NO_MONTH, NULL, f->month);
    if (f->day >= 1 &&
        f->day <= rt_date_days_in_month((int32_t)f->year, f->month))
        return RT_DATE_OK;
    if (f->month == 2 && f->day == 29)
        return fail(detail, RT_DATE_NOT_LEAP, NULL, f->day);
    return fail(detail, RT_DATE_NO_DAY, NULL, f->day);
}

/* Checks the numbers of a well-formed text, from the year on. */
static enum rt_date_status check_values(const struct iso_fields *f,
                                        struct date_detail *detail)
{
    enum rt_date_status status = check_date(f, detail);

    if (status != RT_DATE_OK)
        return status;
    if (f->hour > 23)
        return fail(detail, RT_DATE_NO_HOUR, NULL, f->hour);
    if (f->minute > 59)
        return fail(detail, RT_DATE_NO_MINUTE, NULL, f->minute);
    if (f->second > 60)
        return fail(detail, RT_DATE_NO_SECOND, NULL, f->second);
    if (f->zone_hour > 23)
        return fail(detail, RT_DATE_ZONE_RANGE, "hour", f->zone_hour);
    if (f->zone_minute > 59)
        return fail(detail, RT_DATE_ZONE_RANGE, "minute", f->zone_minute);
    return RT_DATE_OK;
}

/* The date moved to UTC by the time's offset: a day back, on or forward. */
static enum rt_date_status to_utc(int32_t *day_number,
                                  const struct iso_fields *f,
                                  struct date_detail *detail)
{
    int offset = (int)(f->zone_hour * 60 + f->zone_minute) * f->zone_sign;
    int minutes = (int)(f->hour * 60 + f->minute) - offset;
    int32_t day = *day_number - (minutes < 0) + (minutes >= MINUTES_PER_DAY);

    if (day < RT_DATE_MIN_DAY)
        return fail(detail, RT_DATE_RANGE,
                    "in UTC the date falls before 0001-01-01", 0);
    if (day > RT_DATE_MAX_DAY)
        return fail(detail, RT_DATE_RANGE,
                    "in UTC the date falls after 9999-12-31", 0);
    *day_number = day;
    return RT_DATE_OK;
}

/* The whole form is read before any number is checked, so that a text
   that is not a date at all is said to be so. */
static enum rt_date_status parse_iso(const unsigned char *s, size_t len,
                                     int utc, int32_t *day_number,
                                     struct date_detail *detail)
{
    struct iso_fields f = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    int32_t day;
    enum rt_date_status status = read_date(s, len, &f, detail);

    if (status == RT_DATE_OK && len > RT_DATE_TEXT_LENGTH)
        status = read_time(s + RT_DATE_TEXT_LENGTH, len - RT_DATE_TEXT_LENGTH,
                           &f, detail);
    if (status == RT_DATE_OK)
        status = check_values(&f, detail);
    if (status != RT_DATE_OK)
        return status;
    day = rt_date_from_civil((int32_t)f.year, f.month, f.day);
    if (utc && f.zone_sign != 0)
        status = to_utc(&day, &f, detail);
    if (status == RT_DATE_OK)
        *day_number = day;
    return status;
}

/*
 * Seconds since 1970: digits are summed until they pass the largest
 * second, and then only counted, so that no length of text overflows.
 */
static enum rt_date_status parse_unix(const unsigned char *s, size_t len,
                                      int32_t *day_number,
                                      struct date_detail *detail)
{
    uint64_t seconds = 0;
    size_t pos = 0;

    for (; pos < len && (unsigned)s[pos] - '0' <= 9; pos++) {
        if (seconds <= (uint64_t)RT_DATE_MAX_UNIX_SECONDS)
            seconds = seconds * 10 + ((unsigned)s[pos] - '0');
    }
    if (pos == 0)
        return fail(detail, RT_DATE_FORM, "the seconds need digits", 0);
    if (pos < len && s[pos] == '.') {
        ++pos;
        if (skip_digits(s, len, &pos) == 0)
            return fail(detail, RT_DATE_FORM,
                        "expected digits after the decimal point", 0);
    }
    if (pos < len)
        return fail(detail, RT_DATE_TRAILING,
                    "expected digits, '.' and digits, or the end", 0);
    if (seconds > (uint64_t)RT_DATE_MAX_UNIX_SECONDS)
        return fail(detail, RT_DATE_RANGE,
                    "seconds beyond 253402300799 (9999-12-31T23:59:59Z)", 0);
    *day_number = (int32_t)(seconds / SECONDS_PER_DAY);
    return RT_DATE_OK;
}

static enum rt_date_status parse(const char *text, size_t len,
                                 enum rt_date_mode mode, int32_t *day_number,
                                 struct date_detail *detail)
{
    const unsigned char *s = (const unsigned char *)text;
    enum rt_date_status status = check_edges(s, len);

    if (status != RT_DATE_OK)
        return status;
    switch (mode) {
    case RT_DATE_AS_WRITTEN:
    case RT_DATE_IN_UTC:
        return parse_iso(s, len, mode == RT_DATE_IN_UTC, day_number, detail);
    case RT_DATE_UNIX:
        return parse_unix(s, len, day_number, detail);
    }
    return fail(detail, RT_DATE_FORM, "unknown form of date", 0);
}

enum rt_date_status rt_date_parse(const char *text, size_t len,
                                  enum rt_date_mode mode, int32_t *day_number)
{
    struct date_detail detail;

    return parse(text, len, mode, day_number, &detail);
}

const char *rt_date_expected(enum rt_date_mode mode)
{
    if (mode == RT_DATE_UNIX)
        return "seconds since 1970-01-01T00:00:00Z (digits, optionally with "
               "a fraction)";
    return "a date YYYY-MM-DD (optionally with a time HH:MM[:SS[.fraction]] "
           "and a zone Z or +HH:MM)";
}

/* The problem of a status that needs no detail. */
static const char *plain_problem(enum rt_date_status status,
                                 enum rt_date_mode mode)
{
    switch (status) {
    case RT_DATE_EMPTY:
        return "empty";
    case RT_DATE_SPACE:
        return "white space before or after";
    case RT_DATE_SIGN:
        return mode == RT_DATE_UNIX
                   ? "a sign before the seconds (only digits are read)"
                   : "a sign before the year";
    case RT_DATE_NO_YEAR:
        return "year 0000 does not exist (years run from 0001 to 9999)";
    default:
        return NULL;
    }
}

static void write_problem(enum rt_date_status status, enum rt_date_mode mode,
                          const struct date_detail *d, char *buf, size_t size)
{
    const char *plain = plain_problem(status, mode);

    if (plain != NULL)
        snprintf(buf, size, "%s", plain);
    else if (status == RT_DATE_NO_MONTH)
        snprintf(buf, size, "month %02u does not exist", d->value);
    else if (status == RT_DATE_NO_DAY && d->value == 0)
        snprintf(buf, size, "day 00 does not exist");
    else if (status == RT_DATE_NO_DAY)
        snprintf(buf, size, "%s %04ld has %u days: no day %02u",
                 month_names[d->month], (long)d->year,
                 rt_date_days_in_month(d->year, d->month), d->value);
    else if (status == RT_DATE_NOT_LEAP)
        snprintf(buf, size, "%04ld is not a leap year: no February 29",
                 (long)d->year);
    else if (status == RT_DATE_NO_HOUR)
        snprintf(buf, size, "hour %02u does not exist (00 to 23)", d->value);
    else if (status == RT_DATE_NO_MINUTE)
        snprintf(buf, size, "minute %02u does not exist (00 to 59)", d->value);
    else if (status == RT_DATE_NO_SECOND)
        snprintf(buf, size, "second %02u does not exist (00 to 60)", d->value);
    else if (status == RT_DATE_ZONE_RANGE)
        snprintf(buf, size, "zone offset %s %02u does not exist", d->what,
                 d->value);
    else
        snprintf(buf, size, "%s", d->what); /* FORM, TRAILING, RANGE */
}

enum rt_date_status rt_date_problem(const char *text, size_t len,
                                    enum rt_date_mode mode, char *buf,
                                    size_t size)
{
    struct date_detail detail = {"", 0, 0, 0};
    int32_t day_number;
    enum rt_date_status status = parse(text, len, mode, &day_number, &detail);

    if (size == 0)
        return status;
    buf[0] = '\0';
    if (status != RT_DATE_OK)
        write_problem(status, mode, &detail, buf, size);
    return status;
}
