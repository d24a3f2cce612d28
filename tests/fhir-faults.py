#!/usr/bin/env python3
"""fhir-faults.py - seeded faults, to show that the FHIR checks can fail.

Usage: python3 fhir-faults.py CHECK BUNDLE.json

Writes, into the current directory, KEY.json (or KEY.WHICH.json) for
each fault of CHECK (invariants: tests/fhir-invariants.js; no-basis:
tests/fhir-no-basis.py): the Bundle changed so that it breaks what KEY
names.  t-fhir.sh runs the check once over them all and
wants each file reported with its KEY.
"""
import copy
import json
import sys


def first(b, t):
    """The first resource of type t in the Bundle b."""
    return next(e['resource'] for e in b['entry']
                if e['resource']['resourceType'] == t)


def ctm_1(b):
    p = first(b, 'CareTeam')['participant']
    rp = next(e['fullUrl'] for e in b['entry']
              if e['resource']['resourceType'] == 'RelatedPerson')
    p[0]['member'] = {'reference': rp}
    p[0]['onBehalfOf'] = {'reference': 'urn:uuid:0'}


def org_1(b):
    del first(b, 'Organization')['name']
    first(b, 'Organization').pop('identifier', None)


def bdl_3(b):
    b['entry'][0]['request'] = {'method': 'PUT', 'url': 'CarePlan/x'}


def ppc_1(b):
    del first(b, 'Consent')['policyRule']
    first(b, 'Consent').pop('policy', None)


def hnr(b):
    """The Patient's H-nummer."""
    return next(i for i in first(b, 'Patient')['identifier']
                if i['type']['coding'][0]['code'] == 'HNR')


FAULTS = {
    'invariants': {
        'ctm-1': ctm_1,
        'org-1': org_1,
        'per-1': lambda b: first(b, 'CarePlan').update(
            period={'start': '2027-01-01', 'end': '2026-01-01'}),
        'dom-6': lambda b: first(b, 'Goal').pop('text'),
        'ele-1': lambda b: first(b, 'Patient').update(address=[{}]),
        'bdl-3': bdl_3,
        'ext-1': lambda b: first(b, 'Goal').setdefault(
            'extension', []).append({'url': 'x'}),
        'ppc-1': ppc_1,
        # an element left open, which FHIR's narrative rules refuse
        'txt-1': lambda b: first(b, 'Goal')['text'].update(
            div='<div xmlns="http://www.w3.org/1999/xhtml"><p>x</div>'),
    },
    'no-basis': {
        'profile': lambda b: first(b, 'RelatedPerson')['meta'].pop(
            'profile'),
        'min.hpr': lambda b: first(b, 'Practitioner')['identifier'][0].pop(
            'value'),
        'min.assigner': lambda b: hnr(b).pop('assigner'),
        'fixed': lambda b: hnr(b).update(
            system='HNR', type={'coding': [{'code': 'FNR'}]}),
    },
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in FAULTS:
        sys.exit('usage: fhir-faults.py %s BUNDLE.json'
                 % '|'.join(FAULTS))
    with open(sys.argv[2], encoding='utf-8') as f:
        bundle = json.load(f)
    for key, change in FAULTS[sys.argv[1]].items():
        b = copy.deepcopy(bundle)
        change(b)
        with open(key + '.json', 'w', encoding='utf-8') as f:
            json.dump(b, f)
        print(key)


main()
