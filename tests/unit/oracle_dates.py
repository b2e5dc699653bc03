#!/usr/bin/python3
"""src/core/date.c and period.c against Python's datetime.

Usage: python3 oracle_dates.py PATH/TO/date_probe

Generates random texts from a fixed seed (so every run is the same): valid
dates and timestamps of every form date.h reads (T or space, seconds,
fractions, Z, +HH:MM, +HHMM), biased towards year ends, leap days, ISO
weeks 52/53 and offsets that cross midnight; the same with one impossible
value or one byte deleted, inserted or replaced; and unix seconds, up to
40 digits.  Each is read as written, in UTC and (the digit strings) as unix
seconds by date_probe, and compared with what is computed here:

- acceptance by a regular expression of the grammar plus datetime's own
  checks (a second of 60 is accepted as a leap second, on the date written);
- the date, as written or via astimezone(timezone.utc) (OverflowError is
  the out-of-range error), and its weekday;
- for day, weeks from each weekday, month, quarter and year: the label
  (ISO weeks from date.isocalendar()), the first and last day, "ended" by
  the day itself, and that indexes are consecutive: for weeks, first_day -
  7 * index is one constant for all dates, a day of the starting weekday.

Environment: RETAIN_ORACLE_DATES (default 200000) texts, from
RETAIN_ORACLE_SEED (default 1).  Exits 1 on the first disagreement.
"""
import os
import random
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

EPOCH = date(1970, 1, 1)
MIN_DAY = (date(1, 1, 1) - EPOCH).days
MAX_DAY = (date(9999, 12, 31) - EPOCH).days
MAX_UNIX = 253402300799

ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
                 r"(?:[T ]([0-9]{2}):([0-9]{2})"
                 r"(?::([0-9]{2})(?:\.[0-9]+)?)?"
                 r"(Z|[+-][0-9]{2}:?[0-9]{2})?)?", re.ASCII)
UNIX = re.compile(r"([0-9]+)(?:\.[0-9]+)?", re.ASCII)

FORM_ERRORS = {1, 2, 3, 4, 5}  # EMPTY SPACE SIGN FORM TRAILING
VALUE_ERRORS = {6, 7, 8, 9, 10, 11, 12, 13}  # NO_YEAR .. ZONE_RANGE
RANGE_ERROR = 14


def expect_iso(text, utc):
    """("ok", date) or ("form",) / ("value",) / ("range",)."""
    m = ISO.fullmatch(text)
    if not m:
        return ("form",)
    y, mo, d, h, mi, s, zone = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0),
                      min(int(s or 0), 59) if int(s or 0) <= 60 else 99)
        tz = None
        if zone and zone != "Z":
            zh, zm = int(zone[1:3]), int(zone[-2:])
            if zh > 23 or zm > 59:
                return ("value",)
            sign = -1 if zone[0] == "-" else 1
            tz = timezone(sign * timedelta(hours=zh, minutes=zm))
        elif zone == "Z":
            tz = timezone.utc
    except ValueError:
        return ("value",)
    if not utc or tz is None:
        return ("ok", dt.date())
    try:
        return ("ok", dt.replace(tzinfo=tz).astimezone(timezone.utc).date())
    except OverflowError:
        return ("range",)


def expect_unix(text):
    m = UNIX.fullmatch(text)
    if not m:
        return ("form",)
    seconds = int(m.group(1))
    if seconds > MAX_UNIX:
        return ("range",)
    return ("ok", EPOCH + timedelta(days=seconds // 86400))


def interesting_date(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return EPOCH + timedelta(days=rng.randint(MIN_DAY, MAX_DAY))
    if kind == 1:  # around a year end: ISO weeks 52, 53 and 1
        year = rng.choice([1, 9999, 1900, 2000, 2020, 2021, 2024, 2026,
                           rng.randint(1, 9998)])
        return date(year, 12, 24) + \
            timedelta(days=rng.randint(0, 14 if year < 9999 else 7))
    if kind == 2:  # around February's end
        year = rng.choice([1900, 2000, 2023, 2024, 2100, 2400,
                           rng.randint(1, 9999)])
        return date(year, 2, 26) + timedelta(days=rng.randint(0, 5))
    if kind == 3:  # the ends of the range
        return rng.choice([date(1, 1, 1), date(1, 1, 2), date(1, 1, 7),
                           date(9999, 12, 31), date(9999, 12, 25)])
    return date(rng.randint(1, 9999), rng.randint(1, 12), 1) - \
        timedelta(days=rng.randint(0, 1)) if rng.random() < 0.5 else \
        EPOCH + timedelta(days=rng.randint(-3000, 30000))


def time_text(rng):
    sep = rng.choice("T ")
    hour = rng.choice([0, 0, 1, 22, 23, 23, rng.randint(0, 23)])
    text = "%s%02d:%02d" % (sep, hour, rng.choice([0, 59, rng.randint(0, 59)]))
    if rng.random() < 0.6:
        text += ":%02d" % rng.choice([0, 59, 60, rng.randint(0, 59)])
        if rng.random() < 0.4:
            text += "." + "".join(rng.choice("0123456789")
                                  for _ in range(rng.randint(1, 12)))
    zone = rng.randrange(4)
    if zone == 1:
        text += "Z"
    elif zone >= 2:
        zh = rng.choice([0, 1, 5, 12, 14, 23, rng.randint(0, 23)])
        zm = rng.choice([0, 30, 45, 59, rng.randint(0, 59)])
        colon = ":" if zone == 2 else ""
        text += "%s%02d%s%02d" % (rng.choice("+-"), zh, colon, zm)
    return text


def valid_iso(rng):
    text = interesting_date(rng).isoformat()
    return text + time_text(rng) if rng.random() < 0.7 else text


ZONE = re.compile(r"[+-][0-9]{2}:?[0-9]{2}$")


def impossible_value(rng, text):
    """The text with one number made impossible (when it has that one)."""
    spans = {"year": (0, 4, ["0000"]),
             "month": (5, 7, ["00", "13", "99"]),
             "day": (8, 10, ["00", "29", "30", "31", "32", "99"]),
             "hour": (11, 13, ["24", "25", "99"]),
             "minute": (14, 16, ["60", "99"]),
             "second": (17, 19, ["60", "61", "99"])}
    name = rng.choice(list(spans) + ["zone"])
    zone = ZONE.search(text[16:])
    if name == "zone" and zone:
        z = zone.group(0)
        bad = z[0] + rng.choice(["24", "99"]) + z[3:] if rng.random() < 0.5 \
            else z[:-2] + rng.choice(["60", "99"])
        return text[:len(text) - len(z)] + bad
    if name == "zone" or len(text) < spans[name][1] or \
            (name == "second" and text[16:17] != ":"):
        return text
    start, end, values = spans[name]
    return text[:start] + rng.choice(values) + text[end:]


NOISE = "0123456789-:T Z+.,xtz\t\r/\x7f\xe9"


def mutate(rng, text):
    kind = rng.randrange(6)
    pos = rng.randint(0, len(text))
    if kind == 0 and text:
        return text[:pos] + text[pos + 1:]
    if kind == 1:
        return text[:pos] + rng.choice(NOISE) + text[pos:]
    if kind == 2 and text:
        pos = min(pos, len(text) - 1)
        return text[:pos] + rng.choice(NOISE) + text[pos + 1:]
    if kind == 3:
        return rng.choice(["+", "-", " ", "\t"]) + text
    if kind == 4:
        return text + rng.choice([" ", "Z", "x", ":00", "+01", "\r", "."])
    return text[:pos]


def unix_text(rng):
    kind = rng.randrange(6)
    if kind == 0:
        text = str(rng.randint(0, MAX_UNIX))
    elif kind == 1:
        text = str(rng.choice([0, 86399, 86400, MAX_UNIX, MAX_UNIX + 1,
                               MAX_UNIX - 86400, 951782400, 4107456000]))
    elif kind == 2:
        text = "".join(rng.choice("0123456789")
                       for _ in range(rng.randint(1, 40)))
    elif kind == 3:
        text = "0" * rng.randint(1, 30) + str(rng.randint(0, MAX_UNIX + 10**6))
    else:
        text = str(rng.randint(0, MAX_UNIX + 10**5))
    if rng.random() < 0.3:
        text += "." + "".join(rng.choice("0123456789")
                              for _ in range(rng.randint(1, 15)))
    return mutate(rng, text) if rng.random() < 0.2 else text


def generate(rng, count):
    cases = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.2:
            cases.append(("x", unix_text(rng)))
            continue
        text = valid_iso(rng)
        if kind < 0.35:
            text = impossible_value(rng, text)
        elif kind < 0.5:
            text = mutate(rng, text)
        cases.append((rng.choice("wu"), text))
    return cases


class Checker:
    def __init__(self):
        self.week_bases = {}

    def fail(self, mode, text, why):
        sys.exit("oracle_dates: %s %r: %s" % (mode, text, why))

    def expected(self, mode, text):
        if mode == "x":
            return expect_unix(text)
        return expect_iso(text, mode == "u")

    def check(self, mode, text, line):
        want = self.expected(mode, text)
        fields = line.split(" ")
        if want[0] != "ok":
            if fields[0] != "E" or len(line) < 5:
                self.fail(mode, text, "accepted (%s), expected %s error"
                          % (line[:40], want[0]))
            status = int(fields[1])
            ok = {"form": FORM_ERRORS, "value": VALUE_ERRORS,
                  "range": {RANGE_ERROR}}[want[0]]
            if status not in ok:
                self.fail(mode, text, "status %d, expected a %s error"
                          % (status, want[0]))
            return
        if fields[0] == "E":
            self.fail(mode, text, "rejected: %s, expected %s" % (line, want[1]))
        self.check_date(mode, text, want[1], fields)

    def check_date(self, mode, text, day, fields):
        number = (day - EPOCH).days
        head = [str(number), str(day.weekday()), day.isoformat()]
        if fields[:3] != head:
            self.fail(mode, text, "got %s, expected %s" % (fields[:3], head))
        got = [f.split(",") for f in fields[3:]]
        want = [day_period(number, day)]
        want += [self.week_period(number, day, start, got[1 + start])
                 for start in range(7)]
        want += [month_period(number, day), quarter_period(number, day),
                 year_period(number, day)]
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                self.fail(mode, text, "period %d: got %s, expected %s"
                          % (i, g, w))
        if len(got) != len(want):
            self.fail(mode, text, "%d periods, expected %d"
                      % (len(got), len(want)))

    def week_period(self, number, day, start, got):
        """The week from weekday `start` (0 is Monday) that holds the day.

        Its index must be consecutive: first day - 7 * index is one constant
        for every date, a day of the starting weekday."""
        first = number - (day.weekday() - start) % 7
        index = int(got[0]) if got and got[0].lstrip("-").isdigit() else 0
        base = self.week_bases.setdefault(start, first - 7 * index)
        if base != first - 7 * index or (base - MIN_DAY) % 7 != start:
            return ["week index %d from weekday %d is not consecutive"
                    % (index, start)]
        if start == 0:
            iso = day.isocalendar()
            label = "%04d-W%02d" % (iso[0], iso[1])
        elif first >= MIN_DAY:
            label = text_of(first)
        else:
            label = "0000-12-%02d" % (31 - (MIN_DAY - first - 1))
        return span(index, first, first + 6, number, label)


def text_of(number):
    return (EPOCH + timedelta(days=number)).isoformat()


def span(index, first, last, number, label):
    return [str(index), label, str(first), str(last),
            "1" if last == number else "0"]


def day_period(number, day):
    return span(number, number, number, number, day.isoformat())


def first_of(year, month):
    """The day number of the first of a month, 10000-01 included."""
    if year > 9999:
        return MAX_DAY + 1
    return (date(year, month, 1) - EPOCH).days


def month_period(number, day):
    y, m = day.year, day.month
    return span(y * 12 + m - 1, first_of(y, m),
                first_of(y + (m == 12), m % 12 + 1) - 1, number,
                "%04d-%02d" % (y, m))


def quarter_period(number, day):
    y, q = day.year, (day.month - 1) // 3
    return span(y * 4 + q, first_of(y, 3 * q + 1),
                first_of(y + (q == 3), (3 * q + 3) % 12 + 1) - 1, number,
                "%04d-Q%d" % (y, q + 1))


def year_period(number, day):
    return span(day.year, first_of(day.year, 1), first_of(day.year + 1, 1) - 1,
                number, "%04d" % day.year)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: oracle_dates.py PATH/TO/date_probe")
    count = int(os.environ.get("RETAIN_ORACLE_DATES", "200000"))
    seed = int(os.environ.get("RETAIN_ORACLE_SEED", "1"))
    rng = random.Random(seed)
    cases = generate(rng, count)
    fixed = [("u", "0001-01-01T00:00+00:01"), ("u", "9999-12-31T23:59-00:01"),
             ("u", "0001-01-01T00:00-00:01"), ("u", "9999-12-31T23:59+00:01"),
             ("x", "9" * 40), ("x", str(MAX_UNIX)), ("x", str(MAX_UNIX + 1)),
             ("w", ""), ("x", ""), ("u", "2024-12-31T23:30-01:00"),
             ("u", "2025-01-01T00:30+01:00"), ("w", "2016-12-31T23:59:60Z")]
    cases = fixed + cases
    data = "".join("%s %s\n" % c for c in cases).encode("latin-1")
    out = subprocess.run([sys.argv[1]], input=data, stdout=subprocess.PIPE,
                         check=True).stdout.decode("latin-1").split("\n")
    if len(out) != len(cases) + 1 or out[-1] != "":
        sys.exit("oracle_dates: %d lines for %d texts" % (len(out) - 1,
                                                          len(cases)))
    checker = Checker()
    counts = {}
    for (mode, text), line in zip(cases, out):
        checker.check(mode, text, line)
        kind = "error" if line.startswith("E ") else "ok"
        counts[kind] = counts.get(kind, 0) + 1
    print("oracle_dates: %d texts agree (%d dates, %d errors)"
          % (len(cases), counts.get("ok", 0), counts.get("error", 0)))


if __name__ == "__main__":
    main()
