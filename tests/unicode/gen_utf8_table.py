#!/usr/bin/env python3
"""Writes src/io/utf8_table.h, the ranges of code points that src/io/utf8.c
treats apart, from the Unicode Character Database (Debian's unicode-data
package puts it in /usr/share/unicode):

    python3 tests/unicode/gen_utf8_table.py [UCD_DIR] > src/io/utf8_table.h

With --check TABLE it compares instead, as a test: exit 0 when TABLE is
what it would write, 1 when not, 77 (skipped) when the database is not
installed or is another version than the one TABLE was made from.

Every code point not in a range is shown as it is and takes one column.

  HIDDEN  shown as an escape, \\u{...}: controls (Cc) above ASCII, format
          characters (Cf, such as bidirectional overrides and zero-width
          spaces) and the line and paragraph separators (Zl, Zp), which
          would reorder, hide or break the line they are on.
  ZERO    takes no column: combining marks (Mn, Me) and the Hangul vowels
          and final consonants that join the syllable before them
          (U+1160..U+11FF).
  WIDE    takes two columns: East_Asian_Width W (wide) or F (fullwidth),
          the unassigned code points that UAX #11 gives W included.
"""
import io
import os
import sys

HIDDEN, ZERO, WIDE = 1, 2, 3
NAMES = {HIDDEN: "UTF8_HIDDEN", ZERO: "UTF8_ZERO", WIDE: "UTF8_WIDE"}
# Unassigned code points that default to W (EastAsianWidth.txt's header).
DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def categories(ucd):
    """The general category of every assigned code point."""
    cats = {}
    first = None
    with open(os.path.join(ucd, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            code, name, cat = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                first = code
                continue
            if name.endswith(", Last>"):
                for c in range(first, code + 1):
                    cats[c] = cat
                continue
            cats[code] = cat
    return cats


def wide_points(ucd):
    """Code points of East_Asian_Width W or F."""
    wide = set()
    for low, high in DEFAULT_WIDE:
        wide.update(range(low, high + 1))
    with open(os.path.join(ucd, "EastAsianWidth.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            span, width = (part.strip() for part in line.split(";"))
            low, _, high = span.partition("..")
            points = range(int(low, 16), int(high or low, 16) + 1)
            if width in ("W", "F"):
                wide.update(points)
            else:
                wide.difference_update(points)
    return wide


def kind_of(code, cats, wide):
    cat = cats.get(code)
    if code >= 0x80 and cat in ("Cc", "Cf", "Zl", "Zp"):
        return HIDDEN
    if cat in ("Mn", "Me") or 0x1160 <= code <= 0x11FF:
        return ZERO
    if code in wide:
        return WIDE
    return 0


def ranges(cats, wide):
    out = []
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # never decoded: UTF-8 has no surrogates
        kind = kind_of(code, cats, wide)
        if not kind:
            continue
        if out and out[-1][2] == kind and out[-1][1] == code - 1:
            out[-1][1] = code
        else:
            out.append([code, code, kind])
    return out


def write_table(version, table, out):
    lines = [
        "/*",
        " * utf8_table.h - code points that utf8.c shows apart (internal).",
        " *",
        " * Generated from the Unicode Character Database %s by" % version,
        " * tests/unicode/gen_utf8_table.py; do not edit.  Sorted, disjoint.",
        " */",
        "#ifndef RETAIN_UTF8_TABLE_H",
        "#define RETAIN_UTF8_TABLE_H",
        "",
        "#include <stdint.h>",
        "",
        "enum utf8_kind { UTF8_PLAIN, UTF8_HIDDEN, UTF8_ZERO, UTF8_WIDE };",
        "",
        "struct utf8_range {",
        "    uint32_t first, last;",
        "    unsigned char kind; /* enum utf8_kind */",
        "};",
        "",
        "/* clang-format off */",
        "static const struct utf8_range utf8_ranges[] = {",
    ]
    for first, last, kind in table:
        lines.append("    {0x%05X, 0x%05X, %s}," % (first, last, NAMES[kind]))
    lines += ["};", "/* clang-format on */", "", "#endif", ""]
    out.write("\n".join(lines))


def ucd_version(ucd):
    with open(os.path.join(ucd, "ReadMe.txt"), encoding="utf-8") as f:
        return next((line.split("Version ")[1].split(" ")[0]
                     for line in f if "for Version" in line), "unknown")


def main():
    args = sys.argv[1:]
    check = None
    if args[:1] == ["--check"]:
        check, args = args[1], args[2:]
    ucd = args[0] if args else "/usr/share/unicode"
    if not os.path.exists(os.path.join(ucd, "EastAsianWidth.txt")):
        print("no Unicode Character Database in %s: skipped" % ucd)
        sys.exit(77 if check else 1)
    version = ucd_version(ucd)
    table = ranges(categories(ucd), wide_points(ucd))
    if not check:
        write_table(version, table, sys.stdout)
        return
    with open(check, encoding="utf-8") as f:
        committed = f.read()
    if "Database %s by" % version not in committed:
        print("the database is %s, the table another version: skipped"
              % version)
        sys.exit(77)
    out = io.StringIO()
    write_table(version, table, out)
    if out.getvalue() != committed:
        print("%s is not what the database gives: regenerate it" % check)
        sys.exit(1)
    print("%s matches Unicode %s" % (check, version))


main()
