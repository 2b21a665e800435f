#!/usr/bin/python3
"""writers.py - other people working while the coordinator scrolls: WRITERS
processes commit, through the real muster command line, assignments to
the event's shifts, registrations to it and check-ins at it, together at
RATE writes a second, steady (each writer keeps its own slot in the beat),
until STOPFILE is gone.

usage: writers.py DB EVENT STOPFILE [WRITERS RATE] -- MUSTER [ARGS...]

Each writer has its own people, so no two writers ask for the same row: in
turn it registers a person not yet registered to EVENT as a volunteer,
checks in a person registered to it, and puts the volunteer it just
registered on an open shift (of a role that needs no skill and no age).

Prints one line: attempted committed refused locked seconds. "locked" is a
write that met "database is locked" or the busy timeout (exit status 3
with that message); "refused" one the rules turned down (status 1), which
still read and wrote nothing.
"""
import os
import sqlite3
import subprocess
import sys
import time


def targets(db, event, n):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    shifts = [r[0] for r in con.execute(
        "SELECT s.id FROM shift s JOIN role o ON o.id = s.role WHERE s.event = ?"
        " AND s.status = 'open' AND o.skill IS NULL AND o.min_age = 0"
        " AND (SELECT count(*) FROM assignment a WHERE a.shift = s.id) < s.need_max"
        " ORDER BY s.starts, s.id LIMIT ?", (event, n))]
    outsiders = [r[0] for r in con.execute(
        "SELECT p.id FROM person p WHERE p.erased_at IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM registration r WHERE r.person = p.id AND r.event = ?)"
        " AND NOT EXISTS (SELECT 1 FROM availability v WHERE v.person = p.id)"
        " ORDER BY p.id LIMIT ?", (event, n))]
    arrivals = [r[0] for r in con.execute(
        "SELECT person FROM registration WHERE event = ? AND status = 'registered'"
        " ORDER BY id DESC LIMIT ?", (event, n))]
    con.close()
    return shifts, outsiders, arrivals


def writer(k, writers, rate, stopfile, muster, event, work):
    """Writer k of writers: its writes at t0 + (i * writers + k) / rate."""
    t0 = time.monotonic()
    counts = [0, 0, 0, 0]
    i = 0
    for args in work:
        due = t0 + (i * writers + k) / rate
        while True:
            if not os.path.exists(stopfile):
                return counts
            left = due - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 0.1))
        p = subprocess.run(muster + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.decode(errors="replace")
        counts[0] += 1
        if p.returncode == 0:
            counts[1] += 1
        elif "locked" in err or "busy" in err:
            counts[3] += 1
            sys.stderr.write("writers: %s" % err)
        else:
            counts[2] += 1
        i += 1
    return counts


def main(argv):
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    cut = argv.index("--")
    head, muster = argv[:cut], argv[cut + 1:]
    if len(head) not in (3, 5) or not muster:
        print(__doc__, file=sys.stderr)
        return 2
    db, event, stopfile = head[0], int(head[1]), head[2]
    writers, rate = (int(head[3]), float(head[4])) if len(head) == 5 else (16, 50.0)
    per = 400
    shifts, outsiders, arrivals = targets(db, event, writers * per)
    ev = str(event)
    start = time.monotonic()
    kids = []
    for k in range(writers):
        work = []
        mine = lambda v: v[k::writers]
        for shift, outsider, arrival in zip(mine(shifts), mine(outsiders), mine(arrivals)):
            work += [["register", ev, str(outsider), "--kind", "volunteer"],
                     ["checkin", "--event", ev, "--person", str(arrival)],
                     ["assign", str(shift), str(outsider)]]
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            counts = writer(k, writers, rate, stopfile, muster, event, work)
            os.write(w, (" ".join(map(str, counts)) + "\n").encode())
            os._exit(0)
        os.close(w)
        kids.append((pid, r))
    total = [0, 0, 0, 0]
    for pid, r in kids:
        with os.fdopen(r) as f:
            line = f.read().split()
        os.waitpid(pid, 0)
        for j, v in enumerate(line[:4]):
            total[j] += int(v)
    print("%d %d %d %d %.1f" % (total[0], total[1], total[2], total[3],
                                time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
