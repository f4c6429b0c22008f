/**
 * A/B of the settlement compute: this checkout's build (dist/) against another build of the
 * library, alternated in one process on the same validated records, so that a refactor shows it
 * did not slow the hot path (docs/performance.md, "Comparing two versions").
 *
 * Usage: node --expose-gc bench/compare.mjs <other dist/index.js> [--size N] [--rounds R]
 *
 * Both builds settle the benchmark contract on the same 1M records (default), validated once by
 * this build; each round times `openSession` + `add` for every record + `finish` for A then B
 * (B then A on odd rounds). Prints the best time of each and new/old. Both must give the same
 * totals, or the script fails.
 */
import { AS_OF, benchContract, COHORTS, GROUPS } from './contract.mjs';
import { generatedRecords } from './generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const otherPath = args.find((arg) => arg.endsWith('.js'));
if (otherPath === undefined) throw new Error('usage: node --expose-gc bench/compare.mjs <other dist/index.js> [--size N] [--rounds R]');
const size = option('--size', 1_000_000);
const rounds = option('--rounds', 6);

/** A build's public entry with its internals (dist/internal.js; a build from before it existed exported them from index.js). */
async function load(indexUrl) {
  const internals = await import(new URL('internal.js', indexUrl)).catch(() => ({}));
  return { ...(await import(indexUrl)), ...internals };
}
const current = await load(new URL('../dist/index.js', import.meta.url));
const other = await load(new URL(otherPath, `file://${process.cwd()}/`));
const contract = benchContract();
const context = { cohortIds: new Set(COHORTS.map((c) => c.id)), groupIds: new Set(GROUPS) };
const raw = [...generatedRecords(size)];
const validated = current.validateRecords(raw, context, { mode: 'lenient' });
if (!validated.ok) throw new Error('the records did not validate');
const records = validated.value.records;

function computeWith(lib) {
  const parsed = lib.parseContract(contract).value;
  const options = lib.checkOptions({ asOf: AS_OF }, parsed).options;
  const previous = lib.readPrevious([], parsed, options.asOf).value;
  globalThis.gc?.();
  const started = performance.now();
  const session = lib.openSession(parsed, options, previous);
  for (let k = 0; k < records.length; k++) session.add(records[k]);
  const result = session.finish({ recordsRead: raw.length, recordsSettled: records.length, recordsExcluded: 0, issues: [] }, '{}');
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues.slice(0, 2))}`);
  return { ms, total: result.value.totals.earned };
}

const best = { new: Infinity, old: Infinity };
const totals = new Set();
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['new', 'old'] : ['old', 'new'];
  for (const side of order) {
    const { ms, total } = computeWith(side === 'new' ? current : other);
    totals.add(total);
    best[side] = Math.min(best[side], ms);
    console.log(`round ${round + 1} ${side}: ${ms.toFixed(0)} ms (earned ${total})`);
  }
}
if (totals.size !== 1) throw new Error(`the two builds disagree: ${[...totals].join(' vs ')}`);
console.log(`best of ${rounds}: new ${best.new.toFixed(0)} ms, old ${best.old.toFixed(0)} ms, new/old ${(best.new / best.old).toFixed(3)}`);
