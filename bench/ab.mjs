/**
 * A/B timing of two versions of the library in one process, alternating (docs/performance.md,
 * "How to measure a change"). Each version's `src/` is bundled by esbuild into one script, both
 * are imported, and each step runs old then new, then new then old, ... on the same input; the
 * report gives each step's best CPU time (`process.cpuUsage`, user + system) and best wall time
 * per version, and the ratio new/old. The settlements of both versions must agree (totals and
 * tranche dues), or it exits 1.
 *
 * Usage: node --expose-gc bench/ab.mjs <old src dir> <new src dir> [records] [repetitions]
 *   e.g. git archive main src | tar -x -C /tmp/old && node --expose-gc bench/ab.mjs /tmp/old/src src 1000000 5
 * Steps: `validate` (validateRecords over the JSON file's records), `compute` (a session over the
 * validated records), `settle` (settle over the raw records: both of them), `stream-ndjson` and
 * `stream-csv` (settleStream over the file's text in 64 KB chunks); `AB_STEPS=settle,stream-csv`
 * runs only those.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { AS_OF, benchContract, COHORTS, GROUPS } from './contract.mjs';
import { generate } from './generate.mjs';

const [oldSrc, newSrc, sizeArg = '1000000', repsArg = '5'] = process.argv.slice(2);
if (oldSrc === undefined || newSrc === undefined) {
  console.error('usage: node --expose-gc bench/ab.mjs <old src dir> <new src dir> [records] [repetitions]');
  process.exit(2);
}
const size = Number(sizeArg);
const reps = Number(repsArg);
const out = mkdtempSync(join(tmpdir(), 'outcome-pay-ab-'));

/** A tree's public entry with its streaming entry and internals (src/streaming.ts, src/internal.ts; a tree from before they existed exported them from index.ts). */
async function bundle(src, name) {
  const outfile = join(out, `${name}.mjs`);
  const entries = ['index.ts', 'internal.ts', 'streaming.ts'].filter((file, k) => k === 0 || existsSync(resolve(src, file)));
  const contents = entries.map((file) => `export * from './${file}';\n`).join('');
  // the dependencies from this checkout's node_modules, for a source directory outside it too
  await build({
    stdin: { contents, resolveDir: resolve(src), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    nodePaths: [fileURLToPath(new URL('../node_modules', import.meta.url))],
  });
  return import(pathToFileURL(outfile).href);
}

const versions = { old: await bundle(oldSrc, 'old'), new: await bundle(newSrc, 'new') };
const paths = await generate(size);
const raw = JSON.parse(readFileSync(paths.json, 'utf8'));
const texts = { ndjson: readFileSync(paths.ndjson, 'utf8'), csv: readFileSync(paths.csv, 'utf8') };
const contract = benchContract();
const context = { cohortIds: new Set(COHORTS.map((c) => c.id)), groupIds: new Set(GROUPS) };
const CHUNK = 64 * 1024;

async function* chunks(text) {
  for (let at = 0; at < text.length; at += CHUNK) yield text.slice(at, at + CHUNK);
}

/** Times `fn` (which may return a promise): CPU and wall milliseconds, and its value. */
async function time(fn) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1000, wall, value };
}

function figures(result) {
  if (!result.ok) return `refused ${JSON.stringify(result.issues.slice(0, 2))}`;
  return `${result.value.totals.earned} ${result.value.tranches.map((t) => `${t.id}:${t.due}`).join()}`;
}

const steps = {
  validate: (lib) => lib.validateRecords(raw, context, { mode: 'lenient' }),
  compute: (lib, validated) => {
    const parsed = lib.parseContract(contract).value;
    const checked = lib.checkOptions({ asOf: AS_OF }, parsed).options;
    const session = lib.openSession(parsed, checked, lib.readPrevious([], parsed, checked.asOf).value);
    for (const record of validated) session.add(record);
    return session.finish({ recordsRead: raw.length, recordsSettled: validated.length, recordsExcluded: 0, issues: [] }, '{}');
  },
  settle: (lib) => lib.settle(contract, raw, { asOf: AS_OF }),
  'stream-ndjson': (lib) => lib.settleStream(contract, { format: 'ndjson', chunks: () => chunks(texts.ndjson) }, { asOf: AS_OF }),
  'stream-csv': (lib) => lib.settleStream(contract, { format: 'csv', chunks: () => chunks(texts.csv) }, { asOf: AS_OF }),
};

// AB_STEPS=settle,stream-csv runs only those steps
const only = process.env['AB_STEPS']?.split(',');
if (only !== undefined) for (const step of Object.keys(steps)) if (!only.includes(step)) delete steps[step];

const best = {};
const seen = {};
for (let rep = 0; rep < reps; rep++) {
  const order = rep % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const [step, run] of Object.entries(steps)) {
    for (const name of order) {
      const lib = versions[name];
      let input;
      if (step === 'compute') input = lib.validateRecords(raw, context, { mode: 'lenient' }).value.records;
      const timed = await time(() => run(lib, input));
      input = undefined;
      const key = `${step} ${name}`;
      best[key] ??= { cpu: Infinity, wall: Infinity };
      best[key].cpu = Math.min(best[key].cpu, timed.cpu);
      best[key].wall = Math.min(best[key].wall, timed.wall);
      if (step !== 'validate') {
        const shown = figures(timed.value);
        seen[step] ??= shown;
        if (seen[step] !== shown) {
          console.error(`${step}: ${name} gave ${shown}, the other ${seen[step]}`);
          process.exit(1);
        }
      }
    }
    console.error(`rep ${rep + 1}/${reps} ${step}: old ${best[`${step} old`].cpu.toFixed(0)} ms, new ${best[`${step} new`].cpu.toFixed(0)} ms (best CPU so far)`);
  }
}

console.log(`${size} records, best of ${reps} each, alternating; CPU = user + system`);
console.log('step            old CPU ms  new CPU ms  new/old CPU  old wall ms  new wall ms  new/old wall');
for (const step of Object.keys(steps)) {
  const o = best[`${step} old`];
  const n = best[`${step} new`];
  console.log(
    `${step.padEnd(15)} ${o.cpu.toFixed(0).padStart(10)}  ${n.cpu.toFixed(0).padStart(10)}  ${(n.cpu / o.cpu).toFixed(3).padStart(11)}  ${o.wall.toFixed(0).padStart(11)}  ${n.wall.toFixed(0).padStart(11)}  ${(n.wall / o.wall).toFixed(3).padStart(12)}`,
  );
}
