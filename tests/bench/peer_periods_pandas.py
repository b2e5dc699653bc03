"""The pandas peer of `retain periods` (monthly).

Usage: /usr/bin/python3 peer_periods_pandas.py log|spans INPUT.csv

Prints period,start,end,new,retained,lost,first_time,returning (and
joined_and_left for spans), one row per finished month in time order: the
same form as peer_periods_duckdb.mjs, from the definitions in the README's
"Semantics stated".  Written the way a fair pandas user would: months as
integers (year * 12 + month - 1) from the first 10 characters of a date,
drop_duplicates for the distinct (customer, month) pairs, groupby shift
for the month a customer was active before, value_counts per month.

A log: a customer is active in a month when it has an event in it; rows
from the month after the first active one to the last finished one.

A subscription table: a row is active on the days [start, end); an empty
end is still running.  It is active on the first day of month q for q from
month(start - 1) + 1 to month(end - 1) and touches month(start) to
month(end - 1), the pairs of one customer's rows unioned (so overlapping
and touching rows count once).  S(P) = active on P's first day, E(P) = on
the next month's; rows from the month of the earliest start.
"""
import sys

import numpy as np
import pandas as pd

# Months since year 0 stay below this, so id * KEY_MONTHS + month is a
# unique key of a (customer, month) pair.
KEY_MONTHS = 1 << 20


def month_of(day):
    """Months since year 0 of YYYY-MM-DD strings."""
    return day.str.slice(0, 4).astype(np.int64) * 12 + day.str.slice(5, 7).astype(np.int64) - 1


def month_of_dates(dates):
    """Months since year 0 of datetime64[D] values."""
    return dates.dt.year.astype(np.int64) * 12 + dates.dt.month.astype(np.int64) - 1


def last_finished(cutoff):
    """The last month whose last day is on or before the cut-off."""
    return int(month_of_dates(pd.Series([cutoff + pd.Timedelta(days=1)])).iloc[0]) - 1


def label(p):
    return "%04d-%02d" % (p // 12, p % 12 + 1)


def log_rows(path):
    df = pd.read_csv(path, usecols=["customer_id", "date"], dtype=str)
    day = df["date"].str.slice(0, 10)
    last = last_finished(pd.to_datetime(day.max(), format="%Y-%m-%d"))
    active = pd.DataFrame({"id": df["customer_id"], "p": month_of(day)}).drop_duplicates()
    active = active.sort_values(["id", "p"])
    prev = active.groupby("id")["p"].shift()
    ends = active["p"].value_counts()
    kept = active.loc[prev == active["p"] - 1, "p"].value_counts()
    first = active.loc[prev.isna(), "p"].value_counts()
    periods = np.arange(int(active["p"].min()) + 1, last + 1)
    start = ends.reindex(periods - 1, fill_value=0).to_numpy()
    end = ends.reindex(periods, fill_value=0).to_numpy()
    kept = kept.reindex(periods, fill_value=0).to_numpy()
    first = first.reindex(periods, fill_value=0).to_numpy()
    return periods, start, end, kept, first, None


def expand(ids, lo, hi):
    """The (customer, month) pairs of every row's months lo..hi, distinct."""
    n = np.maximum(hi - lo + 1, 0)
    rows = np.repeat(np.arange(len(lo)), n)
    offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    return pd.DataFrame({"id": ids[rows], "q": lo[rows] + offsets}).drop_duplicates()


def spans_rows(path):
    df = pd.read_csv(path, usecols=["customer_id", "start_date", "end_date"],
                     dtype=str, keep_default_na=False)
    start = pd.to_datetime(df["start_date"].str.slice(0, 10), format="%Y-%m-%d")
    has_end = df["end_date"] != ""
    end = pd.to_datetime(df["end_date"].where(has_end, "1970-01-01").str.slice(0, 10),
                         format="%Y-%m-%d")
    cutoff = start.max()  # retain's default: the latest start, not an end
    last = last_finished(cutoff)
    one = pd.Timedelta(days=1)
    ids = pd.factorize(df["customer_id"])[0]
    last_month = month_of_dates(end - one).where(has_end)
    at = expand(ids, month_of_dates(start - one).to_numpy() + 1,
                last_month.fillna(last + 1).astype(np.int64).to_numpy())
    touched = expand(ids, month_of_dates(start).to_numpy(),
                     last_month.fillna(last).astype(np.int64).to_numpy())
    first = pd.Series(month_of_dates(start).to_numpy()).groupby(ids).min()
    at = at.sort_values(["id", "q"])
    prev = at.groupby("id")["q"].shift()
    at_count = at["q"].value_counts()
    kept = at.loc[prev == at["q"] - 1, "q"].value_counts()
    joined = (prev != at["q"] - 1) & (first.reindex(at["id"]).to_numpy() >= at["q"] - 1)
    first_time = at.loc[joined, "q"].value_counts()
    # A touched pair whose month starts and next month's start are both
    # missing from the active-on-the-first-day pairs: joined and left.
    at_keys = at["id"].to_numpy() * KEY_MONTHS + at["q"].to_numpy()
    touched_keys = touched["id"].to_numpy() * KEY_MONTHS + touched["q"].to_numpy()
    left = ~np.isin(touched_keys, at_keys) & ~np.isin(touched_keys + 1, at_keys)
    left_within = touched.loc[left, "q"].value_counts()
    periods = np.arange(int(first.min()), last + 1)
    return (periods, at_count.reindex(periods, fill_value=0).to_numpy(),
            at_count.reindex(periods + 1, fill_value=0).to_numpy(),
            kept.reindex(periods + 1, fill_value=0).to_numpy(),
            first_time.reindex(periods + 1, fill_value=0).to_numpy(),
            left_within.reindex(periods, fill_value=0).to_numpy())


def main():
    kind, path = sys.argv[1], sys.argv[2]
    periods, start, end, kept, first, left = (spans_rows if kind == "spans" else log_rows)(path)
    header = "period,start,end,new,retained,lost,first_time,returning"
    out = [header + (",joined_and_left" if left is not None else "")]
    for i, p in enumerate(periods):
        new = end[i] - kept[i]
        row = "%s,%d,%d,%d,%d,%d,%d,%d" % (label(int(p)), start[i], end[i], new, kept[i],
                                          start[i] - kept[i], first[i], new - first[i])
        out.append(row + (",%d" % left[i] if left is not None else ""))
    sys.stdout.write("\n".join(out) + "\n")


main()
