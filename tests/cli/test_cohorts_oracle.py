#!/usr/bin/env python3
"""retain cohorts against its independent oracle (oracle_cohorts.py).

Usage: test_cohorts_oracle.py [PATH/TO/retain] [--seed N] [--cases N]
                              [--oracle-only] [--no-shrink] [--keep DIR]

Generates random small activity logs and random option sets from a seed
(the same cases on every run), runs `retain cohorts` on each and the
oracle (in this process), and compares the exit status and, for csv and
tsv output, stdout byte for byte.  -f json and -f text are not modelled
by the oracle: there only the exit status is compared, and JSON must
parse.  On the first disagreement it prints the seed, the case, the
command, the log and a diff, then shrinks the case (rows, then options)
to a smaller one that still disagrees, prints that too, and exits 1.

The logs: a few to a few hundred rows; IDs with quotes, commas,
delimiters, line breaks, backslashes and bytes that are not UTF-8; dates
in every accepted form (times, fractions, Z and offsets, leap seconds,
unix seconds); invalid rows (no ID, impossible or malformed dates, the
wrong number of fields); event, segment, signup and ignored columns in
any order and case; csv, tsv and ';' files, CRLF, a byte-order mark,
blank lines, shuffled order; one to three inputs, standard input among
them.  The options: every option of retain cohorts, in any order, as
--opt=value, --opt value or a short option, now and then a usage error.
About a third of the cases are subscription tables (--spans): one to
three subscriptions per customer, touching, overlapping, open (an empty
end) or of no length, with rows whose end is before their start.

Without PATH (or with --oracle-only) only the oracle runs: every case
must be one it defines (it must not crash).  When the retain given has
no `cohorts` command yet, the test is skipped (exit 77).

Environment: RETAIN_ORACLE_CASES (default 250) and RETAIN_ORACLE_SEED
(default 16) are the defaults of --cases and --seed; RETAIN_WRAPPER (as
for the other CLI tests) runs retain under a command such as valgrind.
A long run by hand: test_cohorts_oracle.py build/retain --cases 20000.
"""
import argparse
import difflib
import importlib.util
import io
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location(
    "oracle_cohorts", os.path.join(HERE, "oracle_cohorts.py"))
oracle = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(oracle)

SKIP = 77
PERIODS = ["day", "week", "month", "quarter", "year"]
# Days a customer's events spread over, per period: a few periods' worth.
SPAN = {"day": 20, "week": 90, "month": 300, "quarter": 800, "year": 1500}
ODD_IDS = ["a", "A", "x,y", 'q"uote', '"', " sp ", "é", "\udcff\udcfe",
           "tab\there", "new\nline", "cr\r\nlf", "back\\slash", "\\t", "0",
           "-", "semi;colon", "ünï", "id", ""]
EVENTS = ["signup", "buy", "visit", "Buy", "", "x,y"]
SEGMENTS = ["free", "pro", "", "x,y", "Pro", 'q"', "\udcff"]
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday",
                 "saturday", "sunday"]


# ---- dates ---------------------------------------------------------------

def iso_text(rng, ordinal, utc_noise=True):
    """One of the ISO forms of the date `ordinal` (a proleptic ordinal)."""
    day = oracle.datetime.date.fromordinal(ordinal).isoformat()
    form = rng.random()
    if form < 0.4:
        return day
    sep = rng.choice("T ")
    hh, mm = rng.choice([0, 1, 12, 22, 23, rng.randrange(24)]), rng.randrange(60)
    text = "%s%s%02d:%02d" % (day, sep, hh, mm)
    if rng.random() < 0.6:
        ss = rng.choice([0, 59, 60, rng.randrange(60)])
        text += ":%02d" % ss
        if rng.random() < 0.3:
            text += "." + "".join(rng.choice("0123456789")
                                  for _ in range(rng.randint(1, 9)))
    if rng.random() < 0.5 and utc_noise:
        zone = rng.random()
        if zone < 0.3:
            text += "Z"
        else:
            h, m = rng.choice([0, 1, 5, 9, 14, 23]), rng.choice([0, 30, 45, 59])
            sign = rng.choice("+-")
            colon = rng.choice([":", ""])
            text += "%s%02d%s%02d" % (sign, h, colon, m)
    return text


def unix_text(rng, ordinal):
    seconds = (ordinal - oracle.EPOCH.toordinal()) * 86400
    seconds += rng.choice([0, 1, 86399, rng.randrange(86400)])
    text = str(seconds)
    if rng.random() < 0.2:
        text = "0" + text
    if rng.random() < 0.3:
        text += "." + "".join(rng.choice("0123456789")
                              for _ in range(rng.randint(1, 6)))
    return text


BAD_ISO = ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "", " 2024-01-01",
           "2024-01-01 ", "2024-01-01T24:00", "2024-01-01T12:60", "2024-01-01T12:00:61",
           "2024-01-01Z", "2024-01-01T12", "2024-01-01T12:00+24:00", "2024-01-01t12:00",
           "2024-01-01T12:00z", "+2024-01-01", "2024/01/01", "0000-01-01",
           "2024-01-01T12:00:00.", "2024-01-32", "\u0662024-01-01", "x"]
BAD_UNIX = ["", "-1", "+5", "1.", ".5", "1e9", " 1", "253402300800", "abc", "1,5"]


# ---- logs ----------------------------------------------------------------

class Plan:
    """What a case's log holds: column roles and their header names."""

    def __init__(self, rng):
        self.unix = rng.random() < 0.15
        self.period = rng.choice(PERIODS)
        self.spans = rng.random() < 0.35
        self.start_name = rng.choice(["start_date", "start", "Start_Date", "from"])
        self.end_name = rng.choice(["end_date", "end", "END", "until"])
        self.id_name = rng.choice(["customer_id", "customer", "id", "ID",
                                   "Customer_Id", "who", "user"])
        self.date_name = rng.choice(["date", "timestamp", "time", "Date",
                                     "TIME", "when", "at"])
        self.event_name = rng.choice(["event", "Event", "kind"]) \
            if rng.random() < 0.4 else None
        self.group_name = rng.choice(["plan", "Plan", "seg ment"]) \
            if rng.random() < 0.3 else None
        self.signup_name = rng.choice(["signup", "Signed"]) \
            if rng.random() < 0.2 else None
        self.extra = ["note", "amount", "id2"][:rng.randint(0, 2)]
        self.base = oracle.datetime.date(2023, 1, 1).toordinal() + rng.randrange(700)

    def columns(self):
        if self.spans:
            names = [self.id_name, self.start_name, self.end_name] + self.extra
            return names + ([self.group_name] if self.group_name else [])
        names = [self.id_name, self.date_name] + self.extra
        for n in (self.event_name, self.group_name, self.signup_name):
            if n is not None:
                names.append(n)
        return names


def date_field(rng, plan, ordinal):
    return unix_text(rng, ordinal) if plan.unix else iso_text(rng, ordinal)


def bad_date(rng, plan):
    return rng.choice(BAD_UNIX if plan.unix else BAD_ISO)


def span_rows(rng, plan, cid):
    """One customer's subscriptions: one to three, apart, touching or
    overlapping; an end empty (still running) or on the start day now and
    then, before it more rarely."""
    rows, day = [], plan.base + rng.randrange(SPAN[plan.period])
    for _ in range(rng.choice([1, 1, 2, 3])):
        length = rng.choice([0, 1, rng.randrange(1, 40),
                             rng.randrange(1, SPAN[plan.period] + 1),
                             rng.randrange(1, SPAN[plan.period] + 1)])
        end = "" if rng.random() < 0.2 else date_field(rng, plan, day + length)
        if rng.random() < 0.03:
            end = date_field(rng, plan, day - rng.randint(1, 40))
        row = {plan.id_name: cid, plan.start_name: date_field(rng, plan, day),
               plan.end_name: end}
        for n in plan.extra:
            row[n] = rng.choice(["", "1", "x,y", '"'])
        if plan.group_name:
            row[plan.group_name] = rng.choice(SEGMENTS)
        rows.append(row)
        day += rng.choice([length, length, 0, -rng.randrange(10),
                           length + rng.randrange(1, SPAN[plan.period])])
    return rows


def make_rows(rng, plan):
    """A list of rows, each a dict from column name to text, or a list of
    fields of the wrong count."""
    names = plan.columns()
    if plan.spans:
        return make_span_rows(rng, plan, names)
    customers = rng.randint(1, rng.choice([3, 12, 40]))
    pool = ODD_IDS + ["c%d" % i for i in range(customers)]
    ids = [rng.choice(pool) if rng.random() < 0.25 else "c%d" % i
           for i in range(customers)]
    rows = []
    for cid in ids:
        signup = plan.base + rng.randrange(SPAN[plan.period])
        first = signup + rng.choice([0, 0, 0, 1, -1, rng.randrange(30)])
        for _ in range(rng.randint(1, rng.choice([2, 5, 9]))):
            day = first + int(rng.random() ** 2 * SPAN[plan.period])
            row = {plan.id_name: cid, plan.date_name: date_field(rng, plan, day)}
            for n in plan.extra:
                row[n] = rng.choice(["", "1", "x,y", '"'])
            if plan.event_name:
                row[plan.event_name] = rng.choice(EVENTS)
            if plan.group_name:
                row[plan.group_name] = rng.choice(SEGMENTS)
            if plan.signup_name:
                when = signup if rng.random() < 0.85 else signup + rng.randint(-40, 40)
                row[plan.signup_name] = date_field(rng, plan, when)
            rows.append(row)
    rows += [bad_row(rng, plan, names) for _ in range(int(len(rows) * rng.choice([0, 0, 0.05, 0.2])))]
    rng.shuffle(rows)
    return [r if isinstance(r, list) else [r[n] for n in names] for r in rows]


def make_span_rows(rng, plan, names):
    customers = rng.randint(1, rng.choice([3, 12, 40]))
    pool = ODD_IDS + ["c%d" % i for i in range(customers)]
    rows = []
    for i in range(customers):
        rows += span_rows(rng, plan, rng.choice(pool) if rng.random() < 0.25 else "c%d" % i)
    rows += [bad_span_row(rng, plan, names)
             for _ in range(int(len(rows) * rng.choice([0, 0, 0.05, 0.2])))]
    rng.shuffle(rows)
    return [r if isinstance(r, list) else [r[n] for n in names] for r in rows]


def bad_span_row(rng, plan, names):
    row = {n: "" for n in names}
    row[plan.id_name] = "bad%d" % rng.randrange(5)
    row[plan.start_name] = date_field(rng, plan, plan.base)
    kind = rng.randrange(4)
    if kind == 0:
        row[plan.id_name] = ""
    elif kind == 1:
        row[plan.start_name] = bad_date(rng, plan)
    elif kind == 2:
        row[plan.end_name] = rng.choice([bad_date(rng, plan),
                                         date_field(rng, plan, plan.base - 1)])
        if row[plan.end_name] == "":
            row[plan.end_name] = "x"
    else:
        fields = [row[n] for n in names]
        return fields + ["extra"] if rng.random() < 0.5 or len(fields) < 2 else fields[:-1]
    return row


def bad_row(rng, plan, names):
    row = {n: "" for n in names}
    row[plan.id_name] = "bad%d" % rng.randrange(5)
    row[plan.date_name] = date_field(rng, plan, plan.base)
    kind = rng.randrange(4)
    if kind == 0:
        row[plan.id_name] = ""
    elif kind == 1:
        row[plan.date_name] = bad_date(rng, plan)
    elif kind == 2 and plan.signup_name:
        row[plan.signup_name] = bad_date(rng, plan)
    else:
        fields = [row[n] for n in names]
        return fields + ["extra"] if rng.random() < 0.5 or len(fields) < 2 else fields[:-1]
    return row


# ---- files ---------------------------------------------------------------

def quote(text, delimiter):
    """A field as the project's reader reads it back (csv.h)."""
    if delimiter == "\t":
        return (text.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"))
    if any(c in text for c in delimiter + '"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


class LogFile:
    """One input: its records (already quoted) and how they are written."""

    def __init__(self, rng, header, rows, delimiter):
        self.delimiter = delimiter
        self.header = delimiter.join(quote(h, delimiter) for h in header)
        self.records = [delimiter.join(quote(f, delimiter) for f in r) for r in rows]
        self.crlf = rng.random() < 0.25
        self.bom = rng.random() < 0.1
        self.leading_blanks = rng.choice([0, 0, 0, 0, 1, 2])
        self.blank_at = sorted(rng.randrange(len(rows) + 1)
                               for _ in range(rng.choice([0, 0, 0, 1, 3])))
        self.final_newline = rng.random() < 0.9
        self.name = None  # file name, or "-" for standard input

    def text(self, records=None):
        records = self.records if records is None else records
        end = "\r\n" if self.crlf else "\n"
        lines = [""] * self.leading_blanks + [self.header]
        for i, r in enumerate(records):
            lines += [""] * self.blank_at.count(i)
            lines.append(r)
        text = end.join(lines) + (end if self.final_newline else "")
        return ("\ufeff" if self.bom else "") + text


def file_name(rng, delimiter, forced, index):
    """A name that makes the delimiter known: by -d, the suffix or a sniff."""
    if forced:  # -d wins over the name
        pick = rng.choice(["in%d.csv", "in%d.tsv", "in%d.txt", "-"])
        return pick if pick == "-" else pick % index
    options = {",": ["in%d.csv", "in%d.CSV", "in%d.txt", "-"],
               "\t": ["in%d.tsv", "in%d.tab", "in%d.TSV", "in%d.txt", "-"],
               ";": ["in%d.txt", "in%d.log", "-"]}[delimiter]
    pick = rng.choice(options)
    return pick if pick == "-" else pick % index


def make_files(rng, plan, rows, forced):
    """One to three inputs sharing the rows; at most one is stdin."""
    count = rng.choice([1, 1, 1, 2, 3])
    delimiter = forced or rng.choice([",", ",", "\t", ";"])
    header = plan.columns()
    files, used_stdin = [], False
    cut = sorted(rng.randrange(len(rows) + 1) for _ in range(count - 1))
    bounds = [0] + cut + [len(rows)]
    for i in range(count):
        if not forced and i > 0 and rng.random() < 0.3:
            delimiter = rng.choice([",", "\t", ";"])
        order = list(range(len(header)))
        if rng.random() < 0.5:
            rng.shuffle(order)
        part = [[r[j] for j in order] if len(r) == len(header) else r
                for r in rows[bounds[i]:bounds[i + 1]]]
        names = [header[j] for j in order]
        if rng.random() < 0.1:  # names in another case: defaults still match
            names = [n.upper() if n in ("date", "id", "customer") else n for n in names]
        f = LogFile(rng, names, part, delimiter)
        f.name = file_name(rng, delimiter, forced, i)
        if f.name == "-":
            if used_stdin:
                f.name = "in%d.%s" % (i, {",": "csv", "\t": "tsv", ";": "txt"}[delimiter])
            used_stdin = True
        files.append(f)
    return files


# ---- options -------------------------------------------------------------

def spell(rng, long_name, value=None, short=None):
    """An option as words of argv, in one of the forms getopt_long takes."""
    if value is None:
        return [long_name]
    if short and rng.random() < 0.4:
        return [short + value] if rng.random() < 0.5 else [short, value]
    return [long_name + "=" + value] if rng.random() < 0.5 else [long_name, value]


def option_date(rng, plan, low, high):
    """A date from base + low to base + high days."""
    ordinal = plan.base + rng.randint(low, high)
    return oracle.datetime.date.fromordinal(ordinal).isoformat()


# --wide-csv: only what a report writer stubbed to wide csv of rates,
# without the average row or groups, writes (while the lead's writer is
# unfinished).
WIDE_CSV_ONLY = False


def make_options(rng, plan):
    """A list of option groups (each a list of argv words), and -d's value."""
    opts, span = [], SPAN[plan.period]
    if WIDE_CSV_ONLY:
        opts.append(["--no-average"])
    add = lambda *words: opts.append(list(words))
    if plan.period != "month" or rng.random() < 0.2:
        opts.append(spell(rng, "--period", plan.period))
    if rng.random() < (0.5 if plan.period == "week" else 0.01):
        day = rng.choice(WEEKDAY_NAMES)
        day = rng.choice([day, day[:3], day.upper(), day[:3].title()])
        opts.append(spell(rng, "--week-start", day))
    roles = [("--id-col", plan.id_name, ("customer_id", "customer", "id"))]
    if plan.spans:
        add("--spans")
        roles += [("--start-col", plan.start_name, ("start_date", "start")),
                  ("--end-col", plan.end_name, ("end_date", "end"))]
    else:
        roles += [("--date-col", plan.date_name, ("date", "timestamp", "time"))]
    for role, name, defaults in roles:
        if name.lower() not in defaults or rng.random() < 0.15:
            given = name if rng.random() < 0.7 else name.swapcase()
            opts.append(spell(rng, role, given))
    if plan.unix:
        opts.append(spell(rng, "--date-format", "unix"))
    elif rng.random() < 0.05:
        opts.append(spell(rng, "--date-format", "iso"))
    if rng.random() < (0.3 if not plan.unix else 0.02):
        add("--utc")
    starts = False
    if plan.event_name and rng.random() < 0.8 and not plan.spans:
        opts.append(spell(rng, "--event-col", plan.event_name))
        if rng.random() < 0.6 and not (plan.signup_name and rng.random() < 0.5):
            starts = True
            for v in rng.sample(["signup", "buy", "visit"], rng.randint(1, 2)):
                opts.append(spell(rng, "--start-event", v))
        if rng.random() < 0.6 or (not starts and rng.random() < 0.95):
            for v in rng.sample(["buy", "visit", "Buy", "signup"], rng.randint(1, 2)):
                opts.append(spell(rng, "--return-event", v))
    if plan.signup_name and not starts and rng.random() < 0.8 and not plan.spans:
        opts.append(spell(rng, "--cohort-col", plan.signup_name))
    if rng.random() < 0.3:
        opts.append(spell(rng, "--mode", rng.choice(["on", "on-or-after"])))
    if rng.random() < 0.3:
        opts.append(spell(rng, "--as-of", option_date(rng, plan, span // 4, 2 * span)))
    if rng.random() < (0.15 if not plan.spans else 0.01):
        opts.append(spell(rng, "--from", option_date(rng, plan, -span // 4, span)))
    no_average = WIDE_CSV_ONLY or rng.random() < 0.15
    if no_average and not WIDE_CSV_ONLY:
        add("--no-average")
    averaged = rng.random() < (0.3 if not no_average else 0.02)
    if averaged:
        opts.append(spell(rng, "--average", rng.choice(["pooled", "mean"])))
    if plan.group_name and rng.random() < 0.7 and not WIDE_CSV_ONLY:
        opts.append(spell(rng, "--group-by", plan.group_name))
    if rng.random() < 0.15:
        opts.append(spell(rng, "--max-periods", str(rng.randint(0, 6))))
    fmt = rng.choice([None] * 6 + ["csv", "tsv", "csv", "tsv", "json", "text"])
    if WIDE_CSV_ONLY:
        fmt = "csv"
    if fmt:
        opts.append(spell(rng, "--format", fmt, "-f"))
    long_form = rng.random() < (0.2 if fmt not in ("json", "text") else 0.02) \
        and not WIDE_CSV_ONLY
    if long_form:
        add("--long")
    if not long_form and rng.random() < (0.25 if fmt != "json" else 0.02) \
            and not WIDE_CSV_ONLY and (not averaged or rng.random() < 0.05):
        add("--counts")
    if rng.random() < 0.4:
        opts.append(spell(rng, "--precision", str(rng.randint(0, 12)), "-p"))
    if rng.random() < 0.1 and not WIDE_CSV_ONLY:
        add("--no-header")
    if rng.random() < 0.1:
        opts.append(spell(rng, "--jobs", str(rng.randint(1, 4)), "-j"))
    if rng.random() < 0.2:
        add("--strict")
    forced = None
    if rng.random() < 0.1:
        forced = rng.choice([",", ";", "tab"])
        opts.append(spell(rng, "--delimiter", forced, "-d"))
    if rng.random() < 0.06:
        opts.append(usage_error(rng))
    rng.shuffle(opts)
    return opts, forced


def usage_error(rng):
    return rng.choice([
        ["--period", "fortnight"], ["-p", "13"], ["-p", "x"], ["--counts", "--long"],
        ["--mode", "after"], ["--as-of", "2023-02-29"], ["--as-of", "2024-01-01T00:00"],
        ["--from", "yesterday"], ["--max-periods", "-1"], ["--max-periods", "x"],
        ["--week-start", "funday"], ["--no-such-option"], ["--average", "median"],
        ["--date-format", "epoch"], ["-f", "xml"], ["-d", "|"],
        ["--event-col", "event", "--cohort-col", "signup", "--start-event", "buy"],
        ["--start-event", "buy"], ["--end-col", "end"], ["--spans", "--date-col", "d"]])


# ---- one case ------------------------------------------------------------

class Case:
    def __init__(self, seed, number):
        rng = random.Random("%d/%d" % (seed, number))
        self.seed, self.number = seed, number
        self.plan = Plan(rng)
        self.options, forced = make_options(rng, self.plan)
        forced_char = {"tab": "\t", ",": ",", ";": ";"}.get(forced)
        self.files = make_files(rng, self.plan, make_rows(rng, self.plan), forced_char)
        self.records = [list(f.records) for f in self.files]
        self.dash_dash = rng.random() < 0.1
        self.file_slots = [rng.randint(0, len(self.options)) for _ in self.files]
        # A lone standard input may go unnamed: no FILE reads it too.
        self.unnamed_stdin = [f.name for f in self.files] == ["-"] and rng.random() < 0.5

    def argv(self):
        """The options with the file names among them (or after --)."""
        words = []
        for i, group in enumerate(self.options + [[]]):
            if not self.dash_dash:
                words += [f.name for f, slot in zip(self.files, self.file_slots) if slot == i]
            words += group
        if self.dash_dash:
            words += ["--"] + [f.name for f in self.files]
        if self.unnamed_stdin:
            words.remove("-")
            if words and words[-1] == "--":
                words.pop()
        return words

    def json_asked(self):
        words = self.argv()
        return "-fjson" in words or "--format=json" in words or any(
            a in ("-f", "--format") and b == "json" for a, b in zip(words, words[1:]))

    def write(self, work):
        stdin = None
        for f, records in zip(self.files, self.records):
            data = f.text(records).encode("utf-8", "surrogateescape")
            if f.name == "-":
                stdin = data
            else:
                with open(os.path.join(work, f.name), "wb") as out:
                    out.write(data)
        return stdin

    def expected(self, work, stdin):
        """The oracle's (stdout bytes or None, status)."""
        saved_out, saved_err, cwd = sys.stdout, sys.stderr, os.getcwd()
        sys.stderr = io.StringIO()
        sys.stdout = io.StringIO()
        os.chdir(work)
        try:
            text, status = oracle.run(self.argv(), None if stdin is None
                                      else stdin.decode("utf-8", "surrogateescape"))
        except SystemExit as e:  # a usage error
            text, status = "", e.code
        finally:
            sys.stdout, sys.stderr = saved_out, saved_err
            os.chdir(cwd)
        return (None if text is None else text.encode("utf-8", "surrogateescape")), status

    def describe(self, work):
        lines = ["seed %d, case %d" % (self.seed, self.number),
                 "command: cd DIR && %sretain cohorts %s" % (
                     "printf ... | " if any(f.name == "-" for f in self.files) else "",
                     " ".join(shlex.quote(w) for w in self.argv()))]
        for f, records in zip(self.files, self.records):
            lines.append("--- %s (%d rows) as Python bytes:" % (f.name, len(records)))
            lines.append(repr(f.text(records).encode("utf-8", "surrogateescape")))
        return "\n".join(lines)


def run_retain(retain, work, case, stdin):
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    env = dict(os.environ, LC_ALL="C")
    proc = subprocess.run(wrapper + [retain, "cohorts"] + case.argv(), cwd=work,
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
    if want is None:
        if status <= 1 and case.json_asked():
            try:
                json.loads(got.decode("utf-8", "surrogateescape"))
            except ValueError as e:
                problems.append("the JSON does not parse: %s" % e)
    elif got != want:
        diff = difflib.unified_diff(
            want.decode("utf-8", "backslashreplace").splitlines(True),
            got.decode("utf-8", "backslashreplace").splitlines(True),
            "oracle", "retain", n=1)
        problems.append("stdout differs:\n" + "".join(list(diff)[:60]))
    if not problems:
        return None
    return "\n".join(problems) + "\nretain's stderr:\n" + \
        err.decode("utf-8", "backslashreplace")[:2000]


# ---- shrinking -----------------------------------------------------------

def shrink(retain, work, case):
    """Removes rows, then whole options, while the disagreement stays."""
    def still(c):
        for name in os.listdir(work):
            os.unlink(os.path.join(work, name))
        try:
            return disagreement(retain, work, c) is not None
        except Exception:
            return False
    for i in range(len(case.records)):
        chunk = max(1, len(case.records[i]) // 2)
        while chunk >= 1:
            j, changed = 0, False
            while j < len(case.records[i]):
                saved = case.records[i]
                case.records[i] = saved[:j] + saved[j + chunk:]
                if still(case):
                    changed = True
                else:
                    case.records[i] = saved
                    j += chunk
            if not changed:
                chunk //= 2
    j = 0
    while j < len(case.options):
        if WIDE_CSV_ONLY and case.options[j][0].startswith(("--no-average", "--format", "-f")):
            j += 1  # what --wide-csv needs stays
            continue
        saved, slots = case.options, case.file_slots
        case.options = saved[:j] + saved[j + 1:]
        case.file_slots = [min(s, len(case.options)) for s in slots]
        if still(case):
            continue
        case.options, case.file_slots = saved, slots
        j += 1
    still(case)
    return case


# ---- main ----------------------------------------------------------------

def has_cohorts(retain):
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    proc = subprocess.run([*wrapper, retain, "cohorts", "--help"],
                          stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    return proc.returncode == 0


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("retain", nargs="?")
    ap.add_argument("--seed", type=int,
                    default=int(os.environ.get("RETAIN_ORACLE_SEED", "16")))
    ap.add_argument("--cases", type=int,
                    default=int(os.environ.get("RETAIN_ORACLE_CASES", "250")))
    ap.add_argument("--case", type=int, metavar="N", help="run case N only")
    ap.add_argument("--oracle-only", action="store_true")
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--keep", metavar="DIR",
                    help="copy the failing case's files to DIR")
    ap.add_argument("--wide-csv", action="store_true",
                    help="(obsolete: the stub writer is gone) wide csv only")
    ap.add_argument("--all", action="store_true",
                    help="go on after a disagreement; count them all")
    return ap.parse_args()


def main():
    args = parse_args()
    global WIDE_CSV_ONLY
    WIDE_CSV_ONLY = args.wide_csv
    retain = None if args.oracle_only or not args.retain else os.path.abspath(args.retain)
    if retain and not has_cohorts(retain):
        print("test_cohorts_oracle: %s has no cohorts command yet: skipped" % retain)
        sys.exit(SKIP)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="retain-cohorts-") as work:
        numbers = range(args.cases) if args.case is None else [args.case]
        for n in numbers:
            case = Case(args.seed, n)
            for name in os.listdir(work):
                os.unlink(os.path.join(work, name))
            problem = disagreement(retain, work, case)
            if problem is None:
                continue
            failures += 1
            print("MISMATCH %s\n%s\n" % (case.describe(work), problem))
            if not args.no_shrink:
                small = shrink(retain, work, Case(args.seed, n))
                print("SHRUNK TO %s\n%s\n" % (small.describe(work),
                                             disagreement(retain, work, small)))
            if args.keep:
                shutil.copytree(work, os.path.join(args.keep, "case%d" % n),
                                dirs_exist_ok=True)
            if not args.all:
                break
    what = "the oracle alone" if retain is None else "retain and the oracle"
    print("test_cohorts_oracle: seed %d, %d cases, %s: %d disagreement%s"
          % (args.seed, args.cases, what, failures, "" if failures == 1 else "s"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
