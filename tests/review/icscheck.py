#!/usr/bin/env python3
"""icscheck.py - a strict reader of the iCalendar files ip-review writes.

usage: icscheck.py FILE

Checks FILE against RFC 5545 as far as ip-review's calendars go: CRLF line
ends, physical lines of at most 75 octets that are each whole UTF-8,
folding, content line syntax, BEGIN/END nesting, the properties each
component requires, DATE and DATE-TIME values, TEXT escaping, and UIDs
unique in the calendar.  On success prints each event as one JSON object
of its unescaped values, in file order, and exits 0; else prints
"icscheck: line N: problem" to stderr and exits 1.
"""
import datetime
import json
import re
import sys

NAME = re.compile(r"[A-Za-z0-9-]+")
PARAM = re.compile(r';([A-Za-z0-9-]+)=("[^"\x00-\x1f\x7f]*"|[^";:,\x00-\x1f\x7f]*)')
TEXT_PROPS = {"UID", "SUMMARY", "DESCRIPTION", "PRODID", "X-WR-CALNAME"}


class Bad(Exception):
    pass


def physical_lines(data):
    if not data.endswith(b"\r\n"):
        raise Bad(0, "the file does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for n, raw in enumerate(lines, 1):
        if b"\r" in raw or b"\n" in raw:
            raise Bad(n, "a bare CR or LF: lines end with CRLF")
        if len(raw) > 75:
            raise Bad(n, "%d octets: more than 75" % len(raw))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Bad(n, "not whole UTF-8 (a character split by folding?): %s" % e)
        if any(ord(c) < 0x20 and c != "\t" or ord(c) == 0x7f for c in text):
            raise Bad(n, "a control character")
        yield n, text


def unfold(data):
    out = []
    for n, text in physical_lines(data):
        if text[:1] in (" ", "\t"):
            if not out:
                raise Bad(n, "a continuation line first")
            out[-1][1] += text[1:]
        else:
            out.append([n, text])
    return out


def parse(n, line):
    m = NAME.match(line)
    if not m:
        raise Bad(n, "no property name: %r" % line[:20])
    name, pos, params = m.group().upper(), m.end(), {}
    while pos < len(line) and line[pos] == ";":
        p = PARAM.match(line, pos)
        if not p:
            raise Bad(n, "bad parameter in %s" % name)
        params[p.group(1).upper()] = p.group(2)
        pos = p.end()
    if pos >= len(line) or line[pos] != ":":
        raise Bad(n, "no ':' after %s" % name)
    return name, params, line[pos + 1:]


def text(n, name, value):
    """Unescapes a single TEXT value, refusing bare , ; and bad escapes."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            e = value[i + 1:i + 2]
            if e not in ("\\", ";", ",", "n", "N"):
                raise Bad(n, "%s: bad escape \\%s" % (name, e))
            out.append("\n" if e in "nN" else e)
            i += 2
            continue
        if c in ",;":
            raise Bad(n, "%s: unescaped %r in a TEXT value" % (name, c))
        out.append(c)
        i += 1
    return "".join(out)


def date(n, name, params, value):
    if params.get("VALUE") != "DATE" or not re.fullmatch(r"\d{8}", value):
        raise Bad(n, "%s: not ;VALUE=DATE:YYYYMMDD" % name)
    try:
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise Bad(n, "%s: no such date %s" % (name, value))


def once(n, comp, props, names):
    for p in names:
        if len(props.get(p, [])) != 1:
            raise Bad(n, "%s needs exactly one %s" % (comp, p))


def check(data):
    stack, cal, events, uids = [], None, [], set()
    for n, line in unfold(data):
        name, params, value = parse(n, line)
        if name == "BEGIN":
            if not stack and (value != "VCALENDAR" or cal is not None):
                raise Bad(n, "one VCALENDAR, and nothing outside it")
            if stack and (stack[-1][0] != "VCALENDAR" or value != "VEVENT"):
                raise Bad(n, "BEGIN:%s inside %s" % (value, stack[-1][0]))
            stack.append((value, {}, n))
            continue
        if not stack:
            raise Bad(n, "%s outside VCALENDAR" % name)
        comp, props, start = stack[-1]
        if name != "END":
            if name in TEXT_PROPS:
                value = text(n, name, value)
            props.setdefault(name, []).append((params, value))
            continue
        if value != comp:
            raise Bad(n, "END:%s closes %s of line %d" % (value, comp, start))
        stack.pop()
        one = {k: v[0][1] for k, v in props.items()}
        if comp == "VCALENDAR":
            once(n, comp, props, ["VERSION", "PRODID"])
            if one["VERSION"] != "2.0" or one.get("CALSCALE", "GREGORIAN") \
                    != "GREGORIAN":
                raise Bad(n, "VERSION:2.0 and CALSCALE:GREGORIAN")
            cal = one
            continue
        once(n, comp, props, ["UID", "DTSTAMP", "DTSTART"])
        for p in ("SUMMARY", "DESCRIPTION", "DTEND", "TRANSP"):
            if len(props.get(p, [])) > 1:
                raise Bad(n, "VEVENT with more than one %s" % p)
        if not re.fullmatch(r"\d{8}T\d{6}Z", one["DTSTAMP"]):
            raise Bad(n, "DTSTAMP is not a UTC date-time")
        dtstart = date(n, "DTSTART", *props["DTSTART"][0])
        if "DTEND" in props and date(n, "DTEND", *props["DTEND"][0]) \
                <= dtstart:
            raise Bad(n, "DTEND is not after DTSTART")
        if one.get("TRANSP", "OPAQUE") not in ("OPAQUE", "TRANSPARENT"):
            raise Bad(n, "TRANSP is OPAQUE or TRANSPARENT")
        if one["UID"] in uids:
            raise Bad(n, "UID %s twice" % one["UID"])
        uids.add(one["UID"])
        events.append({k: one[k] for k in ("UID", "DTSTART", "DTEND",
                                           "SUMMARY", "DESCRIPTION")
                       if k in one})
    if stack or cal is None:
        raise Bad(0, "no complete VCALENDAR")
    return events


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: icscheck.py FILE")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    try:
        events = check(data)
    except Bad as e:
        print("icscheck: line %d: %s" % e.args, file=sys.stderr)
        sys.exit(1)
    for ev in events:
        print(json.dumps(ev, ensure_ascii=False, sort_keys=True))


main()
