#!/usr/bin/env python3
"""An exact, independent oracle for `retain cohorts` (issue 16).

Usage: oracle_cohorts.py [OPTION]... [FILE]...   the expected csv/tsv output
       oracle_cohorts.py --self-test              hand-worked examples

Given a log and the options of `retain cohorts`, prints the output the
issue's text defines, computed with datetime and fractions.Fraction and
rounded once, half away from zero.  It shares no code with the C side and
was written from the issue alone.  Its exit status is the one retain should
give: 0, 1 (rows left out, or warnings with --strict) or 2 (nothing
usable); its messages on stderr start with "oracle:" and are not retain's
wording.  Only csv and tsv output (wide, or --long) are modelled.

With --spans (issue 17) the input is a subscription table instead: one
row per subscription, [start, end), an empty end still running; a
customer's cohort is the period of its first start, and cell (c, k) counts
the customers of cohort c subscribed on the first day of period c+k+1,
worked out day by day from the rows.

Where the issue leaves a choice open, the choice made here is marked
"CHOICE" in a comment, and listed by --choices.
"""
import argparse
import calendar
import csv
import datetime
import io
import re
import sys
from fractions import Fraction

CHOICES = """\
1. Rates are percentages (100 * active / customers), as in retain batch.
2. "The first found" default column: the column named customer_id in any
   case (ASCII), else customer, else id (date, else timestamp, else time;
   the leftmost of equal names), whatever the columns' order: in
   "id,customer_id,date" the ID is customer_id (issue 17's review).  --id-col, --date-col, --event-col,
   --cohort-col and --group-by match the header name exactly first, else
   the name in any case (ASCII), as retain batch's --start-col does (the
   lead's decision).
3. A Z or offset is accepted only after a time; seconds 00-60 (a leap
   second is accepted, as src/core/date.h says: the lead's decision),
   hours 00-23, offsets up to 23:59; a fraction needs digits.  The "T" or
   the space may separate the time.  With --utc, a date moved outside
   0001-9999 is an error.  Digits are ASCII digits only.
4. --date-format unix: digits with an optional "." and digits, no sign; the
   day is floor(seconds / 86400).  --as-of and --from are YYYY-MM-DD always.
   Years 0001-9999 only (datetime's range).
5. A customer's first event (its cohort, its segment, its first start
   event) is the earliest by calendar date (after --utc), ties broken by
   input order; times of day are not compared.
6. Events after --as-of or before --from are left out before anything else
   is computed: they define no cohort, segment or signup date.  The default
   --as-of is the latest date of any valid event row (of any event type,
   after --utc), before --from is applied; signup dates do not count.
7. Only cohorts with at least one customer are rows; a cohort whose cell 0
   is unobserved is still printed, with empty cells.  A customer with no
   start event (--start-event) belongs to no cohort.
8. Columns are k = 0 .. K, K the largest observed offset of any printed
   cohort (0 when none is observed); --max-periods K keeps offsets 0 .. K
   (K + 1 columns: the lead's decision).
9. The start event counts as a return event when --return-event is not
   given (cell 0 is then 100%).  Return events in periods before the
   customer's cohort are ignored; with --cohort-col each one counts in the
   "before signup" warning.
10. The wide average row's customers cell is the number of customers of
   its scope (all its cohorts).  In --long, each average cell's customers
   and active are the sums over the cohorts observed at that k (the pooled
   ratio's terms, for both methods), its period is empty; a k at which no
   cohort is observed has empty customers, active and rate.
11. --counts: cohort cells are active customers; the average row's cells
   are the sum of active over observed cohorts, for both methods.  --counts
   with --long is a usage error (exit 2, nothing on stdout: the lead's
   decision).
12. --group-by: groups in order of the first valid, kept input row that
   holds the value (only values that are some customer's segment); the
   group column's header is the column's name; the overall average row has
   an empty group cell and "overall" in the cohort column (an empty group
   value's own average row has "average" there).  With --cohort-col, the segment is the value on the
   customer's first event.
13. --cohort-col: the signup value is read as a date like the date column;
   an empty or unreadable one is a row error.  Customers whose rows
   disagree count once in the warning.  Not allowed with --start-event.
14. A row error (wrong field count, empty ID, unreadable date) leaves the
   row out and sets exit status 1; a file without the needed columns (or
   that cannot be opened) is reported and skipped with status 1 when
   another input is usable; no cohort at all is status 2, with no output
   (the lead's decision).  Blank lines are skipped.
15. --week-start takes a day's English name or its first three letters, in
   any case.  Monday gives ISO labels (2024-W03), even when named.
16. The output is csv for -f csv, tsv for -f tsv, else as the first input's
   delimiter, as in retain batch (',' or ';' written as csv, a tab as tsv).
   The input's delimiter is -d, else the file name's (.csv: ',', .tsv and
   .tab in any case: tab), else sniffed from the header line as the
   project's reader does (src/io/csv.h: the most frequent of tab, ';' and
   ',' outside quotes).  -f json and -f text are not modelled: only the
   exit status is.  --no-header leaves the header line out.
17. An option other than --start-event and --return-event given twice is
   a usage error, as src/cli/cli_opt.c makes it for every command.
18. retain's own usage rules (src/cli/cohorts_args.c), adopted: --event-col
   needs --start-event or --return-event; --week-start needs --period
   week; --long with -f json or text; --counts with -f json; --utc with
   --date-format unix; --no-average with --average; --from after --as-of;
   --no-header with -f json or text; --counts with --average (the counts'
   average row is a sum).
19. --strict makes every warning exit status 1, beyond the issue's list:
   blank lines (before or after the header of a file that is used), a
   customer with no start event.  Signup rows disagree when they give two
   signup periods (a day apart in one month is no disagreement).
20. --spans (issue 17, DESIGN17): columns start_date else start, end_date
   else end (any case; --start-col, --end-col as CHOICE 2).  An end before
   the start is a row error; an end on the start day a warning (the row
   is left out, but its start counts for the default cut-off, which is the
   latest start of any row that is not an error: an end may lie in the
   future, 9999-12-31 for none, so ends do not count).  A row starting
   after --as-of is left out (a warning); an end after the first day
   after the cut-off counts as still running (nothing later is known).  The segment
   is the value on the row with the earliest start, the first read among
   equal starts.  --mode on-or-after: subscribed at the end of c+k or of a
   later period up to the last complete one.  Not with --spans: --date-col,
   --event-col, --start-event, --return-event, --cohort-col, --from;
   --start-col and --end-col need --spans.
"""

PREFIX = {"day": "day_", "week": "week_", "month": "month_",
          "quarter": "quarter_", "year": "year_"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday"]
# ASCII digits only: Python's \d would take other scripts' digits too.
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2})?)?")
UNIX = re.compile(r"[0-9]+(?:\.[0-9]+)?")
EPOCH = datetime.date(1970, 1, 1)


class RowError(Exception):
    pass


# ---- dates and periods ---------------------------------------------------

def calendar_date(y, m, d):
    try:
        return datetime.date(int(y), int(m), int(d))
    except ValueError:
        raise RowError("impossible date")


def parse_date(text, fmt, utc):
    """The calendar date of one date field, as an ordinal."""
    if fmt == "unix":
        if not UNIX.fullmatch(text):
            raise RowError("not seconds since 1970")
        seconds = int(text.split(".")[0])
        try:
            return (EPOCH + datetime.timedelta(days=seconds // 86400)).toordinal()
        except OverflowError:
            raise RowError("out of range")
    m = TIMESTAMP.fullmatch(text)
    if not m:
        raise RowError("not a date")
    y, mo, d, hh, mm, ss, zone = m.groups()
    day = calendar_date(y, mo, d)
    if hh is None:
        return day.toordinal()
    if int(hh) > 23 or int(mm) > 59 or (ss is not None and int(ss) > 60):
        raise RowError("impossible time")
    offset = 0
    if zone and zone != "Z":
        digits = zone[1:].replace(":", "")
        if len(digits) != 4 or int(digits[:2]) > 23 or int(digits[2:]) > 59:
            raise RowError("bad offset")
        offset = (int(digits[:2]) * 60 + int(digits[2:])) * (1 if zone[0] == "+" else -1)
    if not utc or offset == 0:
        return day.toordinal()
    minutes = int(hh) * 60 + int(mm) - offset  # local - offset = UTC
    moved = day.toordinal() + minutes // 1440
    if not 1 <= moved <= datetime.date.max.toordinal():
        raise RowError("out of range in UTC")
    return moved


def parse_option_date(text, name):
    m = ISO_DATE.fullmatch(text)
    if not m:
        usage("%s: not a date: '%s'" % (name, text))
    try:
        return calendar_date(*m.groups()).toordinal()
    except RowError:
        usage("%s: impossible date: '%s'" % (name, text))


class Periods:
    """Period arithmetic: index, first and last day, label."""

    def __init__(self, unit, week_start):
        self.unit, self.week_start = unit, week_start

    def index(self, ordinal):
        d = datetime.date.fromordinal(ordinal)
        return {"day": lambda: ordinal,
                "week": lambda: (ordinal - 1 - self.week_start) // 7,
                "month": lambda: d.year * 12 + d.month - 1,
                "quarter": lambda: d.year * 4 + (d.month - 1) // 3,
                "year": lambda: d.year}[self.unit]()

    def first_day(self, p):
        if self.unit == "day":
            return p
        if self.unit == "week":
            return p * 7 + 1 + self.week_start
        y, m = {"month": (p // 12, p % 12 + 1), "quarter": (p // 4, p % 4 * 3 + 1),
                "year": (p, 1)}[self.unit]
        return datetime.date(y, m, 1).toordinal()

    def last_day(self, p):
        """The last day of period p, or None beyond the calendar."""
        try:
            if self.unit == "day":
                datetime.date.fromordinal(p)
                return p
            if self.unit == "week":
                return datetime.date.fromordinal(self.first_day(p) + 6).toordinal()
            if self.unit == "month":
                y, m = p // 12, p % 12 + 1
            elif self.unit == "quarter":
                y, m = p // 4, p % 4 * 3 + 3
            else:
                y, m = p, 12
            return datetime.date(y, m, calendar.monthrange(y, m)[1]).toordinal()
        except (ValueError, OverflowError):
            return None

    def label(self, p):
        if self.unit == "day":
            return datetime.date.fromordinal(p).isoformat()
        if self.unit == "week":
            first = datetime.date.fromordinal(self.first_day(p))
            if self.week_start != 0:
                return first.isoformat()
            year, week, _ = first.isocalendar()
            return "%04d-W%02d" % (year, week)
        if self.unit == "month":
            return "%04d-%02d" % (p // 12, p % 12 + 1)
        if self.unit == "quarter":
            return "%04d-Q%d" % (p // 4, p % 4 + 1)
        return "%04d" % p


# ---- reading -------------------------------------------------------------

def tsv_field(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in "tnr\\":
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def records(text, delimiter):
    """(line number, fields) of each record; fields None for a blank line."""
    if delimiter == "\t":
        lines = re.split(r"\r?\n", text)
        if lines and lines[-1] == "":
            lines.pop()  # what follows the last line end is no line
        for n, line in enumerate(lines, 1):
            yield n, [tsv_field(f) for f in line.split("\t")] if line else None
        return
    line = 1
    for fields in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False):
        here = line
        line += 1 + sum(f.count("\n") for f in fields)
        yield here, fields if fields else None


def ascii_lower(text):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def sniff(line):
    """The most frequent of tab, ';' and ',' outside quotes (src/io/csv.h)."""
    counts, quoted = {"\t": 0, ";": 0, ",": 0}, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    if counts["\t"] > counts[","] and counts["\t"] >= counts[";"]:
        return "\t"
    return ";" if counts[";"] > counts[","] else ","


def pick_delimiter(name, header, forced):
    if forced:
        return {"tab": "\t", ",": ",", ";": ";"}[forced]
    lower = ascii_lower(name)
    if lower.endswith(".tsv") or lower.endswith(".tab"):
        return "\t"
    if lower.endswith(".csv"):
        return ","
    return sniff(header)


def find_column(header, wanted, defaults, what):
    """CHOICE: options name a column exactly, else in any case (ASCII);
    defaults match in any case, the first default name found."""
    if wanted is not None:
        if wanted in header:
            return header.index(wanted)
        folded = [ascii_lower(h) for h in header]
        return folded.index(ascii_lower(wanted)) if ascii_lower(wanted) in folded else None
    folded = [ascii_lower(h) for h in header]
    for name in defaults:
        if name in folded:
            return folded.index(name)
    return None


class Event:
    __slots__ = ("cid", "day", "kind", "group", "signup", "pos")

    def __init__(self, cid, day, kind, group, signup, pos):
        self.cid, self.day, self.kind = cid, day, kind
        self.group, self.signup, self.pos = group, signup, pos


def read_file(name, text, args, state):
    if text.startswith("\ufeff"):
        text = text[1:]
    # Blank lines before the header are skipped.
    first = text.lstrip("\r\n").split("\n", 1)[0]
    if first.endswith("\r"):
        first = first[:-1]
    delimiter = pick_delimiter(name, first, args.delimiter)
    state.setdefault("delimiter", delimiter)
    rows = records(text, delimiter)
    blanks = 0
    header = None
    for _, header in rows:
        if header is not None:
            break
        blanks += 1
    if header is None:
        return complain(state, "%s: no header line" % name)
    if args.spans:
        return read_spans(name, header, rows, blanks, args, state)
    cols = {"id": find_column(header, args.id_col, ("customer_id", "customer", "id"), "ID"),
            "date": find_column(header, args.date_col, ("date", "timestamp", "time"), "date")}
    for key, opt in (("event", args.event_col), ("group", args.group_by),
                     ("signup", args.cohort_col)):
        cols[key] = find_column(header, opt, (), key) if opt is not None else -1
    if any(v is None for v in cols.values()):
        return complain(state, "%s: a needed column is missing" % name)
    for line, fields in rows:
        if fields is None:
            blanks += 1
            continue
        try:
            state["events"].append(make_event(fields, header, cols, args, len(state["events"])))
        except RowError as e:
            complain(state, "%s:%d: error: %s" % (name, line, e))
    if blanks:  # CHOICE 19: a warning, so --strict makes it exit 1
        state["warnings"].append("%s: %d blank lines" % (name, blanks))


class Span:
    __slots__ = ("cid", "start", "end", "group", "pos")

    def __init__(self, cid, start, end, group, pos):
        self.cid, self.start, self.end = cid, start, end
        self.group, self.pos = group, pos


def read_spans(name, header, rows, blanks, args, state):
    """CHOICE 20: a subscription table's rows into state["spans"]; rows of
    no length only into state["dates"] (their start), for the default
    cut-off."""
    cols = {"id": find_column(header, args.id_col, ("customer_id", "customer", "id"), "ID"),
            "start": find_column(header, args.start_col, ("start_date", "start"), "start"),
            "end": find_column(header, args.end_col, ("end_date", "end"), "end"),
            "group": find_column(header, args.group_by, (), "group")
            if args.group_by is not None else -1}
    if any(v is None for v in cols.values()):
        return complain(state, "%s: a needed column is missing" % name)
    for line, fields in rows:
        if fields is None:
            blanks += 1
            continue
        try:
            span = make_span(fields, header, cols, args, len(state["spans"]))
        except RowError as e:
            complain(state, "%s:%d: error: %s" % (name, line, e))
            continue
        state["dates"].append(span.start)  # CHOICE 20: ends do not count
        if span.end == span.start:
            state["warnings"].append("%s:%d: a subscription of no length" % (name, line))
            continue
        state["spans"].append(span)
    if blanks:
        state["warnings"].append("%s: %d blank lines" % (name, blanks))


def make_span(fields, header, cols, args, pos):
    if len(fields) != len(header):
        raise RowError("wrong number of fields")
    cid = fields[cols["id"]]
    if cid == "":
        raise RowError("no ID")
    start = parse_date(fields[cols["start"]], args.date_format, args.utc)
    end = fields[cols["end"]]
    end = None if end == "" else parse_date(end, args.date_format, args.utc)
    if end is not None and end < start:
        raise RowError("end before start")
    group = fields[cols["group"]] if cols["group"] >= 0 else None
    return Span(cid, start, end, group, pos)


def make_event(fields, header, cols, args, pos):
    if len(fields) != len(header):
        raise RowError("wrong number of fields")
    cid = fields[cols["id"]]
    if cid == "":
        raise RowError("no ID")
    day = parse_date(fields[cols["date"]], args.date_format, args.utc)
    pick = lambda key: fields[cols[key]] if cols[key] >= 0 else None
    signup = pick("signup")
    if signup is not None:
        signup = parse_date(signup, args.date_format, args.utc)
    return Event(cid, day, pick("event"), pick("group"), signup, pos)


def complain(state, message):
    print("oracle: " + message, file=sys.stderr)
    state["errors"] += 1


# ---- computing -----------------------------------------------------------

class Customer:
    def __init__(self):
        self.first = None  # the earliest (start) event
        self.signups = set()
        self.returns = []  # ordinals of return events


def customers_of(events, args, periods, state):
    starts = set(args.start_event or [])
    returns = set(args.return_event or [])
    table = {}
    for e in events:
        c = table.setdefault(e.cid, Customer())
        if e.signup is not None:
            c.signups.add(e.signup)
        starting = args.cohort_col is not None or not starts or e.kind in starts
        if starting and (c.first is None or e.day < c.first.day):
            c.first = e  # input order breaks ties: only an earlier day replaces
        if not returns or e.kind in returns:
            c.returns.append(e.day)
    for c in table.values():
        if c.first is None:
            # CHOICE 19: a customer in no cohort is a warning
            state["warnings"].append("a customer with no start event")
            continue
        if args.cohort_col is not None:
            # CHOICE 19: rows disagree when they give two signup periods
            if len({periods.index(d) for d in c.signups}) > 1:
                state["warnings"].append("disagreeing signup dates")
            c.cohort = periods.index(min(c.signups))
        else:
            c.cohort = periods.index(c.first.day)
        c.periods = set()
        for day in c.returns:
            p = periods.index(day)
            if p >= c.cohort:
                c.periods.add(p - c.cohort)
            elif args.cohort_col is not None:
                state["warnings"].append("event before signup period")
    return [c for c in table.values() if c.first is not None]


class Subscriber:
    """A customer of a subscription table: its cohort, its first row (for
    the segment) and the offsets j at whose end (the first day of period
    cohort+j+1) it is subscribed, up to the last complete period."""


def subscribers_of(spans, periods, as_of, last_complete):
    table = {}
    for sp in spans:
        table.setdefault(sp.cid, []).append(sp)
    out = []
    for rows in table.values():
        c = Subscriber()
        c.first = min(rows, key=lambda r: (r.start, r.pos))
        c.cohort = periods.index(c.first.start)
        days = set()
        for r in rows:
            # Nothing after the cut-off is known: a later end still runs.
            end = r.end if r.end is not None and r.end <= as_of + 1 else None
            days.update(range(r.start, end if end is not None
                              else periods.first_day(last_complete + 1) + 1))
        c.periods = {j for j in range(0, last_complete - c.cohort + 1)
                     if periods.first_day(c.cohort + j + 1) in days}
        out.append(c)
    return out


def last_complete_period(periods, as_of):
    p = periods.index(as_of)
    return p if periods.last_day(p) == as_of else p - 1


def run_spans(args, periods, state):
    """(stdout text, exit status) of a subscription table."""
    if not state["dates"]:
        return "", 2
    as_of = parse_option_date(args.as_of, "--as-of") if args.as_of else max(state["dates"])
    kept = [sp for sp in state["spans"] if sp.start <= as_of]
    if len(kept) < len(state["spans"]):
        state["warnings"].append("%d subscriptions left out by the cut-off"
                                 % (len(state["spans"]) - len(kept)))
    members = subscribers_of(kept, periods, as_of, last_complete_period(periods, as_of))
    if not members:
        return "", 2
    return render(members, kept, args, periods, as_of, state)


def active_count(members, k, mode):
    if mode == "on":
        return sum(1 for c in members if k in c.periods)
    return sum(1 for c in members if c.periods and max(c.periods) >= k)


def build_cohorts(members, args, periods, as_of):
    """[(period, size, [active or None for k = 0..])] in time order."""
    by_period = {}
    for c in members:
        by_period.setdefault(c.cohort, []).append(c)
    out = []
    for p in sorted(by_period):
        group = by_period[p]
        cells, k = [], 0
        while True:
            end = periods.last_day(p + k)
            if end is None or end > as_of:
                break
            cells.append(active_count(group, k, args.mode))
            k += 1
        out.append((p, len(group), cells))
    return out


def ratio_text(num, den, p):
    """num / den (>= 0) rounded half away from zero to p digits."""
    n = (2 * num.numerator * den.denominator * 10**p + num.denominator * den.numerator) \
        // (2 * num.denominator * den.numerator)
    digits = str(n).rjust(p + 1, "0")
    return digits[:-p] + "." + digits[-p:] if p else digits


def rate(active, size, p):
    return ratio_text(Fraction(100 * active), Fraction(size), p)


def average(cohorts, k, args):
    """(customers, active, cell text) of the average at k, or None."""
    seen = [(size, cells[k]) for _, size, cells in cohorts if k < len(cells)]
    if not seen:
        return None
    size = sum(s for s, _ in seen)
    active = sum(a for _, a in seen)
    if args.counts:
        return size, active, str(active)
    if args.average == "pooled":
        value = Fraction(100 * active, size)
    else:
        value = sum(Fraction(100 * a, s) for s, a in seen) / len(seen)
    return size, active, ratio_text(value, Fraction(1), args.p)


# ---- writing -------------------------------------------------------------

def field(text, delimiter):
    if delimiter == "\t":
        return (text.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"))
    if any(ch in text for ch in delimiter + '"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_scope(out, group, cohorts, horizon, args, periods, average_row,
                name="average"):
    lead = [] if group is None else [group]
    for p, size, cells in cohorts:
        if args.long:
            for k in range(horizon + 1):
                active = cells[k] if k < len(cells) else None
                out.append(lead + [periods.label(p), str(k), periods.label(p + k), str(size),
                                   "" if active is None else str(active),
                                   "" if active is None else rate(active, size, args.p)])
        else:
            out.append(lead + [periods.label(p), str(size)] + [
                "" if k >= len(cells) else
                str(cells[k]) if args.counts else rate(cells[k], size, args.p)
                for k in range(horizon + 1)])
    if not average_row:
        return
    avgs = [average(cohorts, k, args) for k in range(horizon + 1)]
    if args.long:
        saved, args.counts = args.counts, False
        avgs = [average(cohorts, k, args) for k in range(horizon + 1)]
        args.counts = saved
        for k, a in enumerate(avgs):
            out.append(lead + [name, str(k), ""] +
                       (["", "", ""] if a is None else [str(a[0]), str(a[1]), a[2]]))
    else:
        out.append(lead + [name, str(sum(s for _, s, _ in cohorts))] +
                   ["" if a is None else a[2] for a in avgs])


# ---- the command ---------------------------------------------------------

def usage(message):
    print("oracle: " + message, file=sys.stderr)
    sys.exit(2)


SHORT = {"-p": "--precision", "-f": "--format", "-d": "--delimiter", "-h": "--help",
         "-j": "--jobs"}
VALUED = {"--period", "--week-start", "--mode", "--as-of", "--from", "--average",
          "--group-by", "--max-periods", "--event-col", "--start-event",
          "--return-event", "--cohort-col", "--id-col", "--date-col",
          "--date-format", "--precision", "--delimiter", "--format", "--jobs",
          "--start-col", "--end-col"}
REPEATABLE = {"--start-event", "--return-event"}


def check_repeats(argv):
    """CHOICE (as src/cli/cli_opt.c does): an option other than
    --start-event and --return-event given twice is a usage error."""
    seen, i = set(), 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            break
        name = None
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name in VALUED and "=" not in word:
                i += 1
        elif word.startswith("-") and len(word) > 1:
            name = SHORT.get(word[:2])
            if name in VALUED and len(word) == 2:
                i += 1
        if name is not None and name in seen and name not in REPEATABLE:
            usage("option %s given more than once" % name)
        seen.add(name)
        i += 1


def check_span_rules(args):
    """CHOICE 20: what --spans refuses, before the other rules."""
    if (args.start_col is not None or args.end_col is not None) and not args.spans:
        usage("--start-col and --end-col need --spans")
    if args.spans and (args.date_col is not None or args.event_col is not None
                       or args.start_event or args.return_event
                       or args.cohort_col is not None or args.from_ is not None):
        usage("--spans with an option of activity logs")


def check_retain_rules(args, argv):
    """CHOICE 18: the usage rules retain added (src/cli/cohorts_args.c)."""
    given = lambda name: any(w == name or w.startswith(name + "=") for w in argv)
    if args.event_col is not None and not (args.start_event or args.return_event):
        usage("--event-col needs --start-event or --return-event")
    if given("--week-start") and args.period != "week":
        usage("--week-start needs --period week")
    if args.long and args.format in ("json", "text"):
        usage("--long needs csv or tsv")
    if args.counts and given("--average"):
        usage("--counts with --average")
    if args.no_header and args.format in ("json", "text"):
        usage("--no-header needs csv or tsv")
    if args.counts and args.format == "json":
        usage("--counts with json")
    if args.utc and args.date_format == "unix":
        usage("--utc with --date-format unix")
    if args.no_average and given("--average"):
        usage("--no-average with --average")
    if args.as_of and args.from_ and ISO_DATE.fullmatch(args.as_of) \
            and ISO_DATE.fullmatch(args.from_) and args.from_ > args.as_of:
        usage("--from after --as-of")


def parse_args(argv):
    check_repeats(argv)
    ap = argparse.ArgumentParser(prog="oracle_cohorts.py", add_help=True,
                                 allow_abbrev=False)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--period", default="month", choices=list(PREFIX))
    ap.add_argument("--week-start", default="monday")
    ap.add_argument("--mode", default="on", choices=["on", "on-or-after"])
    ap.add_argument("--as-of")
    ap.add_argument("--from", dest="from_")
    ap.add_argument("--average", default="pooled", choices=["pooled", "mean"])
    ap.add_argument("--no-average", action="store_true")
    ap.add_argument("--group-by")
    ap.add_argument("--max-periods", type=int)
    ap.add_argument("--event-col")
    ap.add_argument("--start-event", action="append")
    ap.add_argument("--return-event", action="append")
    ap.add_argument("--cohort-col")
    ap.add_argument("--id-col")
    ap.add_argument("--date-col")
    ap.add_argument("--utc", action="store_true")
    ap.add_argument("--date-format", default="iso", choices=["iso", "unix"])
    ap.add_argument("-p", "--precision", dest="p", type=int, default=2)
    ap.add_argument("--counts", action="store_true")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("-d", "--delimiter", dest="delimiter", choices=[",", ";", "tab"])
    ap.add_argument("-f", "--format", choices=["csv", "tsv", "json", "text"])
    ap.add_argument("--no-header", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--spans", action="store_true")
    ap.add_argument("--start-col")
    ap.add_argument("--end-col")
    args = ap.parse_intermixed_args(argv)
    day = args.week_start.lower()
    names = [d for d in WEEKDAYS if day in (d, d[:3])]
    if not names:
        usage("--week-start: not a day: '%s'" % args.week_start)
    args.week_start = WEEKDAYS.index(names[0])
    if not 0 <= args.p <= 12:
        usage("-p: 0 to 12")
    if not 1 <= args.jobs <= 64:
        usage("--jobs: 1 to 64")  # threads change nothing else
    if args.max_periods is not None and args.max_periods < 0:
        usage("--max-periods: not a whole number")
    check_span_rules(args)
    if (args.start_event or args.return_event) and args.event_col is None:
        usage("--start-event and --return-event need --event-col")
    if args.cohort_col is not None and args.start_event:
        usage("--cohort-col and --start-event together")
    if args.counts and args.long:
        usage("--counts and --long together")
    check_retain_rules(args, argv)
    return args


def read_text(name, stdin_text):
    """A file's bytes as text: any byte survives the round trip to stdout
    (undecodable bytes become lone surrogates and are written back)."""
    if name == "-":
        if stdin_text is not None:
            return stdin_text
        data = sys.stdin.buffer.read()
    else:
        with open(name, "rb") as f:
            data = f.read()
    return data.decode("utf-8", "surrogateescape")


def run(argv, stdin_text=None):
    """(stdout text, exit status) of one invocation."""
    args = parse_args(argv)
    periods = Periods(args.period, args.week_start)
    state = {"events": [], "errors": 0, "warnings": [], "spans": [], "dates": []}
    for name in args.files or ["-"]:
        try:
            text = read_text(name, stdin_text)
        except OSError as e:
            complain(state, "%s: %s" % (name, e.strerror))
            continue
        read_file(name, text, args, state)
    if args.spans:
        return run_spans(args, periods, state)
    events = state["events"]
    if not events:
        return "", 2
    as_of = parse_option_date(args.as_of, "--as-of") if args.as_of else max(e.day for e in events)
    start = parse_option_date(args.from_, "--from") if args.from_ else None
    kept = [e for e in events if e.day <= as_of and (start is None or e.day >= start)]
    if len(kept) < len(events):
        state["warnings"].append("%d events left out by the cut-off" % (len(events) - len(kept)))
    members = customers_of(kept, args, periods, state)
    if not members:
        return "", 2
    return render(members, kept, args, periods, as_of, state)


def render(members, kept, args, periods, as_of, state):
    delimiter = {"csv": ",", "tsv": "\t"}.get(args.format) or state["delimiter"]
    scopes = [(None, members)]
    if args.group_by is not None:
        order = {}
        for e in kept:
            order.setdefault(e.group, e.pos)
        values = sorted({c.first.group for c in members}, key=lambda v: order[v])
        scopes = [(v, [c for c in members if c.first.group == v]) for v in values]
    built = [(g, build_cohorts(m, args, periods, as_of)) for g, m in scopes]
    horizon = max([len(cells) - 1 for _, cohorts in built for _, _, cells in cohorts] + [0])
    if args.max_periods is not None:
        horizon = min(horizon, args.max_periods)
    lead = [] if args.group_by is None else [args.group_by]
    if args.no_header:
        rows = []
    elif args.long:
        rows = [lead + ["cohort", "offset", "period", "customers", "active", "retention_rate"]]
    else:
        rows = [lead + ["cohort", "customers"] +
                [PREFIX[args.period] + str(k) for k in range(horizon + 1)]]
    for group, cohorts in built:
        write_scope(rows, group, cohorts, horizon, args, periods, not args.no_average)
    if args.group_by is not None and not args.no_average:
        everyone = build_cohorts(members, args, periods, as_of)
        tail = []
        write_scope(tail, "", everyone, horizon, args, periods, True,
                    "overall")  # CHOICE 12
        rows += tail[len(everyone) * (horizon + 1 if args.long else 1):]
    for w in sorted(set(state["warnings"])):
        print("oracle: warning: " + w, file=sys.stderr)
    status = 1 if state["errors"] or (args.strict and state["warnings"]) else 0
    if args.format in ("json", "text"):
        return None, status  # not modelled: the exit status only
    return "".join(delimiter.join(field(f, delimiter) for f in r) + "\n" for r in rows), status


# ---- self-test -----------------------------------------------------------

LOG1 = """customer_id,date
a,2024-01-05
b,2024-01-20
c,2024-02-03
a,2024-02-10
b,2024-03-01
c,2024-03-15
a,2024-03-31
"""

# Cohort 2024-01 = {a, b}, 2024-02 = {c}.  a is back in Feb and Mar, b in
# Mar, c in Mar.  The data ends on 03-31, so March is complete.
SELF_TESTS = [
    ("month, on, pooled", [], LOG1, 0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,100.00,50.00,100.00\n"
     "2024-02,1,100.00,100.00,\n"
     "average,3,100.00,66.67,100.00\n"),
    # k = 1: (1/2 + 1/1) / 2 = 75%, where pooled is 2/3.
    ("mean", ["--average", "mean", "-p", "1"], LOG1, 0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,100.0,50.0,100.0\n"
     "2024-02,1,100.0,100.0,\n"
     "average,3,100.0,75.0,100.0\n"),
    # b has no Feb event but one in March: counted from k = 1 on.
    ("on-or-after, counts", ["--mode", "on-or-after", "--counts"], LOG1, 0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,2,2,2\n"
     "2024-02,1,1,1,\n"
     "average,3,3,3,2\n"),
    # 03-31 is cut off (a warning), March is unfinished: empty, not 0.
    ("as-of inside a month", ["--as-of", "2024-03-30", "--no-average"], LOG1, 0,
     "cohort,customers,month_0,month_1\n"
     "2024-01,2,100.00,50.00\n"
     "2024-02,1,100.00,\n"),
    ("max-periods and long", ["--max-periods", "1", "--long", "--no-average"], LOG1, 0,
     "cohort,offset,period,customers,active,retention_rate\n"
     "2024-01,0,2024-01,2,2,100.00\n"
     "2024-01,1,2024-02,2,1,50.00\n"
     "2024-02,0,2024-02,1,1,100.00\n"
     "2024-02,1,2024-03,1,1,100.00\n"),
    ("long with average", ["--long", "--from", "2024-02-01", "-p", "0"], LOG1, 0,
     # from Feb: a, c join in Feb (a's Jan event is left out), b in Mar.
     "cohort,offset,period,customers,active,retention_rate\n"
     "2024-02,0,2024-02,2,2,100\n"
     "2024-02,1,2024-03,2,2,100\n"
     "2024-03,0,2024-03,1,1,100\n"
     "2024-03,1,2024-04,1,,\n"
     "average,0,,3,3,100\n"
     "average,1,,2,2,100\n"),
    # 1 of 8 is 12.5%: -p 0 rounds half away from zero to 13; 3 of 16 is
    # 18.75%, 18.8 with -p 1.
    ("rounding", ["-p", "0", "--no-average"],
     "id,date\n" + "".join("x%d,2024-01-01\n" % i for i in range(8)) + "x0,2024-02-29\n", 0,
     "cohort,customers,month_0,month_1\n2024-01,8,100,13\n"),
    ("rounding 18.75", ["-p", "1", "--no-average", "--period", "year"],
     "id,date\n" + "".join("y%d,2023-06-01\n" % i for i in range(16)) +
     "".join("y%d,2024-12-31\n" % i for i in range(3)), 0,
     "cohort,customers,year_0,year_1\n2023,16,100.0,18.8\n"),
    ("quarters", ["--counts", "--period", "quarter", "--no-average", "--as-of", "2024-06-30"],
     "id,date\nq,2024-02-10\nq,2024-05-01\nr,2024-03-31\n", 0,
     "cohort,customers,quarter_0,quarter_1\n2024-Q1,2,2,1\n"),
    # 2021-01-03 is a Sunday in ISO week 2020-W53; 01-04 starts 2021-W01.
    ("iso weeks", ["--counts", "--period", "week", "--no-average"],
     "customer,date\np,2021-01-03\nq,2021-01-04\np,2021-01-10\n", 0,
     "cohort,customers,week_0,week_1\n2020-W53,1,1,1\n2021-W01,1,1,\n"),
    # With Sunday weeks both join in the week of 2021-01-03; p is back on
    # Sunday the 10th, the next week, which is complete only on the 16th.
    ("sunday weeks", ["--counts", "--period", "week", "--week-start", "Sun",
                      "--as-of", "2021-01-16", "--no-average"],
     "customer,date\np,2021-01-03\nq,2021-01-04\np,2021-01-10\n", 0,
     "cohort,customers,week_0,week_1\n2021-01-03,2,2,1\n"),
    # 23:30 at -01:00 is 00:30 UTC the next day: February with --utc only.
    ("utc", ["--counts", "--utc", "--period", "day", "--no-average"],
     "id,timestamp\nu,2024-01-31T23:30:00-01:00\nv,2024-01-31 08:00+0100\n", 0,
     "cohort,customers,day_0,day_1\n2024-01-31,1,1,0\n2024-02-01,1,1,\n"),
    ("no utc", ["--counts", "--period", "day", "--no-average"],
     "id,timestamp\nu,2024-01-31T23:30:00-01:00\nv,2024-01-31 08:00+0100\n", 0,
     "cohort,customers,day_0\n2024-01-31,2,2\n"),
    # 1706745599.5 is 2024-01-31 23:59:59.5 UTC; 1706745600 is Feb 1st.
    ("unix", ["--counts", "--date-format", "unix", "--no-average"],
     "id,date\nu,1704067200\nu,1706745599.5\nv,1706745600\nu,1709251199\n", 0,
     "cohort,customers,month_0,month_1\n2024-01,1,1,1\n2024-02,1,1,\n"),
    ("bad rows", ["--counts", "--no-average"],
     "id,date\nu,2024-01-01\n,2024-01-02\nv,2023-02-29\nw,2024-01-03,x\nu,2024-02-29\n", 1,
     "cohort,customers,month_0,month_1\n2024-01,1,1,1\n"),
    ("nothing usable", [], "id,date\n,2024-01-01\n", 2, ""),
    # s signs up in Jan and buys on Mar 31st (March is complete); t's first event is a visit in Jan,
    # its signup in Feb; u never signs up.
    ("start and return events",
     ["--event-col", "event", "--start-event", "signup", "--return-event", "buy", "--counts"],
     "id,date,event\ns,2024-01-02,signup\nt,2024-01-03,visit\nu,2024-01-04,buy\n"
     "t,2024-02-01,signup\nt,2024-02-02,buy\ns,2024-03-31,buy\n", 0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,1,0,0,1\n2024-02,1,1,0,\naverage,2,1,0,1\n"),
    ("group-by", ["--group-by", "plan", "--counts", "--as-of", "2024-02-29"],
     "id,date,plan\na,2024-01-01,pro\nb,2024-01-02,free\na,2024-02-01,free\n"
     "c,2024-02-03,pro\nb,2024-02-05,free\n", 0,
     "plan,cohort,customers,month_0,month_1\n"
     "pro,2024-01,1,1,1\npro,2024-02,1,1,\npro,average,2,2,1\n"
     "free,2024-01,1,1,1\nfree,average,1,1,1\n"
     ",overall,3,3,2\n"),
    ("cohort-col", ["--cohort-col", "signup", "--counts", "--no-average", "--as-of", "2024-02-29"],
     "id,date,signup\na,2024-02-10,2024-01-31\na,2024-01-05,2024-01-31\n"
     "b,2024-02-01,2024-02-01\n", 0,
     "cohort,customers,month_0,month_1\n2024-01,1,1,1\n2024-02,1,1,\n"),
    ("tsv", ["-f", "tsv", "--group-by", "g", "--counts", "--no-average", "--period", "day"],
     "id,date,g\na,2024-01-01,x\ty\n", 0,
     "g\tcohort\tcustomers\tday_0\nx\\ty\t2024-01-01\t1\t1\n"),
    ("csv quoting", ["--group-by", "g", "--counts", "--no-average", "--period", "day"],
     'id,date,g\na,2024-01-01,"x,""y"""\n', 0,
     'g,cohort,customers,day_0\n"x,""y""",2024-01-01,1,1\n'),
    # The lead's decisions.  A leap second is a time of its day; hour 24
    # is not (a row error).
    ("leap second", ["--counts", "--no-average", "--period", "day"],
     "id,date\na,2016-12-31T23:59:60Z\nb,2016-12-31T24:00:00Z\n", 1,
     "cohort,customers,day_0\n2016-12-31,1,1\n"),
    # Options name a column exactly first, else in any case.
    ("column in any case", ["--id-col", "WHO", "--date-col", "when", "--counts",
                            "--no-average"],
     "who,When,id\nw,2024-01-01,x\nw,2024-01-31,y\n", 0,
     "cohort,customers,month_0\n2024-01,1,1\n"),
    ("column exactly first", ["--id-col", "Who", "--counts", "--no-average"],
     "who,date,Who\nw,2024-01-01,x\nv,2024-01-31,x\n", 0,
     "cohort,customers,month_0\n2024-01,1,1\n"),
    ("counts with long", ["--counts", "--long"], LOG1, 2, ""),
    ("cohort-col with start-event", ["--event-col", "e", "--start-event", "s",
                                     "--cohort-col", "signup"], LOG1, 2, ""),
    ("max-periods 0", ["--max-periods", "0"], LOG1, 0,
     "cohort,customers,month_0\n2024-01,2,100.00\n2024-02,1,100.00\n"
     "average,3,100.00\n"),
    ("missing column", ["--event-col", "event"], LOG1, 2, ""),
    # A ';' input is written with ';' as in batch; --no-header.
    ("ragged only", ["--counts", "--no-average", "--group-by", "g"],
     "id;date;g\na;2024-01-01;x;y\n", 2, ""),
    ("semicolons", ["--counts", "--no-average", "--group-by", "g", "--no-header",
                    "--as-of", "2024-01-31"],
     'id;date;g\na;2024-01-01;"x;y"\n', 0, '"x;y";2024-01;1;1\n'),
    ("forced csv", ["-f", "csv", "--counts", "--no-average", "--group-by", "g",
                    "--as-of=2024-01-31"],
     "id\tdate\tg\na\t2024-01-01\tx,y\n", 0,
     'g,cohort,customers,month_0\n"x,y",2024-01,1,1\n'),
    # Blank lines, a BOM, CRLF line ends.
    ("bom crlf blank", ["--counts", "--no-average"],
     "\ufeff\r\nid,date\r\n\r\na,2024-01-01\r\n\nb,2024-01-31\r\n", 0,
     "cohort,customers,month_0\n2024-01,2,2\n"),
    ("an option twice", ["--period", "day", "--period=day"], LOG1, 2, ""),
    # A FILE before the options is no option given twice.
    ("file first", ["-", "--counts", "--no-average", "--max-periods=0"],
     LOG1, 0, "cohort,customers,month_0\n2024-01,2,2\n2024-02,1,1\n"),
    ("start-event twice", ["--event-col=event", "--start-event", "s", "--start-event=t"],
     "id,date,event\na,2024-01-01,t\nb,2024-01-01,u\n", 0,
     "cohort,customers,month_0\n2024-01,1,\naverage,1,\n"),
    ("utc out of range", ["--counts", "--no-average", "--utc"],
     "id,date\na,2024-01-01\nb,0001-01-01T00:30+01:00\na,2024-01-31\n", 1,
     "cohort,customers,month_0\n2024-01,1,1\n"),
]

# Subscription tables (--spans), worked by hand as in test_cli_cohorts.c:
# a starts on a month's first day, ends on another's and comes back; b
# starts mid-month and never ends; c joins and leaves in February; d's
# rows touch, e's overlap.  The default cut-off is the latest start, 04-01
# (not the latest end, 05-01: ends do not count).
SUBS = """customer_id,start_date,end_date,plan
a,2024-01-01,2024-03-01,basic
b,2024-01-15,,pro
c,2024-02-10,2024-02-20,basic
d,2024-02-01,2024-03-01,pro
d,2024-03-01,2024-04-15,pro
e,2024-02-05,2024-04-01,basic
e,2024-03-10,2024-05-01,basic
a,2024-04-01,,basic
"""

SELF_TESTS += [
    ("spans, default cut-off", ["--spans"], SUBS, 0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,100.00,50.00,100.00\n"
     "2024-02,3,66.67,66.67,\n"
     "average,5,80.00,60.00,100.00\n"),
    # An export's 9999-12-31 for "no end" runs on past the cut-off, the
    # latest start (02-01), as an open row would.
    ("spans, an end in 9999", ["--spans", "--counts"],
     "id,start_date,end_date\na,2024-01-15,\nb,2024-02-01,\n"
     "c,2024-01-10,2024-02-20\nz,2024-01-01,9999-12-31\n"
     "z,2023-12-20,2024-01-01\ny,2024-01-20,9999-12-31\n", 0,
     "cohort,customers,month_0,month_1\n2023-12,1,1,1\n2024-01,3,3,\n"
     "2024-02,1,,\naverage,5,4,1\n"),
    ("spans, on-or-after", ["--spans", "--counts", "--mode", "on-or-after",
                            "--as-of", "2024-05-31"], SUBS, 0,
     "cohort,customers,month_0,month_1,month_2,month_3,month_4\n"
     "2024-01,2,2,2,2,2,2\n2024-02,3,2,2,0,0,\naverage,5,4,4,2,2,2\n"),
    ("spans, group-by", ["--spans", "--counts", "--group-by", "plan",
                         "--as-of", "2024-05-31", "--max-periods", "2"], SUBS, 0,
     "plan,cohort,customers,month_0,month_1,month_2\n"
     "basic,2024-01,1,1,0,1\nbasic,2024-02,2,1,1,0\nbasic,average,3,2,1,1\n"
     "pro,2024-01,1,1,1,1\npro,2024-02,1,1,1,0\npro,average,2,2,2,1\n"
     ",overall,5,4,3,2\n"),
    # Weeks: Mondays 2024-02-26 (W09) and 03-04 (W10), Thursday 02-29.
    ("spans, weeks", ["--spans", "--counts", "--period", "week", "--as-of",
                      "2024-03-17"],
     "id,start_date,end_date\na,2024-02-26,2024-03-04\nb,2024-02-29,2024-03-05\n"
     "c,2024-03-04,\n", 0,
     "cohort,customers,week_0,week_1,week_2\n"
     "2024-W09,2,1,0,0\n2024-W10,1,1,1,\naverage,3,2,1,0\n"),
    ("spans, years and named columns",
     ["--spans", "--counts", "--period", "year", "--as-of", "2025-12-31",
      "--start-col", "From", "--end-col", "until"],
     "id,from,until\na,2023-03-01,2024-02-29\nb,2024-01-01,2025-01-01\n"
     "c,2024-02-29,\n", 0,
     "cohort,customers,year_0,year_1,year_2\n"
     "2023,1,1,0,0\n2024,2,1,1,\naverage,3,2,1,0\n"),
    # An end before the start, a row of no length, a bad date, a row after
    # the cut-off, a bad end.
    ("spans, bad rows", ["--spans", "--counts", "--as-of", "2024-03-10"],
     "id,start,end\na,2024-01-10,2024-03-01\nb,2024-02-01,2024-01-31\n"
     "c,2024-02-03,2024-02-03\nd,2024-02-30,\ne,2024-03-15,\n"
     "f,2024-01-20,2024-13-01\n", 1,
     "cohort,customers,month_0,month_1\n2024-01,1,1,0\naverage,1,1,0\n"),
    # The cut-off is b's start, 01-05 (the latest; ends do not count):
    # January has not ended, so no cell is observed (was 1, by a's end).
    ("spans, no length, strict", ["--spans", "--counts", "--strict"],
     "id,start_date,end_date\na,2024-01-01,2024-02-15\nb,2024-01-05,2024-01-05\n",
     1, "cohort,customers,month_0\n2024-01,1,\naverage,1,\n"),
    # What comes after the cut-off is not known: the row running from
    # 03-05 past --as-of 03-15 counts as still running at 03-15, not as
    # subscribed at the end of March (04-01, after the cut-off), so not in
    # the January cohort's cells even on or after.
    ("spans, an end after the cut-off", ["--spans", "--counts", "--mode",
                                         "on-or-after", "--as-of", "2024-03-15"],
     "id,start_date,end_date\na,2024-01-05,2024-01-20\na,2024-03-05,2024-06-01\n", 0,
     "cohort,customers,month_0,month_1\n2024-01,1,0,0\naverage,1,0,0\n"),
    ("spans with --from", ["--spans", "--from", "2024-01-01"], SUBS, 2, ""),
    ("end-col without spans", ["--end-col", "e"], LOG1, 2, ""),
]


def self_test():
    failed, stderr = 0, sys.stderr
    for name, argv, log, status, expected in SELF_TESTS:
        sys.stderr = io.StringIO()  # the cases' own messages are expected
        try:
            got, got_status = run(argv + ([] if "-" in argv else ["-"]), log)
        except SystemExit as e:
            got, got_status = "", e.code
        sys.stderr = stderr
        if (got, got_status) != (expected, status):
            failed += 1
            print("self-test FAILED: %s (exit %s, want %s)\n--- got\n%s--- want\n%s"
                  % (name, got_status, status, got, expected), file=sys.stderr)
    print("self-test: %d of %d cases pass" % (len(SELF_TESTS) - failed, len(SELF_TESTS)))
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if sys.argv[1:] == ["--choices"]:
        sys.stdout.write(CHOICES)
        sys.exit(0)
    text, status = run(sys.argv[1:])
    if text is not None:
        sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.exit(status)


if __name__ == "__main__":
    main()
