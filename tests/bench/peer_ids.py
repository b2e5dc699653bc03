"""The Python peer of `retain ids`: sets.  Usage: peer_ids.py START END;
prints "S E N"."""
import sys


def ids(path):
    with open(path, "rb") as f:
        found = set(line.rstrip(b"\r\n") for line in f)
    found.discard(b"")
    return found


start, end = ids(sys.argv[1]), ids(sys.argv[2])
print(len(start), len(end), len(end - start))
