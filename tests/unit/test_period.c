/*
 * test_period.c - calendar periods of day numbers (src/core/period.c).
 * Expected labels and bounds were worked out with Python's datetime
 * (isocalendar() for ISO weeks); oracle_dates.py checks 200,000 more.
 */
#include <string.h>

#include "period.h"
#include "table.h"

#define DAY     RT_PERIOD_DAY
#define WEEK    RT_PERIOD_WEEK
#define MONTH   RT_PERIOD_MONTH
#define QUARTER RT_PERIOD_QUARTER
#define YEAR    RT_PERIOD_YEAR

static int32_t day_of(const char *text)
{
    int32_t day = 0;

    assert_int_equal(
        rt_date_parse(text, strlen(text), RT_DATE_AS_WRITTEN, &day),
        RT_DATE_OK);
    return day;
}

static void assert_day(int32_t day, const char *text)
{
    char buf[RT_DATE_TEXT_LENGTH + 1] = "";

    rt_date_write(day, buf);
    assert_string_equal(buf, text);
}

/* The period that holds a day: its label, first and last day. */
struct period_case {
    const char *name;
    enum rt_period unit;
    enum rt_weekday week_start;
    const char *date, *label, *first;
    const char *last; /* NULL: beyond 9999 */
};

static const struct period_case period_cases[] = {
    {"a day", DAY, RT_MONDAY, "2024-01-15", "2024-01-15", "2024-01-15",
     "2024-01-15"},
    {"a leap day", DAY, RT_MONDAY, "2024-02-29", "2024-02-29", "2024-02-29",
     "2024-02-29"},
    {"no unit is days", RT_PERIOD_NONE, RT_MONDAY, "2024-02-29", "2024-02-29",
     "2024-02-29", "2024-02-29"},
    {"an ISO week", WEEK, RT_MONDAY, "2024-01-15", "2024-W03", "2024-01-15",
     "2024-01-21"},
    {"ISO week 52", WEEK, RT_MONDAY, "2024-12-29", "2024-W52", "2024-12-23",
     "2024-12-29"},
    {"December 30 in week 1 of the next year", WEEK, RT_MONDAY, "2024-12-30",
     "2025-W01", "2024-12-30", "2025-01-05"},
    {"December 31 in week 1 of the next year", WEEK, RT_MONDAY, "2018-12-31",
     "2019-W01", "2018-12-31", "2019-01-06"},
    {"2019-12-30 in 2020-W01", WEEK, RT_MONDAY, "2019-12-30", "2020-W01",
     "2019-12-30", "2020-01-05"},
    {"January 3 in week 53 of the year before", WEEK, RT_MONDAY, "2021-01-03",
     "2020-W53", "2020-12-28", "2021-01-03"},
    {"ISO week 53 of 2020", WEEK, RT_MONDAY, "2020-12-31", "2020-W53",
     "2020-12-28", "2021-01-03"},
    {"ISO week 53 of 2015", WEEK, RT_MONDAY, "2015-12-31", "2015-W53",
     "2015-12-28", "2016-01-03"},
    {"ISO week 53 of 2026 in 2027", WEEK, RT_MONDAY, "2027-01-01", "2026-W53",
     "2026-12-28", "2027-01-03"},
    {"the first ISO week", WEEK, RT_MONDAY, "0001-01-01", "0001-W01",
     "0001-01-01", "0001-01-07"},
    {"the last ISO week", WEEK, RT_MONDAY, "9999-12-31", "9999-W52",
     "9999-12-27", NULL /* 10000-01-02 */},
    {"weeks from Tuesday", WEEK, RT_TUESDAY, "2024-01-17", "2024-01-16",
     "2024-01-16", "2024-01-22"},
    {"weeks from Wednesday", WEEK, RT_WEDNESDAY, "2024-01-17", "2024-01-17",
     "2024-01-17", "2024-01-23"},
    {"weeks from Thursday", WEEK, RT_THURSDAY, "2024-01-17", "2024-01-11",
     "2024-01-11", "2024-01-17"},
    {"weeks from Friday", WEEK, RT_FRIDAY, "2024-01-17", "2024-01-12",
     "2024-01-12", "2024-01-18"},
    {"weeks from Saturday", WEEK, RT_SATURDAY, "2024-01-17", "2024-01-13",
     "2024-01-13", "2024-01-19"},
    {"weeks from Sunday", WEEK, RT_SUNDAY, "2024-01-17", "2024-01-14",
     "2024-01-14", "2024-01-20"},
    {"weeks from Sunday across a year end", WEEK, RT_SUNDAY, "2025-01-02",
     "2024-12-29", "2024-12-29", "2025-01-04"},
    {"weeks from Sunday before 1970", WEEK, RT_SUNDAY, "1969-12-31",
     "1969-12-28", "1969-12-28", "1970-01-03"},
    {"a week from Sunday that starts in year 0", WEEK, RT_SUNDAY, "0001-01-01",
     "0000-12-31", "0000-12-31", "0001-01-06"},
    {"a week start out of range is Monday", WEEK, (enum rt_weekday)9,
     "2024-01-17", "2024-01-15", "2024-01-15", "2024-01-21"},
    {"a month", MONTH, RT_MONDAY, "2024-01-15", "2024-01", "2024-01-01",
     "2024-01-31"},
    {"February of a leap year", MONTH, RT_MONDAY, "2024-02-10", "2024-02",
     "2024-02-01", "2024-02-29"},
    {"February of 1900", MONTH, RT_MONDAY, "1900-02-28", "1900-02",
     "1900-02-01", "1900-02-28"},
    {"February of 2000", MONTH, RT_MONDAY, "2000-02-01", "2000-02",
     "2000-02-01", "2000-02-29"},
    {"February of 2100", MONTH, RT_MONDAY, "2100-02-15", "2100-02",
     "2100-02-01", "2100-02-28"},
    {"December", MONTH, RT_MONDAY, "2024-12-31", "2024-12", "2024-12-01",
     "2024-12-31"},
    {"the first month", MONTH, RT_MONDAY, "0001-01-01", "0001-01", "0001-01-01",
     "0001-01-31"},
    {"a month before 1970", MONTH, RT_MONDAY, "1969-12-31", "1969-12",
     "1969-12-01", "1969-12-31"},
    {"the first quarter", QUARTER, RT_MONDAY, "2024-01-15", "2024-Q1",
     "2024-01-01", "2024-03-31"},
    {"the second quarter", QUARTER, RT_MONDAY, "2024-06-30", "2024-Q2",
     "2024-04-01", "2024-06-30"},
    {"the third quarter", QUARTER, RT_MONDAY, "2024-07-01", "2024-Q3",
     "2024-07-01", "2024-09-30"},
    {"the fourth quarter", QUARTER, RT_MONDAY, "2024-12-31", "2024-Q4",
     "2024-10-01", "2024-12-31"},
    {"a year", YEAR, RT_MONDAY, "2024-02-29", "2024", "2024-01-01",
     "2024-12-31"},
    {"the last year", YEAR, RT_MONDAY, "9999-12-31", "9999", "9999-01-01",
     "9999-12-31"},
};

static void test_period(void **state)
{
    const struct period_case *c = *state;
    struct rt_period_spec spec = {c->unit, c->week_start};
    char label[RT_PERIOD_LABEL_SIZE] = "";
    int32_t day = day_of(c->date);
    int32_t index = rt_period_index(&spec, day);
    int32_t first = rt_period_first_day(&spec, index);
    int32_t last = rt_period_last_day(&spec, index);

    assert_int_equal(rt_period_label(&spec, index, label), strlen(c->label));
    assert_string_equal(label, c->label);
    assert_day(first, c->first);
    if (c->last != NULL)
        assert_day(last, c->last);
    assert_int_equal(rt_period_index(&spec, first), index);
    assert_int_equal(rt_period_index(&spec, last), index);
    assert_int_equal(rt_period_index(&spec, first - 1), index - 1);
    assert_int_equal(rt_period_index(&spec, last + 1), index + 1);
}

/* Period c + k is index arithmetic, across year ends and week 53. */
struct step_case {
    const char *name;
    enum rt_period unit;
    enum rt_weekday week_start;
    const char *date;
    int32_t k;
    const char *label; /* of period c + k */
};

static const struct step_case step_cases[] = {
    {"the next day over a leap day", DAY, RT_MONDAY, "2024-02-28", 2,
     "2024-03-01"},
    {"the day before a year", DAY, RT_MONDAY, "2025-01-01", -1, "2024-12-31"},
    {"ISO week 52 to week 1", WEEK, RT_MONDAY, "2024-12-23", 1, "2025-W01"},
    {"ISO week 53 to week 1", WEEK, RT_MONDAY, "2020-12-28", 1, "2021-W01"},
    {"ISO week 1 back to week 53", WEEK, RT_MONDAY, "2021-01-04", -1,
     "2020-W53"},
    {"52 ISO weeks on", WEEK, RT_MONDAY, "2024-01-15", 52, "2025-W03"},
    {"a week from Sunday on", WEEK, RT_SUNDAY, "2024-12-29", 1, "2025-01-05"},
    {"December to January", MONTH, RT_MONDAY, "2024-12-15", 1, "2025-01"},
    {"24 months on", MONTH, RT_MONDAY, "2024-01-15", 24, "2026-01"},
    {"January back to December", MONTH, RT_MONDAY, "2024-01-01", -1, "2023-12"},
    {"Q4 to Q1", QUARTER, RT_MONDAY, "2024-11-30", 1, "2025-Q1"},
    {"Q1 back to Q4", QUARTER, RT_MONDAY, "2024-01-01", -1, "2023-Q4"},
    {"a year on", YEAR, RT_MONDAY, "2024-02-29", 1, "2025"},
};

static void test_step(void **state)
{
    const struct step_case *c = *state;
    struct rt_period_spec spec = {c->unit, c->week_start};
    char label[RT_PERIOD_LABEL_SIZE] = "";
    int32_t index = rt_period_index(&spec, day_of(c->date)) + c->k;

    rt_period_label(&spec, index, label);
    assert_string_equal(label, c->label);
    assert_int_equal(rt_period_index(&spec, rt_period_first_day(&spec, index)),
                     index);
}

/* A period has ended when its last day is on or before the cut-off. */
struct ended_case {
    const char *name;
    enum rt_period unit;
    enum rt_weekday week_start;
    const char *date, *cut_off;
    bool ended;
};

static const struct ended_case ended_cases[] = {
    {"December, data to the 28th", MONTH, RT_MONDAY, "2024-12-01", "2024-12-28",
     false},
    {"December, as of the 31st", MONTH, RT_MONDAY, "2024-12-01", "2024-12-31",
     true},
    {"December, as of January", MONTH, RT_MONDAY, "2024-12-01", "2025-01-01",
     true},
    {"a future month", MONTH, RT_MONDAY, "2025-02-01", "2025-01-01", false},
    {"February of a leap year on the 28th", MONTH, RT_MONDAY, "2024-02-10",
     "2024-02-28", false},
    {"February of 2023 on the 28th", MONTH, RT_MONDAY, "2023-02-10",
     "2023-02-28", true},
    {"a day on itself", DAY, RT_MONDAY, "2024-01-15", "2024-01-15", true},
    {"a day the day before", DAY, RT_MONDAY, "2024-01-15", "2024-01-14", false},
    {"an ISO week on its Sunday", WEEK, RT_MONDAY, "2024-01-17", "2024-01-21",
     true},
    {"an ISO week on its Saturday", WEEK, RT_MONDAY, "2024-01-17", "2024-01-20",
     false},
    {"a week from Sunday on its Saturday", WEEK, RT_SUNDAY, "2024-01-17",
     "2024-01-20", true},
    {"a quarter on its last day", QUARTER, RT_MONDAY, "2024-02-01",
     "2024-03-31", true},
    {"a quarter a day early", QUARTER, RT_MONDAY, "2024-02-01", "2024-03-30",
     false},
    {"a year on December 31", YEAR, RT_MONDAY, "2024-05-05", "2024-12-31",
     true},
    {"a year on December 30", YEAR, RT_MONDAY, "2024-05-05", "2024-12-30",
     false},
};

static void test_ended(void **state)
{
    const struct ended_case *c = *state;
    struct rt_period_spec spec = {c->unit, c->week_start};
    int32_t index = rt_period_index(&spec, day_of(c->date));

    assert_int_equal(rt_period_ended(&spec, index, day_of(c->cut_off)),
                     c->ended);
}

struct prefix_case {
    const char *name;
    enum rt_period unit;
    const char *prefix;
};

static const struct prefix_case prefix_cases[] = {
    {"day", DAY, "day_"},
    {"week", WEEK, "week_"},
    {"month", MONTH, "month_"},
    {"quarter", QUARTER, "quarter_"},
    {"year", YEAR, "year_"},
    {"no unit is days", RT_PERIOD_NONE, "day_"},
    {"out of range is days", (enum rt_period)99, "day_"},
};

static void test_prefix(void **state)
{
    const struct prefix_case *c = *state;

    assert_string_equal(rt_period_column_prefix(c->unit), c->prefix);
}

struct weekday_case {
    const char *name;
    const char *text;
    bool found;
    enum rt_weekday weekday;
};

static const struct weekday_case weekday_cases[] = {
    {"monday", "monday", true, RT_MONDAY},
    {"Monday", "Monday", true, RT_MONDAY},
    {"MON", "MON", true, RT_MONDAY},
    {"tue", "tue", true, RT_TUESDAY},
    {"Tuesday", "Tuesday", true, RT_TUESDAY},
    {"wednesday", "wednesday", true, RT_WEDNESDAY},
    {"Wed", "Wed", true, RT_WEDNESDAY},
    {"thursday", "THURSDAY", true, RT_THURSDAY},
    {"thu", "thu", true, RT_THURSDAY},
    {"friday", "Friday", true, RT_FRIDAY},
    {"fri", "fri", true, RT_FRIDAY},
    {"saturday", "saturday", true, RT_SATURDAY},
    {"sat", "Sat", true, RT_SATURDAY},
    {"sunday", "SunDay", true, RT_SUNDAY},
    {"sun", "sun", true, RT_SUNDAY},
    {"empty", "", false, RT_MONDAY},
    {"two letters", "mo", false, RT_MONDAY},
    {"four letters", "mond", false, RT_MONDAY},
    {"tues", "tues", false, RT_MONDAY},
    {"thurs", "thurs", false, RT_MONDAY},
    {"a space after", "monday ", false, RT_MONDAY},
    {"a longer word", "mondays", false, RT_MONDAY},
    {"a number", "1", false, RT_MONDAY},
    {"not a day", "someday", false, RT_MONDAY},
    {"Latin-1 upper case", "\xc0on", false, RT_MONDAY},
};

static void test_weekday(void **state)
{
    const struct weekday_case *c = *state;
    enum rt_weekday got = (enum rt_weekday)42;

    assert_int_equal(rt_period_weekday_lookup(c->text, &got), c->found);
    assert_int_equal(got, c->found ? c->weekday : (enum rt_weekday)42);
}

static void test_weekday_names(void **state)
{
    static const char *const names[] = {"monday",   "tuesday", "wednesday",
                                        "thursday", "friday",  "saturday",
                                        "sunday"};
    enum rt_weekday back = RT_SUNDAY;
    unsigned i;

    (void)state;
    for (i = 0; i < 7; i++) {
        assert_string_equal(rt_period_weekday_name((enum rt_weekday)i),
                            names[i]);
        assert_true(rt_period_weekday_lookup(names[i], &back));
        assert_int_equal(back, i);
    }
    assert_string_equal(rt_period_weekday_name((enum rt_weekday)7), "");
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_weekday_names)};

    return TABLE_RUN("period of a day", period_cases, test_period) +
           TABLE_RUN("period step", step_cases, test_step) +
           TABLE_RUN("period ended", ended_cases, test_ended) +
           TABLE_RUN("period prefix", prefix_cases, test_prefix) +
           TABLE_RUN("period weekday", weekday_cases, test_weekday) +
           cmocka_run_group_tests_name("period names", plain, NULL, NULL);
}
