# Writes the deterministic subscription table of bench_periods.sh:
# customer_id,start_date,end_date, one row per subscription.
# Usage: mawk [-v customers=680000] -f gen_spans.awk > spans-unsorted.csv
# (bench_periods.sh then sorts the rows by start date, as an export by
# subscription number would come.)
#
# Customers join over the 24 months 2023-01 to 2024-12, a few more each
# month than the one before, a third of them on the first of the month (as
# billing often starts), the rest on a random day.  Each subscription lasts
# 1 to 3 calendar months (same day of the month, clamped to its length), a
# year, or 3 to 120 days (12% are trials of 3 to 27 days, so some
# customers join and leave within one month).  After it, the customer:
#   changes plan (45%): the next subscription starts on the day it ends,
#     touching it;
#   adds one (17%): the next starts on a day inside it, overlapping it;
#   comes back later (26%): the next starts 1 to 300 days after the end;
#   or leaves for good (12%).
# The table is taken on 2024-12-31: a subscription that would end after it
# is still running, written with an empty end, and the customer's chain
# stops; so does one whose next start would fall after it.  The default
# gives about 2.0 million rows.
#
# Customer i is "S" and 7 digits, (i * 7919 + 13) mod 10^7: distinct, and
# not in joining order.  The random numbers come from the Park-Miller
# generator, seed * 48271 mod (2^31 - 1): every product stays below 2^53,
# so awk's doubles compute it exactly and mawk and gawk write the same bytes.
function next_random() {
    seed = (seed * 48271) % 2147483647
    return seed / 2147483647
}
function days_in(year, month) {
    if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
    return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31
}
# calendar(): day numbers from 0 (2023-01-01) to the end of 2026, with
# each one's label, year, month and day of the month.
function calendar(    year, month, day, n) {
    n = 0
    for (year = 2023; year <= 2026; year++)
        for (month = 1; month <= 12; month++) {
            first_of[year * 12 + month - 1] = n
            for (day = 1; day <= days_in(year, month); day++) {
                label[n] = sprintf("%04d-%02d-%02d", year, month, day)
                year_of[n] = year
                month_of[n] = month
                mday_of[n] = day
                n++
            }
        }
}
# months_later(D, K): the same day of the month K months after day D,
# clamped to that month's length (January 31 plus one month is February 28).
function months_later(d, k,    m, year, month, day) {
    m = year_of[d] * 12 + month_of[d] - 1 + k
    year = int(m / 12)
    month = m % 12 + 1
    day = mday_of[d]
    if (day > days_in(year, month)) day = days_in(year, month)
    return first_of[m] + day - 1
}
function join_months(    j, total, first) {
    total = 0
    for (j = 0; j < 24; j++) total += 1 + 0.03 * j
    first = 0
    for (j = 0; j < 24; j++) {
        joined_by[j] = first + int(customers * (1 + 0.03 * j) / total + 0.5)
        first = joined_by[j]
    }
    joined_by[23] = customers
}
function join_day(m,    u) {
    u = next_random()
    if (u < 1 / 3) return first_of[2023 * 12 + m]
    return first_of[2023 * 12 + m] + int(next_random() * days_in(2023 + int(m / 12), m % 12 + 1))
}
function subscription_end(start,    u) {
    u = next_random()
    if (u < 0.55) return months_later(start, 1 + int(next_random() * 3))
    if (u < 0.65) return months_later(start, 12)
    if (u < 0.77) return start + 3 + int(next_random() * 25)
    return start + 3 + int(next_random() * 118)
}
# chain(ID, START): the customer's subscriptions, one row each.
function chain(id, start,    end, u) {
    while (start <= as_of) {
        end = subscription_end(start)
        if (end > as_of) {
            print id "," label[start] ","
            return
        }
        print id "," label[start] "," label[end]
        u = next_random()
        if (u < 0.45) start = end
        else if (u < 0.62) start = start + int(next_random() * (end - start))
        else if (u < 0.88) start = end + 1 + int(next_random() * 300)
        else return
    }
}
BEGIN {
    if (customers == "") customers = 680000
    seed = 20240101
    calendar()
    as_of = first_of[2025 * 12] - 1
    join_months()
    print "customer_id,start_date,end_date"
    j = 0
    for (i = 0; i < customers; i++) {
        while (i >= joined_by[j]) j++
        chain(sprintf("S%07d", (i * 7919 + 13) % 10000000), join_day(j))
    }
}
