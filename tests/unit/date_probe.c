/*
 * date_probe.c - date.c and period.c from standard input, for the oracle
 * (oracle_dates.py).  Each line is a mode letter, a space and a text:
 *   w TEXT   rt_date_parse() as written      u TEXT   in UTC
 *   x TEXT   unix seconds
 * and gets one line back: "E STATUS PROBLEM" for a rejected text, or
 *   DAY WEEKDAY YYYY-MM-DD P...
 * with one P = "INDEX,LABEL,FIRST,LAST,ENDED" for each kind of period: day,
 * the weeks starting Monday to Sunday, month, quarter and year; ENDED is
 * rt_period_ended() with the day itself as the cut-off.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "period.h"

#define LINE_SIZE 4096

static const struct rt_period_spec specs[] = {
    {RT_PERIOD_DAY, RT_MONDAY},    {RT_PERIOD_WEEK, RT_MONDAY},
    {RT_PERIOD_WEEK, RT_TUESDAY},  {RT_PERIOD_WEEK, RT_WEDNESDAY},
    {RT_PERIOD_WEEK, RT_THURSDAY}, {RT_PERIOD_WEEK, RT_FRIDAY},
    {RT_PERIOD_WEEK, RT_SATURDAY}, {RT_PERIOD_WEEK, RT_SUNDAY},
    {RT_PERIOD_MONTH, RT_MONDAY},  {RT_PERIOD_QUARTER, RT_MONDAY},
    {RT_PERIOD_YEAR, RT_MONDAY}};

static void print_periods(int32_t day)
{
    char label[RT_PERIOD_LABEL_SIZE];
    size_t i;

    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        int32_t index = rt_period_index(&specs[i], day);

        rt_period_label(&specs[i], index, label);
        printf(" %ld,%s,%ld,%ld,%d", (long)index, label,
               (long)rt_period_first_day(&specs[i], index),
               (long)rt_period_last_day(&specs[i], index),
               (int)rt_period_ended(&specs[i], index, day));
    }
}

static void probe(enum rt_date_mode mode, const char *text, size_t len)
{
    char problem[RT_DATE_PROBLEM_SIZE], date[RT_DATE_TEXT_LENGTH + 1];
    int32_t day = 0;
    enum rt_date_status status = rt_date_parse(text, len, mode, &day);

    if (status != RT_DATE_OK) {
        rt_date_problem(text, len, mode, problem, sizeof problem);
        printf("E %d %s\n", (int)status, problem);
        return;
    }
    date[rt_date_write(day, date)] = '\0';
    printf("%ld %d %s", (long)day, (int)rt_date_weekday(day), date);
    print_periods(day);
    putchar('\n');
}

int main(void)
{
    static char line[LINE_SIZE];

    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strcspn(line, "\n");
        enum rt_date_mode mode = line[0] == 'u'   ? RT_DATE_IN_UTC
                                 : line[0] == 'x' ? RT_DATE_UNIX
                                                  : RT_DATE_AS_WRITTEN;

        if (len < 2)
            return 2;
        probe(mode, line + 2, len - 2);
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
