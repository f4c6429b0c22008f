/**
 * One streaming measurement in its own process (so its peak RSS is its own):
 * node --expose-gc bench/child.mjs <stream|baseline> <ndjson|csv> <file> <asOf>
 * Prints one JSON line: wall ms, records, maxRSS MB, retained heap bytes per record.
 */
import { createReadStream } from 'node:fs';
import { benchContract } from './contract.mjs';
import { baselinePayment } from './baseline.mjs';

const [mode, format, file, asOf] = process.argv.slice(2);
const lib = await import(new URL('../dist/index.js', import.meta.url));
const { tempFileStorage } = await import(new URL('../dist/node.js', import.meta.url)); // what the CLI uses
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

async function* lines(path) {
  let carry = '';
  for await (const chunk of createReadStream(path, 'utf8')) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    yield* parts;
  }
  if (carry !== '') yield carry;
}

const t0 = performance.now();
let records = 0;
let total = 0;
let retained;
if (mode === 'stream') {
  const result = await lib.settleStream(benchContract(), { format, chunks: () => createReadStream(file, 'utf8') }, { asOf }, tempFileStorage());
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  records = result.value.dataQuality.recordsRead;
  total = result.value.totals?.earned ?? null;
  globalThis.gc?.();
  retained = process.memoryUsage().heapUsed - heapBefore; // includes the settlement document
} else {
  // The hand-written loop: read lines, parse, pay.
  let header;
  for await (const line of lines(file)) {
    if (line.trim() === '') continue;
    let record;
    if (format === 'ndjson') record = JSON.parse(line);
    else {
      const cells = line.split(',');
      if (header === undefined) {
        header = cells;
        continue;
      }
      record = csvRecord(header, cells);
    }
    records++;
    total += baselinePayment(record, asOf).total;
  }
}
const wallMs = performance.now() - t0;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, format, records, wallMs, maxRssMb, retainedBytesPerRecord: retained === undefined ? null : retained / records, total }));

/** The naive CSV mapping a user would write (no quoting). */
function csvRecord(header, cells) {
  const get = (name) => {
    const value = cells[header.indexOf(name)];
    return value === undefined || value === '' ? undefined : value;
  };
  const record = { id: get('id'), cohort: get('cohort'), enrolledOn: get('enrolledOn'), exitedOn: get('exitedOn'), baselineWage: get('baselineWage') };
  record.groups = (get('groups') ?? '').split(';').filter(Boolean);
  record.spells = [1, 2].filter((n) => get(`spell${n}_start`)).map((n) => ({
    start: get(`spell${n}_start`), end: get(`spell${n}_end`), hoursPerWeek: Number(get(`spell${n}_hours`) ?? 0), contractType: get(`spell${n}_contract`),
  }));
  record.wages = [1, 2].filter((n) => get(`wage${n}_on`)).map((n) => ({ on: get(`wage${n}_on`), monthlyWage: get(`wage${n}_amount`) }));
  const trained = get('event_training-completed');
  record.events = trained ? [{ kind: 'training-completed', on: trained }] : [];
  return record;
}
