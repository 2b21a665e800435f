#!/usr/bin/python3
"""timeit.py - wall time of a command over several runs, for tests/bench.

usage: timeit.py RUNS [--before SHELL-COMMAND] -- CMD...

Runs CMD RUNS times (output thrown away; a failing run stops with its
status and standard error) and prints "median_s min_s max_s" in seconds.
--before runs a shell command ahead of every run, outside the timing (to
give each run the same starting point, e.g. a fresh database).
"""
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    runs, before = int(argv[0]), None
    argv = argv[1:]
    if argv[0] == "--before":
        before, argv = argv[1], argv[2:]
    if not argv or argv[0] != "--" or len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, times = argv[1:], []
    for _ in range(runs):
        if before:
            subprocess.run(before, shell=True, check=True, stdout=subprocess.DEVNULL)
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if p.returncode not in (0, 1):  # check exits 1 when it finds a violation
            sys.stderr.write(p.stderr.decode(errors="replace"))
            return p.returncode
    print("%.4f %.4f %.4f" % (statistics.median(times), min(times), max(times)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
