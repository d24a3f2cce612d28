// axe.js - check HTML pages in a real browser: Debian's chromium, driven
// by puppeteer-core, runs axe-core's WCAG 2.1 A and AA rules and its
// best practices on each page,
// on screen and in print, and fails if any rule is broken, if the page
// asks for anything outside itself, or runs a script of its own.
//
// Usage: NODE_PATH=BUILD/npm/node_modules node axe.js PAGE.html...
// CHROMIUM names the browser (default /usr/bin/chromium).  A missing
// browser or module is a failure, never a skip.
'use strict';

const path = require('path');
const axe = require('axe-core');
const puppeteer = require('puppeteer-core');

async function check(browser, file) {
	const page = await browser.newPage();
	const url = 'file://' + path.resolve(file);
	const problems = [];

	await page.setJavaScriptEnabled(false);	// the page's own scripts
	await page.setRequestInterception(true);
	page.on('request', (req) => {
		if (req.url() === url) {
			req.continue();
		} else {
			problems.push('asks for ' + req.url());
			req.abort();
		}
	});
	await page.goto(url, { waitUntil: 'load' });
	const scripts = await page.$$eval('script', (s) => s.length);
	if (scripts > 0)
		problems.push(scripts + ' script element(s)');
	await page.setJavaScriptEnabled(true);	// for axe, injected below
	for (const media of ['screen', 'print']) {
		await page.emulateMediaType(media);
		await page.evaluate(axe.source);
		const result = await page.evaluate(() => window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa',
			    'best-practice',
			    'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		}));
		for (const v of result.violations)
			for (const n of v.nodes)
				problems.push(`${media}: ${v.id}: ${v.help}: ` +
				    n.target.join(' '));
		if (result.passes.length === 0)
			problems.push(`${media}: axe passed no rule at all`);
	}
	await page.close();
	return problems;
}

async function main() {
	const files = process.argv.slice(2);
	if (files.length === 0) {
		console.error('usage: node axe.js PAGE.html...');
		return 2;
	}
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		// no sandbox: as root, or in a container without user
		// namespaces, chromium will not start with one; the page is
		// ours and may fetch nothing
		args: ['--no-first-run', '--disable-gpu', '--no-sandbox'],
	});
	let failed = 0;
	try {
		for (const f of files) {
			const problems = await check(browser, f);
			for (const p of problems)
				console.log(`${f}: ${p}`);
			failed += problems.length > 0;
		}
	} finally {
		await browser.close();
	}
	return failed > 0 ? 1 : 0;
}

main().then((rc) => { process.exitCode = rc; },
    (e) => { console.error('axe.js: ' + e.message); process.exitCode = 2; });
