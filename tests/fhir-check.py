#!/usr/bin/env python3
"""fhir-check.py - what HL7's FHIR R4 schema does not check of a Bundle.

Usage: python3 fhir-check.py BUNDLE.xml...

For each Bundle that ip-export --format fhir wrote:
- ele-1: every FHIR element has a value or children; no value is empty
  (a narrative's XHTML has text instead);
- every entry has a fullUrl, unique in the Bundle, that is a urn:uuid,
  and its resource's id is that UUID;
- every reference resolves to an entry of the Bundle, and that entry's
  resource is of a type the element may refer to (FHIR R4's Reference()
  targets, for each element the exporter writes a reference in);
- every identifier has a system, but an H-nummer, which has none (see
  iplan-fhir(7)) and is known by its type.
Prints each problem as FILE: PROBLEM; exits 1 if there is any, 2 on
trouble.  Only the standard library.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://hl7.org/fhir}"
UUID = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-"
                  r"[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

PERSONS = {"Patient", "Practitioner", "PractitionerRole", "RelatedPerson"}
# Where a reference may be, by resource type and path, and the types of
# resource it may point to (FHIR R4).  A reference anywhere else is a
# problem: the table must grow with the exporter.
TARGETS = {
    "CarePlan/subject": {"Patient", "Group"},
    "CarePlan/author": PERSONS | {"Device", "Organization", "CareTeam"},
    "CarePlan/careTeam": {"CareTeam"},
    "CarePlan/goal": {"Goal"},
    "CarePlan/activity/detail/goal": {"Goal"},
    "CarePlan/activity/detail/performer": PERSONS | {
        "Organization", "CareTeam", "HealthcareService", "Device"},
    "RelatedPerson/patient": {"Patient"},
    "CareTeam/subject": {"Patient", "Group"},
    "CareTeam/participant/member": PERSONS | {"Organization", "CareTeam"},
    "CareTeam/participant/onBehalfOf": {"Organization"},
    "Goal/subject": {"Patient", "Group", "Organization"},
    "Goal/extension/extension/valueReference": {"Goal"},
    "Consent/patient": {"Patient"},
    "Consent/performer": PERSONS | {"Organization"},
    "Consent/organization": {"Organization"},
    "Goal/expressedBy": {"Patient", "Practitioner", "PractitionerRole",
                         "RelatedPerson"},
    "Consent/provision/actor/reference": PERSONS | {
        "Device", "Group", "CareTeam", "Organization"},
}


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def check(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != NS + "Bundle":
        return ["the root is %s, not a FHIR Bundle" % root.tag]

    for el in root.iter():
        if not el.tag.startswith(NS):
            continue    # a narrative's XHTML: text is its value
        if len(el) == 0 and not el.get("value"):
            problems.append("ele-1: <%s> has no value and no children"
                            % local(el.tag))

    for ident in root.iter(NS + "identifier"):
        code = ident.find(NS + "type/" + NS + "coding/" + NS + "code")
        if ident.find(NS + "system") is None and (
                code is None or code.get("value") != "HNR"):
            problems.append("an identifier without a system")

    types = {}
    for entry in root.findall(NS + "entry"):
        url = entry.find(NS + "fullUrl")
        res = entry.find(NS + "resource")
        if url is None or res is None or len(res) != 1:
            problems.append("an entry without a fullUrl or one resource")
            continue
        url = url.get("value", "")
        kind = local(res[0].tag)
        if not UUID.match(url):
            problems.append("fullUrl %s is no version 5 urn:uuid" % url)
        if url in types:
            problems.append("fullUrl %s used twice" % url)
        types[url] = kind
        rid = res[0].find(NS + "id")
        if rid is None or "urn:uuid:" + rid.get("value", "") != url:
            problems.append("%s %s: its id is not its fullUrl's UUID"
                            % (kind, url))

    def walk(el, trail):
        for child in el:
            name = local(child.tag)
            if name == "reference" and child.get("value") is not None:
                where = "/".join(trail)
                want = TARGETS.get(where)
                got = types.get(child.get("value"))
                if want is None:
                    problems.append("a reference in %s, which the table "
                                    "does not know" % where)
                elif got is None:
                    problems.append("%s: %s is no entry of the Bundle"
                                    % (where, child.get("value")))
                elif got not in want:
                    problems.append("%s: refers to a %s" % (where, got))
            walk(child, trail + [name])

    for entry in root.findall(NS + "entry"):
        res = entry.find(NS + "resource")
        if res is not None and len(res) == 1:
            walk(res[0], [local(res[0].tag)])
    return problems


def main(argv):
    if len(argv) < 2:
        print("usage: fhir-check.py BUNDLE.xml...", file=sys.stderr)
        return 2
    bad = 0
    for path in argv[1:]:
        try:
            problems = check(path)
        except (OSError, ET.ParseError) as e:
            print("%s: %s" % (path, e), file=sys.stderr)
            return 2
        for p in problems:
            print("%s: %s" % (path, p))
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
