#!/usr/bin/python3
"""retain as a stage of Dask: the README's example, run on a real cluster.

Usage: test_dask.py PATH/TO/retain PATH/TO/README.md

Takes the Python code block of the README's "More than one machine"
section that follows the marker `<!-- dask example -->` and runs it as it
is written, on a LocalCluster of 4 worker processes of one thread each:
a generated activity log, subscription table and pair of ID lists are
read by Dask, shuffled by customer into 4 partitions, each partition is
counted by `retain CMD --partial` in a subprocess on its worker, and
`retain merge` of the 4 partial counts must print exactly what retain
prints on the whole file: cohorts and periods of the log, periods of the
table (--spans), ids of the two lists, as csv and json.

Needs /usr/bin/python3 with Debian's python3-dask and python3-distributed
(tests/check.sh installs them).  Where they cannot be imported the test
is skipped (exit 77) with a message saying so, unless RETAIN_REQUIRE_TOOLS
is set (tests/check.sh sets it), when their absence is a failure.  Also
skipped while the retain given has no merge command.
"""
import datetime
import os
import random
import subprocess
import sys
import tempfile

MARKER = "<!-- dask example -->"


def need_dask():
    try:
        import dask.dataframe  # noqa: F401
        import dask.distributed  # noqa: F401
    except ImportError as e:
        message = ("test_dask: cannot import Dask (%s): install python3-dask "
                   "and python3-distributed and run with /usr/bin/python3" % e)
        if os.environ.get("RETAIN_REQUIRE_TOOLS"):
            print(message + " (RETAIN_REQUIRE_TOOLS is set: a failure)")
            sys.exit(1)
        print(message + ": skipped")
        sys.exit(77)


def readme_example(readme):
    """The code of the first ```python block after the marker."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    at = text.index(MARKER)
    start = text.index("```python\n", at) + len("```python\n")
    return text[start:text.index("```", start)]


def day(n):
    return (datetime.date(2023, 1, 1) + datetime.timedelta(days=n)).isoformat()


def write_data(tmp):
    """A log, a subscription table and two ID lists, from a fixed seed."""
    rng = random.Random(20)
    customers = ["C%04d" % i for i in range(400)] + ["q,1", 'q "2"']
    rows = []
    for c in customers:
        first = rng.randint(0, 700)
        for _ in range(rng.randint(1, 8)):
            rows.append((min(first + int(rng.expovariate(1 / 80.0)), 729), c))
    rows.sort()

    def field(c):
        return '"%s"' % c.replace('"', '""') if ("," in c or '"' in c) else c
    with open(os.path.join(tmp, "log.csv"), "w") as f:
        f.write("customer_id,date\n")
        f.writelines("%s,%s\n" % (field(c), day(d)) for d, c in rows)
    with open(os.path.join(tmp, "spans.csv"), "w") as f:
        f.write("customer_id,start,end\n")
        for c in customers:
            start = rng.randint(0, 600)
            end = day(start + rng.randint(1, 500)) if rng.random() < 0.7 else ""
            f.write("%s,%s,%s\n" % (field(c), day(start), end))
    pool = ["u%d" % i for i in range(600)]
    for name in ("start.txt", "end.txt"):
        with open(os.path.join(tmp, name), "w") as f:
            f.writelines(i + "\n" for i in rng.sample(pool, 350))
    return max(d for d, _ in rows)


def single(args):
    return subprocess.run(["retain"] + args, stdout=subprocess.PIPE,
                          check=True).stdout


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    need_dask()
    from dask.distributed import Client, LocalCluster

    retain, readme = os.path.abspath(sys.argv[1]), sys.argv[2]
    # The example calls `retain`; the workers inherit this PATH.
    os.environ["PATH"] = os.path.dirname(retain) + os.pathsep + os.environ["PATH"]
    os.environ["LC_ALL"] = "C"
    if subprocess.run(["retain", "merge", "--help"], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        print("test_dask: skipped: this retain has no merge command")
        return 77
    example = {"__name__": "retain_dask_example"}
    exec(compile(readme_example(readme), readme + " (dask example)", "exec"),
         example)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="retain-dask-") as tmp:
        as_of = day(write_data(tmp) + 1)
        log, spans = os.path.join(tmp, "log.csv"), os.path.join(tmp, "spans.csv")
        start, end = os.path.join(tmp, "start.txt"), os.path.join(tmp, "end.txt")
        with LocalCluster(n_workers=4, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, \
                Client(cluster) as client:
            runs = [
                (["cohorts", "--as-of", as_of],
                 lambda a: example["count_log"](client, log, a), [log]),
                (["periods", "--as-of", as_of],
                 lambda a: example["count_log"](client, log, a), [log]),
                (["periods", "--spans", "--period", "quarter", "--as-of", as_of],
                 lambda a: example["count_log"](client, spans, a), [spans]),
                (["ids"], lambda a: example["count_ids"](client, start, end, []),
                 [start, end]),
            ]
            for argv, count, inputs in runs:
                partials = count(argv)
                if len(partials) != 4:
                    print("%s: %d partitions, expected 4" % (argv, len(partials)))
                    failures += 1
                for fmt in ("csv", "json"):
                    got = example["merge"](partials, ["-f", fmt])
                    want = single(argv + ["-f", fmt] + inputs)
                    if got != want:
                        failures += 1
                        print("retain %s -f %s: merge of the Dask partitions "
                              "differs\n  merge:  %r\n  single: %r"
                              % (" ".join(argv), fmt, got[:800], want[:800]))
    print("test_dask: %d failures" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
