#!/usr/bin/env python3
"""days.py - plans on both sides of each date ip-stats counts by, and the
figures of a day counted here from what the generator wrote, without
ip-stats and without the library's rules.

  days.py gen DIR DAY [N] [SEED]
      writes N plans (default 300) to DIR, each with its dates a day
      before DAY, on it or a day after: the start of the period, its
      end, the closing, reviews done, the consent to share given, its
      until and its withdrawal, the consent to the plan withdrawn; what
      each holds goes to DIR.json
  days.py count DAY FILE.json
      the line "all" of ip-stats --format tsv --today DAY over DIR, but
      for the column invalid, which ip-validate decides
"""
import datetime
import json
import os
import random
import sys

FIGS = ["plans", "active", "closed", "evaluated_12m", "never_evaluated",
        "review_overdue", "period_ended", "sharing_expired"]


def iso(d):
    return d.isoformat() if d else None


def year_before(d):
    try:
        return d.replace(year=d.year - 1)
    except ValueError:          # 29 February
        return d.replace(year=d.year - 1, day=28)


def around(rng, day, also=()):
    """A day before day, day itself or a day after, or one of also."""
    return rng.choice([day - datetime.timedelta(days=1), day,
                       day + datetime.timedelta(days=1)] + list(also))


def plan(rng, i, day):
    one = datetime.timedelta(days=1)
    far = day - datetime.timedelta(days=400)
    m = {}
    m["start"] = around(rng, day, [far, None])
    m["end"] = around(rng, day, [day + datetime.timedelta(days=300)])
    m["status"] = rng.choice(["active", "active", "closed"])
    m["closed"] = (around(rng, day, [None, far])
                   if m["status"] == "closed" else None)
    ago = year_before(day)
    reviews = []
    for _ in range(rng.randint(0, 3)):
        planned = rng.choice([day - one, day, day + one, far,
                              day + datetime.timedelta(days=90)])
        done = rng.choice([None, None, ago, ago + one, ago - one,
                           day - one, day, day + one])
        reviews.append((planned, done))
    m["reviews"] = reviews
    m["given"] = rng.choice([day, day + one, day - one, far, None])
    m["until"] = rng.choice([None, day - one, day, day + one])
    m["withdrawn"] = rng.choice([None, None, day - one, day, day + one])
    m["plan_withdrawn"] = rng.choice([None, None, None, day, day + one])

    out = ["# A generated plan for tests/t-stats.sh: a made-up person.",
           "format: iplan/1", "id: IP-D-%04d" % i, "language: nb",
           "status: " + m["status"]]
    if m["closed"]:
        out += ["closed:", "  date: " + iso(m["closed"]),
                "  reason: Planen er ikke lenger aktuell."]
    elif m["status"] == "closed":
        out += ["closed:", "  reason: Planen er ikke lenger aktuell."]
    out += ["", "person:", "  name: Person Nummer %d" % i, "",
            "coordinator: c", "", "participants:",
            "  - id: p", "    name: Person Nummer %d" % i,
            "    role: person", "    contribution: Forteller hva jeg vil.",
            "  - id: c", "    name: Ola Hansen", "    role: provider",
            "    organization: Molde kommune", "    contribution: Koordinator.",
            "", "goals:", "  - id: g1", "    text: Klare meg selv.",
            "resources: [Familien]", "needs: [Hjelp i hjemmet]", "",
            "measures:", "  - id: t1", "    title: Hjemmesykepleie",
            "    extent: 2 besøk per uke", "    responsible: c",
            "    goals: [g1]", "    how: Avtales på forhånd.", "",
            "period:"]
    if m["start"]:
        out.append("  start: " + iso(m["start"]))
    out.append("  end: " + iso(m["end"]))
    if reviews:
        out.append("  reviews:")
        for planned, done in reviews:
            out.append("    - date: " + iso(planned))
            if done:
                out.append("      done: " + iso(done))
    out += ["", "consent:",
            "  plan: {date: %s, by: Person Nummer %d%s}"
            % (iso(far), i, ", withdrawn: " + iso(m["plan_withdrawn"])
               if m["plan_withdrawn"] else "")]
    if m["given"]:
        out += ["  information_sharing:", "    date: " + iso(m["given"]),
                "    participants: [c]"]
        if m["until"]:
            out.append("    until: " + iso(m["until"]))
        if m["withdrawn"]:
            out.append("    withdrawn: " + iso(m["withdrawn"]))
    out += ["", "cooperation:", "  - with: NAV", "    about: Arbeid", ""]
    return "\n".join(out), m


def gen(top, day, n=300, seed=26):
    rng = random.Random(seed)
    day = datetime.date.fromisoformat(day)
    os.makedirs(top, mode=0o700)
    rows = []
    for i in range(n):
        text, m = plan(rng, i, day)
        with open(os.path.join(top, "plan-%04d.yaml" % i), "w",
                  encoding="utf-8") as f:
            f.write(text)
        rows.append({k: ([[iso(a), iso(b)] for a, b in v]
                         if k == "reviews" else
                         iso(v) if isinstance(v, datetime.date) else v)
                     for k, v in m.items()})
    with open(top + ".json", "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=0)


def count(day, path):
    day = datetime.date.fromisoformat(day)
    ago = year_before(day)
    d = datetime.date.fromisoformat
    n = dict.fromkeys(FIGS, 0)
    with open(path, encoding="utf-8") as f:
        plans = json.load(f)
    for m in plans:
        start = m["start"] and d(m["start"])
        closed = m["status"] == "closed" and (m["closed"] is None
                                              or d(m["closed"]) <= day)
        active = (start is None or start <= day) and not closed
        n["plans"] += 1
        n["closed"] += closed
        if not active:
            continue
        n["active"] += 1
        reviews = [(d(p), done and d(done)) for p, done in m["reviews"]]
        done = [x for _, x in reviews if x is not None and x <= day]
        n["evaluated_12m"] += any(ago < x <= day for x in done)
        planned = [p for p, _ in reviews]
        n["never_evaluated"] += not done and bool(planned) and \
            min(planned) < day
        still = [p for p, x in reviews if x is None or x > day]
        n["review_overdue"] += bool(still) and min(still) < day
        n["period_ended"] += d(m["end"]) < day
        given = m["given"] and d(m["given"]) <= day
        gone = [d(x) for x in (m["withdrawn"], m["plan_withdrawn"]) if x]
        n["sharing_expired"] += bool(given) and (
            any(x <= day for x in gone)
            or (m["until"] is not None and d(m["until"]) < day))
    print("\t".join(["group"] + FIGS))
    print("\t".join(["all"] + [str(n[k]) for k in FIGS]))


def main(argv):
    if len(argv) >= 4 and argv[1] == "gen":
        gen(argv[2], argv[3], *(int(a) for a in argv[4:6]))
    elif len(argv) == 4 and argv[1] == "count":
        count(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
