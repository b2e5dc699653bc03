"""The pandas peer of `retain cohorts` ("on" mode, counts).

Usage: /usr/bin/python3 peer_cohorts_pandas.py INPUT.csv [month|day]

Prints cohort,offset,active sorted, one row for every cell of the triangle
up to the last period of the data, 0 for a cell nobody came back in: the
same long form as peer_cohorts_duckdb.mjs.  Written the way a fair pandas
user would: periods as integers (year * 12 + month, or days since 1970)
from the first 10 characters of the date, groupby transform min for the
cohort, drop_duplicates for distinct customers per cell, unstack.
"""
import sys

import numpy as np
import pandas as pd


def period_index(dates, period):
    day = dates.str.slice(0, 10)
    if period == "day":
        parsed = pd.to_datetime(day, format="%Y-%m-%d")
        return parsed.values.astype("datetime64[D]").astype(np.int64)
    return day.str.slice(0, 4).astype(np.int64) * 12 + day.str.slice(5, 7).astype(np.int64) - 1


def label(c, period):
    if period == "day":
        return str(np.datetime64(int(c), "D"))
    return "%04d-%02d" % (c // 12, c % 12 + 1)


def main():
    path = sys.argv[1]
    period = sys.argv[2] if len(sys.argv) > 2 else "month"
    df = pd.read_csv(path, usecols=["customer_id", "date"], dtype=str)
    df["p"] = period_index(df["date"], period)
    df["c"] = df.groupby("customer_id")["p"].transform("min")
    cells = df[["customer_id", "c", "p"]].drop_duplicates()
    cells = cells.assign(k=cells["p"] - cells["c"])
    table = cells.groupby(["c", "k"]).size().unstack(fill_value=0)
    last = int(df["p"].max())
    table = table.reindex(columns=range(0, last - int(table.index.min()) + 1), fill_value=0)
    out = ["cohort,offset,active"]
    for c, row in zip(table.index, table.to_numpy()):
        name = label(c, period)
        for k in range(0, last - int(c) + 1):
            out.append("%s,%d,%d" % (name, k, row[k]))
    sys.stdout.write("\n".join(out) + "\n")


main()
