#!/usr/bin/python3
"""check.py - hold lib/ip-plan.schema.json to the loader.

usage: check.py keys SCHEMA KEYS
       check.py plans SCHEMA PLANTREE TODAY SCRATCH VALID FILE...

keys: walks SCHEMA and prints "ok" if every property has a description and
its keys, types and vocabularies are those of KEYS (the output of
`plantree --keys`), else the differences; exits 1 on any.

plans: for each FILE, and for variants of the plan VALID that each differ
from it in one line of shape (an unknown key, a wrong type, a word outside
its vocabulary), prints "PASS name" or "FAIL name: why": whether the schema
accepts the tree the loader reads (from PLANTREE) exactly when ip-validate
finds none of the faults the schema also expresses.  Variants are written
to the directory SCRATCH.  Run with Debian's python3 and python3-jsonschema.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema

# What the schema can express of ip-validate's findings: a plan with an
# error of one of these rules is refused by both.
SHAPE = {"unknown-key", "type", "value", "date", "format", "required",
         "closed"}
# A quoted date is text to the loader, and a string to an editor too.
QUOTED_DATE = re.compile(r"must be a date \(YYYY-MM-DD\): a quoted ")
# Files where the schema sees more than the SHAPE rules, and why.
SCHEMA_ALSO = {
    "national-id-length.yaml": "a national id is 11 digits",
    "identities-bad.yaml": "an HPR-nummer does not start with 0, an "
                           "organisasjonsnummer is nine digits",
}

# One line of VALID changed (old, new) and the rule ip-validate reports.
VARIANTS = [
    ("unknown top-level key", "coordinator: ola", "coordinater: ola",
     "unknown-key"),
    ("unknown key in a participant", "    organization: Molde kommune",
     "    organisation: Molde kommune", "unknown-key"),
    ("unknown key in consent.plan", "  plan: {date: 2026-01-10, by: ",
     "  plan: {dato: 2026-01-10, by: ", "unknown-key"),
    ("text as a list", "coordinator: ola", "coordinator: [ola]", "type"),
    ("boolean as a word", "  interpreter: false", "  interpreter: nei",
     "type"),
    ("boolean quoted", "  interpreter: false", '  interpreter: "false"',
     "type"),
    ("date as a word", "        due: 2026-06-01", "        due: 1. juni",
     "type"),
    ("date impossible", "        due: 2026-06-01", "        due: 2026-06-31",
     "date"),
    ("list as a mapping", "needs: [Hjelp til matlaging]",
     "needs: {hjelp: matlaging}", "type"),
    ("mapping as a list", "  information_sharing:",
     "  information_sharing: []\n  information_sharing_:", "unknown-key"),
    ("unknown role", "    role: relative", "    role: parent", "value"),
    ("unknown language", "language: nb", "language: no", "value"),
    ("unknown status", "status: active", "status: open", "value"),
    ("unknown care", "  care: voluntary", "  care: frivillig", "value"),
    ("unknown subgoal status", "        status: open",
     "        status: done", "value"),
    ("unknown legal basis", "legal_basis: [pasrl-2-5]",
     "legal_basis: [pasrl-2-6]", "value"),
    ("unknown interval unit", "  reviews:",
     "  review_interval: 6 fortnights\n  reviews:", "value"),
    ("interval of nought", "  reviews:",
     "  review_interval: 0 days\n  reviews:", "value"),
    ("format of another version", "format: iplan/1", "format: iplan/2",
     "format"),
    ("participant without id", "  - id: per", "  - ", "required"),
    ("person without name", "\n  name: Kari Nordmann", "\n  name: ' '",
     "required"),
    ("review without date or done",
     "    - date: 2026-07-01\n      done: 2026-07-03\n",
     "    - summary: Ingen dato.\n", "required"),
    ("national id of 10 digits", '  national_id: "17059012274"',
     '  national_id: "1705901227"', "national-id"),
]


def validator(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return schema, jsonschema.Draft7Validator(schema)


# --- keys -------------------------------------------------------------------

def kind(prop, defs, path, out, problems):
    """Adds to out the line `plantree --keys` gives for prop at path."""
    if not prop.get("description"):
        problems.append(f"{path}: no description")
    ref = prop.get("$ref", "").rsplit("/", 1)[-1]
    types = prop.get("type", [])
    types = [types] if isinstance(types, str) else types
    if ref:
        out.append(f"{path} " + {
            "text": "text", "markdown": "text", "required_text": "text",
            "national_id": "text", "hpr": "text", "register_number": "text",
            "organization_number": "text", "date": "date", "boolean": "boolean",
            "interval": "interval"}.get(ref, "?" + ref))
    elif "const" in prop:
        out.append(f"{path} text")
    elif "enum" in prop:
        words = [w for w in prop["enum"] if w is not None]
        out.append(f"{path} word " + " ".join(words))
    elif "object" in types:
        out.append(f"{path} mapping")
        mapping(prop, defs, path + ".", out, problems)
    elif "array" in types:
        item = prop["items"]
        if "object" in item.get("type", []):
            out.append(f"{path} list")
            mapping(item, defs, path + "[].", out, problems)
        elif "enum" in item:
            words = [w for w in item["enum"] if w is not None]
            out.append(f"{path} texts " + " ".join(words))
        elif item.get("$ref", "").endswith("/text"):
            out.append(f"{path} texts")
        else:
            out.append(f"{path} ?list")
    elif "anyOf" in prop and [a.get("$ref") or a.get("type")
                              for a in prop["anyOf"]] == \
            ["#/definitions/text", "array"] and \
            prop["anyOf"][1]["items"] == {"$ref": "#/definitions/text"}:
        out.append(f"{path} texts1")
    elif "anyOf" in prop and len(prop["anyOf"]) == 2 and \
            prop["anyOf"][0].get("$ref", "").startswith("#/definitions/") \
            and prop["anyOf"][1].get("items") == prop["anyOf"][0]:
        # a mapping, or a list of them: a mapping is a list of one
        item = defs[prop["anyOf"][0]["$ref"].rsplit("/", 1)[-1]]
        out.append(f"{path} list1")
        mapping(item, defs, path + "[].", out, problems)
    else:
        out.append(f"{path} ?")


def mapping(schema, defs, prefix, out, problems):
    if schema.get("additionalProperties") is not False:
        problems.append(f"{prefix or 'the plan'}: takes unknown keys")
    for key, prop in schema["properties"].items():
        kind(prop, defs, prefix + key, out, problems)


def keys(schema_path, keys_path):
    schema, _ = validator(schema_path)
    walked, problems = [], []
    mapping(schema, schema["definitions"], "", walked, problems)
    for name, d in schema["definitions"].items():
        if not d.get("description"):
            problems.append(f"definitions/{name}: no description")
    with open(keys_path, encoding="utf-8") as f:
        loader = f.read().splitlines()
    for line in sorted(set(loader) - set(walked)):
        problems.append(f"the loader has, the schema has not: {line}")
    for line in sorted(set(walked) - set(loader)):
        problems.append(f"the schema has, the loader has not: {line}")
    if walked != loader and not problems:
        problems.append("the keys are in another order than the loader's")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


# --- plans ------------------------------------------------------------------

def findings(paths, today):
    """The errors ip-validate reports of each of paths, as (rule, message),
    from one run: under valgrind a run a file would take minutes."""
    r = subprocess.run(["ip-validate", "-j", "1", "--today", today, "--"]
                       + paths, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, check=False)
    if r.returncode not in (0, 1, 2):
        sys.exit(f"check.py: ip-validate exited {r.returncode}")
    # FILE:LINE:COL: or FILE: then the finding; the longest path first,
    # so that a path that starts another is not taken for it
    found = {p: [] for p in paths}
    by_length = sorted(paths, key=len, reverse=True)
    for line in r.stderr.decode("utf-8", "replace").split("\n"):
        m = re.search(r": error: (.*) \[([a-z-]+)\]$", line)
        if m is None:
            continue
        for p in by_length:
            if re.match(re.escape(p) + r"(:[0-9]+:[0-9]+)?: error: ", line):
                found[p].append((m.group(2), m.group(1)))
                break
    return found


def trees(plantree, paths):
    r = subprocess.run([plantree] + paths, stdout=subprocess.PIPE,
                       check=True)
    # one line each: str.splitlines() would split at U+2028 too
    return {t["file"]: t for t in
            map(json.loads, r.stdout.decode("utf-8").split("\n")[:-1])}


def verdict(name, tree, errors, v, expect_rule=None):
    """None if the schema and ip-validate agree on tree, else why not."""
    rules = {rule for rule, _ in errors}
    if expect_rule is not None and expect_rule not in rules:
        return f"ip-validate does not report [{expect_rule}]: {errors}"
    if tree.get("refused"):  # no tree to judge: a syntax error, ...
        if errors:
            return None
        return "the YAML reader refuses it, ip-validate does not"
    shaped = [(r, m) for r, m in errors
              if r in SHAPE and not QUOTED_DATE.search(m)]
    want = bool(shaped) or expect_rule is not None or name in SCHEMA_ALSO
    got = sorted(v.iter_errors(tree["plan"]), key=lambda e: e.path)
    if want and not got:
        why = shaped or SCHEMA_ALSO.get(name) or expect_rule
        return f"ip-validate refuses it ({why}), the schema does not"
    if got and not want:
        e = got[0]
        where = "/".join(str(p) for p in e.absolute_path) or "the plan"
        return f"the schema refuses it at {where}: {e.message}"
    return None


def plans(schema_path, plantree, today, scratch, valid, paths):
    _, v = validator(schema_path)
    cases = [(os.path.basename(p), p, None) for p in paths]
    with open(valid, encoding="utf-8") as f:
        text = f.read()
    for i, (what, old, new, rule) in enumerate(VARIANTS):
        if text.count(old) != 1:
            print(f"FAIL variant {what}: {old!r} is not once in {valid}")
            continue
        path = os.path.join(scratch, f"variant-{i}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        cases.append((f"variant {what}", path, rule))
    paths = [valid] + [p for _, p, _ in cases]
    found, errors = trees(plantree, paths), findings(paths, today)
    # the variants mean nothing unless both take the plan they come from
    why = verdict("", found[valid], errors[valid], v) or (
        errors[valid] and f"ip-validate finds errors: {errors[valid]}")
    print(f"FAIL {valid}, the plan the variants come from: {why}" if why
          else f"PASS {valid} is clean, the plan the variants come from")
    failed = bool(why)
    for name, path, rule in cases:
        why = verdict(name, found[path], errors[path], v, rule)
        print(f"FAIL {name}: {why}" if why else f"PASS {name}")
        failed += why is not None
    return 1 if failed else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "keys":
        return keys(argv[2], argv[3])
    if len(argv) >= 7 and argv[1] == "plans":
        return plans(argv[2], argv[3], argv[4], argv[5], argv[6], argv[7:])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
