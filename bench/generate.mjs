/**
 * Seeded generator of realistic outcome records for the benchmark contract, written as JSON,
 * NDJSON and CSV to bench/data/. Usage: node bench/generate.mjs <count> [--seed N] [--force]
 * Files are named records-<count>.{json,ndjson,csv}; existing files are kept unless --force.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { COHORTS, GROUPS } from './contract.mjs';

/** Directory of the generated files. */
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const CSV_HEADER = [
  'id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage',
  ...[1, 2].flatMap((n) => ['start', 'end', 'hours', 'contract', 'wage'].map((s) => `spell${n}_${s}`)),
  'wage1_on', 'wage1_amount', 'wage2_on', 'wage2_amount', 'event_training-completed',
];

/** mulberry32: a small seeded generator of floats in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const day = (text) => Math.round(Date.parse(`${text}T00:00:00Z`) / DAY);
const text = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const COHORT_DAYS = COHORTS.map((c) => ({ id: c.id, start: day(c.enrolmentStart), end: day(c.enrolmentEnd) }));
const CONTRACT_TYPES = ['permanent', 'fixed-term', 'apprenticeship', 'temporary'];

/** Money text from integer cents: never a float. */
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * One participant record (a plain object in the wire format). About 0.5 % are invalid in one
 * field (negative wage, impossible date, exit before enrolment, unknown cohort or group).
 */
export function makeRecord(index, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const cohort = pick(COHORT_DAYS);
  const enrolled = int(cohort.start, cohort.end);
  const record = { id: `P${String(index).padStart(8, '0')}`, cohort: cohort.id, enrolledOn: text(enrolled) };
  if (random() < 0.5) record.groups = GROUPS.filter(() => random() < 0.4);
  const trained = random() < 0.8;
  const exit = enrolled + int(40, 200);
  if (random() < 0.9) record.exitedOn = text(exit);
  const baseCents = random() < 0.15 ? 0 : int(300, 1800) * 100 + (random() < 0.5 ? 0 : int(0, 99));
  if (random() < 0.7) record.baselineWage = money(baseCents);
  if (trained) record.events = [{ kind: 'training-completed', on: text(exit) }];
  if (random() < 0.65) {
    const start = exit + int(1, 220);
    const wageCents = int(1100, 2600) * 100;
    const spell = { start: text(start), hoursPerWeek: pick([35, 35, 24, 20, 28, 17.5]), contractType: pick(CONTRACT_TYPES), monthlyWage: money(wageCents) };
    const spells = [spell];
    if (random() < 0.4) {
      const end = start + int(20, 500);
      spell.end = text(end);
      if (random() < 0.5) spells.push({ start: text(end + int(1, 40)), hoursPerWeek: 35, contractType: 'permanent', monthlyWage: money(wageCents + 10000) });
    }
    record.spells = spells;
    const wages = [];
    const observed = start + int(330, 420);
    // Exactly +10 % over the baseline is common in the data (and a trap for floats).
    const raised = random() < 0.3 ? baseCents + baseCents / 10 : wageCents + int(0, 300) * 100;
    if (random() < 0.6) wages.push({ on: text(start + int(0, 20)), monthlyWage: money(wageCents) });
    if (random() < 0.7 && Number.isInteger(raised)) wages.push({ on: text(observed), monthlyWage: money(raised) });
    if (wages.length > 0) record.wages = wages;
  }
  const fault = random();
  if (fault < 0.001) record.baselineWage = '-120.00';
  else if (fault < 0.002) record.enrolledOn = `${text(enrolled).slice(0, 5)}02-30`;
  else if (fault < 0.003) record.exitedOn = text(enrolled - 3);
  else if (fault < 0.004) record.cohort = '2022-Z';
  else if (fault < 0.005) record.groups = ['rsa', 'veterans'];
  return record;
}

function csvRow(record) {
  const cells = new Map([
    ['id', record.id], ['cohort', record.cohort], ['groups', (record.groups ?? []).join(';')],
    ['enrolledOn', record.enrolledOn], ['exitedOn', record.exitedOn ?? ''], ['baselineWage', record.baselineWage ?? ''],
  ]);
  (record.spells ?? []).forEach((s, i) => {
    const n = i + 1;
    cells.set(`spell${n}_start`, s.start).set(`spell${n}_end`, s.end ?? '').set(`spell${n}_hours`, String(s.hoursPerWeek ?? ''))
      .set(`spell${n}_contract`, s.contractType ?? '').set(`spell${n}_wage`, s.monthlyWage ?? '');
  });
  (record.wages ?? []).forEach((w, i) => cells.set(`wage${i + 1}_on`, w.on).set(`wage${i + 1}_amount`, w.monthlyWage));
  for (const e of record.events ?? []) cells.set(`event_${e.kind}`, e.on);
  return CSV_HEADER.map((h) => cells.get(h) ?? '').join(',');
}

/** The seed of the benchmark's files. */
export const SEED = 20250630;

/** The first `count` records of the seeded sequence, as plain objects: what the files hold. */
export function* generatedRecords(count, seed = SEED) {
  const random = rng(seed);
  for (let i = 0; i < count; i++) yield makeRecord(i + 1, random);
}

/** Paths of the three files for a count. */
export function dataPaths(count) {
  return {
    json: `${DATA_DIR}records-${count}.json`,
    ndjson: `${DATA_DIR}records-${count}.ndjson`,
    csv: `${DATA_DIR}records-${count}.csv`,
  };
}

/** Writes the three files for `count` participants (seeded), unless they exist. */
export async function generate(count, { seed = SEED, force = false } = {}) {
  mkdirSync(DATA_DIR, { recursive: true });
  const paths = dataPaths(count);
  if (!force && Object.values(paths).every((p) => existsSync(p))) return paths;
  const temp = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, `${p}.tmp`]));
  const json = createWriteStream(temp.json);
  const ndjson = createWriteStream(temp.ndjson);
  const csv = createWriteStream(temp.csv);
  const records = generatedRecords(count, seed);
  const batch = 10_000;
  const csvRows = csv;
  csv.write(`${CSV_HEADER.join(',')}\n`);
  json.write('[\n');
  for (let start = 0; start < count; start += batch) {
    const j = [];
    const n = [];
    const c = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const record = records.next().value;
      const line = JSON.stringify(record);
      j.push(`${line}${i === count - 1 ? '' : ','}\n`);
      n.push(`${line}\n`);
      c.push(`${csvRow(record)}\n`);
    }
    for (const [stream, lines] of [[json, j], [ndjson, n], [csvRows, c]]) {
      if (!stream.write(lines.join(''))) await once(stream, 'drain');
    }
  }
  json.write(']\n');
  for (const stream of [json, ndjson, csvRows]) {
    stream.end();
    await once(stream, 'finish');
  }
  for (const key of Object.keys(paths)) renameSync(temp[key], paths[key]);
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const seedAt = process.argv.indexOf('--seed');
  const paths = await generate(count, { force: process.argv.includes('--force'), ...(seedAt > 0 ? { seed: Number(process.argv[seedAt + 1]) } : {}) });
  console.log(paths);
}
