#!/usr/bin/env python3
"""fhir-json.py - whether a FHIR Bundle in JSON says what the same Bundle
in XML says, by HL7's rules for the two encodings.

Usage: python3 fhir-json.py BUNDLE.xml BUNDLE.json [XML JSON]...

Converts each XML Bundle to JSON on its own (json.html of FHIR R4): an
element is a member of its parent's object, an array if HL7's JSON Schema
(tests/fhir-r4/fhir.schema.json) says it repeats; a primitive is its value,
a boolean or a number if its type is, with its id and extensions as
"_name"; an attribute (id, url) is a member; a resource is an object with
its resourceType; a narrative's div is its XHTML as a string.  Then
compares that with the JSON the exporter wrote: prints FILE: PATH: WHAT
for the first difference of each pair, exits 1 if any, 2 on trouble.
Only the standard library.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://hl7.org/fhir}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "fhir-r4", "fhir.schema.json")


class Converter:
    def __init__(self, schema):
        self.defs = schema["definitions"]

    def prop(self, owner, name):
        """(repeats, definition name) of element name in owner."""
        p = self.defs[owner]["properties"].get(name)
        if p is None:
            raise ValueError("%s has no element %s" % (owner, name))
        if p.get("type") == "array":
            return True, p["items"]["$ref"].rsplit("/", 1)[-1]
        if "$ref" in p:
            return False, p["$ref"].rsplit("/", 1)[-1]
        return False, p.get("type", "string")    # an inline primitive

    def primitive(self, value, kind):
        t = self.defs.get(kind, {}).get("type", kind)
        if t == "boolean":
            return value == "true"
        if t == "number":
            return json.loads(value)
        return value

    def element(self, el, kind):
        """The JSON of complex element el of type kind."""
        obj = {}
        if el.tag.startswith(NS) and kind in self.defs \
                and "resourceType" in self.defs[kind]["properties"]:
            obj["resourceType"] = kind
        for a, v in el.attrib.items():
            if a in ("id", "url"):
                obj[a] = v
        for child in el:
            if child.tag == XHTML + "div":
                obj["div"] = canonical(child)
                continue
            name = child.tag[len(NS):]
            many, ckind = self.prop(kind, name)
            if ckind == "ResourceList":
                val, ext = self.element(child[0], child[0].tag[len(NS):]), None
            elif "value" in child.attrib:
                val = self.primitive(child.get("value"), ckind)
                rest = self.element(child, "Element") if len(child) else None
                ext = rest or None
            else:
                val, ext = self.element(child, ckind), None
            if many:
                obj.setdefault(name, []).append(val)
                if ext is not None:
                    obj.setdefault("_" + name, []).append(ext)
            else:
                if name in obj:
                    raise ValueError("%s repeats in %s" % (name, kind))
                obj[name] = val
                if ext is not None:
                    obj["_" + name] = ext
        return obj


def canonical(div):
    """A narrative's XHTML, the same however it was written: without
    the white space the XML's indentation puts between its elements."""
    if isinstance(div, str):
        div = ET.fromstring(div)
    for el in div.iter():
        if el.text is not None and not el.text.strip() and len(el):
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    return ET.tostring(div, encoding="unicode")


def first_difference(a, b, path):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                return "%s/%s: only in the JSON" % (path, k)
            if k not in b:
                return "%s/%s: only in the XML" % (path, k)
            d = first_difference(a[k], b[k], "%s/%s" % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: %d items in the XML, %d in the JSON" % (
                path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s/%d" % (path, i))
            if d:
                return d
        return None
    if a != b or type(a) is not type(b):
        return "%s: %r in the XML, %r in the JSON" % (path, a, b)
    return None


def normalise(doc):
    """The JSON with each narrative in canonical form."""
    if isinstance(doc, dict):
        return {k: canonical(v) if k == "div" else normalise(v)
                for k, v in doc.items()}
    if isinstance(doc, list):
        return [normalise(v) for v in doc]
    return doc


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        print("usage: fhir-json.py BUNDLE.xml BUNDLE.json...",
              file=sys.stderr)
        return 2
    try:
        with open(SCHEMA, encoding="utf-8") as f:
            conv = Converter(json.load(f))
    except (OSError, ValueError) as e:
        print("%s: %s" % (SCHEMA, e), file=sys.stderr)
        return 2
    bad = 0
    for xml_path, json_path in zip(argv[1::2], argv[2::2]):
        try:
            root = ET.parse(xml_path).getroot()
            with open(json_path, encoding="utf-8") as f:
                got = normalise(json.load(f))
            want = conv.element(root, root.tag[len(NS):])
        except (OSError, ET.ParseError, ValueError, KeyError) as e:
            print("%s: %s" % (xml_path, e))
            bad += 1
            continue
        d = first_difference(want, got, "")
        if d:
            print("%s: %s" % (json_path, d))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
