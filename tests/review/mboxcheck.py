#!/usr/bin/env python3
"""mboxcheck.py - reads ip-review --mail=mbox output with Python's mailbox
and email, as a mail reader would, and checks each message: the fields
RFC 5322 and MIME ask for, UTF-8 text, no line longer than 78
characters, raw or decoded, no eleven digits in a row (a national id)
and no control character (but line feed) in the Subject, the To or the
body, one message for each address.  Prints a line for each message: its To
address, its decoded Subject, and then its decoded body, indented.

  mboxcheck.py MBOX
"""
import email.policy
import email.utils
import mailbox
import re
import sys


def check(path):
    bad = []
    seen = set()
    with open(path, "rb") as f:
        raw = f.read()
    for n, line in enumerate(raw.split(b"\n"), 1):
        if len(line.decode("utf-8", "replace")) > 78:
            bad.append("line %d of the mbox is longer than 78" % n)
    box = mailbox.mbox(path, factory=None, create=False)
    count = 0
    for key in box.keys():
        count += 1
        msg = email.message_from_bytes(box.get_bytes(key),
                                       policy=email.policy.default)
        for field in ("From", "To", "Subject", "Date", "Message-ID",
                      "MIME-Version"):
            if msg[field] is None:
                bad.append("message %d has no %s" % (count, field))
        if msg.get_content_type() != "text/plain" or \
                msg.get_content_charset() != "utf-8":
            bad.append("message %d is not UTF-8 text" % count)
        if email.utils.parsedate_to_datetime(msg["Date"]) is None:
            bad.append("message %d: a Date that does not parse" % count)
        to = msg["To"].addresses
        if len(to) != 1:
            bad.append("message %d: not one address" % count)
            continue
        addr = to[0].addr_spec
        if addr in seen:
            bad.append("two messages to %s" % addr)
        seen.add(addr)
        body = msg.get_content()
        for line in body.split("\n"):
            if len(line) > 78 and " " in line.strip():
                bad.append("message %d: a line of %d characters"
                           % (count, len(line)))
        text = str(msg["Subject"]) + body + str(msg["To"])
        if re.search(r"\d{11}", text):
            bad.append("message %d has eleven digits in a row" % count)
        if re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028-\u202e"
                     "\u2066-\u2069]", text):
            bad.append("message %d has a control character" % count)
        print("%s\t%s" % (addr, msg["Subject"]))
        for line in body.rstrip("\n").split("\n"):
            print("  " + line)
    if count == 0:
        bad.append("no message")
    for b in bad:
        sys.stderr.write("mboxcheck: %s\n" % b)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    sys.exit(check(sys.argv[1]))
