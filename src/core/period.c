/*
 * period.c - see period.h.
 *
 * Months, quarters and years go through the civil date; weeks are counted
 * in sevens from a day of the starting weekday, with floor division so that
 * days before that day still fall in the week they belong to.
 */
#include <string.h>

#include "digits.h"
#include "period.h"

static const char *const weekday_names[] = {"monday",   "tuesday", "wednesday",
                                            "thursday", "friday",  "saturday",
                                            "sunday"};

/* a / b rounded down, for b > 0. */
static int32_t floor_divide(int32_t a, int32_t b)
{
    return (a >= 0 ? a : a - (b - 1)) / b;
}

/* A day number of a `week_start` weekday: 1970-01-01 was a Thursday. */
static int32_t week_anchor(enum rt_weekday week_start)
{
    unsigned start = (unsigned)week_start <= RT_SUNDAY ? week_start : 0;

    return (int32_t)start - RT_THURSDAY;
}

int32_t rt_period_index(const struct rt_period_spec *spec, int32_t day_number)
{
    int32_t year;
    unsigned month, day;

    if (spec->unit == RT_PERIOD_WEEK)
        return floor_divide(day_number - week_anchor(spec->week_start), 7);
    if (spec->unit < RT_PERIOD_MONTH || spec->unit > RT_PERIOD_YEAR)
        return day_number;
    rt_date_to_civil(day_number, &year, &month, &day);
    if (spec->unit == RT_PERIOD_MONTH)
        return year * 12 + (int32_t)month - 1;
    if (spec->unit == RT_PERIOD_QUARTER)
        return year * 4 + (int32_t)(month - 1) / 3;
    return year;
}

int32_t rt_period_first_day(const struct rt_period_spec *spec, int32_t index)
{
    int32_t year;

    switch (spec->unit) {
    case RT_PERIOD_WEEK:
        return week_anchor(spec->week_start) + index * 7;
    case RT_PERIOD_MONTH:
        year = floor_divide(index, 12);
        return rt_date_from_civil(year, (unsigned)(index - year * 12) + 1, 1);
    case RT_PERIOD_QUARTER:
        year = floor_divide(index, 4);
        return rt_date_from_civil(year, (unsigned)(index - year * 4) * 3 + 1,
                                  1);
    case RT_PERIOD_YEAR:
        return rt_date_from_civil(index, 1, 1);
    default:
        return index;
    }
}

int32_t rt_period_last_day(const struct rt_period_spec *spec, int32_t index)
{
    return rt_period_first_day(spec, index + 1) - 1;
}

bool rt_period_ended(const struct rt_period_spec *spec, int32_t index,
                     int32_t cut_off)
{
    return rt_period_last_day(spec, index) <= cut_off;
}

/* Writes a year of 0000 to 9999 as four digits. */
static void write_year(int32_t year, char *buf)
{
    rt_digits_pair((uint64_t)year / 100 % 100, buf);
    rt_digits_pair((uint64_t)year % 100, buf + 2);
}

/*
 * "YYYY-Www" of the ISO week that starts on Monday `monday`: the week-based
 * year is that of the week's Thursday, and week 1 is the one that holds the
 * year's first Thursday.
 */
static size_t write_iso_week(int32_t monday, char *buf)
{
    int32_t thursday = monday + 3;
    int32_t year;
    unsigned month, day, week;

    rt_date_to_civil(thursday, &year, &month, &day);
    week = (unsigned)(thursday - rt_date_from_civil(year, 1, 1)) / 7 + 1;
    write_year(year, buf);
    buf[4] = '-';
    buf[5] = 'W';
    rt_digits_pair(week, buf + 6);
    return 8;
}

/* "YYYY-MM", "YYYY-Qn" or "YYYY" of a month, quarter or year index. */
static size_t write_year_part(int32_t index, int32_t per_year, char *buf)
{
    int32_t year = floor_divide(index, per_year);
    unsigned part = (unsigned)(index - year * per_year) + 1;

    write_year(year, buf);
    if (per_year == 1)
        return 4;
    buf[4] = '-';
    if (per_year == 4) {
        buf[5] = 'Q';
        buf[6] = (char)('0' + part);
        return 7;
    }
    rt_digits_pair(part, buf + 5);
    return 7;
}

static size_t write_label(const struct rt_period_spec *spec, int32_t index,
                          char *buf)
{
    switch (spec->unit) {
    case RT_PERIOD_WEEK:
        if (spec->week_start == RT_MONDAY)
            return write_iso_week(rt_period_first_day(spec, index), buf);
        return rt_date_write(rt_period_first_day(spec, index), buf);
    case RT_PERIOD_MONTH:
        return write_year_part(index, 12, buf);
    case RT_PERIOD_QUARTER:
        return write_year_part(index, 4, buf);
    case RT_PERIOD_YEAR:
        return write_year_part(index, 1, buf);
    default:
        return rt_date_write(index, buf);
    }
}

size_t rt_period_label(const struct rt_period_spec *spec, int32_t index,
                       char *buf)
{
    size_t len = write_label(spec, index, buf);

    buf[len] = '\0';
    return len;
}

const char *rt_period_column_prefix(enum rt_period unit)
{
    static const char *const prefixes[] = {"day_",   "day_",     "week_",
                                           "month_", "quarter_", "year_"};

    return (unsigned)unit <= RT_PERIOD_YEAR ? prefixes[unit] : "day_";
}

/* Whether `name` is `full` in any case, or its first three letters. */
static bool names_weekday(const char *name, const char *full)
{
    size_t i;

    for (i = 0; name[i] != '\0'; i++) {
        unsigned char c = (unsigned char)name[i];

        if (full[i] == '\0' || (c | 0x20) != (unsigned char)full[i])
            return false;
    }
    return i == 3 || full[i] == '\0';
}

bool rt_period_weekday_lookup(const char *name, enum rt_weekday *out)
{
    unsigned i;

    for (i = RT_MONDAY; i <= RT_SUNDAY; i++) {
        if (names_weekday(name, weekday_names[i])) {
            *out = (enum rt_weekday)i;
            return true;
        }
    }
    return false;
}

const char *rt_period_weekday_name(enum rt_weekday weekday)
{
    return (unsigned)weekday <= RT_SUNDAY ? weekday_names[weekday] : "";
}
