#!/usr/bin/env python3
"""invariants.py - invariants.json from the FHIR R4 specification's data.

Usage: python3 invariants.py PROFILES-TYPES.json PROFILES-RESOURCES.json
           >invariants.json

Takes every constraint (invariant) of the StructureDefinitions' snapshots
that the definition makes itself (its "source" missing or its own url),
each key once: all of the data types', and those of the resources below,
the ones ip-export writes, with Bundle's and DomainResource's.  See
README.md for where the two files come from.
"""
import json
import sys

RESOURCES = ('DomainResource', 'Bundle', 'CarePlan', 'CareTeam', 'Consent',
             'Goal', 'Organization', 'Patient', 'Practitioner',
             'RelatedPerson')


def constraints(sd, seen):
    """The constraints sd makes itself, of keys not in seen."""
    for el in sd['snapshot']['element']:
        for c in el.get('constraint', []):
            if c.get('source', sd['url']) != sd['url'] or c['key'] in seen:
                continue
            seen.add(c['key'])
            yield {'key': c['key'], 'path': el['path'],
                   'severity': c['severity'], 'human': c['human'],
                   'expression': c['expression']}


def definitions(path):
    with open(path, encoding='utf-8') as f:
        bundle = json.load(f)
    return [e['resource'] for e in bundle['entry']
            if e['resource']['resourceType'] == 'StructureDefinition'
            and 'snapshot' in e['resource']]


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: invariants.py PROFILES-TYPES.json '
                 'PROFILES-RESOURCES.json')
    seen = set()
    types = [c for sd in definitions(sys.argv[1])
             for c in constraints(sd, seen)]
    by_id = {sd['id']: sd for sd in definitions(sys.argv[2])}
    resources = [c for t in RESOURCES for c in constraints(by_id[t], seen)]
    json.dump({'types': types, 'resources': resources}, sys.stdout,
              indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


main()
