#!/usr/bin/env python3
"""Renders every golden Markdown file with a real GFM renderer and checks
the HTML tables it makes.

usage: markdown_render.py CMARK_GFM GOLDEN_DIR

retain -f markdown must render as the table it means in a real Markdown
renderer, whatever the input holds.  Each tests/cli/golden/markdown/*.md
(written by test_cli_markdown.c) goes through `cmark-gfm -e table`, and
the HTML is read back with Python's own parser:

- every file: each table has as many rows as the file has table lines
  (less the delimiter line), every row as many cells as its header, no
  element but those of tables, lists and paragraphs (no <b>, <code>, <a>,
  <em>, <br> from an input), and its numbers' columns aligned right;
- each file named in EXPECT: the shape of each table, the alignment of
  every column, chosen cells' exact text (the hostile group names and
  labels among them) and the list below the tables.

A golden file without an entry in EXPECT fails, so that a new one is
checked too.
"""

import html.parser
import os
import subprocess
import sys

ALLOWED = {"table", "thead", "tbody", "tr", "th", "td", "ul", "li", "p"}

L, R = "left", "right"

# Rendered cell texts of the hostile names: a backslash shows as "\\" and
# a line break as "\n", as retain's text tables show them.
A_PIPE_B = "a|b"
X_BACKSLASH_PIPE_Y = "x\\\\|y"
HTML_Z = "<b>z</b>"
LINE_BREAK = "l1\\nl2"
MARKUP = "`c` *e* [l](u)"
ENTITY_MATH_BACKSLASH = "&amp; $m$ w\\\\"
NOTE = ("Note: the first cohort (2024-01) also holds every customer active "
        "before the data starts.")

FIGURES = ["start", "end", "new", "retained", "lost", "retention_rate",
           "churn_rate", "simple_retention_rate", "simple_churn_rate"]
SUMMARY = (["scope", "segment", "rows"] + FIGURES +
           ["mean_retention_rate", "min_retention_rate", "max_retention_rate"])

EXPECT = {
    "batch.md": {
        "shapes": [(5, 12), (4, 15)],
        "align": [[L, L] + [R] * 9 + [L], [L, L] + [R] * 13],
        "cells": [
            (0, 0, 0, "period"), (0, 0, 11, "warnings"),
            (0, 1, 1, A_PIPE_B), (0, 1, 7, "80.00"),
            (0, 2, 1, "<b>x</b> & `y` *e* [l](u)"),
            (0, 2, 3, ""), (0, 2, 5, ""),
            (0, 2, 11, "field 'end': empty value: '' (expected a whole "
                       "number from 0 to 9223372036854775807)"),
            (0, 3, 1, "l1\\nl2\\\\"), (0, 3, 11, ""),
            (1, 0, 1, "segment"), (1, 1, 1, A_PIPE_B),
            (1, 2, 1, "l1\\nl2\\\\"), (1, 3, 0, "all"), (1, 3, 1, ""),
        ],
        "header": [None, SUMMARY],
        "list": [],
    },
    "cohorts.md": {
        "shapes": [(14, 6)],
        "align": [[L, L, R, R, R, R]],
        "cells": [
            (0, 0, 0, "plan"), (0, 0, 5, "month_2"),
            (0, 1, 0, A_PIPE_B), (0, 3, 0, X_BACKSLASH_PIPE_Y),
            (0, 3, 5, "0.00"), (0, 5, 0, HTML_Z), (0, 7, 0, LINE_BREAK),
            (0, 7, 5, ""), (0, 9, 0, MARKUP), (0, 9, 4, ""),
            (0, 11, 0, ENTITY_MATH_BACKSLASH), (0, 11, 1, "2024-03"),
            (0, 13, 0, ""), (0, 13, 1, "overall"), (0, 13, 5, "33.33"),
        ],
        "list": [NOTE],
    },
    "cohorts-long.md": {
        "shapes": [(7, 6)],
        "align": [[L, R, L, R, R, R]],
        "cells": [
            (0, 0, 5, "retention_rate"), (0, 2, 5, "66.67"),
            (0, 4, 4, ""), (0, 4, 5, ""), (0, 6, 0, "average"),
            (0, 6, 2, ""),
        ],
        "list": ["left out 3 events dated after the cut-off --as-of "
                 "2024-02-29", NOTE],
    },
    "periods.md": {
        "shapes": [(8, 14), (6, 15)],
        "align": [[L, L] + [R] * 11 + [L], [L, L] + [R] * 13],
        "cells": [
            (0, 1, 0, A_PIPE_B), (0, 3, 0, X_BACKSLASH_PIPE_Y),
            (0, 5, 0, HTML_Z), (0, 6, 0, HTML_Z), (0, 6, 7, ""),
            (0, 6, 13, "no customer at the start of the period, so no "
                       "rate is defined"),
            (0, 7, 0, LINE_BREAK), (0, 7, 1, "2024-03"),
            (1, 2, 1, X_BACKSLASH_PIPE_Y), (1, 5, 0, "all"),
            (1, 5, 2, "6"),
        ],
        "list": [],
    },
}


class Tables(html.parser.HTMLParser):
    """The tables (rows of (align, text) cells) and list items of a page,
    and every element seen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.items, self.tags = [], [], set()
        self.text = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self.align = dict(attrs).get("align")
            self.text = ""
        elif tag == "li":
            self.text = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.tables[-1][-1].append((self.align, self.text))
            self.text = None
        elif tag == "li":
            self.items.append(self.text)
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data


def render(cmark, path):
    with open(path, "rb") as f:
        source = f.read()
    # --unsafe lets raw HTML through, so that an input's markup would show
    # as an element of its own rather than vanish.
    html_text = subprocess.run([cmark, "--unsafe", "-e", "table"],
                               input=source,
                               stdout=subprocess.PIPE, check=True).stdout
    page = Tables()
    page.feed(html_text.decode("utf-8"))
    return source.decode("utf-8"), page


def table_line_counts(source):
    """The table lines of each table in the source, less the delimiter."""
    counts, run = [], 0
    for line in source.split("\n"):
        if line.startswith("|"):
            run += 1
        elif run:
            counts.append(run - 1)
            run = 0
    if run:
        counts.append(run - 1)
    return counts


def check_shape(name, source, page, fail):
    if len(page.tables) != len(table_line_counts(source)):
        fail(f"{name}: {len(page.tables)} tables rendered, "
             f"{len(table_line_counts(source))} written")
    for t, (table, lines) in enumerate(zip(page.tables,
                                           table_line_counts(source))):
        if len(table) != lines:
            fail(f"{name}: table {t}: {len(table)} rows rendered, {lines} "
                 "written")
        for r, row in enumerate(table):
            if len(row) != len(table[0]):
                fail(f"{name}: table {t} row {r}: {len(row)} cells, the "
                     f"header {len(table[0])}")
    stray = page.tags - ALLOWED
    if stray:
        fail(f"{name}: markup from the input: <{'>, <'.join(sorted(stray))}>")


def check_expected(name, page, want, fail):
    shapes = [(len(t), len(t[0]) if t else 0) for t in page.tables]
    if shapes != want["shapes"]:
        fail(f"{name}: tables {shapes}, expected {want['shapes']}")
        return
    for t, aligns in enumerate(want["align"]):
        got = [cell[0] for cell in page.tables[t][0]]
        for r, row in enumerate(page.tables[t]):
            if [cell[0] for cell in row] != got:
                fail(f"{name}: table {t} row {r}: alignment differs")
        if got != aligns:
            fail(f"{name}: table {t}: alignment {got}, expected {aligns}")
    for t, names in enumerate(want.get("header", [])):
        if names and [c[1] for c in page.tables[t][0]] != names:
            fail(f"{name}: table {t}: header "
                 f"{[c[1] for c in page.tables[t][0]]}, expected {names}")
    for t, r, c, text in want["cells"]:
        got = page.tables[t][r][c][1]
        if got != text:
            fail(f"{name}: table {t} row {r} cell {c}: {got!r}, expected "
                 f"{text!r}")
    if page.items != want["list"]:
        fail(f"{name}: list {page.items!r}, expected {want['list']!r}")


def main():
    cmark, folder = sys.argv[1], sys.argv[2]
    failures = []
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md"))
    for name in sorted(set(EXPECT) - set(names)):
        failures.append(f"{name}: golden file missing")
    for name in names:
        source, page = render(cmark, os.path.join(folder, name))
        check_shape(name, source, page, failures.append)
        if name not in EXPECT:
            failures.append(f"{name}: no expectations in EXPECT")
            continue
        check_expected(name, page, EXPECT[name], failures.append)
    for failure in failures:
        print("markdown_render: " + failure, file=sys.stderr)
    print(f"markdown_render: {len(names)} files, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
