#!/usr/bin/env python3
"""Parts counted apart and merged give the single run, byte for byte.

Usage: test_merge_property.py PATH/TO/retain [--seed N] [--cases N] [--case N]
                              [--keep DIR]

For random activity logs, subscription tables (--spans) and pairs of ID
lists, from a fixed seed: the customers (never the rows) are split into 1
to 8 parts in one of several ways (a random draw per customer, `retain
shard`, runs of the customers in sorted order, everything in one part and
nothing in the others), each part is counted with `retain CMD --partial`
(cohorts and periods with --as-of), and `retain merge` of the parts must
print exactly what `retain CMD` prints on all the data at once, with the
same exit status, in every format: text, json, csv, tsv, markdown, svg.
Parts of parts too: the parts are merged in random groups with `retain
merge --partial`, in random order, and those merged again.

A customer's rows keep their order within a part; the single run reads
the parts' rows in the order of the original file.  These cases use no
--group-by (groups come in order of first appearance, which a split can
change) and warn about no row (its warning names a file and a line,
which a split changes).  The --group-by cases, a fifth as many, compare
instead with one run over the parts' inputs joined in order, which a
merge of the parts in that order equals: groups seen first on a row
left out, or on a row that does not set its customer's group, included.  Warnings
of the figures (a period without customers at its start) and notes are
the single run's, and the merge's output must hold them too.

Environment: RETAIN_PROPERTY_CASES (default 30, or 2 when RETAIN_WRAPPER
is set, as under valgrind), RETAIN_PROPERTY_SEED (default 20).  Skipped
(77) when the retain given has no merge command.
"""
import argparse
import datetime
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile

FORMATS = ["text", "json", "csv", "tsv", "markdown", "svg"]
DAY0 = datetime.date(2023, 1, 1)


class Failure(Exception):
    pass


class Runner:
    def __init__(self, retain, work):
        self.retain = retain
        self.work = work
        self.wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
        self.env = dict(os.environ, LC_ALL="C")

    def __call__(self, args, stdin=b""):
        proc = subprocess.run(self.wrapper + [self.retain] + args, cwd=self.work,
                              input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr


def day(n):
    return (DAY0 + datetime.timedelta(days=n)).isoformat()


# --- the data --------------------------------------------------------------

def make_ids(rng, count):
    """Distinct customer IDs, some needing CSV quotes."""
    ids = set()
    while len(ids) < count:
        ident = "C%d" % rng.randint(1, 10 * count + 10)
        if rng.random() < 0.1:
            ident += rng.choice([",x", ' "q"', " sp"])
        ids.add(ident)
    return sorted(ids)


def csv_field(text):
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def log_rows(rng, customers):
    """(customer, row text) of an activity log, in date order."""
    rows = []
    for c in customers:
        first = rng.randint(0, 700)
        for _ in range(rng.randint(1, 6)):
            d = first + int(rng.expovariate(1 / 90.0))
            rows.append((d, c))
    rows.sort(key=lambda r: r[0])
    return "customer_id,date", [(c, "%s,%s" % (csv_field(c), day(d)))
                                for d, c in rows]


def span_rows(rng, customers):
    """(customer, row text) of a subscription table."""
    rows = []
    for c in customers:
        start = rng.randint(0, 600)
        for _ in range(rng.randint(1, 3)):
            end = start + rng.randint(1, 400)
            rows.append((c, "%s,%s,%s" % (csv_field(c), day(start),
                                          day(end) if rng.random() < 0.8 else "")))
            start = end + rng.randint(0, 120)
    rng.shuffle(rows)
    return "customer_id,start,end", rows


def latest_date(rows, spans):
    """The latest date written in the rows: of a table, start or end."""
    fields = 2 if spans else 1
    return max(d for _, text in rows for d in text.rsplit(",", fields)[1:] if d)


# --- splitting customers ---------------------------------------------------

def split(rng, customers, parts, how):
    """A dict customer -> part index, made `how`."""
    if how == "draw":
        return {c: rng.randrange(parts) for c in customers}
    if how == "runs":
        order = sorted(customers)
        cuts = sorted(rng.randint(0, len(order)) for _ in range(parts - 1))
        bounds = [0] + cuts + [len(order)]
        return {c: k for k in range(parts)
                for c in order[bounds[k]:bounds[k + 1]]}
    if how == "one":
        k = rng.randrange(parts)
        return {c: k for c in customers}
    raise ValueError(how)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        if header is not None:
            f.write(header + "\n")
        for _, text in rows:
            f.write(text + "\n")


# --- one case --------------------------------------------------------------

class Case:
    def __init__(self, rng, n):
        self.n = n
        self.kind = rng.choice(["cohorts", "cohorts", "periods", "periods", "ids"])
        self.spans = self.kind != "ids" and rng.random() < 0.35
        self.parts = rng.randint(1, 8)
        self.how = rng.choice(["draw", "draw", "shard", "runs", "one"])
        self.options = []
        if self.kind != "ids":
            self.options += ["--period", rng.choice(["day", "week", "month",
                                                     "month", "quarter", "year"])]
            if "week" in self.options and rng.random() < 0.5:
                self.options += ["--week-start", rng.choice(["sunday", "wednesday"])]
            if self.kind == "cohorts" and rng.random() < 0.4:
                self.options += ["--mode", "on-or-after"]
            if self.spans:
                self.options += ["--spans"]
        else:
            self.options += ["--trim"] * (rng.random() < 0.3)
            self.options += ["--ignore-case"] * (rng.random() < 0.3)
        self.customers = rng.randint(1, 40)

    def describe(self):
        return "case %d: %s %s, %d parts by %s" % (
            self.n, self.kind, " ".join(self.options), self.parts, self.how)


def part_files_by_shard(runner, case, inputs, plain):
    """Splits each input with retain shard; the parts' names per input."""
    names = []
    for i, name in enumerate(inputs):
        args = ["shard", "--parts", str(case.parts), "--prefix", "s%d" % i]
        args += ["--plain"] if plain else ["--by", "customer_id"]
        args += [o for o in case.options if o in ("--trim", "--ignore-case")]
        status, out, err = runner(args + [name])
        if status != 0:
            raise Failure("retain %s: exit %d: %s" % (" ".join(args + [name]),
                                                      status, err.decode()))
        ext = ".txt" if plain else ".csv"
        names.append(["s%d-%05d-of-%05d%s" % (i, k, case.parts, ext)
                      for k in range(case.parts)])
    return names


def ids_key(case):
    def key(ident):
        if "--trim" in case.options:
            ident = ident.strip(" \t")
        if "--ignore-case" in case.options:
            ident = ident.lower()
        return ident
    return key


def make_ids_case(rng, runner, case):
    pool = ["u%d" % i for i in range(case.customers * 2)]
    start = rng.sample(pool, rng.randint(1, len(pool)))
    end = rng.sample(pool, rng.randint(0, len(pool)))
    key = ids_key(case)

    def look(ident):
        if "--ignore-case" in case.options and rng.random() < 0.3:
            ident = ident.upper()
        if "--trim" in case.options and rng.random() < 0.3:
            ident = " " + ident + "\t"
        return ident
    start = [(i, look(i)) for i in start]
    end = [(i, look(i)) for i in end]
    write(os.path.join(runner.work, "start.txt"), None, start)
    write(os.path.join(runner.work, "end.txt"), None, end)
    if case.how == "shard":
        s, e = part_files_by_shard(runner, case, ["start.txt", "end.txt"], True)
        return ["start.txt", "end.txt"], list(zip(s, e))
    owner = split(rng, sorted({key(t) for _, t in start + end}), case.parts,
                  case.how)
    files = []
    for k in range(case.parts):
        pair = []
        for name, rows in (("start", start), ("end", end)):
            part = "%s-%d.txt" % (name, k)
            write(os.path.join(runner.work, part), None,
                  [r for r in rows if owner[key(r[1])] == k])
            pair.append(part)
        files.append(tuple(pair))
    return ["start.txt", "end.txt"], files


def make_log_case(rng, runner, case):
    customers = make_ids(rng, case.customers)
    header, rows = (span_rows if case.spans else log_rows)(rng, customers)
    write(os.path.join(runner.work, "all.csv"), header, rows)
    as_of = datetime.date.fromisoformat(latest_date(rows, case.spans)) + datetime.timedelta(
        days=rng.randint(0, 60))
    case.options += ["--as-of", as_of.isoformat()]
    if case.how == "shard":
        (names,) = part_files_by_shard(runner, case, ["all.csv"], False)
        return ["all.csv"], [(n,) for n in names]
    owner = split(rng, customers, case.parts, case.how)
    files = []
    for k in range(case.parts):
        part = "part-%d.csv" % k
        write(os.path.join(runner.work, part), header,
              [r for r in rows if owner[r[0]] == k])
        files.append((part,))
    return ["all.csv"], files


def partial(runner, case, inputs, out):
    args = [case.kind, "--partial"] + case.options + list(inputs)
    status, data, err = runner(args)
    if status != 0:
        raise Failure("retain %s: exit %d: %s" % (" ".join(args), status,
                                                  err.decode()))
    with open(os.path.join(runner.work, out), "wb") as f:
        f.write(data)
    return out


def merged_parts(rng, runner, parts):
    """The parts, merged again in random groups (parts of parts)."""
    rng.shuffle(parts)
    groups, i = [], 0
    while i < len(parts):
        size = rng.randint(1, 3)
        groups.append(parts[i:i + size])
        i += size
    out = []
    for g, group in enumerate(groups):
        status, data, err = runner(["merge", "--partial"] + group)
        if status != 0:
            raise Failure("retain merge --partial %s: exit %d: %s"
                          % (" ".join(group), status, err.decode()))
        name = "group-%d.partial" % g
        with open(os.path.join(runner.work, name), "wb") as f:
            f.write(data)
        out.append(name)
    return out


def compare(runner, case, singles, parts, label):
    """The merge of parts against the single run's output in each format."""
    problems = []
    for fmt in FORMATS:
        want = singles[fmt]
        got = runner(["merge", "-f", fmt] + parts)
        if want[0] == 2 and got[0] == 2:
            continue  # a format the command has not: both refuse
        if want[:2] != got[:2]:
            problems.append(
                "%s, -f %s: single run exit %d, merge exit %d\n"
                "  single stdout %r\n  merge stdout  %r\n  merge stderr %r"
                % (label, fmt, want[0], got[0], want[1][:600], got[1][:600],
                   got[2][:300]))
    return problems


def run_case(rng, runner, case):
    if case.kind == "ids":
        whole, files = make_ids_case(rng, runner, case)
    else:
        whole, files = make_log_case(rng, runner, case)
    status, _, err = runner([case.kind] + case.options + whole)
    if any(name.encode() + b":" in err for name in whole):
        return None  # a row warned, by file and line: those differ in parts
    singles = {fmt: runner([case.kind, "-f", fmt] + case.options + whole)
               for fmt in FORMATS}
    parts = [partial(runner, case, inputs, "p%d.partial" % k)
             for k, inputs in enumerate(files)]
    problems = compare(runner, case, singles, parts, "parts")
    if not problems and len(parts) > 1:
        problems = compare(runner, case, singles,
                           merged_parts(rng, runner, list(parts)), "parts of parts")
    return problems


def group_by_case(rng, runner):
    """--group-by: merge of the parts in order == one run over them joined."""
    spans = rng.random() < 0.4
    head = "customer_id,start,end,grp\n" if spans else "customer_id,date,grp\n"
    count = rng.randint(1, 4)
    parts, owner = [[] for _ in range(count)], {}
    for _ in range(rng.randint(1, 25)):
        ident = "c%d" % rng.randint(0, 8)
        date = "bad" if rng.random() < 0.05 else day(rng.randint(0, 180))
        end = [rng.choice(["", day(rng.randint(150, 270))])] if spans else []
        row = ",".join([ident, date] + end + [rng.choice(["x", "y", "z", "w", ""])])
        parts[owner.setdefault(ident, rng.randrange(count))].append((ident, row))
    options = ["--as-of", day(181), "--group-by", "grp"] + ["--spans"] * spans
    write(os.path.join(runner.work, "all.csv"), head.rstrip("\n"),
          [r for part in parts for r in part])
    for k, part in enumerate(parts):
        write(os.path.join(runner.work, "g%d.csv" % k), head.rstrip("\n"), part)
    problems = []
    for kind in ("cohorts", "periods"):
        single = runner([kind, "-f", "csv"] + options + ["all.csv"])
        names = []
        for k in range(count):
            names.append("g%d.%s" % (k, kind))
            status, data, err = runner([kind, "--partial"] + options +
                                       ["g%d.csv" % k])
            if status > 1:
                raise Failure("%s --partial: exit %d: %s" % (kind, status,
                                                             err.decode()))
            with open(os.path.join(runner.work, names[-1]), "wb") as f:
                f.write(data)
        merged = runner(["merge", "-f", "csv"] + names)
        if merged[1] != single[1] or (merged[0] == 0) != (single[0] == 0):
            problems.append("%s --group-by%s: merge (exit %d) differs from "
                            "one run over the parts joined (exit %d)"
                            % (kind, " --spans" * spans, merged[0], single[0]))
    return problems


def has_merge(retain):
    proc = subprocess.run([retain, "merge", "--help"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    return proc.returncode == 0


def main():
    wrapped = os.environ.get("RETAIN_WRAPPER", "").strip() != ""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("retain")
    ap.add_argument("--seed", type=int,
                    default=int(os.environ.get("RETAIN_PROPERTY_SEED", "20")))
    ap.add_argument("--cases", type=int, default=int(
        os.environ.get("RETAIN_PROPERTY_CASES", "2" if wrapped else "30")))
    ap.add_argument("--case", type=int, help="run this case alone")
    ap.add_argument("--keep", help="leave the failing case's files here")
    opts = ap.parse_args()
    retain = os.path.abspath(opts.retain)
    if not has_merge(retain):
        print("test_merge_property: skipped: this retain has no merge command")
        return 77
    numbers = [opts.case] if opts.case is not None else range(opts.cases)
    failures = skipped = 0
    for n in numbers:
        rng = random.Random("%d/%d" % (opts.seed, n))
        case = Case(rng, n)
        work = tempfile.mkdtemp(prefix="retain-merge-")
        try:
            problems = run_case(rng, Runner(retain, work), case)
        except Failure as e:
            problems = [str(e)]
        if problems is None:
            skipped += 1
        elif problems:
            failures += 1
            print(case.describe() + " (seed %d)" % opts.seed)
            for p in problems:
                print("  " + p)
            if opts.keep:
                shutil.copytree(work, os.path.join(opts.keep, "case-%d" % n))
        shutil.rmtree(work)
        if failures >= 3:
            break
    groups = 0 if opts.case is not None else max(1, opts.cases // 5)
    for n in range(groups if failures < 3 else 0):
        work = tempfile.mkdtemp(prefix="retain-merge-")
        try:
            problems = group_by_case(random.Random("%d/g%d" % (opts.seed, n)),
                                     Runner(retain, work))
        except Failure as e:
            problems = [str(e)]
        if problems:
            failures += 1
            print("group-by case %d (seed %d)" % (n, opts.seed))
            for p in problems:
                print("  " + p)
        shutil.rmtree(work)
    print("test_merge_property: %d cases, %d failed, %d skipped (the data warned),"
          " %d --group-by cases" % (len(numbers), failures, skipped, groups))
    if skipped * 2 > len(numbers):
        print("test_merge_property: most cases skipped: the generator is off")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
