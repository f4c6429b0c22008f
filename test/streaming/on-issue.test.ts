import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutcomePayError, settle, type Issue } from '../../src/index.js';
import { settleStream, type StreamStorage } from '../../src/streaming.js';
import { memoryStorage } from './memory-spill-store.js';
import { asDelivered, chunks, contract, fromArray, manyInvalid, messy, messyNdjson, options } from './fixtures.js';

/** `messy` with an unreadable line (NDJSON_LINE_SYNTAX) after its second record. */
const lines = messyNdjson.split('\n');
const withBadLine = [...lines.slice(0, 2), '{"id": nope', ...lines.slice(2)].join('\n');

describe('settleStream with onIssue', () => {
  it('passes every issue settle lists, in its order; the settlement is the same but for the list, fingerprint included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(messy, { minLength: messy.length, maxLength: messy.length }),
        fc.constantFrom('totals', 'participants' as const),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        async (shuffled, detail, bufferIds) => {
          const expected = settle(contract, shuffled, { ...options, detail });
          if (!expected.ok) throw new Error('the messy records settle in lenient mode');
          const delivered: Issue[] = [];
          const storage = bufferIds === undefined ? undefined : memoryStorage(bufferIds);
          const streamed = await settleStream(contract, () => fromArray(shuffled), { ...options, detail }, { ...(storage === undefined ? {} : { storage }), onIssue: (issue) => delivered.push(issue) });
          expect(delivered).toEqual(expected.value.dataQuality.issues);
          expect(JSON.stringify(delivered)).toBe(JSON.stringify(expected.value.dataQuality.issues));
          expect(JSON.stringify(streamed)).toBe(JSON.stringify({ ok: true, value: asDelivered(expected.value) }));
          expect(delivered.length).toBeGreaterThan(0); // messy has invalid and duplicated records
        },
      ),
      { numRuns: 40 },
    );
  });

  it('from a file: the reader issues first, then the records issues, as the listed settlement has them', async () => {
    const source = { format: 'ndjson' as const, chunks: () => chunks(withBadLine) };
    const listed = await settleStream(contract, source, options);
    const delivered: Issue[] = [];
    const streamed = await settleStream(contract, source, options, { storage: memoryStorage(3), onIssue: (issue) => delivered.push(issue) });
    if (!listed.ok || !streamed.ok) throw new Error('both settle');
    expect(delivered).toEqual(listed.value.dataQuality.issues);
    expect(delivered[0]?.code).toBe('NDJSON_LINE_SYNTAX');
    expect(delivered.map((issue) => issue.code)).toContain('DUPLICATE_ID');
    expect(streamed.value).toEqual(asDelivered(listed.value));
    expect(streamed.value.fingerprint).toEqual(listed.value.fingerprint);
  });

  it('no issue, nothing delivered: issuesDelivered is 0 and the figures are the listed ones', async () => {
    const clean = messy.slice(0, 8);
    const expected = settle(contract, clean, options);
    let calls = 0;
    const streamed = await settleStream(contract, () => fromArray(clean), options, { onIssue: () => calls++ });
    if (!expected.ok || !streamed.ok) throw new Error('both settle');
    expect(expected.value.dataQuality.issues).toEqual([]);
    expect(calls).toBe(0);
    expect(streamed.value).toEqual(asDelivered(expected.value));
    expect(streamed.value.dataQuality.issuesDelivered).toBe(0);
  });

  it('strict mode: the problems refuse the settlement and are listed, onIssue is not called', async () => {
    let calls = 0;
    const strict = { ...options, records: 'strict' as const };
    const streamed = await settleStream(contract, () => fromArray(messy), strict, { onIssue: () => calls++ });
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(settle(contract, messy, strict)));
    expect(streamed.ok).toBe(false);
    expect(calls).toBe(0);
  });

  it('a settlement that fails after the read (a missing indicator) delivers nothing', async () => {
    const dir = 'examples/ppp-impact';
    const ppp: unknown = JSON.parse(readFileSync(`${dir}/contract.json`, 'utf8'));
    const text = readFileSync(`${dir}/records.ndjson`, 'utf8');
    const asOf = { asOf: '2025-06-30', maxExcluded: '100%' };
    const listed = await settleStream(ppp, { format: 'ndjson', chunks: () => chunks(text) }, asOf);
    expect(listed.ok ? undefined : listed.issues.map((issue) => issue.code)).toContain('INDICATOR_MISSING');
    let calls = 0;
    const streamed = await settleStream(ppp, { format: 'ndjson', chunks: () => chunks(text) }, asOf, { onIssue: () => calls++ });
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(listed));
    expect(calls).toBe(0);
  });

  it('an exception from onIssue rejects settleStream with it, every store disposed of once', async () => {
    for (const issueBlockBytes of [undefined, 1]) {
      const storage = { ...memoryStorage(2), ...(issueBlockBytes === undefined ? {} : { issueBlockBytes }) };
      let calls = 0;
      const failing = (): void => {
        if (++calls === 2) throw new Error('the issue table is full');
      };
      await expect(settleStream(contract, () => fromArray(manyInvalid), options, { storage, onIssue: failing })).rejects.toThrow('the issue table is full');
      // the ids' store (disposed of before delivery); with blocks of one byte also the issue
      // store, being read back when onIssue throws
      expect(storage.stores.map((store) => store.log.disposed)).toEqual(issueBlockBytes === undefined ? [1] : [1, 1]);
    }
  });

  it('strict mode without problems: issuesDelivered 0, as lenient', async () => {
    const clean = messy.slice(0, 8);
    const strict = { ...options, records: 'strict' as const };
    const expected = settle(contract, clean, strict);
    const streamed = await settleStream(contract, () => fromArray(clean), strict, { onIssue: () => undefined });
    if (!expected.ok || !streamed.ok) throw new Error('both settle');
    expect(streamed.value).toEqual(asDelivered(expected.value));
  });

  it('a StreamStorage alone is still the storage; bad settings throw STREAM_SETTINGS naming the setting', async () => {
    const storage = memoryStorage(2);
    const alone = await settleStream(contract, () => fromArray(messy), options, storage);
    expect(JSON.stringify(alone)).toBe(JSON.stringify(settle(contract, messy, options)));
    expect(storage.stores.length).toBeGreaterThan(0);
    const cases: [unknown, string, readonly string[]][] = [
      [{ ...storage, onIssue: () => undefined }, 'a StreamStorage (an object with openSpill) was given with "onIssue": pass { storage, onIssue } instead', ['onIssue']],
      [{ openSpill: 42 }, 'storage must be a StreamStorage: an object with an openSpill function', ['openSpill']],
      [{ storage: { openSpill: 'tmp' } }, 'storage must be a StreamStorage: an object with an openSpill function', ['storage']],
      [null, 'must be an object ({ storage?, onIssue? }) or a StreamStorage, not null', []],
      ['tmp', 'not string', []],
      [{ onIssue: 'log' }, 'onIssue must be a function, not string', ['onIssue']],
      [{ storage: {} }, 'storage must be a StreamStorage', ['storage']],
      [{ onIssues: () => undefined }, 'unknown stream setting "onIssues"; known: storage, onIssue', ['onIssues']],
    ];
    for (const [settings, message, path] of cases) {
      const run = settleStream(contract, () => fromArray(messy), options, settings as StreamStorage);
      await expect(run).rejects.toThrow(OutcomePayError);
      await expect(run).rejects.toMatchObject({ code: 'STREAM_SETTINGS', path });
      await expect(run).rejects.toThrow(message);
    }
  });

  it('an onIssue that returns a promise: each issue waits for the one before, in order; a rejection rejects settleStream', async () => {
    for (const [records, issueBlockBytes] of [[messy, undefined], [messy, 1], [manyInvalid, 1]] as const) {
      const expected = settle(contract, records, options);
      if (!expected.ok) throw new Error('the records settle in lenient mode');
      const storage = { ...memoryStorage(3), ...(issueBlockBytes === undefined ? {} : { issueBlockBytes }) };
      const delivered: Issue[] = [];
      let inFlight = 0;
      let most = 0;
      const onIssue = async (issue: Issue): Promise<void> => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        delivered.push(issue);
        inFlight--;
      };
      const streamed = await settleStream(contract, () => fromArray(records), options, { storage, onIssue });
      expect(most).toBe(1); // never two at once
      expect(delivered).toEqual(expected.value.dataQuality.issues);
      expect(streamed).toEqual({ ok: true, value: asDelivered(expected.value) });

      const failing = { ...memoryStorage(3), ...(issueBlockBytes === undefined ? {} : { issueBlockBytes }) };
      let calls = 0;
      const rejecting = (): Promise<void> => (++calls === 2 ? Promise.reject(new Error('the database went away')) : Promise.resolve());
      await expect(settleStream(contract, () => fromArray(records), options, { storage: failing, onIssue: rejecting })).rejects.toThrow('the database went away');
      expect(calls).toBe(2); // nothing delivered after the rejection
      expect(failing.stores.map((store) => store.log.disposed)).toEqual(failing.stores.map(() => 1));
    }
  });
});
