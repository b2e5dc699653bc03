# Writes the deterministic activity log of bench_cohorts.sh: customer_id,date.
# Usage: mawk [-v customers=470000] -f gen_events.awk > events.csv
#
# About 470,000 customers join over the 24 months 2023-01 to 2024-12, a few
# more each month than the one before.  A customer is active in its joining
# month, and in each later month with a probability that decays with its
# age k (months since joining): 0.58 + 0.27 * 0.9^(k-1).  An active month
# holds 1 to 4 events on random days.  Rows come in date order, as real
# logs do (within a day, by hour; minutes and customers are not ordered);
# one row in ten carries a time, "T" or space separated.  The default size
# gives about 10 million rows and 210 MB.
#
# Customer i is "C" and 7 digits, (i * 7919 + 13) mod 10^7: distinct, and
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
function join_months(    j, weight, total, first) {
    total = 0
    for (j = 0; j < 24; j++) total += 1 + 0.03 * j
    first = 0
    for (j = 0; j < 24; j++) {
        joined_by[j] = first + int(customers * (1 + 0.03 * j) / total + 0.5)
        first = joined_by[j]
    }
    joined_by[23] = customers
}
function active(age) {
    if (age == 0) return 1
    return next_random() < 0.58 + 0.27 * 0.9 ^ (age - 1)
}
# event(ID, YEAR, MONTH): one event on a random day and hour of the month,
# kept in the bucket of that day and hour.
function event(id, year, month,    day, hour, row, style, key) {
    day = 1 + int(next_random() * days_in(year, month))
    hour = int(next_random() * 24)
    row = id "," sprintf("%04d-%02d-%02d", year, month, day)
    style = next_random()
    if (style < 0.08)
        row = row sprintf("T%02d:%02d:%02d", hour, int(next_random() * 60), int(next_random() * 60))
    else if (style < 0.10)
        row = row sprintf(" %02d:%02d", hour, int(next_random() * 60))
    key = day * 24 + hour
    bucket[key, ++filled[key]] = row
}
function write_month(    key, n) {
    for (key = 24; key < 32 * 24; key++) {
        for (n = 1; n <= filled[key]; n++) {
            print bucket[key, n]
            delete bucket[key, n]
        }
        filled[key] = 0
    }
}
BEGIN {
    if (customers == "") customers = 470000
    seed = 20240101
    join_months()
    print "customer_id,date"
    for (m = 0; m < 24; m++) {
        year = 2023 + int(m / 12)
        month = 1 + m % 12
        j = 0
        for (i = 0; i < joined_by[m]; i++) {
            while (i >= joined_by[j]) j++
            if (!active(m - j)) continue
            id = sprintf("C%07d", (i * 7919 + 13) % 10000000)
            events = 1 + int(next_random() * 4)
            for (e = 0; e < events; e++) event(id, year, month)
        }
        write_month()
    }
}
