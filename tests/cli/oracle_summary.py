#!/usr/bin/env python3
"""retain batch --summary against an exact rational oracle.

Usage: python3 oracle_summary.py PATH/TO/retain

Generates random batch inputs from fixed seeds (so every run is the same),
runs the built retain on each (csv and json, -p 0 to 12, with and without
--group-by, on one thread and on three), and compares every summary field
and every row's figures with values computed here with fractions.Fraction
and rounded once, half away from zero.

The inputs mix ordinary rows, tiny ones, counts near 2^63 - 1, rows whose
counts contradict each other (retained below 0 or above start), invalid
rows, and groups built so that their exact mean is halfway between two
printed values, or within 10^-20 of halfway, which fixed point alone
cannot decide.  The documented exception is checked exactly too: a mean is
left empty, with a warning, only when it lies within the fixed point's
margin of a rounding boundary AND its rows have more than 1,024 distinct
start counts among the rows the fixed point cut, or their reduced common
denominator has more than 8,192 bits.

Environment: RETAIN_ORACLE_CASES (default 30) and RETAIN_ORACLE_SEED
(default 1) choose how many inputs and from which seed; RETAIN_WRAPPER (as
for the other CLI tests) runs retain under a command such as valgrind.
Exits 1 on the first disagreement, naming the case, scope and field.
"""
import csv
import io
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
from fractions import Fraction
from math import gcd

COUNT_MAX = 2**63 - 1
FIXED = 27  # decimals of a fraction that retain's fixed point keeps
TABLE_MAX = 1024  # distinct start counts kept for the exact decision
LCM_BITS = 8192

SUMMARY_FIELDS = [
    "rows", "start", "end", "new", "retained", "lost", "retention_rate",
    "churn_rate", "simple_retention_rate", "simple_churn_rate",
    "mean_retention_rate", "min_retention_rate", "max_retention_rate",
]
ROW_FIGURES = [
    "retained", "lost", "retention_rate", "churn_rate",
    "simple_retention_rate", "simple_churn_rate",
]


def ratio_text(num, den, p):
    """num / den (den > 0) rounded half away from zero to p digits."""
    n = (2 * abs(num) * 10**p + den) // (2 * den)  # floor(|x| 10^p + 1/2)
    sign = "-" if num < 0 and n != 0 else ""
    digits = str(n).rjust(p + 1, "0")
    return sign + (digits[:-p] + "." + digits[-p:] if p else digits)


def rate_text(x, p):
    """x, a Fraction, rounded half away from zero to p digits."""
    return ratio_text(x.numerator, x.denominator, p)


def percent_text(num, den, p):
    """The percentage num / den * 100, rounded."""
    return ratio_text(num * 100, den, p)


def exact_sum(rows):
    """The sum of the rates (end - new) / start, as a Fraction.  Adding the
    numerators of equal reduced denominators first keeps it fast on the
    structured groups, whose denominators repeat."""
    by_den = {}
    for s, e, n in rows:
        f = Fraction(e - n, s)
        by_den[f.denominator] = by_den.get(f.denominator, 0) + f.numerator
    return sum((Fraction(num, den) for den, num in by_den.items()),
               Fraction(0))


def mean_text(rows, p):
    """
    The mean rate, in percent, rounded.  First from floors at 80 decimals,
    which bound the exact sum S: S * 10^80 lies in [low, low + cut].  When
    both ends round alike that is the answer; otherwise (a mean at or
    extremely near a rounding boundary) from the exact sum.
    """
    scale, n = 10**80, len(rows)
    low = cut = 0
    for s, e, nw in rows:
        q, r = divmod((e - nw) * scale, s)
        low += q
        cut += r != 0
    ends = {ratio_text(x * 100, scale * n, p) for x in (low, low + cut)}
    if len(ends) == 1:
        return ends.pop()
    return rate_text(exact_sum(rows) * 100 / n, p)


# ---------------------------------------------------------------- inputs


def plain_row(rng):
    start = rng.randint(100, 10**6)
    new = rng.randint(0, start // 4)
    kept = start - rng.randint(0, start // 3)
    return start, kept + new, new


def tiny_row(rng):
    return rng.randint(1, 12), rng.randint(0, 15), rng.randint(0, 6)


def huge_row(rng):
    start = rng.choice([rng.randint(COUNT_MAX - 10**6, COUNT_MAX),
                        rng.randint(2**34, COUNT_MAX)])
    return start, rng.randint(0, COUNT_MAX), rng.randint(0, COUNT_MAX)


def extreme_row(rng):
    return rng.choice([
        (1, COUNT_MAX, 0), (1, 0, COUNT_MAX), (COUNT_MAX, COUNT_MAX, 0),
        (COUNT_MAX, COUNT_MAX - 1, 0), (COUNT_MAX, 0, COUNT_MAX),
        (COUNT_MAX - 1, COUNT_MAX, 1), (3, COUNT_MAX, COUNT_MAX - 1),
    ])


def nice_row(rng):
    start = 2**rng.randint(0, 30) * 5**rng.randint(0, 25)
    while start > COUNT_MAX:
        start //= 10
    end = rng.randint(0, min(2 * start, COUNT_MAX))
    return start, end, rng.randint(0, min(end + 3, COUNT_MAX))


def inconsistent_row(rng):
    start = rng.randint(1, 10**9)
    if rng.random() < 0.5:
        end = rng.randint(0, start)
        return start, end, end + rng.randint(1, start)  # retained < 0
    new = rng.randint(0, 100)
    return start, start + new + rng.randint(1, start), new  # above start


KINDS = [(plain_row, 50), (tiny_row, 10), (huge_row, 10), (extreme_row, 3),
         (nice_row, 10), (inconsistent_row, 10)]


def random_row(rng):
    kinds, weights = zip(*KINDS)
    return rng.choices(kinds, weights)[0](rng)


def with_retained(start, retained, rng):
    """Counts (start, end, new) whose end - new is `retained`."""
    extra = rng.randint(0, 5)
    if retained >= 0:
        return start, retained + extra, extra
    return start, extra, extra - retained


def halfway_fix(rows, p, rng, nice_den):
    """
    A last row that makes the mean of rows exactly halfway between two
    values at p digits; its start is a multiple of nice_den (which every
    start of rows divides) and of 2 * 10^(p+2).
    """
    total = sum(Fraction(e - n, s) for s, e, n in rows)
    m = len(rows) + 1
    unit = Fraction(1, 2 * 10**(p + 2))  # half a printed unit, as a fraction
    # The halfway point nearest the mean so far: an odd number of halves.
    halves = round((total / len(rows)) / unit) if rows else 1
    if halves % 2 == 0:
        halves += 1
    target = unit * halves * m  # the sum the rows must reach
    start = nice_den * 2 * 10**(p + 2)
    assert start <= COUNT_MAX
    needed = (target - total) * start
    assert needed.denominator == 1
    return with_retained(start, needed.numerator, rng)


def halfway_small(rng, p):
    """Rows with starts of few distinct small values (cut rows among them)
    whose exact mean is halfway: decided exactly."""
    starts = [3, 6, 7, 12, 4, 100, 250]
    rows = []
    for _ in range(rng.randint(1, 40)):
        s = rng.choice(starts)
        rows.append(with_retained(s, rng.randint(-s, 2 * s), rng))
    return rows + [halfway_fix(rows, p, rng, 2100)]


def odd_starts(rng, count, low, high):
    seen = set()
    while len(seen) < count:
        s = rng.randint(low, high)
        if s % 2 and s % 5:
            seen.add(s)
    return sorted(seen)


def halfway_many(rng, p, distinct):
    """Pairs of rows a/s and (s - a)/s for `distinct` start counts s, each
    pair adding up to exactly 1, and one row that makes the mean halfway."""
    rows = []
    for s in odd_starts(rng, distinct, 3, 10**7):
        a = rng.randint(1, s - 1)
        rows.append(with_retained(s, a, rng))
        rows.append(with_retained(s, s - a, rng))
    rng.shuffle(rows)
    return rows + [halfway_fix(rows, p, rng, 1)]


def halfway_wide(rng, p):
    """Rows 1/s and -2/(2s) for 150 odd s near 2^61: they cancel, but their
    common denominator has about 9,000 bits; plus a row making it halfway."""
    rows = []
    for s in odd_starts(rng, 150, 2**61, 2**61 + 10**6):
        rows.append(with_retained(s, 1, rng))
        rows.append(with_retained(2 * s, -2, rng))
    rng.shuffle(rows)
    return rows + [halfway_fix(rows, p, rng, 1)]


def near_halfway(rng, p):
    """Two rows whose mean is within 1/(s1 s2) of halfway, s1 s2 > 10^30:
    above or below it at random."""
    a = rng.choice([3, 7, 11, 13, 17, 19, 21, 23, 27, 29])
    s1 = 10**(p + 2) * a
    s2 = odd_starts(rng, 1, 2**60, 2**61)[0]
    while gcd(s1, s2) != 1:
        s2 += 2
    halves = 2 * rng.randint(10**(p + 1), 10**(p + 2)) + 1  # sum ~ 1
    side = rng.choice([1, -1])
    # r1 s2 + r2 s1 = s1 s2 * halves / 10^(p+2) + side, so the sum of the
    # rates is halves / 10^(p+2) + side / (s1 s2), the mean half of it.
    r1 = (a * s2 * halves + side) * pow(s2, -1, s1) % s1
    r2 = (a * s2 * halves + side - r1 * s2) // s1
    assert r1 * s2 + r2 * s1 == a * s2 * halves + side
    return [with_retained(s1, r1, rng), with_retained(s2, r2, rng)]


def make_case(rng, index):
    p = index % 13 if index < 26 else rng.randint(0, 12)
    fmt = "json" if index % 2 else "csv"
    grouped = index % 4 != 3
    has_new = index % 17 != 5
    groups = []  # (name, rows)
    plain = [random_row(rng) for _ in range(rng.choice([50, 500, 3000]))]
    if index % 9 == 4:
        plain += [random_row(rng) for _ in range(30000)]  # many blocks
    groups.append(("plain", plain))
    groups.append(("tiny", [tiny_row(rng) for _ in range(rng.randint(1, 30))]))
    groups.append(("huge", [huge_row(rng) for _ in range(rng.randint(1, 30))]))
    groups.append(("half small", halfway_small(rng, p)))
    groups.append(("near half", near_halfway(rng, p)))
    if index % 5 == 0:
        groups.append(("half 1024", halfway_many(rng, p, TABLE_MAX)))
    if index % 5 == 1:
        groups.append(("half 1025", halfway_many(rng, p, TABLE_MAX + 1)))
    if index % 5 == 2:
        groups.append(("half wide", halfway_wide(rng, p)))
    lines = [(name, row) for name, rows in groups for row in rows]
    # Interleave the groups, keeping each group's own order.
    rng.shuffle(lines)
    invalid = []
    if index % 3 == 0:
        invalid = [rng.randrange(len(lines) + 1) for _ in range(3)]
    return {"p": p, "format": fmt, "grouped": grouped, "has_new": has_new,
            "lines": lines, "invalid": sorted(invalid)}


def write_input(case, path):
    out = io.StringIO()
    out.write("seg,start,end,new\n" if case["has_new"] else "seg,start,end\n")
    rows = []  # (group, start, end, new) of valid rows, in order
    pending = list(case["invalid"])
    for i, (name, (s, e, n)) in enumerate(case["lines"]):
        while pending and pending[0] == i:
            pending.pop(0)
            out.write("bad,0,5,1\n" if case["has_new"] else "bad,0,5\n")
        if case["has_new"]:
            out.write("%s,%d,%d,%d\n" % (name, s, e, n))
        else:
            out.write("%s,%d,%d\n" % (name, s, e))
        rows.append((name, s, e, n))
    for _ in pending:
        out.write("bad,0,5,1\n" if case["has_new"] else "bad,0,5\n")
    with open(path, "w", newline="") as f:
        f.write(out.getvalue())
    return rows


# ---------------------------------------------------------------- oracle


def undecidable(rows, p):
    """Whether retain may leave the mean empty: see the docstring above."""
    n = len(rows)
    a = cut_up = cut_down = 0
    left = {}  # start -> signed sum of what the cuts left
    for s, e, nw in rows:
        r = e - nw
        q, rest = divmod(abs(r) * 10**FIXED, s)
        a += q if r >= 0 else -q
        if rest:
            if r >= 0:
                cut_up += 1
            else:
                cut_down += 1
            left[s] = left.get(s, 0) + (rest if r >= 0 else -rest)
    unit = Fraction(n * 10**(FIXED - 2), 10**p)  # one printed unit
    ends = {rate_text(x / unit, 0) for x in (a - cut_down, a + cut_up)}
    if len(ends) == 1:
        return False
    if len(left) > TABLE_MAX:
        return True
    lcm = 1
    for s, num in left.items():
        den = s // gcd(num % s, s)
        lcm = lcm * den // gcd(lcm, den)
    return lcm.bit_length() > LCM_BITS


def summary_of(rows, p, has_new):
    """The expected summary fields of rows: text, or None when unknown."""
    v = dict.fromkeys(SUMMARY_FIELDS)
    n = len(rows)
    v["rows"] = str(n)
    if n == 0:
        return v, False
    s = sum(r[0] for r in rows)
    e = sum(r[1] for r in rows)
    v["start"], v["end"] = str(s), str(e)
    v["simple_retention_rate"] = percent_text(e, s, p)
    v["simple_churn_rate"] = percent_text(s - e, s, p)
    if not has_new:
        return v, False
    nw = sum(r[2] for r in rows)
    v["new"], v["retained"], v["lost"] = str(nw), str(e - nw), str(s + nw - e)
    v["retention_rate"] = percent_text(e - nw, s, p)
    v["churn_rate"] = percent_text(s + nw - e, s, p)
    rates = [Fraction(r[1] - r[2], r[0]) for r in rows]
    v["min_retention_rate"] = rate_text(min(rates) * 100, p)
    v["max_retention_rate"] = rate_text(max(rates) * 100, p)
    empty = undecidable(rows, p)
    v["mean_retention_rate"] = None if empty else mean_text(rows, p)
    return v, empty


def row_figures(s, e, n, p, has_new):
    f = dict.fromkeys(ROW_FIGURES)
    f["simple_retention_rate"] = percent_text(e, s, p)
    f["simple_churn_rate"] = percent_text(s - e, s, p)
    if has_new:
        f["retained"], f["lost"] = str(e - n), str(s - (e - n))
        f["retention_rate"] = percent_text(e - n, s, p)
        f["churn_rate"] = percent_text(s - (e - n), s, p)
    return f


WARNING = ("retain: warning: summary of %s: mean_retention_rate left empty: "
           "it is within 10^-25 of halfway between two values at -p %d, and "
           "its rows have too many distinct start counts to decide exactly")


def expected(case, rows):
    """Expected summary lines [(scope, group, fields)] and warnings."""
    p, has_new = case["p"], case["has_new"]
    scopes = []
    if case["grouped"]:
        order = list(dict.fromkeys(r[0] for r in rows))
        for g in order:
            scopes.append(("group", g, [r[1:] for r in rows if r[0] == g]))
    scopes.append(("all", None, [r[1:] for r in rows]))
    lines, warnings = [], []
    for scope, group, rs in scopes:
        fields, empty = summary_of(rs, p, has_new)
        lines.append((scope, group, fields))
        if empty:
            where = "group '%s'" % group if group is not None else "all rows"
            warnings.append(WARNING % (where, p))
    return lines, warnings


# ---------------------------------------------------------------- running


def parse_table(text, fmt):
    """Records of csv or JSON Lines output, each a dict of text or None."""
    if fmt == "json":
        records = []
        for line in text.splitlines():
            obj = json.loads(line, parse_float=str, parse_int=str)
            records.append({k: (None if v is None else str(v))
                            for k, v in obj.items()})
        return records
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [{k: (v if v != "" else None) for k, v in rec.items()}
            for rec in reader]


class Mismatch(Exception):
    pass


def check_equal(what, got, want):
    if got != want:
        raise Mismatch("%s: retain %r, oracle %r" % (what, got, want))


def run_retain(retain, args, cwd):
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    proc = subprocess.run(wrapper + [retain] + args, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def check_rows(case, rows, out):
    records = parse_table(out, case["format"])
    valid = [r for r in records if r.get("seg") != "bad"]
    check_equal("output rows", len(valid), len(rows))
    for i, (rec, (_, s, e, n)) in enumerate(zip(valid, rows)):
        want = row_figures(s, e, n, case["p"], case["has_new"])
        for name in ROW_FIGURES:
            check_equal("row %d (%d,%d,%d) %s" % (i + 1, s, e, n, name),
                        rec.get(name), want[name])


def check_summary(case, lines, text):
    records = parse_table(text, case["format"])
    check_equal("summary lines", len(records), len(lines))
    for rec, (scope, group, fields) in zip(records, lines):
        check_equal("scope", rec["scope"], scope)
        if case["grouped"]:
            check_equal("group", rec["seg"], group)
        for name in SUMMARY_FIELDS:
            check_equal("%s %s: %s" % (scope, group or "", name),
                        rec[name], fields[name])


def run_case(retain, case, work, stats):
    path = os.path.join(work, "in.csv")
    rows = write_input(case, path)
    lines, warnings = expected(case, rows)
    outputs = []
    for jobs in ("-j1", "-j3"):
        summary = os.path.join(work, "summary")
        args = ["batch", jobs, "-p", str(case["p"]), "-f", case["format"],
                "--summary-file", summary]
        if case["grouped"]:
            args += ["--group-by", "seg"]
        status, out, err = run_retain(retain, args + [path], work)
        with open(summary) as f:
            text = f.read()
        outputs.append((status, out, err, text))
    check_equal("-j1 and -j3 agree", outputs[1], outputs[0])
    status, out, err, text = outputs[0]
    check_equal("exit status", status, 1 if case["invalid"] else 0)
    got = [l for l in err.splitlines() if "mean_retention_rate" in l]
    check_equal("mean warnings", got, warnings)
    check_rows(case, rows, out)
    check_summary(case, lines, text)
    stats["rows"] += len(rows)
    stats["lines"] += len(lines)
    stats["empty"] += len(warnings)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: oracle_summary.py PATH/TO/retain")
    retain = os.path.abspath(sys.argv[1])
    cases = int(os.environ.get("RETAIN_ORACLE_CASES", "30"))
    seed = int(os.environ.get("RETAIN_ORACLE_SEED", "1"))
    stats = {"rows": 0, "lines": 0, "empty": 0}
    with tempfile.TemporaryDirectory(prefix="retain-oracle-") as work:
        for index in range(cases):
            rng = random.Random(seed * 1000003 + index)
            case = make_case(rng, index)
            try:
                run_case(retain, case, work, stats)
            except Mismatch as e:
                print("case %d (seed %d, -p %d, %s): %s"
                      % (index, seed, case["p"], case["format"], e))
                return 1
    print("%d cases, %d rows, %d summary lines (%d means left empty, as "
          "documented): all agree" % (cases, stats["rows"], stats["lines"],
                                      stats["empty"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
