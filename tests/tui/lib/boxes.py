#!/usr/bin/python3
"""boxes.py - check the boxes on a captured screen (tmux capture-pane -p on
stdin): every box drawn with ┌┐└┘─│ has its left and right borders in the
same display columns on every row, as the terminal counts columns (libc
wcwidth, as tmux and ncurses do: a Korean syllable takes two, a Khmer or
Thai vowel sign none), and the column just outside each border is blank, so
no text of the screen below touches a border or is cut by one.

Prints one line per fault and exits 1 when there is any; "boxes: N" on
success (N boxes found, at least --min of them).
"""
import ctypes
import ctypes.util
import locale
import sys

locale.setlocale(locale.LC_ALL, "C.UTF-8")
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.wcwidth.restype = ctypes.c_int


def cells(line):
    """The line as (column, character) for each character taking a column."""
    out, col = [], 0
    for ch in line:
        w = libc.wcwidth(ord(ch))
        if w <= 0:
            continue
        out.append((col, ch))
        col += w
    return out


def at(row, col):
    for c, ch in row:
        if c == col:
            return ch
        if c > col:
            return None
    return " "  # past the end: blank


def main(argv):
    need = 1
    if len(argv) > 2 and argv[1] == "--min":
        need = int(argv[2])
    rows = [cells(line.rstrip("\n")) for line in sys.stdin]
    faults, found = [], 0
    for y, row in enumerate(rows):
        for x, ch in row:
            if ch != "\u250c":  # ┌
                continue
            right = next((c for c, k in row if c > x and k == "\u2510"), None)
            if right is None:
                continue
            found += 1
            bottom = next((yy for yy in range(y + 1, len(rows)) if at(rows[yy], x) == "\u2514"), None)
            if bottom is None:
                faults.append(f"box at row {y + 1} column {x}: no bottom-left corner below it")
                continue
            if at(rows[bottom], right) != "\u2518":
                faults.append(f"box at row {y + 1}: bottom-right corner not in column {right}")
            for yy in range(y + 1, bottom):
                for col, want in ((x, "\u2502"), (right, "\u2502")):
                    got = at(rows[yy], col)
                    if got != want:
                        faults.append(f"box at row {y + 1}: row {yy + 1} has {got!r} in column {col}, not the border")
            for yy in range(y, bottom + 1):
                for col in (x - 1, right + 1):
                    if col < 0:
                        continue
                    got = at(rows[yy], col)
                    if got != " ":
                        faults.append(f"box at row {y + 1}: row {yy + 1} column {col} beside the border holds {got!r}")
    if found < need:
        faults.append(f"{found} boxes on the screen, wanted at least {need}")
    for f in faults:
        print(f)
    if not faults:
        print(f"boxes: {found}")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
