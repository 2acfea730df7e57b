#!/usr/bin/env node
// Electron security lint: runs electronegativity over src/ and fails on any HIGH finding (or any
// file it could not parse). Lower findings are printed for review, not failed on.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const { version: electronVersion } = require('electron/package.json');

// electronegativity asks a web server for translations at start (1 s timeout). Offline, the HTTP
// library's retry timer throws after that request was already given up on: an uncaught error
// from inside the library that says nothing about the scan, which goes on in English.
process.on('uncaughtException', (error) => {
  if (String(error?.stack ?? '').includes('p-cancelable')) return;
  throw error;
});

const result = await run(
  {
    input: 'src',
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Downloads Electron's release list to compare versions: no network in CI, and the version is
    // pinned in package.json and updated on purpose.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  },
  false,
);

const visible = result.issues.filter(
  (i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled),
);
for (const issue of visible) {
  console.log(
    `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${issue.file}:${issue.location.line}`,
  );
}
const high = visible.filter((i) => i.severity.name === 'HIGH');
const broken = result.errors.filter((e) => !e.tolerable);
for (const e of broken) console.error(`could not parse ${e.file}: ${e.message}`);
console.log(
  `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${visible.length} finding(s), ${high.length} HIGH`,
);
process.exit(high.length > 0 || broken.length > 0 ? 1 : 0);
