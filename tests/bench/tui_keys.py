#!/usr/bin/python3
"""tui_keys.py - measure a full-screen program from outside, as a terminal
sees it: the time to its first screen, and for each key press the time until
its answer is complete (the last byte of it) and the bytes it wrote.

usage: tui_keys.py [--cols 80] [--rows 24] [--setup SPEC] [--keys SPEC]
                   [--repeat N] [--raw FILE --label NAME] [--quiet S]
                   [--setup-quiet S] [--settle S] -- CMD...

The program runs in a pseudo-terminal of the given size, TERM=xterm-256color.
SPEC is a comma-separated list of keys: DOWN, UP, RIGHT, LEFT, NPAGE, PPAGE,
HOME, END (sent as the terminfo entry says the terminal sends them), TAB,
ENTER, ESC, or literal characters; KEY*N is KEY N times. --setup keys are
pressed first, each answer awaited, and not measured (e.g. "P" opens the
people directory). Then the --keys list is pressed in order, --repeat times
(0: only the first screen is measured), one key at a time: a key is sent
when the answer to the one before is complete, that is when no output came
for QUIET seconds (--quiet, default 0.025); its latency runs from sending
the key to the last byte of the answer. A key with no answer at all within
2 s counts its bytes (0) but no latency. Each setup key's answer is complete after --setup-quiet
seconds without output (default 0.2); --settle S then waits until S seconds
pass without output (work the program does after the setup, e.g. a sweep
that paints when it is done).

Prints one line: first_screen_ms p50_ms p99_ms max_ms bytes_p50 bytes_max keys
With --raw, also appends "NAME latency_ms bytes KEY cpu_ms" per key to FILE:
cpu_ms is the processor time the program used for the key (from
/proc/PID/schedstat), which a busy machine does not stretch as it stretches
the latency.
"""
import curses
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

TERM = "xterm-256color"
QUIET = 0.025  # an answer is complete after this long without output
# ncurses puts xterm in keypad (application) mode, where the arrows are
# ESC O A..D: the strings come from terminfo, as a real terminal's would.
CAPS = {"DOWN": "kcud1", "UP": "kcuu1", "RIGHT": "kcuf1", "LEFT": "kcub1",
        "NPAGE": "knp", "PPAGE": "kpp", "HOME": "khome", "END": "kend"}
KEYS = {"TAB": b"\t", "ENTER": b"\r", "ESC": b"\x1b"}


def parse_keys(spec):
    """[(name, bytes)] for a SPEC."""
    out = []
    curses.setupterm(TERM, -1)
    for item in spec.split(",") if spec else []:
        name, _, times = item.rpartition("*") if "*" in item[1:] else (item, "", "1")
        if name in CAPS:
            seq = curses.tigetstr(CAPS[name])
        else:
            seq = KEYS.get(name, name.encode())
        out += [(name, seq)] * int(times)
    return out


def spawn(cmd, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        # the size is set before the program starts, so its first screen has
        # it (set from this side, it would race the program's start)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.environ["TERM"] = TERM
        os.execvp(cmd[0], cmd)
    return pid, fd


def drain(fd, quiet, limit):
    """Read until `quiet` seconds pass without output (after some output, or
    `limit` seconds without any); return (bytes, time of the last byte)."""
    total, last, start = 0, None, time.monotonic()
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if total:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        total += len(chunk)
        last = time.monotonic()
    return total, last


def cpu_ns(pid):
    """Nanoseconds the process has run on a processor so far (0: unknown)."""
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))] if s else float("nan")


def main(argv):
    opts = {"--cols": "80", "--rows": "24", "--setup": "", "--keys": "j", "--repeat": "1",
            "--raw": "", "--label": "keys", "--quiet": str(QUIET), "--setup-quiet": "0.2",
            "--settle": "0"}
    while argv and argv[0] != "--":
        if argv[0] not in opts or len(argv) < 2:
            print(__doc__, file=sys.stderr)
            return 2
        opts[argv[0]] = argv[1]
        argv = argv[2:]
    cmd = argv[1:]
    if not cmd:
        print(__doc__, file=sys.stderr)
        return 2
    setup, keys = parse_keys(opts["--setup"]), parse_keys(opts["--keys"])
    t0 = time.monotonic()
    pid, fd = spawn(cmd, int(opts["--cols"]), int(opts["--rows"]))
    _, first = drain(fd, 0.2, 5.0)
    first_ms = (first - t0) * 1000 if first else float("nan")
    for _, seq in setup:
        os.write(fd, seq)
        drain(fd, float(opts["--setup-quiet"]), 5.0)
    settle = float(opts["--settle"])
    while settle > 0 and select.select([fd], [], [], settle)[0]:
        if not os.read(fd, 65536):
            break
    lat, sizes, raw = [], [], []
    for _ in range(int(opts["--repeat"])):
        for name, seq in keys:
            ran = cpu_ns(pid)
            sent = time.monotonic()
            os.write(fd, seq)
            n, last = drain(fd, float(opts["--quiet"]), 2.0)
            ms = (last - sent) * 1000 if last is not None else float("nan")
            cpu_ms = (cpu_ns(pid) - ran) / 1e6
            if last is not None:
                lat.append(ms)
            sizes.append(n)
            raw.append("%s %.3f %d %s %.3f\n" % (opts["--label"], ms, n, name, cpu_ms))
    os.kill(pid, signal.SIGTERM)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    if opts["--raw"]:
        with open(opts["--raw"], "a") as f:
            f.writelines(raw)
    print("%.1f %.2f %.2f %.2f %d %d %d" % (
        first_ms, percentile(lat, 50), percentile(lat, 99), max(lat) if lat else float("nan"),
        percentile(sizes, 50) if sizes else 0, max(sizes) if sizes else 0, len(sizes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
