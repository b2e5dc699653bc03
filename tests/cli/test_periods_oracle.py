#!/usr/bin/env python3
"""retain periods against its independent brute-force oracle (oracle_periods.py).

Usage: test_periods_oracle.py [PATH/TO/retain] [--seed N] [--cases N] [--case N]
                              [--kind log|spans|both] [--skip-known]
                              [--oracle-only] [--no-shrink] [--keep DIR] [--all]

Generates random small activity logs and subscription tables (--spans)
and random option sets from a seed (the same cases on every run), runs
`retain periods` on each and the oracle (in this process), and compares
the exit status and, for csv and tsv output, stdout byte for byte.  Every
csv or tsv output of retain with a header is also checked to reconcile on
its own (S - lost + N = E, each period's E the next one's S).  On the
first disagreement it prints the seed, the case, the command, the inputs
and a diff, shrinks the case (rows, then options) and prints that too.

The tables: one to four subscriptions per customer, touching,
overlapping, open (an empty end), of no length, ending before they start;
dates on period edges, leap days and year ends, with times and offsets
now and then.  The logs: as test_cohorts_oracle.py makes them.  IDs with
quotes, commas, line breaks and bytes that are not UTF-8; csv, tsv and
';' files, CRLF, a byte-order mark, blank lines; one to three inputs.

--skip-known looks past the disagreements found and reported while
retain periods was written, until they are fixed (then the CTest drops
it): an S = 0 row printing retained and lost empty (--s0-empty-counts),
the first header column named start or start_date taken rather than
start_date (--no-decoy), an empty date or start on the first row read
as a date (--no-empty-start).

Without PATH (or with --oracle-only) only the oracle runs.  When the
retain given has no `periods` command yet, the test is skipped (exit 77).
Environment: RETAIN_ORACLE_CASES (default 250, or 3 when RETAIN_WRAPPER
is set, as under valgrind) and RETAIN_ORACLE_SEED (default 17).
"""
import argparse
import difflib
import importlib.util
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


oracle = load("oracle_periods")
tc = load("test_cohorts_oracle")  # the log, file and option writers
date = oracle.co.datetime.date

SKIP = 77
KIND = "both"  # --kind: which inputs the cases are
DECOY = True  # a start column beside start_date, now and then
EMPTY_START = True  # a row with an empty date or start, now and then
PERIODS = ["day", "week", "month", "quarter", "year"]
SPAN = tc.SPAN
SEGMENTS = tc.SEGMENTS
ONLY = ["start", "end", "new", "retained", "lost", "retention_rate", "churn_rate",
        "simple_retention_rate", "simple_churn_rate", "first_time", "returning"]


# ---- subscription tables -------------------------------------------------

class SpanPlan:
    """What a case's table holds: column roles and their header names."""

    def __init__(self, rng):
        self.spans = True
        self.unix = rng.random() < 0.1
        self.period = rng.choice(PERIODS)
        self.id_name = rng.choice(["customer_id", "customer", "id", "ID", "who"])
        self.start_name = rng.choice(["start_date", "start", "Start_Date", "START",
                                      "began"])
        self.end_name = rng.choice(["end_date", "end", "END_DATE", "End", "stop"])
        self.group_name = rng.choice(["plan", "Plan", "seg ment"]) \
            if rng.random() < 0.3 else None
        self.extra = ["note", "amount"][:rng.randint(0, 2)]
        if rng.random() < 0.1 and DECOY:  # a decoy: start_date wins over start
            self.extra.append("start" if self.start_name.lower() == "start_date" else "x")
        if rng.random() < 0.1 and DECOY:  # and end_date over end
            self.extra.append("end" if self.end_name.lower() == "end_date" else "y")
        self.base = date(2023, 1, 1).toordinal() + rng.randrange(700)
        self.times = rng.random() < 0.2

    def columns(self):
        names = [self.id_name, self.start_name, self.end_name] + self.extra
        return names + ([self.group_name] if self.group_name else [])


def edge_days(plan):
    """Days near period edges, leap days and year ends around the base."""
    periods = oracle.co.Periods(plan.period, 0)
    p = periods.index(plan.base)
    days = []
    for q in range(p - 1, p + 6):
        first = periods.first_day(q)
        days += [first - 1, first, first + 1]
    for y in range(date.fromordinal(plan.base).year, date.fromordinal(plan.base).year + 4):
        days += [date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal(),
                 date(y, 3, 1).toordinal() - 1]
    return days


def a_day(rng, plan, edges):
    if rng.random() < 0.4:
        return rng.choice(edges)
    return plan.base + int(rng.random() ** 1.5 * SPAN[plan.period])


def day_text(rng, plan, ordinal):
    if plan.unix:
        return tc.unix_text(rng, ordinal)
    if plan.times and rng.random() < 0.5:
        return tc.iso_text(rng, ordinal)
    return date.fromordinal(ordinal).isoformat()


def customer_spans(rng, plan, edges):
    """A customer's rows as (start, end or None) ordinals."""
    out = []
    start = a_day(rng, plan, edges)
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        kind = rng.random()
        if kind < 0.2:
            end = None
        elif kind < 0.22:
            end = start  # of no length
        elif kind < 0.23:
            end = start - rng.randint(1, 40)
        elif kind < 0.5:
            end = rng.choice(edges + [start + 1])
            end = end if end > start else start + rng.randint(1, 5)
        else:
            end = start + rng.randint(1, SPAN[plan.period] // 2 + 1)
        out.append((start, end))
        follow = rng.random()
        if follow < 0.25 and end is not None:
            start = end  # touching
        elif follow < 0.45:
            start = start + rng.randint(0, 10)  # overlapping, maybe
        else:
            start = a_day(rng, plan, edges)
    return out


def make_span_rows(rng, plan):
    names = plan.columns()
    customers = rng.randint(1, rng.choice([3, 12, 40]))
    pool = tc.ODD_IDS + ["c%d" % i for i in range(customers)]
    ids = [rng.choice(pool) if rng.random() < 0.25 else "c%d" % i for i in range(customers)]
    edges = edge_days(plan)
    rows = []
    for cid in ids:
        for start, end in customer_spans(rng, plan, edges):
            row = {n: rng.choice(["", "1", "x,y", '"']) for n in plan.extra}
            row.update({plan.id_name: cid, plan.start_name: day_text(rng, plan, start),
                        plan.end_name: "" if end is None else day_text(rng, plan, end)})
            if plan.group_name:
                row[plan.group_name] = rng.choice(SEGMENTS)
            rows.append(row)
    for _ in range(int(len(rows) * rng.choice([0, 0, 0, 0.05, 0.2]))):
        rows.append(bad_span(rng, plan, names))
    rng.shuffle(rows)
    return [r if isinstance(r, list) else [r[n] for n in names] for r in rows]


def bad_span(rng, plan, names):
    row = {n: "" for n in names}
    row[plan.id_name] = "bad%d" % rng.randrange(5)
    row[plan.start_name] = day_text(rng, plan, plan.base)
    bad = tc.BAD_UNIX if plan.unix else tc.BAD_ISO
    kind = rng.randrange(4)
    if kind == 0:
        row[plan.id_name] = ""
    elif kind == 1:
        row[plan.start_name] = rng.choice(bad)
    elif kind == 2:
        row[plan.end_name] = rng.choice([b for b in bad if b])
    else:
        fields = [row[n] for n in names]
        return fields + ["extra"] if rng.random() < 0.5 else fields[:-1]
    return row


# ---- logs ----------------------------------------------------------------

def log_plan(rng):
    plan = tc.Plan(rng)
    plan.spans, plan.signup_name = False, None
    return plan


# ---- options -------------------------------------------------------------

def option_date(rng, plan, low, high):
    return date.fromordinal(plan.base + rng.randint(low, high)).isoformat()


def column_options(rng, plan, opts):
    roles = [("--id-col", plan.id_name, ("customer_id", "customer", "id"))]
    if plan.spans:
        roles += [("--start-col", plan.start_name, ("start_date", "start")),
                  ("--end-col", plan.end_name, ("end_date", "end"))]
    else:
        roles.append(("--date-col", plan.date_name, ("date", "timestamp", "time")))
    for role, name, defaults in roles:
        if name.lower() not in defaults or rng.random() < 0.15:
            opts.append(tc.spell(rng, role, name if rng.random() < 0.7 else name.swapcase()))


def log_options(rng, plan, opts):
    span = SPAN[plan.period]
    if plan.unix:
        opts.append(tc.spell(rng, "--date-format", "unix"))
    elif rng.random() < 0.3:
        opts.append(["--utc"])
    if plan.event_name and rng.random() < 0.8:
        opts.append(tc.spell(rng, "--event-col", plan.event_name))
        for v in rng.sample(["buy", "visit", "Buy", "signup"], rng.randint(1, 2)):
            opts.append(tc.spell(rng, "--return-event", v))
    if rng.random() < 0.15:
        opts.append(tc.spell(rng, "--from", option_date(rng, plan, -span // 4, span)))


def make_options(rng, plan):
    """A list of option groups (each a list of argv words), and -d's value."""
    opts, span = [], SPAN[plan.period]
    if plan.spans:
        opts.append(["--spans"])
    if plan.period != "month" or rng.random() < 0.2:
        opts.append(tc.spell(rng, "--period", plan.period))
    if rng.random() < (0.5 if plan.period == "week" else 0.01):
        day = rng.choice(tc.WEEKDAY_NAMES)
        opts.append(tc.spell(rng, "--week-start", rng.choice([day, day[:3], day.upper()])))
    column_options(rng, plan, opts)
    if plan.spans:
        if plan.unix:
            opts.append(tc.spell(rng, "--date-format", "unix"))
        elif plan.times and rng.random() < 0.3:
            opts.append(["--utc"])
    else:
        log_options(rng, plan, opts)
    if rng.random() < 0.3:
        opts.append(tc.spell(rng, "--as-of", option_date(rng, plan, span // 4, 2 * span)))
    if plan.group_name and rng.random() < 0.7:
        opts.append(tc.spell(rng, "--group-by", plan.group_name))
    output_options(rng, plan, opts)
    forced = None
    if rng.random() < 0.1:
        forced = rng.choice([",", ";", "tab"])
        opts.append(tc.spell(rng, "--delimiter", forced, "-d"))
    if rng.random() < 0.05:
        opts.append(usage_error(rng, plan))
    rng.shuffle(opts)
    return opts, forced


def output_options(rng, plan, opts):
    fmt = rng.choice([None] * 8 + ["csv", "tsv", "csv", "tsv", "json", "text"])
    if fmt:
        opts.append(tc.spell(rng, "--format", fmt, "-f"))
    if rng.random() < 0.4:
        opts.append(tc.spell(rng, "--precision", str(rng.randint(0, 12)), "-p"))
    if rng.random() < 0.1 and fmt not in ("json", "text"):
        opts.append(["--no-header"])
    if rng.random() < 0.1:
        field = rng.choice(ONLY + (["joined_and_left"] if plan.spans else []))
        opts.append(tc.spell(rng, "--only", field))
    if rng.random() < 0.1:
        opts.append(tc.spell(rng, "--jobs", str(rng.randint(1, 4)), "-j"))
    if rng.random() < 0.2:
        opts.append(["--strict"])


def usage_error(rng, plan):
    common = [["--period", "fortnight"], ["-p", "13"], ["--counts"], ["--long"],
              ["--mode", "on"], ["--max-periods", "2"], ["--no-average"],
              ["--average", "mean"], ["--start-event", "buy"], ["--cohort-col", "x"],
              ["--as-of", "2023-02-29"], ["--week-start", "funday"], ["--no-such-option"]]
    if plan.spans:
        common += [["--from", "2023-01-01"]]
    return rng.choice(common)


# ---- one case ------------------------------------------------------------

class Case(tc.Case):
    def __init__(self, seed, number):
        rng = random.Random("periods %d/%d" % (seed, number))
        self.seed, self.number = seed, number
        spans = rng.random() < 0.55 if KIND == "both" else KIND == "spans"
        self.plan = SpanPlan(rng) if spans else log_plan(rng)
        self.options, forced = make_options(rng, self.plan)
        forced_char = {"tab": "\t", ",": ",", ";": ";"}.get(forced)
        rows = make_span_rows(rng, self.plan) if self.plan.spans else tc.make_rows(rng, self.plan)
        self.files = tc.make_files(rng, self.plan, rows, forced_char)
        self.records = [list(f.records) for f in self.files]
        self.dash_dash = rng.random() < 0.1
        self.file_slots = [rng.randint(0, len(self.options)) for _ in self.files]
        self.unnamed_stdin = [f.name for f in self.files] == ["-"] and rng.random() < 0.5

    def expected(self, work, stdin):
        """The oracle's (stdout bytes, or JsonRows, or None; status)."""
        saved_out, saved_err, cwd = sys.stdout, sys.stderr, os.getcwd()
        sys.stderr, sys.stdout = oracle.io.StringIO(), oracle.io.StringIO()
        os.chdir(work)
        try:
            text, status = oracle.run(self.argv(), None if stdin is None
                                      else stdin.decode("utf-8", "surrogateescape"))
        except SystemExit as e:
            text, status = "", e.code
        finally:
            sys.stdout, sys.stderr = saved_out, saved_err
            os.chdir(cwd)
        if text is None or isinstance(text, oracle.JsonRows):
            return text, status
        return text.encode("utf-8", "surrogateescape"), status

    def describe(self, work):
        return tc.Case.describe(self, work).replace("retain cohorts", "retain periods")

    def output_delimiter(self):
        words = self.argv()
        pairs = list(zip(words, words[1:]))
        if "-ftsv" in words or "--format=tsv" in words or \
                any(a in ("-f", "--format") and b == "tsv" for a, b in pairs):
            return "\t"
        return None


def run_retain(retain, work, case, stdin):
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    env = dict(os.environ, LC_ALL="C")
    proc = subprocess.run(wrapper + [retain, "periods"] + case.argv(), cwd=work,
                          input=stdin if stdin is not None else b"",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                          timeout=120)
    return proc.stdout, proc.returncode, proc.stderr


def disagreement(retain, work, case):
    """None, or a text saying how retain and the oracle disagree."""
    stdin = case.write(work)
    want, want_status = case.expected(work, stdin)
    if retain is None:
        return None
    got, status, err = run_retain(retain, work, case, stdin)
    problems = []
    if status != want_status:
        problems.append("exit status %d, the oracle's %d" % (status, want_status))
    text = got.decode("utf-8", "surrogateescape")
    if isinstance(want, oracle.JsonRows):
        problems += json_problems(text, want)
    elif want is None:
        pass  # -f text: the exit status only
    else:
        if got != want:
            diff = difflib.unified_diff(
                want.decode("utf-8", "backslashreplace").splitlines(True),
                got.decode("utf-8", "backslashreplace").splitlines(True),
                "oracle", "retain", n=1)
            problems.append("stdout differs:\n" + "".join(list(diff)[:60]))
        if status <= 1 and want_status <= 1:
            delimiter = case.output_delimiter() or want_delimiter(want)
            problems += oracle.reconcile(text, delimiter)
    if b"internal error" in err:
        problems.append("retain reports an internal error")
    if not problems:
        return None
    return "\n".join(problems) + "\nretain's stderr:\n" + \
        err.decode("utf-8", "backslashreplace")[:2000]


def json_problems(text, want):
    """How retain's JSON Lines differ from the oracle's objects."""
    try:
        got = [json.loads(line, object_pairs_hook=list, parse_int=str,
                          parse_float=str) for line in text.splitlines()]
    except ValueError as e:
        return ["the JSON does not parse: %s" % e]
    want = [[list(pair) for pair in o] for o in want]
    got = [[list(pair) for pair in o] for o in got]
    if got == want:
        return []
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return ["JSON object %d differs:\n  oracle %s\n  retain %s" % (i + 1, w, g)]
    return ["JSON: %d objects, the oracle's %d" % (len(got), len(want))]


def want_delimiter(want):
    first = want.split(b"\n", 1)[0]
    return "\t" if b"\t" in first else ";" if first.count(b";") > first.count(b",") else ","


# ---- shrinking -----------------------------------------------------------

def shrink(retain, work, case):
    tc.disagreement = lambda r, w, c: disagreement(r, w, c)
    return tc.shrink(retain, work, case)


# ---- main ----------------------------------------------------------------

def has_periods(retain):
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    proc = subprocess.run([*wrapper, retain, "periods", "--help"],
                          stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    return proc.returncode == 0


def parse_args():
    wrapped = os.environ.get("RETAIN_WRAPPER", "").strip() != ""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("retain", nargs="?")
    ap.add_argument("--seed", type=int,
                    default=int(os.environ.get("RETAIN_ORACLE_SEED", "17")))
    ap.add_argument("--cases", type=int, default=int(
        os.environ.get("RETAIN_ORACLE_CASES", "3" if wrapped else "250")))
    ap.add_argument("--case", type=int, metavar="N", help="run case N only")
    ap.add_argument("--oracle-only", action="store_true")
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="copy the failing cases' files to DIR")
    ap.add_argument("--kind", choices=["both", "log", "spans"], default="both",
                    help="activity logs, subscription tables or both (default)")
    ap.add_argument("--s0-empty-counts", action="store_true",
                    help="expect retained and lost empty when S = 0 (to look past it)")
    ap.add_argument("--no-decoy", action="store_true",
                    help="no start or end column beside start_date or end_date (to look past that)")
    ap.add_argument("--skip-known", action="store_true",
                    help="look past the disagreements known and reported (all three "
                    "options below), while they are being fixed")
    ap.add_argument("--no-empty-start", action="store_true",
                    help="no row with an empty date or start (to look past that)")
    ap.add_argument("--all", action="store_true",
                    help="go on after a disagreement; count them all")
    return ap.parse_args()


def main():
    args = parse_args()
    global KIND
    KIND = args.kind
    oracle.S0_EMPTY_COUNTS = args.s0_empty_counts or args.skip_known
    global DECOY, EMPTY_START
    DECOY = not (args.no_decoy or args.skip_known)
    EMPTY_START = not (args.no_empty_start or args.skip_known)
    if not EMPTY_START:  # logs and tables
        tc.BAD_ISO = [b for b in tc.BAD_ISO if b != ""]
        tc.BAD_UNIX = [b for b in tc.BAD_UNIX if b != ""]
    retain = None if args.oracle_only or not args.retain else os.path.abspath(args.retain)
    if retain and not has_periods(retain):
        print("test_periods_oracle: %s has no periods command yet: skipped" % retain)
        sys.exit(SKIP)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="retain-periods-") as work:
        for n in range(args.cases) if args.case is None else [args.case]:
            case = Case(args.seed, n)
            for name in os.listdir(work):
                os.unlink(os.path.join(work, name))
            problem = disagreement(retain, work, case)
            if problem is None:
                continue
            failures += 1
            print("MISMATCH %s\n%s\n" % (case.describe(work), problem))
            if args.keep:
                shutil.copytree(work, os.path.join(args.keep, "case%d" % n),
                                dirs_exist_ok=True)
            if not args.no_shrink:
                small = shrink(retain, work, Case(args.seed, n))
                print("SHRUNK TO %s\n%s\n" % (small.describe(work),
                                             disagreement(retain, work, small)))
            if not args.all:
                break
    what = "the oracle alone" if retain is None else "retain and the oracle"
    print("test_periods_oracle: seed %d, %d cases, %s: %d disagreement%s"
          % (args.seed, args.cases, what, failures, "" if failures == 1 else "s"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
