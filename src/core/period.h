/*
 * period.h - calendar periods of day numbers: days, weeks, months,
 * quarters and years (internal).
 *
 * Periods are calendar periods, never 24-hour windows or 30-day months.
 * Each period has an index, and the indexes of one kind of period are
 * consecutive integers in time order, so that "the period k after c" is
 * c + k and the periods between two are a subtraction.  An index means
 * nothing across kinds.  The index of a day is its day number; of a month,
 * year * 12 + month - 1; of a quarter, year * 4 + quarter - 1; of a year,
 * the year; weeks are counted from the week that holds 1970-01-01.
 *
 * Weeks start on spec->week_start: on Monday, as ISO 8601 has them, their
 * label is the ISO week date's year and week, "2024-W03", the year being
 * the ISO week-based year (that of the week's Thursday: 2024-12-30 is in
 * 2025-W01, 2021-01-03 in 2020-W53).  Weeks that start on another day have
 * no such numbering; their label is the date of their first day,
 * "2024-01-14".  Other labels: "2024-01-15" (day), "2024-01" (month),
 * "2024-Q1" (quarter), "2024" (year).
 *
 * Units are the enum rt_period of retain.h, named as rt_period_lookup()
 * names them ("day" .. "year", lower case, as --period has always read
 * them); RT_PERIOD_NONE and values out of range are taken as days.
 * Weekdays are named in English, in full ("monday") or by their first three
 * letters ("mon"), in any case ("Monday", "MON").
 *
 * Day numbers are those of date.h; labels are defined for the periods of
 * the years 0001 to 9999 (a week may begin in 0000-12-31 or so).
 */
#ifndef RETAIN_PERIOD_H
#define RETAIN_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "retain.h"

/* Room for the longest label, "2024-01-15", and its NUL. */
#define RT_PERIOD_LABEL_SIZE 11

/* A kind of period: its unit, and for weeks the day they start on. */
struct rt_period_spec {
    enum rt_period unit;
    enum rt_weekday week_start; /* weeks only; RT_MONDAY for ISO weeks */
};

/* The index of the period that holds day `day_number`. */
int32_t rt_period_index(const struct rt_period_spec *spec, int32_t day_number);

/* The day numbers of the first and of the last day of period `index`. */
int32_t rt_period_first_day(const struct rt_period_spec *spec, int32_t index);
int32_t rt_period_last_day(const struct rt_period_spec *spec, int32_t index);

/*
 * Whether period `index` has ended by day `cut_off`: its last day is on or
 * before it, so the whole period lies within the data.
 */
bool rt_period_ended(const struct rt_period_spec *spec, int32_t index,
                     int32_t cut_off);

/*
 * Writes the label of period `index`, NUL-terminated, at buf
 * (RT_PERIOD_LABEL_SIZE bytes); returns its length without the NUL.
 */
size_t rt_period_label(const struct rt_period_spec *spec, int32_t index,
                       char *buf);

/* The prefix of a column of periods: "day_", "week_", ... "year_". */
const char *rt_period_column_prefix(enum rt_period unit);

/*
 * Looks up a weekday's name (see the top of this file), NUL-terminated;
 * false, leaving *out alone, for any other text.
 */
bool rt_period_weekday_lookup(const char *name, enum rt_weekday *out);

/* "monday" .. "sunday"; "" for a value out of range. */
const char *rt_period_weekday_name(enum rt_weekday weekday);

#endif
