/**
 * One streaming measurement in its own process (so its peak RSS is its own):
 * node --expose-gc bench/child.mjs <stream|listed|baseline> <ndjson|csv> <file> <asOf>
 * `stream`: settleStream with a spill store, the issues delivered to onIssue and written to a file;
 * `listed`: the same with the issues listed in the settlement (the default of settleStream).
 * Prints one JSON line: wall ms, records, maxRSS MB, retained heap bytes per record, issues delivered,
 * and for `stream` and `listed` the settlement's figures that the bench checks (figures.mjs), read
 * from it after every measurement.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchContract } from './contract.mjs';
import { baselinePayment } from './baseline.mjs';
import { settlementFigures } from './figures.mjs';
import { lines } from './lines.mjs';

const [mode, format, file, asOf] = process.argv.slice(2);
const lib = await import(new URL('../dist/streaming.js', import.meta.url));
const { tempFileStorage } = await import(new URL('../dist/node.js', import.meta.url)); // what the CLI uses
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

const t0 = performance.now();
let records = 0;
let total = 0;
let settlement;
let retained;
let issues;
if (mode === 'stream') {
  // As a service would: the data-quality issues written out as they are delivered (NDJSON), not
  // kept in the settlement, so that memory does not grow with them.
  const dir = mkdtempSync(join(tmpdir(), 'outcome-pay-bench-'));
  const out = openSync(join(dir, 'issues.ndjson'), 'w');
  const onIssue = (issue) => writeSync(out, `${JSON.stringify(issue)}\n`);
  const result = await lib.settleStream(benchContract(), { format, chunks: () => createReadStream(file, 'utf8') }, { asOf }, { storage: tempFileStorage(), onIssue });
  closeSync(out);
  rmSync(dir, { recursive: true });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  records = result.value.dataQuality.recordsRead;
  issues = result.value.dataQuality.issuesDelivered;
  total = result.value.totals?.earned ?? null;
  settlement = result.value;
  globalThis.gc?.();
  retained = process.memoryUsage().heapUsed - heapBefore; // includes the settlement document
} else if (mode === 'listed') {
  const result = await lib.settleStream(benchContract(), { format, chunks: () => createReadStream(file, 'utf8') }, { asOf }, { storage: tempFileStorage() });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  records = result.value.dataQuality.recordsRead;
  issues = result.value.dataQuality.issues.length;
  total = result.value.totals?.earned ?? null;
  settlement = result.value;
  globalThis.gc?.();
  retained = process.memoryUsage().heapUsed - heapBefore; // includes the settlement and its issues
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
const figures = settlement === undefined ? null : settlementFigures(settlement);
console.log(JSON.stringify({ mode, format, records, wallMs, maxRssMb, retainedBytesPerRecord: retained === undefined ? null : retained / records, issues: issues ?? null, total, figures }));

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
