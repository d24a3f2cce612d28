#!/usr/bin/env node
// fhir-invariants.js - every FHIRPath invariant of FHIR R4 (4.0.1) that
// can hold in a Bundle ip-export writes, evaluated with fhirpath.js.
//
// Usage: node fhir-invariants.js [--invariants FILE] BUNDLE.json...
//
// The invariants are tests/fhir-r4/invariants.json (see the README
// there): those of HL7's data types, and those of the resources the
// exporter writes (and of Bundle and DomainResource).  Each is evaluated
// on every element of its path in the Bundle, data types wherever they
// are; an element for which it is false breaks it.  Errors and warnings
// alike are reported, as FILE: KEY (SEVERITY) at PATH: WHAT, and exit 1;
// exit 2 on trouble.  resolve() finds an entry of the Bundle by its
// fullUrl, as a server resolves the references of a Bundle; htmlChecks()
// (txt-1, txt-2) takes a narrative that is an XHTML div with some text,
// and nothing that would run.
'use strict';
const fs = require('fs');
const path = require('path');
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');
// fhirpath's own class of a node that is a resource, for resolve()
const { ResourceNode } = require(path.join(
	path.dirname(require.resolve('fhirpath')), 'types.js'));

let args = process.argv.slice(2);
let file = path.join(__dirname, 'fhir-r4', 'invariants.json');
if (args[0] === '--invariants') {
	file = args[1];
	args = args.slice(2);
}
if (args.length === 0) {
	console.error('usage: node fhir-invariants.js [--invariants FILE] ' +
	    'BUNDLE.json...');
	process.exit(2);
}
const inv = JSON.parse(fs.readFileSync(file, 'utf8'));
const types = new Set(inv.types.map(c => c.path.split('.')[0]));

let entries = new Map();	// fullUrl -> resource, of the Bundle checked
const functions = {
	resolve: {
		fn: function (refs) {
			return refs.map(r => {
				const v = r && r.data !== undefined ? r.data : r;
				return v && v.reference && entries.get(v.reference);
			}).filter(Boolean).map(res => ResourceNode.makeResNode(
			    this, res, null, null, null, null));
		},
		arity: { 0: [] },
	},
	htmlChecks: {
		fn: divs => divs.map(d => {
			const s = d && d.data !== undefined ? d.data : d;
			return typeof s === 'string' && /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">[\s\S]*[^\s<>][\s\S]*<\/div>$/.test(s) &&
			    !/<script|<iframe|<form|\son[a-z]+=/i.test(s);
		}),
		arity: { 0: [] },
	},
};
const options = { userInvocationTable: functions, traceFn: () => {} };

// Where each invariant is evaluated: the expression that selects the
// elements breaking it, and on what.
function selector(c) {
	const [type, ...rest] = c.path.split('.');
	// each name quoted: `div` is also an operator
	const tail = rest.map(n => '.`' + n + '`').join('');
	const broken = `.where((${c.expression}).not())`;
	// fhirpath.js gives a narrative's XHTML no value (hasValue() is
	// false): txt-1 and txt-2 check it instead
	if (type === 'Element')
		return { on: 'bundle', expr: 'Bundle.descendants()' +
		    `.where(($this is FHIR.xhtml).not())${broken}` };
	// fhirpath.js types no Extension: every one is an element of
	// that name (or modifierExtension)
	if (type === 'Extension')
		return { on: 'bundle', expr: 'Bundle.descendants()' +
		    `.select(extension | modifierExtension)${tail}${broken}` };
	if (types.has(type) && c.path !== 'Bundle')
		return { on: 'bundle', expr:
		    `Bundle.descendants().ofType(${type})${tail}${broken}` };
	if (type === 'Bundle')
		return { on: 'bundle', expr: `Bundle${tail}${broken}` };
	if (type === 'DomainResource')
		return { on: 'resource', type: null, expr: `$this${broken}` };
	return { on: 'resource', type, expr: `${type}${tail}${broken}` };
}

const all = inv.types.concat(inv.resources).map(c => {
	const s = selector(c);
	s.c = c;
	try {
		s.run = fhirpath.compile(s.expr, r4, options);
	} catch (e) {
		console.error(`${file}: ${c.key}: cannot compile ${s.expr}`);
		process.exit(2);
	}
	return s;
});

let bad = 0;
for (const f of args) {
	let bundle;
	try {
		bundle = JSON.parse(fs.readFileSync(f, 'utf8'));
	} catch (e) {
		console.error(`${f}: ${e.message}`);
		process.exit(2);
	}
	if (bundle.resourceType !== 'Bundle') {
		console.log(`${f}: not a Bundle`);
		bad++;
		continue;
	}
	entries = new Map((bundle.entry || []).filter(e => e.fullUrl)
	    .map(e => [e.fullUrl, e.resource]));
	for (const s of all) {
		const on = s.on === 'bundle' ? [bundle]
		    : (bundle.entry || []).map(e => e.resource).filter(r => r &&
		    (s.type === null || r.resourceType === s.type));
		for (const r of on) {
			let found;
			try {
				found = s.run(r, { resource: r, rootResource: r,
				    ucum: 'http://unitsofmeasure.org' });
			} catch (e) {
				console.error(`${f}: ${s.c.key}: ${e.message}`);
				process.exit(2);
			}
			for (let i = 0; i < found.length; i++) {
				console.log(`${f}: ${s.c.key} (${s.c.severity})` +
				    ` at ${s.c.path}` + (s.on === 'resource' ?
				    ` of ${r.resourceType}/${r.id}` : '') +
				    `: ${s.c.human}`);
				bad++;
			}
		}
	}
}
process.exit(bad ? 1 : 0);
