#!/usr/bin/python3
"""fields.py - hold a place that lists the plan's keys to the loader's.

usage: fields.py xsd KEYS XSD
       fields.py man KEYS PAGE
       fields.py fhir KEYS PAGE
       fields.py fixture KEYS TREES

KEYS is what 'plantree --keys' prints: each key the loader knows, its
path ("goals[].subgoals[].id"), its type and its words.  Each check
prints one line for each key of the loader that the place lacks, naming
the key and the place, and exits 1; or prints "ok" and exits 0.

xsd: the XML Schema (lib/iplan.xsd) declares an element or an attribute
of the key's name where the XML export puts it: a child of its parent's
element, where a list is an element repeated or an element of one
repeated child (participants/participant).

man: ip-plan(5) has an ".It Ic KEY" entry for the key in the section
of its top-level key ("The plan" for those; "The person" for person.*,
"Participants" for participants[].*), nested in its parent's entry.

fhir: iplan-fhir(7) says where the key goes in its section "Where each
field goes": an ".It Ic" entry names the key, or a pattern that matches
it ("consent.*.withdrawn"); an entry "period.start , end" names
period.start and period.end; else the entry of the nearest mapping or
list above it says where it goes with a line ".Ic key" (".Ic note" in
the entry "goals[]"), so that a key added to a goal is named when the
page forgets it.  A mapping or a list whose keys have entries needs none
of its own.

fixture: some plan of TREES ('plantree FILE...', a line a plan: the
"every field" fixtures, the plans that the unit test of the views,
tests/unit/export.c, renders in every reader's view) sets each key.
"""

import fnmatch
import json
import re
import sys
import xml.etree.ElementTree as ET

XS = '{http://www.w3.org/2001/XMLSchema}'


def loader_keys(path):
    keys = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            words = line.split()
            if words:
                keys.append((words[0], words[1]))
    return keys


def parts(key):
    """'goals[].subgoals[].id' -> ['goals', '[]', 'subgoals', '[]', 'id']"""
    out = []
    for p in key.split('.'):
        if p.endswith('[]'):
            out += [p[:-2], '[]']
        else:
            out.append(p)
    return out


# --- the XML Schema ----------------------------------------------------------

class Xsd:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.types = {t.get('name'): t
                      for t in self.root.findall(XS + 'complexType')}
        self.tops = {e.get('name'): e
                     for e in self.root.findall(XS + 'element')}

    def content(self, elem):
        """The complexType that gives elem's content, or None."""
        t = elem.find(XS + 'complexType')
        if t is not None:
            return t
        name = (elem.get('type') or '').split(':')[-1]
        return self.types.get(name)

    def children(self, elem):
        """elem's child elements by name, and its attributes' names."""
        els, attrs = {}, set()
        t = self.content(elem)
        if t is None:
            return els, attrs
        stack = [t]
        while stack:
            node = stack.pop()
            for c in node:
                if c.tag == XS + 'element':
                    els[c.get('name')] = c
                elif c.tag == XS + 'attribute':
                    attrs.add(c.get('name'))
                elif c.tag in (XS + 'sequence', XS + 'all', XS + 'choice',
                               XS + 'complexContent',
                               XS + 'simpleContent', XS + 'extension'):
                    stack.append(c)
        return els, attrs

    def find(self, key):
        """None if the key has its place, else what is missing."""
        elem = self.tops['plan']
        where = 'plan'
        ps = parts(key)
        for i, p in enumerate(ps):
            els, attrs = self.children(elem)
            if p == '[]':
                if elem.get('maxOccurs') == 'unbounded':
                    continue
                if len(els) != 1:
                    return 'no repeated element in <%s>' % where
                name, elem = next(iter(els.items()))
                where += '/' + name
                continue
            if p in els:
                elem = els[p]
                where += '/' + p
            elif p in attrs and i == len(ps) - 1:
                return None
            else:
                return 'no element or attribute %s in <%s>' % (p, where)
        return None


def check_xsd(keys, path):
    xsd = Xsd(path)
    bad = 0
    for key, _ in keys:
        why = xsd.find(key)
        if why:
            print('%s: the loader has %s, the XML Schema has not: %s'
                  % (path, key, why))
            bad = 1
    return bad


# --- ip-plan(5) --------------------------------------------------------------

def man_entries(path):
    """The keys of the ".It Ic" entries, as paths without []."""
    found = set()
    top = None		# the section's key, or '' for "The plan"
    stack = []		# the names of the entry at each depth of .Bl
    depth = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('.Ss '):
                title = line[4:].strip().strip('"').lower()
                if title == 'the plan':
                    top = ''
                else:
                    title = re.sub(r'^the ', '', title)
                    top = title if re.fullmatch(r'[a-z_]+', title) else None
                stack, depth = [], 0
            elif line.startswith('.Sh '):
                top, stack, depth = None, [], 0
            elif line.startswith('.Bl'):
                depth += 1
            elif line.startswith('.El'):
                depth -= 1
                del stack[depth:]
            elif line.startswith('.It') and top is not None and depth > 0:
                words = line.split()[1:]
                if 'Pq' in words:
                    words = words[:words.index('Pq')]
                names = []
                if words and words[0] == 'Ic':
                    names = [w for w in words if w not in ('Ic', ',')]
                del stack[depth - 1:]
                while len(stack) < depth - 1:
                    stack.append([])
                stack.append(names)
                parents = [s[0] if s else '?' for s in stack[:-1]]
                for n in names:
                    found.add('.'.join(([top] if top else []) + parents +
                                       [n]))
    return found


def check_man(keys, path):
    found = man_entries(path)
    bad = 0
    for key, _ in keys:
        if key.replace('[]', '') not in found:
            print('%s: the loader has %s, ip-plan(5) has no .It Ic %s '
                  'where it belongs' % (path, key, key.split('.')[-1]))
            bad = 1
    return bad


# --- iplan-fhir(7) -----------------------------------------------------------

def fhir_entries(path):
    """The paths, without [], that the ".It Ic" entries of "Where each
    field goes" name, each with the lines of its entry."""
    found = []
    inside = False
    body = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('.Ss ') or line.startswith('.Sh '):
                inside = line[4:].strip().strip('"') == \
                    'Where each field goes'
                body = None
            elif inside and line.startswith('.It Ic '):
                words = line.split()[2:]
                if ':' in words:	# "participants[].role : guardian"
                    words = words[:words.index(':')]
                first = None
                body = []
                for w in words:
                    if w == ',':
                        continue
                    w = w.replace('[]', '')
                    if first is None:
                        first = w
                    elif '.' not in w and '.' in first:
                        w = first.rsplit('.', 1)[0] + '.' + w
                    found.append((w, body))
            elif body is not None:
                body.append(line)
    return found


def check_fhir(keys, path):
    entries = fhir_entries(path)
    names = [e for e, _ in entries]
    bad = 0
    for key, kind in keys:
        k = key.replace('[]', '')
        if kind in ('mapping', 'list', 'list1') and \
                any(e.startswith(k + '.') for e in names):
            continue	# its keys say where they go
        if any(fnmatch.fnmatchcase(k, e)
               or ('*' in e and fnmatch.fnmatchcase(k, e + '.*'))
               for e in names):
            continue
        # else the entry of the nearest mapping or list above it, which
        # must name it: ".Ic note" in "goals[]"
        above = [(e, b) for e, b in entries if k.startswith(e + '.')]
        where = ''
        if above:
            e, body = max(above, key=lambda eb: len(eb[0]))
            rest = k[len(e) + 1:].split('.')[0]
            if any(re.match(r'\.Ic %s( |$)' % re.escape(rest), line)
                   for line in body):
                continue
            where = ', or .Ic %s in the entry of %s' % (rest, e)
        print('%s: the loader has %s, iplan-fhir(7) does not say where '
              'it goes (.It Ic %s under "Where each field goes"%s)'
              % (path, key, key, where))
        bad = 1
    return bad


# --- the "every field" fixture -----------------------------------------------

def has(node, ps):
    if not ps:
        return True
    if isinstance(node, list):
        if ps[0] == '[]':
            return any(has(n, ps[1:]) for n in node)
        return False
    if isinstance(node, dict):
        if ps[0] == '[]':	# a mapping where a list may be (list1)
            return has(node, ps[1:])
        return ps[0] in node and has(node[ps[0]], ps[1:])
    return False


def check_fixture(keys, path):
    plans = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            tree = json.loads(line)
            if tree.get('plan') is not None:
                plans.append(tree['plan'])
    bad = 0
    for key, _ in keys:
        if not any(has(plan, parts(key)) for plan in plans):
            print('the loader has %s, no plan the views\' test renders '
                  'sets it (tests/unit/export.c; add it to one in '
                  'tests/view)' % key)
            bad = 1
    return bad


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ('xsd', 'man', 'fhir',
                                                  'fixture'):
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    keys = loader_keys(sys.argv[2])
    if not keys:
        print('fields.py: no keys in ' + sys.argv[2], file=sys.stderr)
        return 2
    check = {'xsd': check_xsd, 'man': check_man, 'fhir': check_fhir,
             'fixture': check_fixture}[sys.argv[1]]
    if check(keys, sys.argv[3]):
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
