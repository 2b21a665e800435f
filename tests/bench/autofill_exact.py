#!/usr/bin/env python3
"""autofill_exact.py - auto-fill's yardstick for `make bench`: the same
instance as muster sees it, read straight from the database and written by
this script (not by muster) as an integer program that CBC (coinor-cbc)
solves exactly, or, for the large set, as the LP of a relaxation that CBC
solves for an upper bound.

The model (SPEC section 3, as core/rules.c states it): x[s,v] = 1 puts
registered volunteer v on open shift s (not started yet). A pair exists only
when v may take s on v's own facts: the role's skill unexpired on the
shift's local date, the minimum age on that date, availability windows that
cover the shift, no talk at that time, no row of v's on s already, no
existing shift of v's overlapping it or closer than min_rest_minutes, and
the local day's hours with it within max_hours_per_day. Between two new
shifts of one person: never closer than the rest (intervals widened by the
rest never meet: one clique constraint per start), and each local day's
hours (DST days have 23 or 25) within the limit. A shift holds at most
need_max. Objective, in muster's order: first the most places filled up to
need_min; then, with that many, the most places filled.

  autofill_exact.py exact DB EVENT NOW_EPOCH [CACHE.json] [--seconds S]
      prints JSON: status, min_status, max_status (Optimal, or bound where
      CBC stopped early and its proven bound stands in), min_places,
      min_before, opt_min, max_places, max_before, opt_max (after: places
      filled up to need_min / need_max),
      cached (answers taken from CACHE, CBC's earlier answers to the very
      same programs, keyed by their SHA-256)
  autofill_exact.py verify DB EVENT NOW_EPOCH PLAN.json
      muster's plan (autofill --format json, written on a copy) checked
      against the model: prints JSON with the number of broken pairs
  autofill_exact.py spread DB EVENT NOW_EPOCH MIN_AFTER MAX_AFTER [CACHE.json] [--seconds S]
      the solver's fairest plan (least maximum hours) with that coverage
      and fill: JSON with max, median, min hours of the volunteers it uses
  autofill_exact.py bound DB EVENT NOW_EPOCH [CACHE.json]
      the large set: an LP upper bound (volunteers grouped by the roles they
      may do, shifts by role and time, capacity per group and instant and per
      local day): JSON with min_bound, max_bound (places after)
"""
import hashlib
import io
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

ACTIVE = "('signed_up','confirmed','checked_in','completed')"
MARGIN = 2 * 86400


class Instance:
    pass


def settings():
    """min_rest_minutes and max_hours_per_day from MUSTER_CONFIG when set."""
    rest, hours = 30, 10.0
    path = os.environ.get("MUSTER_CONFIG")
    if path and os.path.exists(path):
        section = ""
        for line in open(path):
            line = line.split("#")[0].split(";")[0].strip()
            if line.startswith("["):
                section = line.strip("[]").strip()
            elif "=" in line and section == "rules":
                k, v = [x.strip() for x in line.split("=", 1)]
                if k == "min_rest_minutes":
                    rest = int(v)
                elif k == "max_hours_per_day":
                    hours = float(v)
    return rest * 60, hours * 3600.0


def local_days(tz, starts, ends):
    """[(day0, day1)] of the local days [starts, ends) touches."""
    d = datetime.fromtimestamp(starts, tz).date()
    out = []
    while True:
        d0 = int(datetime(d.year, d.month, d.day, tzinfo=tz).timestamp())
        n = d + timedelta(days=1)
        d1 = int(datetime(n.year, n.month, n.day, tzinfo=tz).timestamp())
        out.append((d0, d1))
        if d1 >= ends:
            return out
        d = n


def clip(a0, a1, d0, d1):
    return max(0, min(a1, d1) - max(a0, d0))


def load(path, event, now):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    q = con.execute
    inst = Instance()
    inst.rest, inst.max_day = settings()
    tzname, span0, span1 = q("SELECT tz, coalesce(setup_starts, starts),"
                             " coalesce(teardown_ends, ends) FROM event WHERE id = ?",
                             (event,)).fetchone()
    tz = inst.tz = ZoneInfo(tzname)
    lo, hi = span0 - MARGIN, span1 + MARGIN
    roles = {r: (sk or 0, age) for r, sk, age in q(
        "SELECT id, skill, min_age FROM role WHERE event = ?", (event,))}
    inst.shifts = {}
    for sid, role, st, en, nmin, nmax, filled in q(
            "SELECT s.id, s.role, s.starts, s.ends, s.need_min, s.need_max, (SELECT count(*)"
            " FROM assignment a WHERE a.shift = s.id AND a.status IN " + ACTIVE + ")"
            " FROM shift s WHERE s.event = ? AND s.status = 'open'", (event,)):
        if st <= now:
            continue
        ld = datetime.fromtimestamp(st, tz).date()
        inst.shifts[sid] = dict(role=role, starts=st, ends=en, need_min=nmin, need_max=nmax,
                                filled=filled, skill=roles[role][0], min_age=roles[role][1],
                                date=ld, days=local_days(tz, st, en))
    vols = [p for (p,) in q("SELECT person FROM registration WHERE event = ? AND kind ="
                           " 'volunteer' AND status IN ('registered','checked_in')", (event,))]
    inst.vols = vols
    vset = set(vols)
    inst.birth = {}
    for p, b in q("SELECT id, birth_date FROM person WHERE id IN (SELECT person FROM"
                  " registration WHERE event = ?)", (event,)):
        try:
            inst.birth[p] = date.fromisoformat(b) if b else None
        except ValueError:
            inst.birth[p] = None
    inst.busy = defaultdict(list)
    event_shift = {sid for (sid,) in q("SELECT id FROM shift WHERE event = ?", (event,))}
    inst.load0 = defaultdict(int)
    for p, sid, st, en in q("SELECT a.person, s.id, s.starts, s.ends FROM assignment a JOIN"
                            " shift s ON s.id = a.shift WHERE a.status IN " + ACTIVE +
                            " AND s.status = 'open' AND s.starts < ? AND s.ends > ?", (hi, lo)):
        if p in vset:
            inst.busy[p].append((st, en, sid))
            if sid in event_shift:
                inst.load0[p] += en - st
    inst.talks = defaultdict(list)
    for p, st, en in q("SELECT sp.person, se.starts, se.ends FROM speaker sp JOIN session se"
                       " ON se.id = sp.session WHERE se.status != 'cancelled' AND se.starts"
                       " < ? AND se.ends > ?", (hi, lo)):
        if p in vset:
            inst.talks[p].append((st, en))
    inst.windows = defaultdict(list)
    for p, st, en in q("SELECT person, starts, ends FROM availability WHERE event = ?",
                       (event,)):
        inst.windows[p].append((st, en))
    inst.skills = defaultdict(dict)
    for p, sk, exp in q("SELECT person, skill, coalesce(expires, '') FROM person_skill"):
        if p in vset:
            inst.skills[p][sk] = exp
    inst.rows = defaultdict(set)
    for p, sid in q("SELECT a.person, a.shift FROM assignment a JOIN shift s ON s.id ="
                    " a.shift WHERE s.event = ?", (event,)):
        inst.rows[p].add(sid)
    return inst


def age_on(birth, d):
    return max(0, d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day)))


def covered(windows, st, en):
    if not windows:
        return True
    c = st
    for w0, w1 in sorted(windows):
        if c >= en or w0 > c:
            break
        c = max(c, w1)
    return c >= en


def conflict(rest, a0, a1, b0, b1):
    """Overlap, or closer than rest (rules_rest's gap)."""
    if a0 < b1 and b0 < a1:
        return True
    gap = b0 - a1 if a1 <= b0 else a0 - b1
    return 0 <= gap < rest


def may(inst, p, sid):
    s = inst.shifts[sid]
    if sid in inst.rows[p]:
        return False
    if s["skill"]:
        exp = inst.skills[p].get(s["skill"])
        if exp is None or (exp and exp < s["date"].isoformat()):
            return False
    if s["min_age"] > 0:
        b = inst.birth.get(p)
        if b is None or age_on(b, s["date"]) < s["min_age"]:
            return False
    if not covered(inst.windows[p], s["starts"], s["ends"]):
        return False
    for t0, t1 in inst.talks[p]:
        if t0 < s["ends"] and s["starts"] < t1:
            return False
    for b0, b1, _ in inst.busy[p]:
        if conflict(inst.rest, b0, b1, s["starts"], s["ends"]):
            return False
    for d0, d1 in s["days"]:
        held = sum(clip(b0, b1, d0, d1) for b0, b1, _ in inst.busy[p])
        if held + clip(s["starts"], s["ends"], d0, d1) > inst.max_day:
            return False
    return True


class Model:
    """Pairs, their conflicts and day limits, written as CPLEX LP text."""

    def __init__(self, inst):
        self.inst = inst
        self.pairs = {}  # (sid, p) -> name
        self.by_person = defaultdict(list)
        self.by_shift = defaultdict(list)
        for sid, s in inst.shifts.items():
            if s["need_max"] - s["filled"] <= 0:
                continue
            for p in inst.vols:
                if may(inst, p, sid):
                    name = "x%d_%d" % (sid, p)
                    self.pairs[(sid, p)] = name
                    self.by_person[p].append(sid)
                    self.by_shift[sid].append(p)

    def rows(self):
        """(name, [(coef, var)], sense, rhs) of every constraint."""
        inst = self.inst
        out = []
        for sid, ps in self.by_shift.items():
            s = inst.shifts[sid]
            xs = [(1, self.pairs[(sid, p)]) for p in ps]
            out.append(("cap%d" % sid, xs, "<=", s["need_max"] - s["filled"]))
            if s["need_min"] > s["filled"]:
                out.append(("cov%d" % sid, [(1, "y%d" % sid)] + [(-1, v) for _, v in xs],
                            "<=", 0))
        for p, sids in self.by_person.items():
            ivs = sorted((inst.shifts[s]["starts"], inst.shifts[s]["ends"] + inst.rest, s)
                         for s in sids)
            seen = set()
            for t, _, _ in ivs:
                clique = tuple(s for a, b, s in ivs if a <= t < b)
                if len(clique) > 1 and clique not in seen:
                    seen.add(clique)
                    out.append(("c%d_%d" % (p, len(seen)),
                                [(1, self.pairs[(s, p)]) for s in clique], "<=", 1))
            days = defaultdict(list)
            for s in sids:
                for d0, d1 in inst.shifts[s]["days"]:
                    days[(d0, d1)].append(s)
            for (d0, d1), ss in days.items():
                held = sum(clip(b0, b1, d0, d1) for b0, b1, _ in inst.busy[p])
                room = inst.max_day - held
                terms = [(clip(inst.shifts[s]["starts"], inst.shifts[s]["ends"], d0, d1),
                          self.pairs[(s, p)]) for s in ss]
                if sum(c for c, _ in terms) > room:
                    out.append(("d%d_%d" % (p, d0), terms, "<=", int(room)))
        return out

    def short(self):
        return {sid: s["need_min"] - s["filled"] for sid, s in self.inst.shifts.items()
                if s["need_min"] > s["filled"] and self.by_shift.get(sid)}


def lp_text(sense, objective, rows, bounds, binaries):
    """The program as CPLEX LP text."""
    f = io.StringIO()
    write_program(f, sense, objective, rows, bounds, binaries)
    return f.getvalue()


def write_program(f, sense, objective, rows, bounds, binaries):
    f.write("%s\n obj:" % sense)
    write_terms(f, objective)
    f.write("\nSubject To\n")
    for name, terms, op, rhs in rows:
        f.write(" %s:" % name)
        write_terms(f, terms)
        f.write(" %s %s\n" % (op, rhs))
    f.write("Bounds\n")
    for lo, var, hi in bounds:
        f.write(" %s <= %s <= %s\n" % (lo, var, hi))
    if binaries:
        f.write("Binaries\n")
        for i in range(0, len(binaries), 8):
            f.write(" " + " ".join(binaries[i:i + 8]) + "\n")
    f.write("End\n")


def write_terms(f, terms):
    if not terms:
        f.write(" 0 zero")
    for i, (c, v) in enumerate(terms):
        if i and i % 8 == 0:
            f.write("\n ")
        f.write(" %s %s %s" % ("-" if c < 0 else "+", abs(c), v))


def cbc(lp, seconds):
    """(status, values, bound): the solution's values by name, and the best
    objective CBC proved possible (its upper bound when it stopped early)."""
    sol = lp + ".sol"
    run = subprocess.run(["cbc", lp, "timeMode", "elapsed", "sec", str(seconds), "solve",
                          "solu", sol], capture_output=True, text=True)
    values, status, bound = {}, "failed", None
    if os.path.exists(sol):
        lines = open(sol).read().splitlines()
        status = lines[0].split(" - ")[0].strip() if lines else "failed"
        for line in lines[1:]:
            parts = line.replace("**", " ").split()
            if len(parts) >= 3:
                values[parts[1]] = float(parts[2])
        if status.startswith("Optimal") and "objective value" in lines[0]:
            bound = float(lines[0].rsplit(" ", 1)[1])
    for line in run.stdout.splitlines():
        if line.startswith("Upper bound:"):
            bound = float(line.split(":")[1])
    if status == "failed":
        sys.stderr.write(run.stdout[-2000:] + run.stderr[-2000:])
    return status, values, bound


def totals(inst):
    sh = inst.shifts.values()
    return dict(min_places=sum(s["need_min"] for s in sh),
                min_before=sum(min(s["filled"], s["need_min"]) for s in sh),
                max_places=sum(s["need_max"] for s in sh),
                max_before=sum(min(s["filled"], s["need_max"]) for s in sh))


def after(inst, added):
    """Places up to need_min and need_max with added[sid] more on each shift."""
    lo = hi = 0
    for sid, s in inst.shifts.items():
        n = s["filled"] + added.get(sid, 0)
        lo += min(n, s["need_min"])
        hi += min(n, s["need_max"])
    return lo, hi


def components(inst):
    """The shifts in groups no constraint links: two shifts are linked when
    they share a local day or come closer than the rest. Solved apart, the
    groups' optima add up to the whole one's."""
    parent = {sid: sid for sid in inst.shifts}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a, b):
        parent[root(a)] = root(b)

    by_day = {}
    for sid, s in inst.shifts.items():
        for d in s["days"]:
            if d in by_day:
                join(sid, by_day[d])
            by_day[d] = sid
    reach, last = None, None
    for s0, s1, sid in sorted((s["starts"], s["ends"] + inst.rest, k)
                              for k, s in inst.shifts.items()):
        if last is not None and s0 < reach:
            join(sid, last)
        if reach is None or s1 > reach:
            reach, last = s1, sid
    groups = defaultdict(dict)
    for sid, s in inst.shifts.items():
        groups[root(sid)][sid] = s
    return list(groups.values())


class Cache:
    """CBC's answers keyed by the SHA-256 of the program's text: a program
    solved once (to optimality, or to a time limit at least as long) is not
    solved again while the instance stays the same; any change to the
    instance or to this script's model changes the text, and so the key."""

    def __init__(self, path):
        self.path = path
        self.data = {}
        self.hits = 0
        if path and os.path.exists(path):
            with open(path) as f:
                self.data = json.load(f)

    def answer(self, text, seconds, compute):
        """compute(lp_path) -> dict with status ("Optimal" or not), or the
        cached one."""
        key = hashlib.sha256(text.encode()).hexdigest()
        hit = self.data.get(key)
        if hit and (hit["status"] == "Optimal" or hit["seconds"] >= seconds):
            self.hits += 1
            return hit
        with tempfile.TemporaryDirectory() as tmp:
            lp = os.path.join(tmp, "model.lp")
            with open(lp, "w") as f:
                f.write(text)
            res = compute(lp)
        res["seconds"] = seconds
        self.data[key] = res
        if self.path:
            tmp = self.path + ".tmp"
            with open(tmp, "w") as f:
                json.dump(self.data, f, indent=0, sort_keys=True)
                f.write("\n")
            os.replace(tmp, self.path)
        return res

    def solve(self, text, seconds):
        """(status "Optimal" or "bound", the objective or CBC's proven bound)."""
        def compute(lp):
            status, _, bound = cbc(lp, seconds)
            if bound is None:
                sys.exit("autofill_exact.py: CBC gave neither an optimum nor a bound")
            return dict(status="Optimal" if status.startswith("Optimal") else "bound",
                        value=bound)
        res = self.answer(text, seconds, compute)
        return res["status"], res["value"]


def coverage_program(m):
    """Places filled up to need_min, the most (y[s] counts s's)."""
    short = m.short()
    return lp_text("Maximize", [(1, "y%d" % sid) for sid in short], m.rows(),
                   [(0, "y%d" % sid, d) for sid, d in short.items()], list(m.pairs.values()))


def fill_program(m, cover):
    """Places filled, the most, with at least cover of them up to need_min
    (None: no such floor)."""
    short = m.short()
    rows = m.rows()
    if cover is not None:
        rows.append(("keep_min", [(1, "y%d" % sid) for sid in short], ">=", cover))
    return lp_text("Maximize", [(1, v) for v in m.pairs.values()], rows,
                   [(0, "y%d" % sid, d) for sid, d in short.items()], list(m.pairs.values()))


def cmd_exact(path, event, now, seconds, cache_path=None):
    """Each group solved apart, in muster's order: first the most places up
    to need_min (coverage), then the most places in all with that coverage
    (fill). Where CBC proves its optimum, that counts; where it stops at its
    time limit, its proven upper bound does (then opt_min and opt_max are
    bounds: muster's share of them is no more than its share of the
    optimum); a coverage that is only a bound leaves the fill bounded by
    the most places with no floor on coverage."""
    inst = load(path, event, now)
    cache = Cache(cache_path)
    out = totals(inst)
    everything = inst.shifts
    lo, hi = out["min_before"], out["max_before"]
    min_status, max_status, pairs = set(), set(), 0
    for part in components(inst):
        inst.shifts = part
        m = Model(inst)
        pairs += len(m.pairs)
        if not m.pairs:
            continue
        st1, cover = cache.solve(coverage_program(m), seconds)
        cover = int(cover + 1e-6)
        st2, fill = cache.solve(fill_program(m, cover if st1 == "Optimal" else None), seconds)
        min_status.add(st1)
        max_status.add(st2)
        base = after(inst, {})
        places = after(inst, {k: 10**6 for k in part})
        lo += min(cover, places[0] - base[0])
        hi += min(int(fill + 1e-6), places[1] - base[1])
    inst.shifts = everything
    def word(st):
        return "Optimal" if st <= {"Optimal"} else "bound"

    out.update(status=word(min_status | max_status), min_status=word(min_status),
               max_status=word(max_status), opt_min=lo, opt_max=hi, pairs=pairs,
               parts=len(components(inst)), cached=cache.hits)
    return out


def cmd_verify(path, event, now, plan):
    inst = load(path, event, now)
    picks = [r for r in json.load(open(plan)) if r["section"] in ("added", "proposed")]
    broken = []
    mine = defaultdict(list)
    for r in picks:
        sid, p = r["shift"], r["person"]
        if sid not in inst.shifts or not may(inst, p, sid):
            broken.append((sid, p, "may not take it"))
        mine[p].append(sid)
    count = defaultdict(int)
    for r in picks:
        count[r["shift"]] += 1
    for sid, n in count.items():
        s = inst.shifts.get(sid)
        if s and s["filled"] + n > s["need_max"]:
            broken.append((sid, 0, "over need_max"))
    for p, sids in mine.items():
        ss = [inst.shifts[s] for s in sids if s in inst.shifts]
        for i in range(len(ss)):
            for j in range(i + 1, len(ss)):
                a, b = ss[i], ss[j]
                if conflict(inst.rest, a["starts"], a["ends"], b["starts"], b["ends"]):
                    broken.append((sids[i], p, "rest or overlap"))
        days = defaultdict(int)
        for s in ss:
            for d0, d1 in s["days"]:
                days[(d0, d1)] += clip(s["starts"], s["ends"], d0, d1)
        for (d0, d1), secs in days.items():
            held = sum(clip(b0, b1, d0, d1) for b0, b1, _ in inst.busy[p])
            if held + secs > inst.max_day:
                broken.append((0, p, "day's hours"))
    return dict(picks=len(picks), broken=len(broken), examples=broken[:5])


def hours_of(inst, added_by_person):
    used = [(inst.load0[p] + secs) / 3600.0 for p, secs in added_by_person.items() if secs]
    if not used:
        return dict(used=0, max=0, median=0, min=0)
    return dict(used=len(used), max=max(used), median=statistics.median(used), min=min(used))


def cmd_spread(path, event, now, min_after, max_after, seconds, cache_path=None):
    inst = load(path, event, now)
    m = Model(inst)
    t = totals(inst)
    short = m.short()
    rows = m.rows() + [
        ("keep_min", [(1, "y%d" % s) for s in short], ">=", min_after - t["min_before"]),
        ("keep_max", [(1, v) for v in m.pairs.values()], ">=", max_after - t["max_before"])]
    for p, sids in m.by_person.items():
        terms = [(inst.shifts[s]["ends"] - inst.shifts[s]["starts"], m.pairs[(s, p)])
                 for s in sids] + [(-3600, "z")]
        rows.append(("h%d" % p, terms, "<=", -inst.load0[p]))
    text = lp_text("Minimize", [(1, "z")], rows, [(0, "y%d" % s, d) for s, d in short.items()],
                   list(m.pairs.values()))

    def compute(lp):
        status, values, _ = cbc(lp, seconds)
        secs = defaultdict(int)
        for (sid, p), v in m.pairs.items():
            if values.get(v, 0) > 0.5:
                secs[p] += inst.shifts[sid]["ends"] - inst.shifts[sid]["starts"]
        out = hours_of(inst, secs)
        out["status"] = "Optimal" if status.startswith("Optimal") else status
        return out

    return Cache(cache_path).answer(text, seconds, compute)


def cmd_bound(path, event, now, cache_path=None):
    """An LP over a relaxation: volunteers grouped by the roles they may do
    (skill held at all, birth date known where an age is asked), shifts by
    (role, start, end); at each start instant a group has as many free
    people as are not held there by a shift of theirs (widened by the
    rest); each local day as many hours as its people have left. Any plan
    of the exact model fits it, so its optimum bounds the exact one."""
    inst = load(path, event, now)
    roles = {}
    for s in inst.shifts.values():
        roles[s["role"]] = (s["skill"], s["min_age"])

    def can(p, role):
        sk, age = roles[role]
        if sk and sk not in inst.skills[p]:
            return False
        return not (age > 0 and inst.birth.get(p) is None)

    klass = defaultdict(list)
    for p in inst.vols:
        klass[tuple(sorted(r for r in roles if can(p, r)))].append(p)
    groups = defaultdict(lambda: dict(places=0, short=0))
    for sid, s in inst.shifts.items():
        g = groups[(s["role"], s["starts"], s["ends"])]
        g["places"] += max(0, s["need_max"] - s["filled"])
        g["short"] += max(0, s["need_min"] - s["filled"])
    rest = inst.rest
    rows, ys, us = [], [], []
    for gi, ((role, st, en), g) in enumerate(sorted(groups.items())):
        g["name"] = gi
        terms = [(1, "y%d_%d" % (gi, k)) for k, (roles_k, _) in enumerate(klass.items())
                 if role in roles_k]
        ys += [v for _, v in terms]
        rows.append(("gcap%d" % gi, terms, "<=", g["places"]))
        if g["short"]:
            us.append(("u%d" % gi, g["short"]))
            rows.append(("gcov%d" % gi, [(1, "u%d" % gi)] + [(-1, v) for _, v in terms],
                         "<=", 0))
    instants = sorted({st for (_, st, _) in groups})
    day_set = sorted({d for s in inst.shifts.values() for d in s["days"]})
    for k, (roles_k, people) in enumerate(klass.items()):
        mine = [(key, g) for key, g in sorted(groups.items()) if key[0] in roles_k]
        if not mine:
            continue
        for t in instants:
            on = [(1, "y%d_%d" % (g["name"], k)) for (r, st, en), g in mine
                  if st <= t < en + rest]
            if not on:
                continue
            free = sum(1 for p in people
                       if not any(b0 <= t < b1 + rest for b0, b1, _ in inst.busy[p]))
            rows.append(("free%d_%d" % (k, t), on, "<=", free))
        for d0, d1 in day_set:
            on = [(clip(st, en, d0, d1), "y%d_%d" % (g["name"], k)) for (r, st, en), g in mine
                  if clip(st, en, d0, d1)]
            if not on:
                continue
            left = sum(max(0.0, inst.max_day - sum(clip(b0, b1, d0, d1)
                                                   for b0, b1, _ in inst.busy[p]))
                       for p in people)
            rows.append(("day%d_%d" % (k, d0), on, "<=", int(left)))
    weight = sum(g["places"] for g in groups.values()) + 1
    objective = [(weight, u) for u, _ in us] + [(1, y) for y in ys]
    bounds = [(0, u, d) for u, d in us]
    t = totals(inst)

    def compute(lp):
        status, names, _ = cbc(lp, 600)
        return dict(status="Optimal" if status.startswith("Optimal") else status,
                    filled=sum(v for n, v in names.items() if n.startswith("y")),
                    covered=sum(v for n, v in names.items() if n.startswith("u")))

    text = lp_text("Maximize", objective, rows, bounds, [])
    res = Cache(cache_path).answer(text, 600, compute)
    return dict(min_places=t["min_places"], min_before=t["min_before"],
                max_places=t["max_places"], max_before=t["max_before"],
                min_bound=t["min_before"] + res["covered"],
                max_bound=t["max_before"] + res["filled"],
                classes=len(klass), groups=len(groups), status=res["status"])


def main():
    a = sys.argv[1:]
    seconds = 20
    if "--seconds" in a:
        i = a.index("--seconds")
        seconds = int(a[i + 1])
        del a[i:i + 2]
    cmd, path, event, now = a[0], a[1], int(a[2]), int(a[3])
    if cmd == "exact":
        out = cmd_exact(path, event, now, seconds, a[4] if len(a) > 4 else None)
    elif cmd == "verify":
        out = cmd_verify(path, event, now, a[4])
    elif cmd == "spread":
        out = cmd_spread(path, event, now, int(a[4]), int(a[5]), seconds,
                         a[6] if len(a) > 6 else None)
    elif cmd == "bound":
        out = cmd_bound(path, event, now, a[4] if len(a) > 4 else None)
    else:
        sys.exit("autofill_exact.py: unknown command " + cmd)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
