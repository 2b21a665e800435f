"""door_scan.py - `muster door` fed like a barcode scanner, in an 80x24
pseudo-terminal (run by tests/bench/run.sh with Debian's /usr/bin/python3).

usage: door_scan.py CODES DB EVENT PACED BURST -- muster --db DB door --event EVENT

CODES holds person codes, one a line, of people registered for EVENT and not
yet checked in. They are typed as a scanner types them: a code's characters
in one write, then Enter. First PACED codes at ten a second, each timed from
its Enter to the last byte of the door's answer on the screen (the output
going quiet, as tests/bench/tui_keys.py times a key); then BURST codes
written all at once, timed from the first byte until the database holds
every one of them checked in. Prints:
  p50_ms p99_ms max_ms burst_seconds checked_in
where checked_in counts EVENT's registrations checked in at the end (none
lost: PACED + BURST)."""
import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import sys
import termios
import time

TERM = "xterm-256color"
QUIET = 0.02  # no output for this long: the answer is complete


def spawn(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = TERM
        os.execvp(cmd[0], cmd)
    return pid, fd


def drain(fd, quiet, limit):
    """Read until `quiet` seconds pass without output (after some output, or
    `limit` seconds without any); the time of the last byte, or None."""
    last, start = None, time.monotonic()
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if last is not None:
                break
            continue
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
        last = time.monotonic()
    return last


def checked_in(db, event):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute("SELECT count(*) FROM registration WHERE event = ?"
                           " AND status = 'checked_in'", (event,)).fetchone()[0]
    finally:
        con.close()


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))] if s else float("nan")


def main(argv):
    if len(argv) < 7 or argv[5] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    codes = [c.strip() for c in open(argv[0]) if c.strip()]
    db, event, paced, burst = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    if len(codes) < paced + burst:
        print("door_scan: %d codes, %d wanted" % (len(codes), paced + burst), file=sys.stderr)
        return 2
    before = checked_in(db, event)
    pid, fd = spawn(argv[6:])
    drain(fd, 0.3, 10)
    lat = []
    for code in codes[:paced]:
        start = time.monotonic()
        os.write(fd, code.encode())
        drain(fd, QUIET, 2)
        sent = time.monotonic()
        os.write(fd, b"\r")
        last = drain(fd, QUIET, 2)
        if last is not None:
            lat.append((last - sent) * 1000)
        rest = 0.1 - (time.monotonic() - start)
        if rest > 0:
            time.sleep(rest)
    data = b"".join(c.encode() + b"\r" for c in codes[paced:paced + burst])
    t0 = time.monotonic()
    view = memoryview(data)
    while view:  # the pty takes what fits; its answers are read meanwhile
        r, w, _ = select.select([fd], [fd], [], 1)
        if r:
            os.read(fd, 65536)
        if w:
            view = view[os.write(fd, view[:1024]):]
    want = before + paced + burst
    end = time.monotonic() + 60
    while checked_in(db, event) < want and time.monotonic() < end:
        drain(fd, 0.01, 0.05)
    burst_s = time.monotonic() - t0
    os.kill(pid, signal.SIGTERM)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    print("%.2f %.2f %.2f %.3f %d" % (percentile(lat, 50), percentile(lat, 99),
                                      max(lat) if lat else float("nan"), burst_s,
                                      checked_in(db, event) - before))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
