/**
 * The hostile records corpus (issue #13), each file through every library path that reads
 * records: the reader and validation (lenient and strict), `settle` on the file read whole, and
 * `settleStream` on the file's bytes as one chunk and in chunks of 7 bytes (strict mode in chunks
 * of 7 only; JSON files, which are not streamed, as raw records). For every file:
 *
 * - the expected code is reported, with its path, line and record index, and every issue has a
 *   code of a registry and a message; nothing throws;
 * - a refused file settles nothing (in both modes, whole and streamed, with the same issues);
 * - an excluded record is left out and reported, strict mode refuses it, and the settlement's
 *   amounts equal those of the same file without the record (the manifest's `without` lines,
 *   removed here byte for byte), which itself must settle without any issue (so the file holds
 *   exactly the fault it is there for). Nothing changes the totals silently;
 * - whole and streamed settlements are the same document.
 *
 * The files are built by records-corpus.ts; this test also checks that the files on disk are
 * what it builds (`UPDATE_CORPUS=1` writes them).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContract, settle, validateRawRecords, type Issue, type RawRecords, type RecordsFormat, type Result, type Settlement, type SettleOptions } from '../../src/index.js';
import { detectFormat, readRecords } from '../../src/readers.js';
import { settleStream } from '../../src/streaming.js';
import { CONTRACT_ISSUE_CODES, RECORD_ISSUE_CODES, SETTLEMENT_ISSUE_CODES } from '../../src/codes/index.js';
import { run } from '../../src/cli/dispatch.js';
import { recordContext } from '../../src/settlement/record-context.js';
import { ACTING, fakeIo } from '../cli/helpers.js';
import { RECORDS_CORPUS, type Expected, type ManifestEntry } from './records-corpus.js';

const corpus = new URL('../corpus/records/', import.meta.url);
const filesDir = new URL('files/', corpus);
const manifestUrl = new URL('manifest.json', corpus);

/** The manifest as it is written: one entry per file, in the order built. */
function manifestText(): string {
  return `${JSON.stringify({ description: 'Hostile records files (issue #13), one fault each; built by test/reliability/records-corpus.ts, see docs/reliability.md', contract: 'examples/contracts/region-agency-convention.json', asOf: '2025-06-30', files: RECORDS_CORPUS.map((c) => c.entry) }, null, 1)}\n`;
}

if (process.env['UPDATE_CORPUS'] === '1') {
  rmSync(filesDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  for (const { entry, bytes } of RECORDS_CORPUS) writeFileSync(new URL(entry.file, filesDir), bytes);
  writeFileSync(manifestUrl, manifestText());
}

const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { contract: string; asOf: string; files: ManifestEntry[] };
const contract: unknown = JSON.parse(readFileSync(new URL(`../../${manifest.contract}`, import.meta.url), 'utf8'));
const parsedContract = parseContract(contract);
if (!parsedContract.ok) throw new Error('the corpus contract does not parse');
/** What records are checked against: the contract's cohorts (with their enrolment windows) and groups. */
const context = recordContext(parsedContract.value);
/** The default options: no more than 5 % of the records excluded, no empty input. */
const defaults: SettleOptions = { asOf: manifest.asOf };
/**
 * The options an excluded record is settled with: any number excluded, as one record is 11 % of
 * the sample (the limit itself is the excluded-limit family's), or the defaults for a file at the
 * limit.
 */
function optionsFor(entry: ManifestEntry): SettleOptions {
  return entry.maxExcluded === 'default' ? defaults : { ...defaults, maxExcluded: '100%' };
}
const KNOWN_CODES = new Set([...Object.keys(RECORD_ISSUE_CODES), ...Object.keys(SETTLEMENT_ISSUE_CODES), ...Object.keys(CONTRACT_ISSUE_CODES)]);

/** Each issue cut to the keys the expectation names. */
function seen(issues: readonly Issue[], expected: Expected): object[] {
  return issues.map((issue) => {
    const cut: Record<string, unknown> = { code: issue.code, path: issue.path };
    if (expected.line !== undefined) cut['line'] = issue.line;
    if (expected.recordIndex !== undefined) cut['recordIndex'] = issue.recordIndex;
    return cut;
  });
}

function coded(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(KNOWN_CODES, issue.code).toContain(issue.code);
    expect(issue.message.length).toBeGreaterThan(10);
  }
}

/** The file's lines with their line ends (CRLF, LF, lone CR), lines `drop` (1-based) removed. */
function withoutLines(bytes: Uint8Array, drop: readonly number[]): Uint8Array {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  return new TextEncoder().encode(lines.filter((_, k) => !drop.includes(k + 1)).join(''));
}

function chunks(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* pieces() {
    for (let at = 0; at < bytes.length; at += size) yield await Promise.resolve(bytes.subarray(at, at + size));
  };
}

async function* rawRecords(records: readonly unknown[]): AsyncGenerator {
  for (const record of records) yield await Promise.resolve(record);
}

function settled(result: Result<Settlement>): Settlement {
  if (!result.ok) throw new Error(`not settled: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.value;
}

/** What money the settlement moves, and to whom. */
function amounts(settlement: Settlement): unknown {
  return { totals: settlement.totals, payers: settlement.payers, tranches: settlement.tranches, unscheduled: settlement.unscheduled, exits: settlement.exits };
}

/** A settlement as JSON without the issues' lines and messages (raw records carry no lines; messages name them). */
function lineless(settlement: Settlement): unknown {
  return JSON.parse(JSON.stringify(settlement, (key, value: unknown) => (key === 'line' || key === 'message' ? undefined : value)));
}

/**
 * The settlements of the files without their fault, by format, options and bytes. Most files,
 * their fault removed, are byte for byte the same file (the sample without P008 in one of the
 * three formats: the 263 excluded files give 23 distinct files), and `settle` is a function
 * of its inputs: each distinct file is read and settled once, and every file's settlement is
 * compared with it as before.
 */
const cleanSettlements = new Map<string, Settlement>();

function cleanSettlement(bytes: Uint8Array, format: RecordsFormat, options: SettleOptions): Settlement {
  const key = `${format}\u0000${JSON.stringify(options)}\u0000${Buffer.from(bytes).toString('base64')}`;
  const known = cleanSettlements.get(key);
  if (known !== undefined) return known;
  const cleanRead = readRecords(bytes, format);
  if (!cleanRead.ok) throw new Error(`the file without the fault does not read: ${JSON.stringify(cleanRead.issues)}`);
  const clean = settled(settle(contract, cleanRead.value, options));
  cleanSettlements.set(key, clean);
  return clean;
}

/**
 * The streamed settlements of a file: its bytes in one chunk and in chunks of 7 (larger for big
 * files), or in chunks of 7 only (`smallOnly`: for strict mode, whose refusal does not depend on
 * the chunks; the two chunkings are compared in lenient mode, where they settle).
 */
async function streamed(format: RecordsFormat, bytes: Uint8Array, read: RawRecords | undefined, options: SettleOptions, smallOnly = false): Promise<Result<Settlement>[]> {
  if (format === 'json') return read === undefined ? [] : [await settleStream(contract, () => rawRecords(read.records), options)];
  const small = bytes.length < 100_000 ? 7 : 65_521;
  const inSmall = await settleStream(contract, { format, chunks: chunks(bytes, small) }, options);
  return smallOnly ? [inSmall] : [await settleStream(contract, { format, chunks: chunks(bytes, bytes.length) }, options), inSmall];
}

async function check(entry: ManifestEntry): Promise<void> {
  const format = detectFormat(entry.file);
  if (format === undefined) throw new Error(`no format for ${entry.file}`);
  const bytes = new Uint8Array(readFileSync(new URL(entry.file, filesDir)));
  const expected = entry.expect;
  const read = readRecords(bytes, format);
  coded(read.issues ?? (read.ok ? read.value.issues : []));

  if (entry.outcome === 'refused') {
    expect(read.ok, 'the reader refuses the file').toBe(false);
    const issues = read.issues ?? [];
    expect(seen(issues, expected)).toContainEqual(expected);
    for (const mode of ['lenient', 'strict'] as const) {
      for (const result of await streamed(format, bytes, undefined, { ...defaults, records: mode })) {
        expect(result.ok, 'the stream settles nothing').toBe(false);
        coded(result.issues ?? []);
        expect(result.issues, 'the stream reports what the whole file reports').toEqual(issues);
      }
    }
    return;
  }

  if (!read.ok) throw new Error(`the reader refused the file: ${JSON.stringify(read.issues)}`);
  if (entry.outcome === 'not-settled') {
    await checkNotSettled(entry, format, bytes, read.value);
    return;
  }
  const options = optionsFor(entry);
  const lenient = validateRawRecords(read.value, context, { mode: 'lenient' });
  expect(seen(lenient.issues, expected)).toContainEqual(expected);
  for (const issue of lenient.issues) expect(issue.action).toBe('excluded');
  const strict = validateRawRecords(read.value, context, { mode: 'strict' });
  expect(strict.ok).toBe(false);
  expect(seen(strict.issues, expected)).toContainEqual(expected);
  coded([...lenient.issues, ...strict.issues]);

  const whole = settled(settle(contract, read.value, options));
  expect(seen(whole.dataQuality.issues, expected)).toContainEqual(expected);
  expect(whole.dataQuality.recordsExcluded).toBeGreaterThan(0);

  // the same file without the hostile record(s): no issue at all, the same amounts
  const clean = cleanSettlement(withoutLines(bytes, entry.without ?? []), format, options);
  expect(clean.dataQuality.issues, 'the file without the hostile record has no fault left').toEqual([]);
  expect(amounts(whole)).toEqual(amounts(clean));
  expect(whole.dataQuality.recordsSettled).toBe(clean.dataQuality.recordsSettled);
  expect(whole.dataQuality.recordsExcluded).toBe(whole.dataQuality.recordsRead - clean.dataQuality.recordsRead);

  const refused = settle(contract, read.value, { ...options, records: 'strict' });
  expect(refused.ok).toBe(false);
  expect(seen(refused.issues ?? [], expected)).toContainEqual(expected);

  for (const result of await streamed(format, bytes, read.value, options)) {
    const stream = settled(result);
    if (format === 'json') expect(lineless(stream)).toEqual(lineless(whole));
    else expect(JSON.stringify(stream)).toBe(JSON.stringify(whole));
  }
  for (const result of await streamed(format, bytes, read.value, { ...options, records: 'strict' }, true)) {
    expect(result.ok).toBe(false);
    const pathOnly = { code: expected.code, path: expected.path };
    expect((result.issues ?? []).map((issue) => ({ code: issue.code, path: issue.path }))).toContainEqual(pathOnly);
  }
}

/**
 * The file through the command line, in process: `validate --records` reports the expected code
 * (for a file the reader refuses or a record it excludes) and `settle` exits with the status its
 * outcome calls for: 1 refused or not settled, 3 settled with the record excluded (with
 * `--max-excluded 100%` but for the files at the default limit), 0 or 3 with the option that
 * settles a not-settled file; nothing printed for a person holds a control character raw.
 */
async function checkCommandLine(entry: ManifestEntry): Promise<void> {
  const files = { 'contract.json': JSON.stringify(contract), [entry.file]: new Uint8Array(readFileSync(new URL(entry.file, filesDir))) };
  const settleArgs = ['settle', '--contract', 'contract.json', '--records', entry.file, '--as-of', manifest.asOf];
  if (entry.outcome !== 'not-settled') {
    const validate = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', entry.file], validate)).toBe(1);
    expect(validate.stdoutText() + validate.stderrText()).toContain(entry.expect.code);
    expect(validate.stdoutText() + validate.stderrText()).not.toMatch(ACTING);
  }
  const io = fakeIo(files);
  if (entry.outcome === 'refused') expect(await run(settleArgs, io)).toBe(1);
  else if (entry.outcome === 'excluded') {
    expect(await run(entry.maxExcluded === 'default' ? settleArgs : [...settleArgs, '--max-excluded', '100%'], io)).toBe(3);
    expect((JSON.parse(io.stdoutText()) as Settlement).dataQuality.issues.map((issue) => issue.code)).toContain(entry.expect.code);
  } else {
    expect(await run(settleArgs, io)).toBe(1);
    expect(io.stderrText()).toContain(entry.expect.code);
    const allowed = fakeIo(files);
    const allow = entry.allowedBy !== undefined && 'allowEmpty' in entry.allowedBy ? ['--allow-empty'] : ['--max-excluded', entry.allowedBy?.maxExcluded ?? ''];
    expect(await run([...settleArgs, ...allow], allowed)).toBe(allow[0] === '--allow-empty' ? 0 : 3);
    expect(allowed.stderrText()).not.toMatch(ACTING);
  }
  expect(io.stderrText()).not.toMatch(ACTING);
}

/** The code and path of each issue (streamed raw JSON records carry no lines). */
function codesAndPaths(issues: readonly Issue[]): object[] {
  return issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

/**
 * A file whose records as a whole the settlement refuses with the default options (none at all,
 * or too many excluded), whole and streamed, in both modes; the option named by `allowedBy` lets
 * it settle, whole and streamed alike.
 */
async function checkNotSettled(entry: ManifestEntry, format: RecordsFormat, bytes: Uint8Array, read: RawRecords): Promise<void> {
  const expected = entry.expect;
  const whole = settle(contract, read, defaults);
  expect(whole.ok, 'the default options settle nothing').toBe(false);
  expect(seen(whole.issues ?? [], expected)).toContainEqual(expected);
  coded(whole.issues ?? []);
  expect(settle(contract, read, { ...defaults, records: 'strict' }).ok).toBe(false);
  for (const result of await streamed(format, bytes, read, defaults)) {
    expect(result.ok, 'the stream settles nothing').toBe(false);
    expect(codesAndPaths(result.issues ?? [])).toEqual(codesAndPaths(whole.issues ?? []));
  }
  for (const result of await streamed(format, bytes, read, { ...defaults, records: 'strict' }, true)) expect(result.ok).toBe(false);

  if (entry.allowedBy === undefined) throw new Error(`${entry.file}: no allowedBy`);
  const options = { ...defaults, ...('allowEmpty' in entry.allowedBy ? { allowEmpty: true } : { maxExcluded: entry.allowedBy.maxExcluded }) };
  const allowed = settled(settle(contract, read, options));
  if ('allowEmpty' in entry.allowedBy) {
    expect(allowed.dataQuality).toMatchObject({ recordsRead: 0, recordsSettled: 0, recordsExcluded: 0, issues: [] });
    expect(allowed.totals.earned).toBe('0.00');
  } else {
    // every record read is either settled or excluded and reported
    expect(allowed.dataQuality.recordsExcluded).toBe(entry.allowedBy.recordsExcluded);
    expect(allowed.dataQuality.recordsSettled + allowed.dataQuality.recordsExcluded).toBe(allowed.dataQuality.recordsRead);
    expect(allowed.dataQuality.issues.length).toBeGreaterThanOrEqual(allowed.dataQuality.recordsExcluded);
    coded(allowed.dataQuality.issues);
  }
  for (const result of await streamed(format, bytes, read, options)) {
    const stream = settled(result);
    if (format === 'json') expect(lineless(stream)).toEqual(lineless(allowed));
    else expect(JSON.stringify(stream)).toBe(JSON.stringify(allowed));
  }
}

describe('the hostile records corpus (issue #13)', () => {
  it('holds at least 130 files, each in the manifest once, and the files are what records-corpus.ts builds', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(130);
    const names = manifest.files.map((entry) => entry.file);
    expect(new Set(names).size).toBe(names.length);
    expect(readdirSync(filesDir).sort()).toEqual([...names].sort());
    expect(readFileSync(manifestUrl, 'utf8'), 'run UPDATE_CORPUS=1 npx vitest run test/reliability/records-corpus.test.ts').toBe(manifestText());
    for (const { entry, bytes } of RECORDS_CORPUS) {
      expect(Buffer.compare(readFileSync(new URL(entry.file, filesDir)), bytes), entry.file).toBe(0);
    }
  });

  it('docs/reliability.md lists every family', () => {
    const doc = readFileSync(new URL('../../docs/reliability.md', import.meta.url), 'utf8');
    for (const family of new Set(manifest.files.map((entry) => entry.family))) expect(doc).toContain(`| \`${family}\` |`);
  });

  it('every expected code is a documented records code, or a settlement code for the records as a whole', () => {
    for (const entry of manifest.files) {
      expect(Object.keys(entry.outcome === 'not-settled' ? SETTLEMENT_ISSUE_CODES : RECORD_ISSUE_CODES)).toContain(entry.expect.code);
    }
  });

  for (const entry of manifest.files) {
    it(`${entry.file}: ${entry.fault} → ${entry.expect.code} (${entry.outcome})`, async () => {
      await check(entry);
    });
  }

  it.each(manifest.files.map((entry) => [entry.file, entry] as const))('%s: the command line', async (_, entry) => {
    await checkCommandLine(entry);
  });
});
