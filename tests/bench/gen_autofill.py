#!/usr/bin/env python3
"""gen_autofill.py DB VOLUNTEERS SHIFTS [--seed S] - an event to auto-fill,
written into the muster database DB (created and migrated by muster first):
a three-day forum in America/New_York over the night the clocks spring
forward (13-15 March 2027), rooms, six roles (three need a skill, one an
age), SHIFTS shifts of one to four hours from 07:00 to 21:00 with need_min
1-3 and need_max up to two more, VOLUNTEERS registered volunteers of whom
some hold skills (a few expired), some are under 18, some give availability
windows and some speak at sessions. --tight asks for more volunteers at
once (need_min 1-4) than there are to go round. No assignments: auto-fill starts from
nothing. Prints the event's id."""
import argparse
import random
import sqlite3
import sys
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/New_York")
DAYS = ["2027-03-13", "2027-03-14", "2027-03-15"]
ROLES = [  # name, skill index or None, min_age, weight
    ("Greeter", None, 0, 5), ("Usher", None, 0, 5), ("Info desk", None, 0, 3),
    ("First aid", 0, 18, 2), ("Interpreter: Spanish", 1, 0, 2), ("AV tech", 2, 0, 2),
]
SKILLS = ["First aid", "Interpreter: Spanish", "AV operation"]
FIRST = ["Dana", "Ana", "Luis", "Mei", "Kofi", "Sara", "Tomás", "Aiyana", "Omar", "Ruth",
         "Priya", "Jonas", "Fatima", "Chen", "Lerato", "Iván", "Yuki", "Amara", "Ben", "Noor"]
LAST = ["Reyes", "Cruz", "Okafor", "Lindqvist", "Haddad", "Kim", "Moreau", "Silva", "Tanaka",
        "Mensah", "Novak", "García", "Singh", "Cohen", "Nakamura", "Dubois", "Ali", "Osei"]


def at(day, hour, minute=0):
    y, m, d = map(int, day.split("-"))
    return int(datetime(y, m, d, hour, minute, tzinfo=TZ).timestamp())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("volunteers", type=int)
    ap.add_argument("shifts", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tight", action="store_true", help="more places needed (need_min 1-4)")
    a = ap.parse_args()
    path, nvol, nshift, seed = a.db, a.volunteers, a.shifts, a.seed
    rnd = random.Random(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    cur = db.cursor()
    cur.execute("INSERT INTO event (name, starts, ends, tz, status, uid) VALUES (?,?,?,?,?,?)",
                ("Generated Forum %d" % seed, at(DAYS[0], 7), at(DAYS[-1], 21),
                 "America/New_York", "published", str(uuid.UUID(int=rnd.getrandbits(128)))))
    ev = cur.lastrowid
    rooms = []
    for i in range(6):
        cur.execute("INSERT INTO room (event, name, capacity) VALUES (?,?,?)",
                    (ev, "Room %d" % (i + 1), 100))
        rooms.append(cur.lastrowid)
    skills = []
    for name in SKILLS:
        row = cur.execute("SELECT id FROM skill WHERE name = ?", (name,)).fetchone()
        if row is None:
            cur.execute("INSERT INTO skill (name) VALUES (?)", (name,))
            skills.append(cur.lastrowid)
        else:
            skills.append(row[0])
    roles = []
    for name, sk, age, weight in ROLES:
        cur.execute("INSERT INTO role (event, name, skill, min_age) VALUES (?,?,?,?)",
                    (ev, name, skills[sk] if sk is not None else None, age))
        roles.append((cur.lastrowid, weight))
    weights = [w for _, w in roles]
    for i in range(nshift):
        role = rnd.choices(roles, weights)[0][0]
        day = rnd.choice(DAYS)
        length = rnd.choice([60, 120, 120, 120, 180, 240])
        start = rnd.randrange(7 * 60, 21 * 60 - length + 1, 30)
        lo = rnd.choice([1, 2, 2, 3, 3, 4] if a.tight else [1, 1, 1, 2, 2, 3])
        hi = lo + rnd.choice([0, 1, 1, 2])
        s = at(day, start // 60, start % 60)
        cur.execute("INSERT INTO shift (event, role, room, starts, ends, need_min, need_max,"
                    " uid) VALUES (?,?,?,?,?,?,?,?)",
                    (ev, role, rnd.choice(rooms), s, s + length * 60, lo, hi,
                     str(uuid.UUID(int=rnd.getrandbits(128)))))
    sessions = []
    for i in range(12):
        day = rnd.choice(DAYS)
        start = rnd.randrange(9 * 60, 18 * 60, 30)
        s = at(day, start // 60, start % 60)
        cur.execute("INSERT INTO session (event, room, title, starts, ends, uid)"
                    " VALUES (?,?,?,?,?,?)",
                    (ev, rooms[i % len(rooms)], "Panel %d" % (i + 1), s, s + 3600,
                     str(uuid.UUID(int=rnd.getrandbits(128)))))
        sessions.append(cur.lastrowid)
    base = cur.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0]
    for i in range(nvol):
        age = rnd.choice([16, 17] + [rnd.randrange(18, 70) for _ in range(8)])
        born = "%04d-%02d-%02d" % (2027 - age, rnd.randrange(1, 13), rnd.randrange(1, 29))
        code = "G%dV%06d" % (seed, base + i)
        cur.execute("INSERT INTO person (name, birth_date, volunteer_code) VALUES (?,?,?)",
                    ("%s %s %d" % (rnd.choice(FIRST), rnd.choice(LAST), i), born, code))
        p = cur.lastrowid
        cur.execute("INSERT INTO registration (event, person, kind, status) VALUES (?,?,?,?)",
                    (ev, p, "volunteer", "registered"))
        for k, sk in enumerate(skills):
            if rnd.random() < 0.18:
                exp = None if rnd.random() < 0.85 else rnd.choice(["2027-03-12", "2027-03-14"])
                cur.execute("INSERT INTO person_skill (person, skill, expires) VALUES (?,?,?)",
                            (p, sk, exp))
        if rnd.random() < 0.15:
            for day in rnd.sample(DAYS, rnd.choice([1, 2])):
                start = rnd.randrange(7, 15)
                cur.execute("INSERT INTO availability (person, event, starts, ends)"
                            " VALUES (?,?,?,?)",
                            (p, ev, at(day, start), at(day, start + rnd.choice([4, 6, 8]))))
        if rnd.random() < 0.05:
            cur.execute("INSERT INTO speaker (session, person) VALUES (?,?)",
                        (rnd.choice(sessions), p))
    db.commit()
    print(ev)


if __name__ == "__main__":
    main()
