#!/usr/bin/env python3
"""fhir-no-basis.py - whether JSON Bundles meet HL7 Norway's no-basis
profiles where they claim them.

Usage: python3 fhir-no-basis.py BUNDLE.json...

The profiles are tests/fhir-no-basis/*.xml, HL7 Norway's
StructureDefinitions (see the README there), read as they are: what their
differentials ask is what is checked, of every resource of the type a
profile constrains (Patient, Practitioner, Organization, RelatedPerson):

  profile  the resource claims the profile's url in meta.profile;
  min      an element a slice of the profile requires (min 1) is there,
           in every element of the slice that holds its parent;
  fixed    an element a slice fixes has that value.

An element of a sliced list (identifier, relationship, ...) is of the
slice whose discriminator value it has: Organization.identifier of
system urn:oid:...4.1.4.101 is an ENH.  Stricter than a validator, an
element without the discriminator (an H-nummer has no system, see
iplan-fhir(7)) is of the slice whose every other fixed value it has
(type.coding 8327 HNR): its assigner is then required too.  Bindings and
the data types' own profiles (no-basis-HumanName, no-basis-Address) ask
nothing of an element but extensions the exporter does not write, and
are not checked.

Prints each finding as FILE: KEY at TYPE/ID: WHAT; exits 1 if there is
any, 2 on trouble.
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = {'f': 'http://hl7.org/fhir'}
PROFILES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fhir-no-basis')


def value(el, tag):
    e = el.find('f:' + tag, NS)
    return None if e is None else e.get('value')


def fixed_of(el):
    """The value an element definition fixes, or None."""
    for c in el:
        tag = c.tag.split('}')[1]
        if tag.startswith('fixed') and c.get('value') is not None:
            return c.get('value')
    return None


def load(path):
    """A profile: its url, type, and each sliced list: its path, the
    discriminator's path, and for each slice its name and the elements
    it fixes or requires (a path below the list's: fixed value, min)."""
    root = ET.parse(path).getroot()
    prof = {'url': value(root, 'url'), 'type': value(root, 'type'),
            'lists': []}
    elements = root.findall('f:differential/f:element', NS)
    for el in elements:
        sl = el.find('f:slicing', NS)
        if sl is None:
            continue
        disc = [value(d, 'path') for d in sl.findall('f:discriminator', NS)
                if value(d, 'type') == 'value']
        if len(disc) != 1:
            continue
        lid = el.get('id')
        lst = {'path': value(el, 'path'), 'disc': disc[0], 'slices': []}
        for s in elements:
            name = value(s, 'sliceName')
            if name is None or s.get('id') != lid + ':' + name:
                continue
            rules = {}
            for c in elements:
                cid = c.get('id')
                if not cid.startswith(lid + ':' + name + '.'):
                    continue
                below = cid[len(lid + ':' + name) + 1:]
                if ':' in below:
                    continue
                rules[below] = (fixed_of(c),
                                int(value(c, 'min') or 0) > 0)
            lst['slices'].append({'name': name, 'rules': rules})
        if lst['slices']:
            prof['lists'].append(lst)
    return prof


def values(node, path):
    """The values at the dotted path below node, lists flattened."""
    out = [node]
    for step in path.split('.') if path else []:
        nxt = []
        for v in out:
            if isinstance(v, dict) and step in v:
                w = v[step]
                nxt.extend(w if isinstance(w, list) else [w])
        out = nxt
    return out


def slice_of(lst, item):
    """The slice of lst the element item is of, or None."""
    have = values(item, lst['disc'])
    for s in lst['slices']:
        want = s['rules'].get(lst['disc'], (None, False))[0]
        if want is not None and want in have:
            return s
    if have:
        return None
    for s in lst['slices']:
        fixed = [(p, f) for p, (f, _) in s['rules'].items()
                 if f is not None and p != lst['disc']]
        if fixed and all(f in values(item, p) for p, f in fixed):
            return s
    return None


def check(prof, res, report):
    where = '%s/%s' % (res['resourceType'], res.get('id'))
    if prof['url'] not in res.get('meta', {}).get('profile', []):
        report('profile', where, 'does not claim ' + prof['url'])
    for lst in prof['lists']:
        rel = lst['path'].split('.', 1)[1]
        for item in values(res, rel):
            s = slice_of(lst, item)
            if s is None:
                continue
            for path, (fixed, required) in sorted(s['rules'].items()):
                parent, _, leaf = path.rpartition('.')
                for p in values(item, parent):
                    got = values(p, leaf)
                    if required and not got:
                        report('min', where, '%s:%s.%s is required'
                               % (lst['path'], s['name'], path))
                    if fixed is not None and any(g != fixed for g in got):
                        report('fixed', where, '%s:%s.%s is not %s'
                               % (lst['path'], s['name'], path, fixed))


def main():
    files = sys.argv[1:]
    if not files:
        sys.exit('usage: fhir-no-basis.py BUNDLE.json...')
    profiles = {}
    for path in sorted(glob.glob(os.path.join(PROFILES, '*.xml'))):
        p = load(path)
        if p['type'] in ('Patient', 'Practitioner', 'Organization',
                         'RelatedPerson'):
            profiles[p['type']] = p
    if len(profiles) != 4:
        print('%s: not the four profiles' % PROFILES, file=sys.stderr)
        sys.exit(2)
    bad = 0
    for f in files:
        try:
            with open(f, encoding='utf-8') as fp:
                bundle = json.load(fp)
        except (OSError, ValueError) as e:
            print('%s: %s' % (f, e), file=sys.stderr)
            sys.exit(2)

        def report(key, where, what):
            nonlocal bad
            bad += 1
            print('%s: %s at %s: %s' % (f, key, where, what))
        for e in bundle.get('entry', []):
            res = e.get('resource', {})
            if res.get('resourceType') in profiles:
                check(profiles[res['resourceType']], res, report)
    sys.exit(1 if bad else 0)


main()
