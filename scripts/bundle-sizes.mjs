#!/usr/bin/env node
// What outcome-pay weighs in a browser bundle, as a web application's bundler would include it.
//
//   node scripts/bundle-sizes.mjs [--no-build] [--json]      (npm run size)
//
// Builds the package (`npm run build`; skipped with --no-build, dist/ must then exist), then
// bundles with esbuild (platform browser, ES module, minified) a module that imports, from the
// package's ES module entry (package.json exports '.' import, with its `sideEffects`):
//   core      everything the main entry exports,
//   money     only formatMoney,
//   calendar  only parseDate, addMonths and formatDate,
//   settle    only settle,
// with the dependencies (zod, decimal.js, @noble/hashes) bundled too, and prints each bundle's
// size minified and gzipped (node:zlib, default level), the target of #15 where there is one
// (1 KB = 1024 bytes), and what the bundle is made of (esbuild's metafile: minified bytes by
// package). A measurement: it exits 0 whether or not a target is met (docs/browser.md); the
// targets met are held by test/browser/partial-import.test.ts, which measures the same way
// (scripts/bundle-measure.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KB, SIZE_CASES as CASES, bundleImports } from './bundle-measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: node scripts/bundle-sizes.mjs [--no-build] [--json]\n';

let buildFirst = true;
let asJson = false;
for (const arg of process.argv.slice(2)) {
  if (arg === '--no-build') buildFirst = false;
  else if (arg === '--json') asJson = true;
  else if (arg === '--help' || arg === '-h') {
    process.stdout.write(USAGE);
    process.exit(0);
  } else {
    process.stderr.write(`bundle-sizes: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    process.exit(2);
  }
}

if (buildFirst) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write(`bundle-sizes: npm run build exited with ${built.status ?? built.signal}\n`);
    process.exit(1);
  }
}

const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const entry = resolve(root, pkg.exports['.'].import.default);

async function measure({ name, imports, targetGzip }) {
  const { minified, gzip, byPackage } = await bundleImports({ entry, imports, resolveDir: root, ownName: pkg.name });
  return {
    name,
    imports: imports === '*' ? 'everything' : imports.join(', '),
    minified,
    gzip,
    ...(targetGzip === undefined ? {} : { targetGzip, met: gzip <= targetGzip }),
    byPackage,
  };
}

const results = [];
for (const c of CASES) results.push(await measure(c));

if (asJson) {
  process.stdout.write(`${JSON.stringify({ entry: pkg.exports['.'].import.default, results }, null, 2)}\n`);
} else {
  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
  process.stdout.write(`outcome-pay in a browser bundle (esbuild, platform browser, minified; from ${pkg.exports['.'].import.default})\n\n`);
  process.stdout.write(`${'bundle'.padEnd(10)}${'minified'.padStart(12)}${'gzip'.padStart(12)}   target (gzip)\n`);
  for (const r of results) {
    const target = r.targetGzip === undefined ? '' : `<= ${kb(r.targetGzip)}: ${r.met ? 'met' : 'NOT met'}`;
    process.stdout.write(`${r.name.padEnd(10)}${kb(r.minified).padStart(12)}${kb(r.gzip).padStart(12)}   ${target}\n`);
  }
  process.stdout.write('\nminified bytes by package:\n');
  for (const r of results) {
    process.stdout.write(`  ${r.name} (${r.imports}): ${Object.entries(r.byPackage).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}\n`);
  }
}
