#!/usr/bin/python3
"""ptyrun.py - run a full-screen muster in a pseudo-terminal of any size, as
sshd runs it for a client that asks for that size, and report what it cost.

  ptyrun.py [options] -- COMMAND...

The terminal size is set before the program starts (TIOCSWINSZ), as sshd
does; the program is a session leader with the pty as its controlling
terminal, so a resize sends it SIGWINCH and closing the master sends SIGHUP.

Options:
  --size LINESxCOLS     terminal size at start (default 24x80)
  --wait TEXT           wait until the output shows TEXT (timeout: --timeout)
  --resize LINESxCOLS   then resize the terminal (SIGWINCH) and wait for TEXT again
  --early               send the ending as soon as the program catches SIGHUP
                        (SigCgt in /proc), without waiting for TEXT: in
                        the middle of its start-up
  --end hup|term|close  how to end it: kill -HUP, kill -TERM, or close the
                        master as a dropped connection does (default hup)
  --grace SECONDS       how long it may take to end after that (default 1)
  --limit-mib N         watchdog: kill it if its resident memory passes N MiB
  --timeout SECONDS     longest wait for TEXT (default 60)

Prints key=value lines: drawn (yes/no), peak_kib (VmHWM while running),
rss_limit_hit (yes/no), ended (yes/no: within the grace time), status
(exit status or -signal), end_ms (from the ending to the exit), max_row and
max_col (the furthest line and column any cursor address in the output
named: CUP, HPA, VPA).
"""
import argparse
import os
import re
import signal
import struct
import sys
import termios
import fcntl
import time


def size(text):
    lines, cols = text.lower().split("x")
    return int(lines), int(cols)


def set_size(fd, lines, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))


def status_kib(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


class Child:
    def __init__(self, argv, lines, cols, limit_kib):
        self.master, slave = os.openpty()
        set_size(slave, lines, cols)
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.master)
            os.login_tty(slave)
            os.execvp(argv[0], argv)
        os.close(slave)
        os.set_blocking(self.master, False)
        self.out = b""
        self.peak = 0
        self.limit_kib = limit_kib
        self.limit_hit = False
        self.status = None

    def sample(self):
        """Read output, note memory, reap; False once the child has ended."""
        if self.status is not None:
            return False
        hwm = status_kib(self.pid, "VmHWM")
        if hwm:
            self.peak = max(self.peak, hwm)
        rss = status_kib(self.pid, "VmRSS")
        if rss and self.limit_kib and rss > self.limit_kib:
            self.limit_hit = True
            os.kill(self.pid, signal.SIGKILL)
        if self.master is not None:
            try:
                while True:
                    chunk = os.read(self.master, 65536)
                    if not chunk:
                        break
                    self.out += chunk
            except (BlockingIOError, OSError):
                pass
        pid, st = os.waitpid(self.pid, os.WNOHANG)
        if pid == self.pid:
            self.status = os.waitstatus_to_exitcode(st)
            return False
        return True

    def wait_catching(self, sig, timeout):
        """Wait until the child has a handler for sig (it is starting up)."""
        until = time.monotonic() + timeout
        while time.monotonic() < until and self.sample():
            try:
                with open("/proc/%d/status" % self.pid) as f:
                    for line in f:
                        if line.startswith("SigCgt:"):
                            if int(line.split()[1], 16) & (1 << (sig - 1)):
                                return True
            except OSError:
                pass
            time.sleep(0.001)
        return False

    def wait_text(self, text, timeout):
        start = len(self.out)
        until = time.monotonic() + timeout
        while time.monotonic() < until and self.sample():
            if text.encode() in self.out[start:]:
                return True
            time.sleep(0.02)
        return text.encode() in self.out[start:]


def furthest(out):
    """The furthest line and column the output addressed."""
    rows = [0]
    cols = [0]
    for m in re.finditer(rb"\x1b\[(\d+);(\d+)H", out):
        rows.append(int(m.group(1)))
        cols.append(int(m.group(2)))
    for m in re.finditer(rb"\x1b\[(\d+)([Gd`])", out):
        (cols if m.group(2) in b"G`" else rows).append(int(m.group(1)))
    return max(rows), max(cols)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=size, default=(24, 80))
    ap.add_argument("--wait", default="")
    ap.add_argument("--resize", type=size)
    ap.add_argument("--early", action="store_true")
    ap.add_argument("--end", choices=("hup", "term", "close"), default="hup")
    ap.add_argument("--grace", type=float, default=1.0)
    ap.add_argument("--limit-mib", type=int, default=512)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("argv", nargs="+")
    a = ap.parse_args()

    child = Child(a.argv, a.size[0], a.size[1], a.limit_mib * 1024)
    drawn = True
    if a.early:
        child.wait_catching(signal.SIGHUP, a.timeout)
    else:
        drawn = child.wait_text(a.wait, a.timeout) if a.wait else True
        if drawn and a.resize:
            set_size(child.master, *a.resize)
            drawn = child.wait_text(a.wait, a.timeout)
    child.sample()
    ended_at = time.monotonic()
    if child.status is None:
        if a.end == "close":
            os.close(child.master)
            child.master = None
        else:
            os.kill(child.pid, signal.SIGHUP if a.end == "hup" else signal.SIGTERM)
        ended_at = time.monotonic()
        # Poll generously until the grace time is up: a bound, not a speed.
        while time.monotonic() - ended_at < a.grace and child.sample():
            time.sleep(0.005)
    end_ms = int((time.monotonic() - ended_at) * 1000)
    ended = child.status is not None
    if not ended:
        os.kill(child.pid, signal.SIGKILL)
        os.waitpid(child.pid, 0)
    print("drawn=%s" % ("yes" if drawn else "no"))
    print("peak_kib=%d" % child.peak)
    print("rss_limit_hit=%s" % ("yes" if child.limit_hit else "no"))
    print("ended=%s" % ("yes" if ended else "no"))
    print("status=%s" % (child.status if ended else "running"))
    print("end_ms=%d" % end_ms)
    max_row, max_col = furthest(child.out)
    print("max_row=%d" % max_row)
    print("max_col=%d" % max_col)
    return 0


if __name__ == "__main__":
    sys.exit(main())
