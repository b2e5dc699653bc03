#!/usr/bin/env bash
# svg_check.sh - every golden chart is a picture: well-formed XML that a
# real renderer draws at its size, and not blank.
#
#   bash tests/cli/svg_check.sh GOLDEN-DIR
#
# Checks each *.svg under GOLDEN-DIR (any depth: a new chart's golden file
# is checked by being there).  The CLI tests compare retain's output with
# these files byte for byte, so what holds for them holds for the output.
# For each file:
#   - xmllint --noout: well-formed XML (libxml2-utils);
#   - no script, no event handler, no reference to anything outside it
#     (url(#id), a pattern or gradient of the document itself, is fine);
#   - rsvg-convert renders it (librsvg2-bin) to a PNG of the width and
#     height the <svg> element states;
#   - rendered again 200 pixels wide (decoding a full-size PNG in Python
#     takes seconds), the PNG, decoded with Python's zlib, is not blank: it
#     has at least three colours and more than 1% of its pixels are not
#     the background.
# Without xmllint or rsvg-convert the test is skipped (77), unless
# RETAIN_REQUIRE_TOOLS is set, as tests/check.sh does after installing them.
set -euo pipefail

dir=${1:?usage: svg_check.sh GOLDEN-DIR}
python=${PYTHON:-python3}

for tool in xmllint rsvg-convert "$python"; do
    if ! command -v "$tool" >/dev/null; then
        if [ -n "${RETAIN_REQUIRE_TOOLS:-}" ]; then
            echo "svg_check: $tool is missing" >&2
            exit 1
        fi
        echo "svg_check: $tool is missing: skipped"
        exit 77
    fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# png_check LIST: each line of LIST "NAME FULL SMALL WIDTH HEIGHT": FULL is
# WIDTH x HEIGHT pixels, SMALL (the same chart, smaller) is not blank.
png_check() {
    "$python" - "$@" <<'PY'
import struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return header, idat

def blank(path):
    header, idat = read_png(path)
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    pixels = [row[i:i + bpp] for row in rows for i in range(0, stride, bpp)]
    counts = {}
    for p in pixels:
        counts[p] = counts.get(p, 0) + 1
    background = max(counts, key=counts.get)
    drawn = len(pixels) - counts[background]
    if len(counts) < 3 or drawn * 100 <= len(pixels):
        return f"blank: {len(counts)} colours, {drawn} of {len(pixels)} drawn"
    return None

failed = 0
for line in open(sys.argv[1]):
    name, full, small, want_w, want_h = line.split()
    (width, height, *_), _ = read_png(full)
    problem = None
    if (width, height) != (int(want_w), int(want_h)):
        problem = f"drawn {width}x{height}, expected {want_w}x{want_h}"
    problem = problem or blank(small)
    if problem:
        print(f"svg_check: {name}: {problem}", file=sys.stderr)
        failed = 1
sys.exit(failed)
PY
}

checked=0
while IFS= read -r -d '' svg; do
    name=${svg#"$dir"/}
    xmllint --noout "$svg" || { echo "svg_check: $name: not well-formed" >&2; exit 1; }
    if grep -Eiq '<script|[[:space:]]on[a-z]+=|href=|url\([^#]|@import' "$svg"; then
        echo "svg_check: $name: holds a script or an outside reference" >&2
        exit 1
    fi
    size=$(sed -n 's/^<svg [^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1 \2/p' "$svg")
    [ -n "$size" ] || { echo "svg_check: $name: no width and height" >&2; exit 1; }
    full="$scratch/$checked.png" small="$scratch/$checked-small.png"
    if ! rsvg-convert -o "$full" "$svg" ||
        ! rsvg-convert -w 200 -o "$small" "$svg"; then
        echo "svg_check: $name: rsvg-convert failed" >&2
        exit 1
    fi
    echo "$name $full $small $size" >>"$scratch/list"
    checked=$((checked + 1))
done < <(find "$dir" -name '*.svg' -type f -print0 | sort -z)

if [ "$checked" -eq 0 ]; then
    echo "svg_check: no *.svg under $dir" >&2
    exit 1
fi
png_check "$scratch/list"
echo "svg_check: $checked charts well-formed and drawn"
