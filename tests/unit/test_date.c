/*
 * test_date.c - day numbers and the reading of dates (src/core/date.c).
 * Day numbers and weekdays were worked out with Python's datetime; the
 * same module checks 200,000 random texts in oracle_dates.py.
 */
#include <string.h>

#include "date.h"
#include "table.h"

#define W RT_DATE_AS_WRITTEN
#define U RT_DATE_IN_UTC
#define X RT_DATE_UNIX

struct civil_case {
    const char *name;
    int32_t year;
    unsigned month, day;
    int32_t day_number;
    enum rt_weekday weekday;
    const char *text; /* NULL: no text for years before 0 */
};

static const struct civil_case civil_cases[] = {
    {"the epoch", 1970, 1, 1, 0, RT_THURSDAY, "1970-01-01"},
    {"the day before the epoch", 1969, 12, 31, -1, RT_WEDNESDAY, "1969-12-31"},
    {"the first day", 1, 1, 1, RT_DATE_MIN_DAY, RT_MONDAY, "0001-01-01"},
    {"the last day", 9999, 12, 31, RT_DATE_MAX_DAY, RT_FRIDAY, "9999-12-31"},
    {"a Monday", 2024, 1, 15, 19737, RT_MONDAY, "2024-01-15"},
    {"1900 has no February 29", 1900, 2, 28, -25509, RT_WEDNESDAY,
     "1900-02-28"},
    {"1900: March 1 follows February 28", 1900, 3, 1, -25508, RT_THURSDAY,
     "1900-03-01"},
    {"2000 has a February 29", 2000, 2, 29, 11016, RT_TUESDAY, "2000-02-29"},
    {"2024 has a February 29", 2024, 2, 29, 19782, RT_THURSDAY, "2024-02-29"},
    {"2100: March 1", 2100, 3, 1, 47541, RT_MONDAY, "2100-03-01"},
    {"1600 has a February 29", 1600, 2, 29, -135081, RT_TUESDAY, "1600-02-29"},
    {"a year end", 2024, 12, 31, 20088, RT_TUESDAY, "2024-12-31"},
    {"a year start", 2025, 1, 1, 20089, RT_WEDNESDAY, "2025-01-01"},
    /* Years before 0001, as astronomers count them: 0 is a leap year. */
    {"February 29 of year 0", 0, 2, 29, -719469, RT_TUESDAY, "0000-02-29"},
    {"the first day of year -1", -1, 1, 1, -719893, RT_FRIDAY, NULL},
};

static void test_civil(void **state)
{
    const struct civil_case *c = *state;
    char text[RT_DATE_TEXT_LENGTH + 1] = "";
    int32_t year = 0;
    unsigned month = 0, day = 0;

    assert_int_equal(rt_date_from_civil(c->year, c->month, c->day),
                     c->day_number);
    rt_date_to_civil(c->day_number, &year, &month, &day);
    assert_int_equal(year, c->year);
    assert_int_equal(month, c->month);
    assert_int_equal(day, c->day);
    assert_int_equal(rt_date_weekday(c->day_number), c->weekday);
    if (c->text == NULL)
        return;
    assert_int_equal(rt_date_write(c->day_number, text), RT_DATE_TEXT_LENGTH);
    assert_string_equal(text, c->text);
}

struct leap_case {
    const char *name;
    int32_t year;
    int leap;
    unsigned february;
};

static const struct leap_case leap_cases[] = {
    {"1900: divisible by 100, not by 400", 1900, 0, 28},
    {"2000: divisible by 400", 2000, 1, 29},
    {"2024: divisible by 4", 2024, 1, 29},
    {"2023: not divisible by 4", 2023, 0, 28},
    {"2100: divisible by 100, not by 400", 2100, 0, 28},
    {"2400: divisible by 400", 2400, 1, 29},
};

static void test_leap(void **state)
{
    const struct leap_case *c = *state;

    assert_int_equal(rt_date_is_leap(c->year), c->leap);
    assert_int_equal(rt_date_days_in_month(c->year, 2), c->february);
    assert_int_equal(rt_date_days_in_month(c->year, 1), 31);
    assert_int_equal(rt_date_days_in_month(c->year, 4), 30);
    assert_int_equal(rt_date_days_in_month(c->year, 12), 31);
    assert_int_equal(rt_date_days_in_month(c->year, 0), 0);
    assert_int_equal(rt_date_days_in_month(c->year, 13), 0);
}

/* A text read in a mode: its date, or its status and problem. */
struct parse_case {
    const char *name;
    enum rt_date_mode mode;
    const char *text;
    enum rt_date_status status;
    const char *want; /* the date, or the problem */
};

static const struct parse_case parse_cases[] = {
    /* Every form, as written. */
    {"a date", W, "2024-01-15", RT_DATE_OK, "2024-01-15"},
    {"with T and minutes", W, "2024-01-15T10:30", RT_DATE_OK, "2024-01-15"},
    {"with a space and minutes", W, "2024-01-15 10:30", RT_DATE_OK,
     "2024-01-15"},
    {"with seconds", W, "2024-01-15T10:30:45", RT_DATE_OK, "2024-01-15"},
    {"with a fraction", W, "2024-01-15T10:30:45.123456789", RT_DATE_OK,
     "2024-01-15"},
    {"with a long fraction", W, "2024-01-15 10:30:45.12345678901234567890",
     RT_DATE_OK, "2024-01-15"},
    {"with Z", W, "2024-01-15T10:30:45.5Z", RT_DATE_OK, "2024-01-15"},
    {"with +HH:MM", W, "2024-01-15T10:30+05:30", RT_DATE_OK, "2024-01-15"},
    {"with -HHMM", W, "2024-01-15T10:30:00-0800", RT_DATE_OK, "2024-01-15"},
    {"an offset that crosses midnight, as written", W, "2024-01-15T23:30-05:00",
     RT_DATE_OK, "2024-01-15"},
    {"a leap second", W, "2016-12-31T23:59:60Z", RT_DATE_OK, "2016-12-31"},
    {"the first day", W, "0001-01-01T00:00+00:01", RT_DATE_OK, "0001-01-01"},
    {"the last day", W, "9999-12-31T23:59-00:01", RT_DATE_OK, "9999-12-31"},
    {"February 29 of 2000", W, "2000-02-29", RT_DATE_OK, "2000-02-29"},
    {"February 29 of 2024", W, "2024-02-29", RT_DATE_OK, "2024-02-29"},
    /* In UTC. */
    {"utc: a day forward", U, "2024-01-15T23:30-05:00", RT_DATE_OK,
     "2024-01-16"},
    {"utc: forward into a new year", U, "2024-12-31T23:30-01:00", RT_DATE_OK,
     "2025-01-01"},
    {"utc: back into the old year", U, "2025-01-01T00:30+01:00", RT_DATE_OK,
     "2024-12-31"},
    {"utc: back onto a leap day", U, "2024-03-01T00:59+0100", RT_DATE_OK,
     "2024-02-29"},
    {"utc: back onto February 28", U, "2023-03-01T01:00+01:30", RT_DATE_OK,
     "2023-02-28"},
    {"utc: exactly midnight after", U, "2024-01-31T22:00-0200", RT_DATE_OK,
     "2024-02-01"},
    {"utc: a minute before midnight", U, "2024-01-31T21:59-0200", RT_DATE_OK,
     "2024-01-31"},
    {"utc: exactly midnight", U, "2024-02-01T01:00+01:00", RT_DATE_OK,
     "2024-02-01"},
    {"utc: an offset of 14 hours", U, "2024-06-30T12:00+14:00", RT_DATE_OK,
     "2024-06-29"},
    {"utc: Z", U, "2024-01-15T23:59Z", RT_DATE_OK, "2024-01-15"},
    {"utc: no zone keeps the date", U, "2024-01-15T23:59:59", RT_DATE_OK,
     "2024-01-15"},
    {"utc: a date alone", U, "2024-01-15", RT_DATE_OK, "2024-01-15"},
    {"utc: -00:00", U, "2024-01-01T00:00-00:00", RT_DATE_OK, "2024-01-01"},
    {"utc: a leap second", U, "2016-12-31T23:59:60+01:00", RT_DATE_OK,
     "2016-12-31"},
    {"utc: the last day", U, "9999-12-31T23:58-00:01", RT_DATE_OK,
     "9999-12-31"},
    {"utc: before the first day", U, "0001-01-01T00:00+00:01", RT_DATE_RANGE,
     "in UTC the date falls before 0001-01-01"},
    {"utc: after the last day", U, "9999-12-31T23:59-00:01", RT_DATE_RANGE,
     "in UTC the date falls after 9999-12-31"},
    /* Unix seconds. */
    {"unix: 0", X, "0", RT_DATE_OK, "1970-01-01"},
    {"unix: the last second of a day", X, "86399", RT_DATE_OK, "1970-01-01"},
    {"unix: the first second of a day", X, "86400", RT_DATE_OK, "1970-01-02"},
    {"unix: a fraction", X, "1700000000.999", RT_DATE_OK, "2023-11-14"},
    {"unix: a leap day", X, "951782400", RT_DATE_OK, "2000-02-29"},
    {"unix: the largest", X, "253402300799", RT_DATE_OK, "9999-12-31"},
    {"unix: 42 digits with leading zeros", X,
     "000000000000000000000000000000001700000000", RT_DATE_OK, "2023-11-14"},
    {"unix: one more than the largest", X, "253402300800", RT_DATE_RANGE,
     "seconds beyond 253402300799 (9999-12-31T23:59:59Z)"},
    {"unix: 40 digits", X, "9999999999999999999999999999999999999999",
     RT_DATE_RANGE, "seconds beyond 253402300799 (9999-12-31T23:59:59Z)"},
    {"unix: empty", X, "", RT_DATE_EMPTY, "empty"},
    {"unix: a space", X, "1 ", RT_DATE_SPACE, "white space before or after"},
    {"unix: minus", X, "-1", RT_DATE_SIGN,
     "a sign before the seconds (only digits are read)"},
    {"unix: plus", X, "+1", RT_DATE_SIGN,
     "a sign before the seconds (only digits are read)"},
    {"unix: letters", X, "abc", RT_DATE_FORM, "the seconds need digits"},
    {"unix: a point first", X, ".5", RT_DATE_FORM, "the seconds need digits"},
    {"unix: a point last", X, "1.", RT_DATE_FORM,
     "expected digits after the decimal point"},
    {"unix: after the fraction", X, "1.5x", RT_DATE_TRAILING,
     "expected digits, '.' and digits, or the end"},
    {"unix: an exponent", X, "1e9", RT_DATE_TRAILING,
     "expected digits, '.' and digits, or the end"},
    {"unix: a decimal comma", X, "1,5", RT_DATE_TRAILING,
     "expected digits, '.' and digits, or the end"},
    {"unix: a date", X, "2024-01-15", RT_DATE_TRAILING,
     "expected digits, '.' and digits, or the end"},
    /* The edges. */
    {"empty", W, "", RT_DATE_EMPTY, "empty"},
    {"a space before", W, " 2024-01-15", RT_DATE_SPACE,
     "white space before or after"},
    {"a space after", W, "2024-01-15 ", RT_DATE_SPACE,
     "white space before or after"},
    {"a newline after", U, "2024-01-15\n", RT_DATE_SPACE,
     "white space before or after"},
    {"a tab before", W, "\t2024-01-15", RT_DATE_SPACE,
     "white space before or after"},
    {"a plus", W, "+2024-01-15", RT_DATE_SIGN, "a sign before the year"},
    {"a minus", W, "-2024-01-15", RT_DATE_SIGN, "a sign before the year"},
    /* The form. */
    {"a 2-digit year", W, "24-01-15", RT_DATE_FORM, "the year needs 4 digits"},
    {"a 5-digit year", W, "12024-01-15", RT_DATE_FORM,
     "expected '-' after the year"},
    {"no separators", W, "20240115", RT_DATE_FORM,
     "expected '-' after the year"},
    {"slashes", W, "2024/01/15", RT_DATE_FORM, "expected '-' after the year"},
    {"unix seconds as a date", W, "1700000000", RT_DATE_FORM,
     "expected '-' after the year"},
    {"a 1-digit month", W, "2024-1-15", RT_DATE_FORM,
     "the month needs 2 digits"},
    {"a month alone", W, "2024-01", RT_DATE_FORM,
     "expected '-' after the month"},
    {"a 1-digit day", W, "2024-01-5", RT_DATE_FORM, "the day needs 2 digits"},
    {"a letter after the date", W, "2024-01-15x", RT_DATE_TRAILING,
     "expected 'T' or a space and a time after the date"},
    {"a lower-case t", W, "2024-01-15t10:00", RT_DATE_TRAILING,
     "expected 'T' or a space and a time after the date"},
    {"a zone without a time", W, "2024-01-15Z", RT_DATE_TRAILING,
     "expected 'T' or a space and a time after the date"},
    {"two spaces", W, "2024-01-15  10:00", RT_DATE_FORM,
     "the hour needs 2 digits"},
    {"T alone", W, "2024-01-15T", RT_DATE_FORM, "the hour needs 2 digits"},
    {"a 1-digit hour", W, "2024-01-15T1:00", RT_DATE_FORM,
     "the hour needs 2 digits"},
    {"an hour alone", W, "2024-01-15T10", RT_DATE_FORM,
     "expected ':' after the hour"},
    {"no colon", W, "2024-01-15T1000", RT_DATE_FORM,
     "expected ':' after the hour"},
    {"a 1-digit minute", W, "2024-01-15T10:0", RT_DATE_FORM,
     "the minute needs 2 digits"},
    {"a colon without seconds", W, "2024-01-15T10:00:", RT_DATE_FORM,
     "the second needs 2 digits"},
    {"a 1-digit second", W, "2024-01-15T10:00:5", RT_DATE_FORM,
     "the second needs 2 digits"},
    {"a point without digits", W, "2024-01-15T10:00:00.", RT_DATE_FORM,
     "expected digits after the decimal point"},
    {"a decimal comma", W, "2024-01-15T10:00:00,5", RT_DATE_TRAILING,
     "expected '.' and digits, a zone or the end after the seconds"},
    {"a fraction of a minute", W, "2024-01-15T10:00.5", RT_DATE_TRAILING,
     "expected ':' and seconds, a zone or the end after the minutes"},
    {"a letter after the fraction", W, "2024-01-15T10:00:00.5x",
     RT_DATE_TRAILING,
     "expected a zone or the end after the fraction of a second"},
    {"a lower-case z", W, "2024-01-15T10:00z", RT_DATE_TRAILING,
     "expected ':' and seconds, a zone or the end after the minutes"},
    {"two Zs", W, "2024-01-15T10:00ZZ", RT_DATE_TRAILING,
     "unexpected text after the zone"},
    {"an offset of hours alone", W, "2024-01-15T10:00+01", RT_DATE_FORM,
     "the zone offset needs HH:MM or HHMM"},
    {"a 1-digit offset hour", W, "2024-01-15T10:00+1:00", RT_DATE_FORM,
     "the zone offset needs HH:MM or HHMM"},
    {"a 1-digit offset minute", W, "2024-01-15T10:00+01:0", RT_DATE_FORM,
     "the zone offset needs HH:MM or HHMM"},
    {"offset seconds", W, "2024-01-15T10:00+01:00:00", RT_DATE_TRAILING,
     "unexpected text after the zone"},
    {"a letter after the offset", W, "2024-01-15T10:00+0100x", RT_DATE_TRAILING,
     "unexpected text after the zone"},
    {"the form before the month", W, "2024-13-01x", RT_DATE_TRAILING,
     "expected 'T' or a space and a time after the date"},
    {"a mode out of range", (enum rt_date_mode)7, "2024-01-15", RT_DATE_FORM,
     "unknown form of date"},
    /* Impossible values. */
    {"year 0000", W, "0000-01-01", RT_DATE_NO_YEAR,
     "year 0000 does not exist (years run from 0001 to 9999)"},
    {"month 00", W, "2024-00-10", RT_DATE_NO_MONTH, "month 00 does not exist"},
    {"month 13", W, "2024-13-01", RT_DATE_NO_MONTH, "month 13 does not exist"},
    {"day 00", W, "2024-01-00", RT_DATE_NO_DAY, "day 00 does not exist"},
    {"January 32", W, "2024-01-32", RT_DATE_NO_DAY,
     "January 2024 has 31 days: no day 32"},
    {"April 31", W, "2024-04-31", RT_DATE_NO_DAY,
     "April 2024 has 30 days: no day 31"},
    {"February 30 of a leap year", W, "2024-02-30", RT_DATE_NO_DAY,
     "February 2024 has 29 days: no day 30"},
    {"December 99", U, "2024-12-99", RT_DATE_NO_DAY,
     "December 2024 has 31 days: no day 99"},
    {"February 29 of 2023", W, "2023-02-29", RT_DATE_NOT_LEAP,
     "2023 is not a leap year: no February 29"},
    {"February 29 of 1900", W, "1900-02-29", RT_DATE_NOT_LEAP,
     "1900 is not a leap year: no February 29"},
    {"February 29 of 2100", U, "2100-02-29T12:00Z", RT_DATE_NOT_LEAP,
     "2100 is not a leap year: no February 29"},
    {"the date before the hour", W, "2023-02-29T24:00", RT_DATE_NOT_LEAP,
     "2023 is not a leap year: no February 29"},
    {"hour 24", W, "2024-01-15T24:00", RT_DATE_NO_HOUR,
     "hour 24 does not exist (00 to 23)"},
    {"minute 60", W, "2024-01-15T10:60", RT_DATE_NO_MINUTE,
     "minute 60 does not exist (00 to 59)"},
    {"second 61", W, "2024-01-15T10:00:61", RT_DATE_NO_SECOND,
     "second 61 does not exist (00 to 60)"},
    {"offset hour 24", W, "2024-01-15T10:00+24:00", RT_DATE_ZONE_RANGE,
     "zone offset hour 24 does not exist"},
    {"offset minute 60", U, "2024-01-15T10:00-0160", RT_DATE_ZONE_RANGE,
     "zone offset minute 60 does not exist"},
};

static void test_parse(void **state)
{
    const struct parse_case *c = *state;
    char problem[RT_DATE_PROBLEM_SIZE] = "unchanged";
    char text[RT_DATE_TEXT_LENGTH + 1] = "";
    int32_t day = 12345;
    size_t len = strlen(c->text);

    assert_int_equal(rt_date_parse(c->text, len, c->mode, &day), c->status);
    assert_int_equal(
        rt_date_problem(c->text, len, c->mode, problem, sizeof problem),
        c->status);
    if (c->status != RT_DATE_OK) {
        assert_int_equal(day, 12345);
        assert_string_equal(problem, c->want);
        return;
    }
    assert_string_equal(problem, "");
    rt_date_write(day, text);
    assert_string_equal(text, c->want);
}

/* Only the given bytes are read: a field of a line is not NUL-terminated. */
static void test_not_nul_terminated(void **state)
{
    int32_t day = 0;
    char problem[RT_DATE_PROBLEM_SIZE];

    (void)state;
    assert_int_equal(rt_date_parse("2024-01-15T10:00Zjunk", 17, W, &day),
                     RT_DATE_OK);
    assert_int_equal(day, 19737);
    assert_int_equal(rt_date_parse("2024-01-159", 10, W, &day), RT_DATE_OK);
    assert_int_equal(rt_date_parse("1700000000.5", 10, X, &day), RT_DATE_OK);
    assert_int_equal(day, 19675);
    assert_int_equal(
        rt_date_problem("2024-13-01", 7, W, problem, sizeof problem),
        RT_DATE_FORM);
    assert_string_equal(problem, "expected '-' after the month");
}

/* A short buffer gets what fits; one of no bytes is left alone. */
static void test_problem_buffer(void **state)
{
    char problem[6] = "xxxxx";

    (void)state;
    assert_int_equal(rt_date_problem("2024-13-01", 10, W, problem, 0),
                     RT_DATE_NO_MONTH);
    assert_string_equal(problem, "xxxxx");
    assert_int_equal(
        rt_date_problem("2024-13-01", 10, W, problem, sizeof problem),
        RT_DATE_NO_MONTH);
    assert_string_equal(problem, "month");
}

static void test_expected(void **state)
{
    (void)state;
    assert_string_equal(rt_date_expected(W),
                        "a date YYYY-MM-DD (optionally with a time "
                        "HH:MM[:SS[.fraction]] and a zone Z or +HH:MM)");
    assert_string_equal(rt_date_expected(U), rt_date_expected(W));
    assert_string_equal(rt_date_expected(X),
                        "seconds since 1970-01-01T00:00:00Z (digits, "
                        "optionally with a fraction)");
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_problem_buffer), cmocka_unit_test(test_expected)};

    return TABLE_RUN("date civil", civil_cases, test_civil) +
           TABLE_RUN("date leap", leap_cases, test_leap) +
           TABLE_RUN("date parse", parse_cases, test_parse) +
           cmocka_run_group_tests_name("date plain", plain, NULL, NULL);
}
