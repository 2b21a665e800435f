#!/usr/bin/python3
"""pty_run.py - for tests/cli/terminal.sh.

  pty_run.py run CMD...      run CMD with its standard output on a
                             pseudo-terminal (raw: no LF -> CR LF), print the
                             bytes it wrote there, exit with its status
  pty_run.py unsafe FILE     print each character of FILE that must never
                             reach a terminal raw (controls but LF, tab and
                             the CR of CR LF; C1; bidi controls; U+FEFF; bytes
                             that are not UTF-8); exit 1 when there is one
  pty_run.py neutral FILE    FILE with each such character replaced by
                             U+FFFD, as muster neutralises them
"""
import os
import pty
import re
import sys
import tty

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
    "\u2066-\u2069\ufeff\udc80-\udcff]|\r(?!\n)")


def run(argv):
    master, slave = pty.openpty()
    tty.setraw(slave)
    pid = os.fork()
    if pid == 0:
        os.dup2(slave, 1)
        os.close(master)
        os.close(slave)
        os.execvp(argv[0], argv)
    os.close(slave)
    out = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its side
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(out)
    return os.waitstatus_to_exitcode(status)


def text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


def unsafe(path):
    bad = ["U+%04X" % ord(m.group(0)[0]) for m in UNSAFE.finditer(text(path))]
    print(" ".join(bad))
    return 1 if bad else 0


def neutral(path):
    s = UNSAFE.sub("\ufffd", text(path))
    sys.stdout.buffer.write(s.encode("utf-8", "surrogateescape"))
    return 0


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    sys.exit({"run": lambda: run(rest), "unsafe": lambda: unsafe(rest[0]),
              "neutral": lambda: neutral(rest[0])}[mode]())
