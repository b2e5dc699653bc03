#!/usr/bin/env python3
"""An exact, independent brute-force oracle for `retain periods` (issue 17).

Usage: oracle_periods.py [OPTION]... [FILE]...   the expected csv/tsv output
       oracle_periods.py --self-test              hand-worked examples
       oracle_periods.py --choices                what was chosen, and why

Given an activity log (or, with --spans, a subscription table) and the
options of `retain periods`, prints the output the issue and the design
(DESIGN17) define.  It counts by brute force from the raw records: for a
log, each customer's set of active periods; for a table, each customer's
set of active days, walked day by day.  S, E, N, retained, lost,
first_time, returning and joined_and_left come from those sets alone, the
rates from fractions.Fraction, rounded once, half away from zero.  It
shares no code with the C side; it reuses the cohorts oracle
(oracle_cohorts.py, itself written from issue 16 alone) for reading
records, dates and periods.  Its exit status is the one retain should
give; its messages on stderr start with "oracle:" and are not retain's
wording.  Only csv and tsv output are modelled, without --lifetime,
--per, --margin and --discount.

Where the design leaves a choice open, the choice made here is marked
"CHOICE" in a comment and listed by --choices.
"""
import argparse
import importlib.util
import io
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
_SPEC = importlib.util.spec_from_file_location(
    "oracle_cohorts", os.path.join(HERE, "oracle_cohorts.py"))
co = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(co)

RowError = co.RowError
NO_START = "no customer at the start of the period, so no rate is defined"

CHOICES = """\
1. Reading (columns, delimiters, dates, --utc, blank lines, row errors,
   skipped files, the output delimiter) is as in oracle_cohorts.py's
   CHOICES 2-4, 14, 16, 17 and 19.  With --spans the start column is
   start_date in any case, else start; the end column end_date, else end
   (the design's order, not the header's); --start-col/--end-col name
   them exactly first, else in any case.
2. Logs: --event-col needs --return-event (periods has no --start-event);
   only the listed event types make a customer active.  The segment is
   the value on the customer's earliest kept row of any event type (the
   first read among equal days), as the cohort engine takes it.
3. Logs: a table (overall or a segment) starts at the period after its
   first active period (a counted event), whatever the other rows.
4. Spans: a row whose end is before its start is an error and its dates
   count for nothing; a zero-length row is a warning and is left out of
   the counts, the segment, the order of segments and a table's first
   period, but its date counts for the default cut-off (the latest start
   of any row but the errors: retain's reading; ends do not count, as one
   may lie in the future, 9999-12-31 for none).  A row
   starting after --as-of is left out (a warning).
5. Spans: a table starts at the period holding its earliest start, even
   when that start is the period's first day (that customer is then in
   the first row's S, never in an N).
6. first_time (spans): a customer of N active on no day before P.
7. --group-by: the segments' tables, in order of the first kept input row
   holding the value (values that are some customer's segment only), and
   no overall table.  A segment with no rows prints nothing.
8. A period with S = 0 has empty rates (its counts, retained and lost
   included, are printed) and the warning NO_START in its warnings cell;
   exit status 0, or 1 with --strict (as retain does: any warning).  Other
   rows' warnings cells are empty.
9. Nothing usable (no valid row at all) is exit 2 with no output, and so
   is no row in any table (no period finished by the cut-off after the
   first: retain's --help says so).
10. --only FIELD keeps [SEGMENT,]period and FIELD; --only warnings is a
   usage error (retain's choice: FIELD is a count or a figure).
"""

# What retain did at first (not the design): S = 0 empties retained and
# lost too.  test_periods_oracle.py --s0-empty-counts sets it, to look past
# that disagreement for others.
S0_EMPTY_COUNTS = False
RATES = ["retention_rate", "churn_rate", "simple_retention_rate", "simple_churn_rate"]


# ---- reading -------------------------------------------------------------

class Span:
    __slots__ = ("cid", "start", "end", "group", "pos")

    def __init__(self, cid, start, end, group, pos):
        self.cid, self.start, self.end, self.group, self.pos = cid, start, end, group, pos


def find_first(header, wanted, names, what):
    """An option's column (exactly, else in any case), else the first of
    `names` present in any case, in that order of preference (CHOICE 1)."""
    if wanted is not None:
        return co.find_column(header, wanted, (), what)
    for n in names:
        i = co.find_column(header, None, (n,), what)
        if i is not None:
            return i
    return None


def read_spans_file(name, text, args, state):
    """Appends the valid rows of one subscription table to state["spans"]."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.lstrip("\r\n").split("\n", 1)[0]
    if first.endswith("\r"):
        first = first[:-1]
    delimiter = co.pick_delimiter(name, first, args.delimiter)
    state.setdefault("delimiter", delimiter)
    rows = co.records(text, delimiter)
    blanks, header = 0, None
    for _, header in rows:
        if header is not None:
            break
        blanks += 1
    if header is None:
        return co.complain(state, "%s: no header line" % name)
    cols = {"id": co.find_column(header, args.id_col, ("customer_id", "customer", "id"), "ID"),
            "start": find_first(header, args.start_col, ("start_date", "start"), "start"),
            "end": find_first(header, args.end_col, ("end_date", "end"), "end"),
            "group": co.find_column(header, args.group_by, (), "group")
            if args.group_by is not None else -1}
    if any(v is None for v in cols.values()):
        return co.complain(state, "%s: a needed column is missing" % name)
    for line, fields in rows:
        if fields is None:
            blanks += 1
            continue
        try:
            span = make_span(fields, header, cols, args, state)
        except RowError as e:
            co.complain(state, "%s:%d: error: %s" % (name, line, e))
            continue
        if isinstance(span, int):
            state["zero_days"].append(span)  # CHOICE 4: for the cut-off
            state["warnings"].append("%s:%d: a subscription of no length" % (name, line))
        else:
            state["spans"].append(span)
    if blanks:
        state["warnings"].append("%s: %d blank lines" % (name, blanks))


def make_span(fields, header, cols, args, state):
    """The row's Span; its day for a zero-length one."""
    if len(fields) != len(header):
        raise RowError("wrong number of fields")
    cid = fields[cols["id"]]
    if cid == "":
        raise RowError("no ID")
    start = co.parse_date(fields[cols["start"]], args.date_format, args.utc)
    end_text = fields[cols["end"]]
    end = None if end_text == "" else co.parse_date(end_text, args.date_format, args.utc)
    if end is not None and end < start:
        raise RowError("the end is before the start")  # CHOICE 4
    group = fields[cols["group"]] if cols["group"] >= 0 else None
    if end == start:
        return start  # CHOICE 4: left out of all but the cut-off
    return Span(cid, start, end, group, len(state["spans"]))


# ---- counting: logs ------------------------------------------------------

def log_customers(events, args, periods):
    """{id: (segment, set of active periods)} of the kept events."""
    counted = set(args.return_event or [])
    first, active = {}, {}
    for e in events:
        if e.cid not in first or e.day < first[e.cid].day:
            first[e.cid] = e  # CHOICE 2: earliest row of any type
        active.setdefault(e.cid, set())
        if not counted or e.kind in counted:
            active[e.cid].add(periods.index(e.day))
    return {c: (first[c].group, active[c]) for c in first}


def log_rows(members, last):
    """The rows of one table of a log: [(P, counts dict)]."""
    everyone = [a for a in members if a]
    if not everyone:
        return []
    begin = min(min(a) for a in everyone) + 1  # CHOICE 3
    rows = []
    for p in range(begin, last + 1):
        was = {i for i, a in enumerate(members) if p - 1 in a}
        now = {i for i, a in enumerate(members) if p in a}
        new = now - was
        first_time = {i for i in new if min(members[i]) == p}
        rows.append((p, counts(was, now, first_time, None)))
    return rows


def counts(was, now, first_time, joined_and_left):
    kept = was & now
    new = now - was
    return {"start": len(was), "end": len(now), "new": len(new), "retained": len(kept),
            "lost": len(was - kept), "first_time": len(first_time),
            "returning": len(new) - len(first_time), "joined_and_left": joined_and_left}


# ---- counting: subscription tables ---------------------------------------

def span_customers(spans):
    """{id: (segment, [spans])}: the segment from the earliest start, the
    first read among equal days."""
    table = {}
    for s in spans:
        seg, rows = table.setdefault(s.cid, [None, []])
        if not rows or s.start < min(r.start for r in rows):
            table[s.cid][0] = s.group
        rows.append(s)
    return {c: (v[0], v[1]) for c, v in table.items()}


def active_days(rows, horizon):
    """The set of days (ordinals) before `horizon` on which one of the
    customer's subscriptions is active, day by day."""
    days = set()
    for r in rows:
        end = horizon if r.end is None else min(r.end, horizon)
        days.update(range(r.start, end))
    return days


def span_rows(members, periods, last):
    """The rows of one table of subscriptions: [(P, counts dict)]."""
    if not members:
        return []
    begin = periods.index(min(r.start for rows in members for r in rows))  # CHOICE 5
    if begin > last:
        return []
    horizon = periods.first_day(last + 1) + 1
    days = [active_days(rows, horizon) for rows in members]
    first_active = [min(d) if d else None for d in days]
    rows = []
    for p in range(begin, last + 1):
        lo, hi = periods.first_day(p), periods.first_day(p + 1)
        was = {i for i, d in enumerate(days) if lo in d}
        now = {i for i, d in enumerate(days) if hi in d}
        touched = {i for i, d in enumerate(days) if any(x in d for x in range(lo, hi))}
        first_time = {i for i in now - was if first_active[i] >= lo}  # CHOICE 6
        rows.append((p, counts(was, now, first_time, len(touched - was - now))))
    return rows


# ---- writing -------------------------------------------------------------

def percent(num, den, digits):
    """100 * num / den rounded half away from zero, never "-0"."""
    value = Fraction(100 * num, den)
    text = co.ratio_text(abs(value), Fraction(1), digits)
    return "-" + text if value < 0 and text.strip("0.") else text


def row_fields(c, spans, digits):
    """The fields after [SEGMENT,]period, by name."""
    s = c["start"]
    out = {k: str(c[k]) for k in ("start", "end", "new", "retained", "lost",
                                  "first_time", "returning")}
    if spans:
        out["joined_and_left"] = str(c["joined_and_left"])
    if s == 0:  # CHOICE 8
        out.update({k: "" for k in RATES})
        if S0_EMPTY_COUNTS:
            out.update({"retained": "", "lost": ""})
        out["warnings"] = NO_START
    else:
        out.update({"retention_rate": percent(c["retained"], s, digits),
                    "churn_rate": percent(c["lost"], s, digits),
                    "simple_retention_rate": percent(c["end"], s, digits),
                    "simple_churn_rate": percent(s - c["end"], s, digits),
                    "warnings": ""})
    return out


def json_text(text):
    """A field as JSON shows it: each byte that is not UTF-8 is U+FFFD."""
    return "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in text)


def json_rows(tables, args, periods):
    """The JSON Lines output, each object as its (key, value) pairs, every
    number as its text (as json.loads(parse_int=str, parse_float=str) reads
    it back), empty figures None, the warnings a list."""
    names = columns(args) if args.only is None else [args.only]
    out = []
    for group, rows in tables:
        for p, c in rows:
            fields = row_fields(c, args.spans, args.p)
            pairs = [] if group is None else [(json_text(args.group_by), json_text(group))]
            pairs.append(("period", periods.label(p)))
            for n in names:
                value = fields[n]
                if n == "warnings":
                    value = [value] if value else []
                elif value == "":
                    value = None
                pairs.append((n, value))
            out.append(pairs)
    return out


def columns(args):
    names = ["start", "end", "new", "retained", "lost"] + RATES + ["first_time", "returning"]
    if args.spans:
        names.append("joined_and_left")
    return names + ["warnings"]


def render(tables, args, periods, delimiter):
    lead = [] if args.group_by is None else [args.group_by]
    names = columns(args) if args.only is None else [args.only]  # CHOICE 10
    lines = [] if args.no_header else [lead + ["period"] + names]
    for group, rows in tables:
        for p, c in rows:
            fields = row_fields(c, args.spans, args.p)
            lines.append(([] if group is None else [group]) + [periods.label(p)] +
                         [fields[n] for n in names])
    return "".join(delimiter.join(co.field(f, delimiter) for f in line) + "\n"
                   for line in lines)


# ---- the command ---------------------------------------------------------

COHORTS_ONLY = ["--start-event", "--cohort-col", "--mode", "--average", "--no-average",
                "--max-periods", "--long", "--counts"]
VALUED = {"--period", "--week-start", "--as-of", "--from", "--group-by", "--event-col",
          "--return-event", "--id-col", "--date-col", "--date-format", "--precision",
          "--delimiter", "--format", "--jobs", "--start-col", "--end-col", "--only",
          "--start-event", "--cohort-col", "--mode", "--average", "--max-periods"}
SHORT = {"-p": "--precision", "-f": "--format", "-d": "--delimiter", "-h": "--help",
         "-j": "--jobs"}


def check_repeats(argv):
    """An option other than --return-event given twice is a usage error."""
    seen, i = set(), 0
    while i < len(argv):
        word, name = argv[i], None
        if word == "--":
            break
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name in VALUED and "=" not in word:
                i += 1
        elif word.startswith("-") and len(word) > 1:
            name = SHORT.get(word[:2])
            if name in VALUED and len(word) == 2:
                i += 1
        if name is not None and name in seen and name != "--return-event":
            co.usage("option %s given more than once" % name)
        seen.add(name)
        i += 1


def check_rules(args, argv):
    given = lambda name: any(w == name or w.startswith(name + "=") for w in argv)
    if args.event_col is not None and not args.return_event:
        co.usage("--event-col needs --return-event")  # CHOICE 2
    if args.return_event and args.event_col is None:
        co.usage("--return-event needs --event-col")
    if given("--week-start") and args.period != "week":
        co.usage("--week-start needs --period week")
    if args.no_header and args.format in ("json", "text"):
        co.usage("--no-header needs csv or tsv")
    if args.utc and args.date_format == "unix":
        co.usage("--utc with --date-format unix")
    if args.spans and (args.from_ or args.date_col or args.event_col):
        co.usage("not with --spans")
    if not args.spans and (args.start_col or args.end_col):
        co.usage("--start-col and --end-col need --spans")
    if args.as_of and args.from_ and co.ISO_DATE.fullmatch(args.as_of) \
            and co.ISO_DATE.fullmatch(args.from_) and args.from_ > args.as_of:
        co.usage("--from after --as-of")


ONLY_FIELDS = ["start", "end", "new", "retained", "lost", "first_time", "returning",
               "joined_and_left"] + RATES


def parse_args(argv):
    check_repeats(argv)
    for word in argv[:argv.index("--") if "--" in argv else len(argv)]:
        if word.split("=", 1)[0] in COHORTS_ONLY:
            co.usage("%s is only for retain cohorts" % word)
    ap = argparse.ArgumentParser(prog="oracle_periods.py", allow_abbrev=False)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--spans", action="store_true")
    ap.add_argument("--period", default="month", choices=list(co.PREFIX))
    ap.add_argument("--week-start", default="monday")
    for name in ("--as-of", "--group-by", "--event-col", "--id-col", "--date-col",
                 "--start-col", "--end-col", "--only"):
        ap.add_argument(name)
    ap.add_argument("--from", dest="from_")
    ap.add_argument("--return-event", action="append")
    ap.add_argument("--utc", action="store_true")
    ap.add_argument("--date-format", default="iso", choices=["iso", "unix"])
    ap.add_argument("-p", "--precision", dest="p", type=int, default=2)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("-d", "--delimiter", dest="delimiter", choices=[",", ";", "tab"])
    ap.add_argument("-f", "--format", choices=["csv", "tsv", "json", "text"])
    ap.add_argument("--no-header", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_intermixed_args(argv)
    names = [d for d in co.WEEKDAYS if args.week_start.lower() in (d, d[:3])]
    if not names:
        co.usage("--week-start: not a day: '%s'" % args.week_start)
    args.week_start = co.WEEKDAYS.index(names[0])
    if not 0 <= args.p <= 12:
        co.usage("-p: 0 to 12")
    if not 1 <= args.jobs <= 64:
        co.usage("--jobs: 1 to 64")
    if args.only is not None and (args.only not in ONLY_FIELDS or
                                  (args.only == "joined_and_left" and not args.spans)):
        co.usage("--only: no such field")
    check_rules(args, argv)
    args.cohort_col = None  # what the cohorts reader asks
    return args


def read_inputs(args, stdin_text, state):
    for name in args.files or ["-"]:
        try:
            text = co.read_text(name, stdin_text)
        except OSError as e:
            co.complain(state, "%s: %s" % (name, e.strerror))
            continue
        if args.spans:
            read_spans_file(name, text, args, state)
        else:
            co.read_file(name, text, args, state)


def cut_off(args, state):
    """(kept records, cut-off ordinal) after --as-of and --from."""
    if args.spans:
        spans = state["spans"]
        dates = [s.start for s in spans] + state["zero_days"]  # CHOICE 4
        as_of = co.parse_option_date(args.as_of, "--as-of") if args.as_of else max(dates)
        kept = [s for s in spans if s.start <= as_of]
    else:
        events = state["events"]
        as_of = co.parse_option_date(args.as_of, "--as-of") if args.as_of \
            else max(e.day for e in events)
        start = co.parse_option_date(args.from_, "--from") if args.from_ else None
        kept = [e for e in events if e.day <= as_of and (start is None or e.day >= start)]
    before = len(state["spans"] if args.spans else state["events"])
    if len(kept) < before:
        state["warnings"].append("%d rows left out by the cut-off" % (before - len(kept)))
    return kept, as_of


def last_complete(periods, as_of):
    p = periods.index(as_of)
    return p if periods.last_day(p) == as_of else p - 1


def group_order(kept, segment_values):
    """CHOICE 7: in order of the first kept row holding the value."""
    order = []
    for r in kept:
        if r.group in segment_values and r.group not in order:
            order.append(r.group)
    return order


def tables_of(kept, args, periods, last):
    if args.spans:
        members = span_customers(kept)
        count = lambda ms: span_rows([rows for _, rows in ms], periods, last)
    else:
        members = log_customers(kept, args, periods)
        count = lambda ms: log_rows([a for _, a in ms], last)
    if args.group_by is None:
        return [(None, count(list(members.values())))]
    values = {seg for seg, _ in members.values()}
    return [(g, count([m for m in members.values() if m[0] == g]))
            for g in group_order(kept, values)]


class JsonRows(list):
    """The expected -f json output: json_rows()' objects."""


def run(argv, stdin_text=None):
    """(stdout text, exit status): the text None when not modelled (-f
    text), JsonRows for -f json."""
    args = parse_args(argv)
    periods = co.Periods(args.period, args.week_start)
    state = {"events": [], "spans": [], "zero_days": [], "errors": 0, "warnings": []}
    read_inputs(args, stdin_text, state)
    if not (state["spans"] if args.spans else state["events"]):
        return "", 2  # CHOICE 9
    kept, as_of = cut_off(args, state)
    tables = tables_of(kept, args, periods, last_complete(periods, as_of))
    if not any(rows for _, rows in tables):
        return "", 2  # CHOICE 9
    for w in sorted(set(state["warnings"])):
        print("oracle: warning: " + w, file=sys.stderr)
    no_start = any(c["start"] == 0 for _, rows in tables for _, c in rows)
    warned = state["warnings"] or no_start  # CHOICE 8
    status = 1 if state["errors"] or (args.strict and warned) else 0
    if args.format == "json":
        return JsonRows(json_rows(tables, args, periods)), status
    if args.format == "text":
        return None, status
    delimiter = {"csv": ",", "tsv": "\t"}.get(args.format) or state["delimiter"]
    return render(tables, args, periods, delimiter), status


# ---- reconciliation of any output ----------------------------------------

def reconcile(text, delimiter=","):
    """Problems (a list of strings) in a csv/tsv output of retain periods
    with its header: S - lost + N = E, retained = E - N, first_time +
    returning = N in each row, and each period's E is the next one's S
    within a table."""
    rows = list(co.records(text, delimiter))
    if not rows:
        return []
    header = rows[0][1]
    at = {n: i for i, n in enumerate(header)}
    need = ("period", "start", "end", "new", "retained", "lost", "first_time", "returning")
    if any(n not in at for n in need):
        return []
    lead = at["period"]
    problems, previous = [], None
    for line, f in rows[1:]:
        try:
            v = {n: int(f[at[n]] or (0 if S0_EMPTY_COUNTS else "")) for n in need[1:]}
        except (TypeError, IndexError, ValueError):
            problems.append("line %d: a count is missing or not a number" % line)
            continue
        if v["start"] - v["lost"] + v["new"] != v["end"] or \
                v["end"] - v["new"] != v["retained"] or \
                v["first_time"] + v["returning"] != v["new"]:
            problems.append("line %d: a row that does not reconcile" % line)
        key = tuple(f[:lead])
        if previous and previous[0] == key and previous[1] != v["start"]:
            problems.append("line %d: S is not the previous period's E" % line)
        previous = (key, v["end"])
    return problems


# ---- self-test -----------------------------------------------------------

SHOP = """customer_id,date,plan
ann,2024-01-03,basic
bob,2024-01-15,pro
cat,2024-01-28,basic
ann,2024-02-02,basic
bob,2024-02-20,pro
dan,2024-02-11,pro
ann,2024-03-05,basic
dan,2024-03-09,pro
eve,2024-03-17,basic
cat,2024-03-30,basic
"""
HEAD = ("period,start,end,new,retained,lost,retention_rate,churn_rate,"
        "simple_retention_rate,simple_churn_rate,first_time,returning")

# One customer of each kind: kept (open), lost (ends 03-10), new (Feb,
# open), returning (Jan, back 03-15 to 04-10), joined and left within Feb,
# and ovl's three rows, overlapping and touching: one stretch 01-20..03-05.
SUBS = """customer_id,start_date,end_date
kept,2024-01-15,
lost,2024-01-10,2024-03-10
new,2024-02-20,
ret,2024-01-05,2024-02-01
jl,2024-02-03,2024-02-25
ovl,2024-01-20,2024-02-15
ovl,2024-02-15,2024-03-05
ret,2024-03-15,2024-04-10
ovl,2024-02-01,2024-02-20
"""
SUBS_OUT = (HEAD + ",joined_and_left,warnings\n"
            '2024-01,0,3,3,0,0,,,,,3,0,1,"' + NO_START + '"\n'
            "2024-02,3,4,1,3,0,100.00,0.00,133.33,-33.33,1,0,1,\n"
            "2024-03,4,3,1,2,2,50.00,50.00,75.00,25.00,0,1,0,\n"
            "2024-04,3,2,0,2,1,66.67,33.33,66.67,33.33,0,0,0,\n")

SELF_TESTS = [
    # Jan {ann,bob,cat}, Feb {ann,bob,dan}, Mar {ann,dan,eve,cat}: the
    # table starts after January.  In March cat returns, eve is new.
    ("log", ["--as-of", "2024-03-31"], SHOP, 0,
     HEAD + ",warnings\n"
     "2024-02,3,3,1,2,1,66.67,33.33,100.00,0.00,1,0,\n"
     "2024-03,3,4,2,2,1,66.67,33.33,133.33,-33.33,1,1,\n"),
    # The cut-off is 03-30: March has not ended.
    ("log, unfinished", [], SHOP, 0,
     HEAD + ",warnings\n2024-02,3,3,1,2,1,66.67,33.33,100.00,0.00,1,0,\n"),
    ("log by plan", ["--as-of", "2024-03-31", "--group-by", "plan", "-p", "0"], SHOP, 0,
     "plan," + HEAD + ",warnings\n"
     "basic,2024-02,2,1,0,1,1,50,50,50,50,0,0,\n"
     "basic,2024-03,1,3,2,1,0,100,0,300,-200,1,1,\n"
     "pro,2024-02,1,2,1,1,0,100,0,200,-100,1,0,\n"
     "pro,2024-03,2,1,0,1,1,50,50,50,50,0,0,\n"),
    ("log, only", ["--as-of", "2024-03-31", "--only", "returning", "--no-header"], SHOP, 0,
     "2024-02,0\n2024-03,1\n"),
    ("only warnings", ["--only", "warnings"], SHOP, 2, ""),
    # A return event only counts: visits make no one active.
    ("return events", ["--event-col", "e", "--return-event", "buy", "--period", "day"],
     "id,date,e\na,2024-02-28,buy\nb,2024-02-28,visit\nb,2024-02-29,buy\n"
     "a,2024-03-01,buy\nb,2024-03-01,visit\n", 0,
     HEAD + ",warnings\n"
     "2024-02-29,1,1,1,0,1,0.00,100.00,100.00,0.00,1,0,\n"
     "2024-03-01,1,1,1,0,1,0.00,100.00,100.00,0.00,0,1,\n"),
    # A gap: nobody active in the period before, so no rate.
    ("gap", ["--period", "year", "-f", "tsv"],
     "id,date\na,2020-06-01\na,2022-02-29x\na,2022-12-31\n", 1,
     HEAD.replace(",", "\t") + "\twarnings\n"
     "2021\t1\t0\t0\t0\t1\t0.00\t100.00\t0.00\t100.00\t0\t0\t\n"
     "2022\t0\t1\t1\t0\t0\t\t\t\t\t0\t1\t" + NO_START + "\n"),
    ("spans", ["--spans", "--as-of", "2024-04-30"], SUBS, 0, SUBS_OUT),
    # 12.5% rounds half away from zero, both ways.
    ("rounding", ["--spans", "-p", "0", "--period", "year", "--only",
                  "simple_churn_rate", "--as-of", "2021-12-31"],
     "id,start,end\n" + "".join("c%d,2020-01-01,\n" % i for i in range(8)) +
     "n,2020-05-05,\n", 0,
     "period,simple_churn_rate\n2020,-13\n2021,0\n"),
    # A start on a period's first day is in that period's S (CHOICE 5);
    # an end is not a day of the subscription; a zero-length row is left
    # out with a warning, an end before the start is an error.  The
    # cut-off is the latest start, b's 02-29 (ends do not count; c's is an
    # error's), so 03-01 is no row (it was, by a's end).
    ("spans edges", ["--spans", "--period", "day", "--strict"],
     "customer_id,START_DATE,End_Date\na,2024-02-28,2024-03-01\nb,2024-02-29,2024-02-29\n"
     "c,2024-03-01,2024-02-28\n", 1,
     HEAD + ",joined_and_left,warnings\n"
     "2024-02-28,1,1,0,1,0,100.00,0.00,100.00,0.00,0,0,0,\n"
     "2024-02-29,1,0,0,0,1,0.00,100.00,0.00,100.00,0,0,0,\n"),
    # Sunday weeks over a year end; the end column named by option.
    ("weeks", ["--spans", "--period", "week", "--week-start", "sun", "--end-col", "stop",
               "--as-of", "2025-01-11"],
     "id,start,stop\nx,2024-12-29,2025-01-05\ny,2024-12-31,\n", 0,
     HEAD + ",joined_and_left,warnings\n"
     "2024-12-29,1,1,1,0,1,0.00,100.00,100.00,0.00,1,0,0,\n"
     "2025-01-05,1,1,0,1,0,100.00,0.00,100.00,0.00,0,0,0,\n"),
    ("cohorts only", ["--counts"], SHOP, 2, ""),
    ("from with spans", ["--spans", "--from", "2024-01-01"], SUBS, 2, ""),
    ("nothing usable", ["--spans"], "id,start,end\na,2024-01-02,2024-01-01\n", 2, ""),
]


def self_test():
    failed, stderr = 0, sys.stderr
    for name, argv, text, status, expected in SELF_TESTS:
        sys.stderr = io.StringIO()
        try:
            got, got_status = run(argv + ["-"], text)
        except SystemExit as e:
            got, got_status = "", e.code
        sys.stderr = stderr
        problems = reconcile(got, "\t" if "tsv" in argv else ",")
        if (got, got_status) != (expected, status) or problems:
            failed += 1
            print("self-test FAILED: %s (exit %s, want %s) %s\n--- got\n%s--- want\n%s"
                  % (name, got_status, status, problems, got, expected), file=sys.stderr)
    print("self-test: %d of %d cases pass" % (len(SELF_TESTS) - failed, len(SELF_TESTS)))
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if sys.argv[1:] == ["--choices"]:
        sys.stdout.write(CHOICES)
        sys.exit(0)
    text, status = run(sys.argv[1:])
    if isinstance(text, JsonRows):
        text = "".join(json.dumps(dict(o), ensure_ascii=False) + "\n" for o in text)
    if text is not None:
        sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.exit(status)


if __name__ == "__main__":
    main()
