#!/usr/bin/env node
// fhir-schema.js - whether JSON Bundles are valid against HL7's JSON
// Schema of FHIR R4 (tests/fhir-r4/fhir.schema.json), with ajv.
//
// Usage: node fhir-schema.js BUNDLE.json...
//
// Prints each error as FILE: PATH: WHAT; exits 1 if there is any, 2 on
// trouble.  The schema is draft-06 but names itself with draft-04's
// "id", which ajv refuses: it is taken off before compiling; its
// "discriminator" ajv ignores (the oneOf does the same work).
//
// Compiling any definition compiles every one that ResourceList (what
// Bundle.entry.resource and every DomainResource.contained may be)
// reaches, all 146 resources: seconds.  Since each resource's
// definition requires its own resourceType, ResourceList's oneOf is
// narrowed to the types the files hold, read first; for those files it
// says what the whole oneOf says, at a fraction of the cost.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: node fhir-schema.js BUNDLE.json...');
	process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fhir-r4',
    'fhir.schema.json'), 'utf8'));
delete schema.id;
schema.$id = 'fhir';

const docs = files.map(f => {
	try {
		return JSON.parse(fs.readFileSync(f, 'utf8'));
	} catch (e) {
		console.error(`${f}: ${e.message}`);
		process.exit(2);
	}
});
// every resourceType anywhere in them, a known one
const held = new Set();
(function types(v) {
	if (Array.isArray(v))
		return v.forEach(types);
	if (v === null || typeof v !== 'object')
		return;
	if (typeof v.resourceType === 'string' &&
	    schema.definitions[v.resourceType])
		held.add(v.resourceType);
	Object.values(v).forEach(types);
})(docs);
held.add('Basic');	// the stand-in below
schema.definitions.ResourceList.oneOf = schema.definitions.ResourceList
    .oneOf.filter(r => held.has(r.$ref.replace('#/definitions/', '')));
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
ajv.addSchema(schema);
// Each resource against its own definition, and the Bundle with its
// entries' resources against Bundle's: errors then name what is wrong,
// not that a resource is none of the other 145 types.
const of = {};
function check(f, doc, where) {
	const t = doc && doc.resourceType;
	if (typeof t !== 'string' || !schema.definitions[t]) {
		console.log(`${f}: ${where}: no resourceType of FHIR R4`);
		return 1;
	}
	if (!of[t])
		of[t] = ajv.getSchema(`fhir#/definitions/${t}`);
	if (of[t](doc))
		return 0;
	for (const e of of[t].errors)
		console.log(`${f}: ${where}${e.instancePath}: ${e.message}` +
		    (e.params && e.params.additionalProperty ?
		    ` (${e.params.additionalProperty})` : ''));
	return 1;
}

let bad = 0;
files.forEach((f, k) => {
	const doc = docs[k];
	const entries = Array.isArray(doc.entry) ? doc.entry : [];
	// the Bundle with a stand-in for each resource, then each resource
	const shell = Object.assign({}, doc, { entry: entries.map(e =>
	    Object.assign({}, e, e.resource ? { resource: { resourceType:
	    'Basic', code: { text: 'x' } } } : {})) });
	bad += check(f, shell, '');
	entries.forEach((e, i) => {
		if (e.resource)
			bad += check(f, e.resource, `/entry/${i}/resource`);
	});
});
process.exit(bad ? 1 : 0);
