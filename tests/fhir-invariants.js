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
// (txt-1, txt-2) is fhirpath.js's own, which holds a narrative to FHIR's
// rules for its XHTML.
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
};
const options = { userInvocationTable: functions, traceFn: () => {} };

// Where each invariant is evaluated: the expression that selects the
// elements breaking it, and on what: the Bundle, each resource of a type,
// or the Bundle's descendants (all of them, or those of a type), found
// once for each Bundle and given to every invariant that wants them.
function selector(c) {
	const [type, ...rest] = c.path.split('.');
	// each name quoted: `div` is also an operator
	const tail = rest.map(n => '`' + n + '`').join('.');
	const broken = `where((${c.expression}).not())`;
	const on = tail ? `${tail}.${broken}` : broken;
	// fhirpath.js gives a narrative's XHTML no value (hasValue() is
	// false): txt-1 and txt-2 check it instead
	if (type === 'Element')
		return { on: 'descendants', type: null,
		    expr: `where(($this is FHIR.xhtml).not()).${broken}` };
	// fhirpath.js types no Extension: every one is an element of
	// that name (or modifierExtension)
	if (type === 'Extension')
		return { on: 'descendants', type: null,
		    expr: `select(extension | modifierExtension).${on}` };
	if (types.has(type) && c.path !== 'Bundle')
		return { on: 'descendants', type, expr: on };
	if (type === 'Bundle')
		return { on: 'bundle', expr: `Bundle.${on}` };
	if (type === 'DomainResource')
		return { on: 'resource', type: null, expr: broken };
	return { on: 'resource', type, expr: `${type}.${on}` };
}

const compile = (expr, key) => {
	try {
		return fhirpath.compile(expr, r4, options);
	} catch (e) {
		console.error(`${file}: ${key}: cannot compile ${expr}`);
		process.exit(2);
	}
};
const all = inv.types.concat(inv.resources).map(c => {
	const s = selector(c);
	s.c = c;
	s.run = compile(s.expr, c.key);
	return s;
});
// the Bundle's elements, and those of each type (ofType() takes
// subtypes too, as a Quantity's invariant holds for an Age)
const descendants = fhirpath.compile('Bundle.descendants()', r4,
    Object.assign({ resolveInternalTypes: false }, options));
const ofType = new Map([...types].map(t => [t, fhirpath.compile(
    `ofType(${t})`, r4, Object.assign({ resolveInternalTypes: false },
    options))]));

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
	const env = { ucum: 'http://unitsofmeasure.org' };
	const nodes = descendants(bundle, env);
	const typed = new Map();
	for (const s of all) {
		let on;
		if (s.on === 'bundle')
			on = [bundle];
		else if (s.on === 'descendants' && s.type === null)
			on = [nodes];
		else if (s.on === 'descendants') {
			if (!typed.has(s.type))
				typed.set(s.type, ofType.get(s.type)(nodes, env));
			on = [typed.get(s.type)];
		} else
			on = (bundle.entry || []).map(e => e.resource).filter(r =>
			    r && (s.type === null || r.resourceType === s.type));
		for (const r of on) {
			let found;
			try {
				found = s.run(r, Object.assign({ resource: r,
				    rootResource: r }, env));
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
