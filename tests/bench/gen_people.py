#!/usr/bin/env python3
"""gen_people.py N [--seed S] - a CSV of N fictional people as a registration
spreadsheet would export them (header, quoted fields, a few organizations and
skills, some notes with commas and line breaks), on standard output."""
import csv
import random
import sys

FIRST = ["Dana", "Ana", "Luis", "Mei", "Kofi", "Sara", "Tomás", "Aiyana", "Nguyễn", "Omar",
         "Ruth", "Priya", "Jonas", "Fatima", "Chen", "Lerato", "Iván", "Yuki", "Amara", "Ben"]
LAST = ["Reyes", "Cruz", "Okafor", "Lindqvist", "Haddad", "Kim", "Moreau", "Silva", "Tanaka",
        "Mensah", "O'Brien", "Novak", "García", "Singh", "Cohen", "Nakamura", "Dubois", "Ali"]
ORGS = ["Harbor Light Coalition", "City Task Force", "St. Anne's Youth Group",
        "Freedom Network, Inc.", "Metro Health", "Supply Chain Watch", ""]
SKILLS = ["First aid", "AV operation", "Interpreter: Khmer", "Trauma-informed care",
          "Registration desk", ""]


def main():
    n = int(sys.argv[1])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    w = csv.writer(sys.stdout, lineterminator="\r\n")
    w.writerow(["Name", "Email", "Phone", "Org", "Birth Date", "Skills", "Notes", "Confidential"])
    for i in range(n):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        email = f"person{i}@example.org"
        phone = f"555-{rnd.randrange(10000):04d}"
        skill = rnd.choice(SKILLS)
        if skill and rnd.random() < 0.3:
            skill += f";{rnd.choice(SKILLS[:-1])} (until 2027-0{rnd.randrange(1, 10)}-15)"
        notes = "" if rnd.random() < 0.8 else "Prefers mornings, \"quiet\" room\nAllergic: nuts"
        birth = f"{rnd.randrange(1950, 2008)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
        w.writerow([name, email, phone, rnd.choice(ORGS), birth, skill, notes,
                    "yes" if rnd.random() < 0.02 else "no"])


main()
