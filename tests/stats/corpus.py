#!/usr/bin/env python3
"""corpus.py - a corpus of plans of every kind for ip-stats, and its
figures counted without ip-stats: from ip-review's TSV, ip-validate's
messages and what the generator knows it wrote.

  corpus.py gen DIR TODAY [N] [SEED]
      writes N plans (default 400) to DIR and what each is to DIR.manifest
  corpus.py count BY TODAY MANIFEST REVIEW_TSV VALIDATE_ERR
      the figures ip-stats --by BY --format tsv should print (BY: none,
      coordinator, organization, legal-basis, language)
  corpus.py read FORMAT FILE
      ip-stats output in FORMAT (text, tsv, json, html) as its TSV
"""
import datetime
import html.parser
import json
import os
import random
import re
import sys

FIGS = ["plans", "active", "closed", "evaluated_12m", "never_evaluated",
        "review_overdue", "period_ended", "sharing_expired", "invalid",
        "drafts"]
SEP = "\x1f"

COORDS = [("Ingrid Aasen", "ingrid.aasen@molde.kommune.no"),
          ("Ola Hansen", "ola.hansen@molde.kommune.no"),
          ("Bjørn Ødegård", "bjorn@molde.kommune.no"),
          ("Kari Nordmann", None),
          ("Åse Berg", "ase.berg@molde.kommune.no")]
ORGS = ["Molde kommune, koordinerende enhet", "NAV Molde", "DPS Molde",
        "Fastlegekontoret", "Hjemmetjenesten"]
BASES = ["pasrl-2-5", "hol-7-1", "hol-7-2a", "sphl-2-5", "navl-15"]


def d(day):
    return day.isoformat()


def year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:          # 29 February
        return day.replace(year=day.year - 1, day=28)


def nid(i):
    """A valid fødselsnummer of its own for plan i."""
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=i)
    for ind in range(100 + i % 400, 1000):
        s = "%02d%02d%02d%03d" % (born.day, born.month, born.year % 100, ind)
        w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
        k1 = 11 - sum(int(c) * w for c, w in zip(s, w1)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        s += str(k1)
        w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        k2 = 11 - sum(int(c) * w for c, w in zip(s, w2)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return s + str(k2)
    raise ValueError(i)


def person_nid(i):
    """The national id of plan i's person: every 37th plan is for the
    person of the plan seven before it, a second plan for one person."""
    return nid(i - 7 if i % 37 == 20 else i)


def plan(rng, i, today):
    """One plan's text, and what it is: a dict for the manifest."""
    day = lambda n: today + datetime.timedelta(days=n)
    ago = year_before(today)
    m = {"loads": 1}
    start = day(-rng.randint(30, 900))
    closed = rng.random() < 0.15
    draft = i % 29 == 3                     # being written: not a plan
    m["draft"] = int(draft)
    m["closed"] = int(closed)
    lang = rng.choice(["nb", "nb", "nn", "en", None])
    m["language"] = lang or "nb"
    out = ["# A generated plan for tests/t-stats.sh: a made-up person.",
           "format: iplan/1", "id: IP-T-%04d" % i]
    if lang:
        out.append("language: " + lang)
    out.append("status: " + ("draft" if draft else "closed" if closed
                             else "active"))
    if draft:
        out.append("created: " + d(start))
    if closed:
        out += ["closed:", "  date: " + d(day(-rng.randint(1, 20))),
                "  reason: Målene er nådd."]
    bases = rng.sample(BASES, rng.randint(0, 3))
    if bases and rng.random() < 0.3:
        bases.append(bases[0])              # named twice, counted once
    if bases:
        out.append("legal_basis: [%s]" % ", ".join(bases))
    m["bases"] = sorted(set(bases)) or ["(none)"]
    out += ["", "person:", "  name: Person Nummer %d" % i,
            '  national_id: "%s"' % person_nid(i), ""]

    # participants: the person, perhaps with an organization of their
    # own that must count nowhere, and providers
    parts = [("p", "Person Nummer %d" % i, "person",
              "Arbeidsgiveren min AS" if rng.random() < 0.2 else None,
              None)]
    orgs = set()
    for k in range(rng.randint(0, 3)):
        org = rng.choice(ORGS) if rng.random() < 0.85 else None
        name, email = rng.choice(COORDS)
        parts.append(("q%d" % k, name, "provider", org, email))
        if org:
            orgs.add(org)
    m["orgs"] = sorted(orgs) or ["(none)"]
    who = rng.random()
    if who < 0.08:
        m["coordinator"] = "(none)"         # invalid: item c
        m["coord_org"] = "(none)"
    elif who < 0.15:
        out.append("coordinator: p")
        m["coordinator"] = "(the person)"
        m["coord_org"] = "(the person)"
    else:
        name, email = rng.choice(COORDS)
        parts.append(("c", name, "provider", ORGS[0], email))
        orgs.add(ORGS[0])
        m["orgs"] = sorted(orgs)
        out.append("coordinator: c")
        m["coordinator"] = name + (" <%s>" % email if email else "")
        m["coord_org"] = ORGS[0]
    out += ["", "participants:"]
    for pid, name, role, org, email in parts:
        out += ["  - id: " + pid, "    name: " + name, "    role: " + role]
        if org:
            out.append("    organization: " + org)
        if email:
            out.append("    email: " + email)
        out.append("    contribution: Bidrar.")

    out += ["", "goals:", "  - id: g1", "    text: Jeg vil klare meg selv.",
            "    subgoals:", "      - id: g1.1",
            "        text: Handle inn mat selv.",
            "        due: " + d(day(rng.randint(-60, 60))),
            "        status: " + rng.choice(["open", "achieved"]),
            "resources: [Familien]", "needs: [Hjelp i hjemmet]", "",
            "measures:", "  - id: t1", "    title: Hjemmesykepleie",
            "    extent: 2 besøk per uke",
            "    responsible: " + ("nobody" if rng.random() < 0.07
                                   else parts[-1][0]),
            "    goals: [g1]", "    start: " + d(start),
            "    how: Avtales på forhånd.", ""]

    # the period and its reviews, about the boundaries of the year
    end = day(rng.choice([-200, -1, 0, 1, 300]))
    out += ["period:", "  start: " + d(start), "  end: " + d(end)]
    if rng.random() < 0.3:
        out.append("  review_interval: " + rng.choice(["6 months", "1y",
                                                        "90 days"]))
    dones = [ago, ago + datetime.timedelta(days=1), today,
             day(-rng.randint(1, 800))]
    reviews = []
    for k in range(rng.randint(0, 3)):
        planned = day(rng.randint(-500, 200))
        done = rng.choice(dones + [None, None])
        if done is not None and done > today:
            done = None
        reviews.append((planned, done))
    m["evaluated"] = int(not closed and any(
        done is not None and ago < done <= today for _, done in reviews))
    if reviews:
        out.append("  reviews:")
        for planned, done in reviews:
            out.append("    - date: " + d(planned))
            if done is not None:
                out.append("      done: " + d(done))
    kind = rng.choice(["none", "active", "expired", "withdrawn",
                       "withdrawn-later", "plan-withdrawn"])
    out += ["", "consent:", "  plan: {date: %s, by: Person Nummer %d%s}"
            % (d(start), i, ", withdrawn: " + d(day(-3))
               if kind == "plan-withdrawn" else "")]
    withdrawn = kind in ("withdrawn", "plan-withdrawn")
    if kind != "none":
        out += ["  information_sharing:", "    date: " + d(start),
                "    participants: [%s]" % parts[-1][0]]
        if kind == "expired":
            out.append("    until: " + d(day(rng.choice([-1, -30]))))
        elif kind == "active":
            out.append("    until: " + d(day(rng.choice([0, 30]))))
        elif kind == "withdrawn":
            out.append("    withdrawn: " + d(day(rng.choice([0, -10]))))
        elif kind == "withdrawn-later":
            out.append("    withdrawn: " + d(day(1)))
    m["withdrawn"] = int(withdrawn and not closed)
    out += ["", "cooperation:", "  - with: NAV", "    about: Arbeid", ""]
    return "\n".join(out), m


def gen(top, today, n=400, seed=16):
    rng = random.Random(seed)
    today = datetime.date.fromisoformat(today)
    os.makedirs(top, mode=0o700)
    rows = []
    for i in range(n):
        sub = os.path.join(top, "%02d" % (i // 100))
        os.makedirs(sub, mode=0o700, exist_ok=True)
        path = os.path.join(sub, "plan-%04d.yaml" % i)
        if i % 97 == 13:                    # does not load
            text, m = "format: iplan/1\nid: [broken\n", {"loads": 0}
        else:
            text, m = plan(rng, i, today)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        m["file"] = path
        rows.append(m)
    with open(top + ".manifest", "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=0)


def group_order(key):
    cls = {"(the person)": 1, "(none)": 2}.get(key, 0)
    return (cls, key.encode() if cls == 0 else b"")


def count(by, today, manifest, review_tsv, validate_err):
    with open(manifest, encoding="utf-8") as f:
        plans = [m for m in json.load(f) if m["loads"]]
    due = {}                                # (kind, status) -> {file}
    with open(review_tsv, encoding="utf-8") as f:
        for line in list(f)[1:]:
            col = line.rstrip("\n").split("\t")
            due.setdefault((col[3], col[2]), set()).add(col[4])
    errors = set()
    with open(validate_err, encoding="utf-8") as f:
        for line in f:
            hit = re.match(r"(.*?):(\d+:\d+: |\s?)error: ", line)
            if hit:
                errors.add(hit.group(1))
    rows = {}
    for m in plans:
        f = m["file"]
        active = not m["closed"]
        fig = {
            "plans": 1, "active": int(active), "closed": int(not active),
            "evaluated_12m": m["evaluated"],
            "never_evaluated": int(f in due.get(("never-reviewed",
                                                 "overdue"), ())),
            "review_overdue": int(f in due.get(("review", "overdue"), ())),
            "period_ended": int(f in due.get(("period-end", "overdue"),
                                             ())),
            "sharing_expired": int(f in due.get(("consent-expires",
                                                 "overdue"), ())
                                   or bool(m["withdrawn"])),
            "invalid": int(f in errors),
            "drafts": 0,
        }
        if m.get("draft"):                  # counted apart, and only so
            fig = dict.fromkeys(FIGS, 0) | {"drafts": 1}
        keys = ["all"]
        if by == "coordinator":
            keys.append(m["coordinator"])
        elif by == "organization":
            keys.append(m["coord_org"])
        elif by == "participant-organization":
            keys += m["orgs"]
        elif by == "legal-basis":
            keys += m["bases"]
        elif by == "language":
            keys.append(m["language"])
        for k in keys:
            row = rows.setdefault(k, dict.fromkeys(FIGS, 0))
            for name in FIGS:
                row[name] += fig[name]
    out = ["\t".join(["group"] + FIGS)]
    for k in ["all"] + sorted((k for k in rows if k != "all"),
                              key=group_order):
        out.append("\t".join([k] + [str(rows[k][n]) for n in FIGS]))
    print("\n".join(out))


class Table(html.parser.HTMLParser):
    """The rows of the first table: each cell's first number, or text."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.depth = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self.cell = ""
        elif tag == "span" and self.cell is not None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None
        elif tag == "span":
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.cell is not None and self.depth == 0:
            self.cell += data


def read(fmt, path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    rows = []
    if fmt == "tsv":
        print(text, end="")
        return
    if fmt == "json":
        j = json.loads(text)
        rows.append(["all"] + [j["totals"][n] for n in FIGS])
        for g in j["groups"]:
            rows.append([g["group"]] + [g[n] for n in FIGS])
    elif fmt == "text":
        # one table: a row ends in the figures; when a group's name is
        # wider than its column, every name is on lines of its own above
        # its figures, wrapped between words, so the names are compared
        # without their spaces (see t-stats.sh)
        name = ""
        table = text.split("\n\n")[1].split("\n")
        # the heads: the group column's on a line of its own then too,
        # the figures' heads indented under it
        heads = 2 if table[1][:1] == " " and \
            not table[1].split()[-1].isdigit() else 1
        for ln in table[heads:]:
            tok = ln.split()
            n = len(FIGS)
            if len(tok) >= n and all(t.isdigit() for t in tok[-n:]):
                rows.append([name + "".join(tok[:-n])] + tok[-n:])
                name = ""
            else:
                name += "".join(tok)
        assert name == "", "a name with no figures under it"
    elif fmt == "html":
        t = Table()
        t.feed(text)
        for r in t.rows[1:]:
            rows.append([r[0]] + [c.strip() for c in r[1:]])
    label = {"All plans": "all", "(no coordinator)": "(none)",
             "(no organization)": "(none)", "(no legal basis)": "(none)"}
    # the laws, named for people as documents name them (lib/labels.c)
    label.update({"Patients' and Users' Rights Act § 2-5": "pasrl-2-5",
                  "Health and Care Services Act § 7-1": "hol-7-1",
                  "Health and Care Services Act § 7-2 a": "hol-7-2a",
                  "Specialist Health Services Act § 2-5": "sphl-2-5",
                  "Mental Health Care Act § 4-1": "phvl-4-1",
                  "Nav Act § 15": "navl-15",
                  "Social Services Act § 28": "sotjl-28",
                  "Social Services Act § 33": "sotjl-33",
                  "Child Welfare Act § 15-9": "bvl-15-9"})
    # the languages, named for people (lib/stats.c)
    label.update({"Norwegian Bokmål": "nb", "Norwegian Nynorsk": "nn",
                  "English": "en"})
    if fmt in ("text", "html"):
        label.update({k.replace(" ", ""): v for k, v in label.items()})
    print("\t".join(["group"] + FIGS))
    for r in rows:
        key = label.get(r[0], label.get(r[0].replace(" ", ""), r[0])) \
            if fmt != "json" else r[0]
        print("\t".join([key] + [str(x) for x in r[1:]]))


def main(argv):
    if len(argv) >= 4 and argv[1] == "gen":
        gen(argv[2], argv[3], *(int(a) for a in argv[4:6]))
    elif len(argv) == 7 and argv[1] == "count":
        count(*argv[2:])
    elif len(argv) == 4 and argv[1] == "read":
        read(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
