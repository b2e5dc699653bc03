/*
 * date.h - calendar dates as day numbers, and strict parsing of the date
 * forms of an activity log (internal).
 *
 * A day number counts days since 1970-01-01 in the proleptic Gregorian
 * calendar (the Gregorian rules extended backwards), so that the days
 * between two dates are a subtraction.  Parsed dates lie between 0001-01-01
 * and 9999-12-31 (RT_DATE_MIN_DAY .. RT_DATE_MAX_DAY).
 *
 * The forms read (RT_DATE_AS_WRITTEN and RT_DATE_IN_UTC):
 *
 *     YYYY-MM-DD
 *     YYYY-MM-DD?HH:MM[:SS[.F...]][ZONE]
 *
 * where ? is 'T' or one space, F one or more digits of a fraction of a
 * second, and ZONE is 'Z' or an offset from UTC, +HH:MM, -HH:MM, +HHMM or
 * -HHMM (up to 23:59 either way; -00:00 is accepted as 0).  Every field has
 * exactly the digits shown; 'T' and 'Z' are upper case.  Hours run from 00
 * to 23 (24:00 is not accepted), minutes from 00 to 59, and seconds from 00
 * to 60: a leap second such as 23:59:60Z is a real instant that logs do
 * record, and no leap second table is needed to accept it, as the seconds
 * never change the date.  A zone needs a time before it.
 *
 * RT_DATE_AS_WRITTEN gives the calendar date as written, whatever the zone.
 * RT_DATE_IN_UTC converts a time with a zone to UTC first, which may move
 * the date a day back or forward (across a month or year end); a time
 * without a zone has no known offset and keeps its date.
 *
 * RT_DATE_UNIX reads seconds since 1970-01-01T00:00:00Z: one or more
 * digits, optionally followed by '.' and one or more digits, up to
 * 253402300799.999... (9999-12-31T23:59:59Z); leading zeros are accepted.
 * The date is the UTC date of that second.  Before 1970 cannot be written
 * (no sign is accepted).
 *
 * Anything else is an error: white space before or after, a sign before
 * the year, a missing digit, other separators, trailing bytes, and every
 * impossible value (year 0000, month 13, 2023-02-29, hour 24).  The whole
 * form is read before any number is checked, so "2024-13-01x" is not of
 * the form, rather than in month 13; numbers are then checked from the
 * year on, the zone last.  No time
 * zone database, clock, locale or floating point is involved.
 */
#ifndef RETAIN_DATE_H
#define RETAIN_DATE_H

#include <stddef.h>
#include <stdint.h>

/* 0001-01-01 and 9999-12-31 as day numbers. */
#define RT_DATE_MIN_DAY (-719162)
#define RT_DATE_MAX_DAY 2932896

/* Bytes of "YYYY-MM-DD" (no NUL). */
#define RT_DATE_TEXT_LENGTH 10

/* The largest second RT_DATE_UNIX reads: 9999-12-31T23:59:59Z. */
#define RT_DATE_MAX_UNIX_SECONDS INT64_C(253402300799)

/* Days of the week, from Monday as ISO 8601 counts them. */
enum rt_weekday {
    RT_MONDAY,
    RT_TUESDAY,
    RT_WEDNESDAY,
    RT_THURSDAY,
    RT_FRIDAY,
    RT_SATURDAY,
    RT_SUNDAY
};

/* How a text is read (see the top of this file). */
enum rt_date_mode {
    RT_DATE_AS_WRITTEN, /* the calendar date as written */
    RT_DATE_IN_UTC,     /* the date in UTC of a time with a zone */
    RT_DATE_UNIX        /* seconds since 1970-01-01T00:00:00Z */
};

/* What is wrong with a date's text; rt_date_problem() says it in words. */
enum rt_date_status {
    RT_DATE_OK = 0,
    RT_DATE_EMPTY,      /* no text at all */
    RT_DATE_SPACE,      /* white space before or after */
    RT_DATE_SIGN,       /* '+' or '-' before the year or the seconds */
    RT_DATE_FORM,       /* a digit or separator missing or wrong */
    RT_DATE_TRAILING,   /* bytes after a complete date, time or zone */
    RT_DATE_NO_YEAR,    /* year 0000 */
    RT_DATE_NO_MONTH,   /* month 00 or above 12 */
    RT_DATE_NO_DAY,     /* day 00 or past the end of the month */
    RT_DATE_NOT_LEAP,   /* February 29 of a common year */
    RT_DATE_NO_HOUR,    /* hour above 23 */
    RT_DATE_NO_MINUTE,  /* minute above 59 */
    RT_DATE_NO_SECOND,  /* second above 60 */
    RT_DATE_ZONE_RANGE, /* an offset above 23:59, or its minute above 59 */
    RT_DATE_RANGE       /* in UTC, or in seconds, outside 0001..9999 */
};

/* Largest text rt_date_problem() writes, with its NUL. */
#define RT_DATE_PROBLEM_SIZE 96

/* Whether `year` is a leap year of the Gregorian calendar. */
int rt_date_is_leap(int32_t year);

/* Days in `month` (1..12) of `year`; 0 for a month out of range. */
unsigned rt_date_days_in_month(int32_t year, unsigned month);

/*
 * The day number of year/month/day; the date must exist (month 1..12, day
 * within the month; any year, 0 and below counted as astronomers do).
 */
int32_t rt_date_from_civil(int32_t year, unsigned month, unsigned day);

/* The year, month (1..12) and day (1..31) of a day number. */
void rt_date_to_civil(int32_t day_number, int32_t *year, unsigned *month,
                      unsigned *day);

/* The day of the week of a day number (1970-01-01 was a Thursday). */
enum rt_weekday rt_date_weekday(int32_t day_number);

/*
 * Writes "YYYY-MM-DD" (RT_DATE_TEXT_LENGTH bytes, no NUL) at buf for a day
 * number of years 0000 to 9999; returns RT_DATE_TEXT_LENGTH.
 */
size_t rt_date_write(int32_t day_number, char *buf);

/*
 * Reads the `len` bytes at `text` (no NUL needed) in `mode`, and on success
 * stores the day number in *day_number.  Returns RT_DATE_OK, or what is
 * wrong, leaving *day_number alone.  A mode out of range gives
 * RT_DATE_FORM.
 */
enum rt_date_status rt_date_parse(const char *text, size_t len,
                                  enum rt_date_mode mode, int32_t *day_number);

/*
 * What `mode` expects, as a phrase for a message, e.g. "a date YYYY-MM-DD
 * (optionally with a time HH:MM[:SS[.fraction]] and a zone Z or +HH:MM)".
 * Never NULL.
 */
const char *rt_date_expected(enum rt_date_mode mode);

/*
 * Writes the specific problem of a text that rt_date_parse() rejects, as a
 * phrase such as "month 13 does not exist" or "2023 is not a leap year: no
 * February 29", NUL-terminated, at buf (`size` bytes; RT_DATE_PROBLEM_SIZE
 * is always enough; a shorter one gets as much as fits).  Writes "" for a
 * text without a problem.  Returns the status rt_date_parse() returns.
 */
enum rt_date_status rt_date_problem(const char *text, size_t len,
                                    enum rt_date_mode mode, char *buf,
                                    size_t size);

#endif
