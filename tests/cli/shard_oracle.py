#!/usr/bin/env python3
"""retain shard against an independent oracle of its hash assignment.

Usage: shard_oracle.py [PATH/TO/retain] [--seed N] [--cases N]

SipHash-2-4 is written here from its paper (Aumasson and Bernstein,
"SipHash: a fast short-input PRF", 2012), not from src/core/siphash.c,
and checked against the paper's test vector first.  The key is the one
retain documents: the 16 ASCII bytes "retain shard key"; the part of an
ID among N is (h * N) >> 64.

Then random inputs from a fixed seed: CSV (',' and ';') and TSV logs and
plain ID lists, with IDs holding quotes, delimiters, line breaks, spaces
(--trim), mixed case (--ignore-case), bytes that are not UTF-8, with CRLF
line ends, a byte-order mark and blank lines, in one to three inputs.
Each is split by `retain shard` into 1 to 9 parts, and every part is read
back here: its name, its header, that each row is in the part its ID's
hash picks, and that the parts together hold every row once, in input
order within a part.

Without PATH only the self-test runs.  Environment: RETAIN_ORACLE_CASES
(default 60, or 3 when RETAIN_WRAPPER is set, as under valgrind) and
RETAIN_ORACLE_SEED (default 19).
"""
import argparse
import os
import random
import shlex
import subprocess
import sys
import tempfile

MASK = (1 << 64) - 1
KEY = b"retain shard key"


def rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & MASK


def siphash24(key, data):
    """SipHash-2-4 of bytes `data` under the 16-byte `key`, as the paper
    defines it: 2 compression rounds a word, 4 finalization rounds."""
    k0 = int.from_bytes(key[:8], "little")
    k1 = int.from_bytes(key[8:], "little")
    v = [k0 ^ 0x736F6D6570736575, k1 ^ 0x646F72616E646F6D,
         k0 ^ 0x6C7967656E657261, k1 ^ 0x7465646279746573]

    def rounds(n):
        for _ in range(n):
            v[0] = (v[0] + v[1]) & MASK
            v[1] = rotl(v[1], 13) ^ v[0]
            v[0] = rotl(v[0], 32)
            v[2] = (v[2] + v[3]) & MASK
            v[3] = rotl(v[3], 16) ^ v[2]
            v[0] = (v[0] + v[3]) & MASK
            v[3] = rotl(v[3], 21) ^ v[0]
            v[2] = (v[2] + v[1]) & MASK
            v[1] = rotl(v[1], 17) ^ v[2]
            v[2] = rotl(v[2], 32)

    # The last word holds the leftover bytes and the length's low byte.
    tail = len(data) - len(data) % 8
    words = [int.from_bytes(data[i:i + 8], "little") for i in range(0, tail, 8)]
    words.append(int.from_bytes(data[tail:], "little") | ((len(data) & 0xFF) << 56))
    for m in words:
        v[3] ^= m
        rounds(2)
        v[0] ^= m
    v[2] ^= 0xFF
    rounds(4)
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def part_of(ident, parts, trim=False, ignore_case=False):
    """The part retain shard must send the ID (bytes) to."""
    if trim:
        ident = ident.strip(b" \t")
    if ignore_case:
        ident = bytes(c + 32 if 65 <= c <= 90 else c for c in ident)
    return (siphash24(KEY, ident) * parts) >> 64


def self_test():
    # The paper's Appendix A: key 00..0f, message 00..0e.
    got = siphash24(bytes(range(16)), bytes(range(15)))
    assert got == 0xA129CA6149BE45E5, hex(got)
    assert siphash24(bytes(range(16)), b"") == 0x726FDB47DD0E0E31
    assert part_of(b"x", 1) == 0
    assert part_of(b"Ab ", 7, True, True) == part_of(b"ab", 7)


# --- random inputs ---------------------------------------------------------

PIECES = [b"a", b"B", b"c7", b"Zed", b"\xc3\xa9", b"\xff", b"0", b"42"]
ODD = [b",", b";", b'"', b"\n", b"\t", b"\\", b" ", b"\r\n", b"x\ty"]


def random_id(rng, kind, trim):
    ident = b"".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
    if kind != "plain" and rng.random() < 0.3:
        ident += rng.choice(ODD) + rng.choice(PIECES)
    if trim and rng.random() < 0.4:
        ident = b" " * rng.randint(0, 2) + ident + b"\t" * rng.randint(0, 2)
    return ident


def csv_field(value, delim):
    if any(c in value for c in (delim, b'"', b"\n", b"\r")) or value[:1] == b" ":
        return b'"' + value.replace(b'"', b'""') + b'"'
    return value


def tsv_field(value):
    return (value.replace(b"\\", b"\\\\").replace(b"\t", b"\\t")
            .replace(b"\n", b"\\n").replace(b"\r", b"\\r"))


def encode_row(fields, kind):
    if kind == "tsv":
        return b"\t".join(tsv_field(f) for f in fields)
    delim = b"," if kind == "csv" else b";"
    return delim.join(csv_field(f, delim) for f in fields)


class Case:
    def __init__(self, rng):
        self.kind = rng.choice(["csv", "csv", "ssv", "tsv", "plain"])
        self.parts = rng.randint(1, 9)
        self.trim = rng.random() < 0.3
        self.ignore_case = rng.random() < 0.3
        self.crlf = rng.random() < 0.2
        self.inputs = []  # [(bytes, [(id, row bytes)])]
        customers = [random_id(rng, self.kind, self.trim)
                     for _ in range(rng.randint(1, 12))]
        header = [b"date", b"Customer", b"x"]
        self.header = encode_row(header, self.kind)
        for i in range(rng.randint(1, 3)):
            rows = []
            for _ in range(rng.randint(0, 25)):
                ident = rng.choice(customers)
                if self.kind == "plain":
                    rows.append((ident, ident))
                else:
                    fields = [b"2024-01-0%d" % rng.randint(1, 9), ident,
                              str(rng.randint(0, 99)).encode()]
                    rows.append((ident, encode_row(fields, self.kind)))
            self.inputs.append(self.file_bytes(rng, rows, i == 0))

    def file_bytes(self, rng, rows, first):
        end = b"\r\n" if self.crlf else b"\n"
        lines = [] if self.kind == "plain" else [self.header]
        for _, row in rows:
            if rng.random() < 0.05:
                lines.append(b"")
            lines.append(row)
        data = end.join(lines) + (end if rng.random() < 0.8 else b"")
        if first and rng.random() < 0.2:
            data = b"\xef\xbb\xbf" + data
        return data, rows

    def argv(self, names):
        args = ["shard", "--parts", str(self.parts), "--prefix", "out/p"]
        args += ["--plain"] if self.kind == "plain" else ["--by", "customer"]
        args += ["--trim"] * self.trim + ["--ignore-case"] * self.ignore_case
        return args + names

    def extension(self):
        return {"csv": ".csv", "tsv": ".tsv"}.get(self.kind, ".txt")


def run_case(retain, case, work):
    os.makedirs(os.path.join(work, "out"))
    names = []
    for i, (data, _) in enumerate(case.inputs):
        name = "in%d%s" % (i, case.extension() if case.kind != "ssv" else ".txt")
        with open(os.path.join(work, name), "wb") as f:
            f.write(data)
        names.append(name)
    wrapper = shlex.split(os.environ.get("RETAIN_WRAPPER", ""))
    proc = subprocess.run(wrapper + [retain] + case.argv(names), cwd=work,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=dict(os.environ, LC_ALL="C"), timeout=120)
    problems = []
    if proc.returncode != 0 or proc.stdout or proc.stderr:
        problems.append("exit %d, stdout %r, stderr %r"
                        % (proc.returncode, proc.stdout, proc.stderr))
        return problems
    expected = [[] for _ in range(case.parts)]
    for _, rows in case.inputs:
        for ident, row in rows:
            p = part_of(ident, case.parts, case.trim, case.ignore_case)
            expected[p].append(row + b"\n")
    want_names = sorted("p-%05d-of-%05d%s" % (k, case.parts, case.extension())
                        for k in range(case.parts))
    got_names = sorted(os.listdir(os.path.join(work, "out")))
    if got_names != want_names:
        return ["parts %r, expected %r" % (got_names, want_names)]
    head = b"" if case.kind == "plain" else case.header + b"\n"
    for k in range(case.parts):
        with open(os.path.join(work, "out", want_names[k]), "rb") as f:
            got = f.read()
        want = head + b"".join(expected[k])
        if got != want:
            problems.append("part %d:\n got  %r\n want %r" % (k, got, want))
    return problems


def main():
    wrapped = os.environ.get("RETAIN_WRAPPER", "").strip() != ""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("retain", nargs="?")
    ap.add_argument("--seed", type=int,
                    default=int(os.environ.get("RETAIN_ORACLE_SEED", "19")))
    ap.add_argument("--cases", type=int, default=int(
        os.environ.get("RETAIN_ORACLE_CASES", "3" if wrapped else "60")))
    opts = ap.parse_args()
    self_test()
    if not opts.retain:
        print("shard_oracle: self-test passed")
        return 0
    failures = 0
    for n in range(opts.cases):
        rng = random.Random("%d/%d" % (opts.seed, n))
        case = Case(rng)
        with tempfile.TemporaryDirectory(prefix="shard-oracle-") as work:
            problems = run_case(opts.retain, case, work)
        if problems:
            failures += 1
            print("case %d (seed %d): %s %s" % (n, opts.seed, case.kind,
                                                 " ".join(case.argv(["..."]))))
            for p in problems:
                print("  " + p)
            for data, _ in case.inputs:
                print("  input %r" % data)
            if failures >= 3:
                break
    print("shard_oracle: %d cases, %d failed" % (opts.cases, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
