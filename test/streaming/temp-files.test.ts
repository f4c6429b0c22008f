import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { settleStream, type StreamStorage } from '../../src/streaming.js';
import { openTempFileStore, tempFileStorage } from '../../src/node/index.js';
import { chunks, contract, fromArray, manyInvalid, messy, messyNdjson, options, sample } from './fixtures.js';

let parent = '';
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'outcome-pay-spill-test-'));
});
afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

describe('settleStream with temporary files (outcome-pay/node)', () => {
  it('onIssue with issue blocks on temporary files: the issues settle lists, in order; nothing left behind', async () => {
    const expected = settle(contract, manyInvalid, options);
    if (!expected.ok) throw new Error('the records settle in lenient mode');
    const delivered: unknown[] = [];
    const storage = tempFileStorage({ dir: parent, bufferIds: 4, issueBlockBytes: 64 });
    const streamed = await settleStream(contract, () => fromArray(manyInvalid), options, { storage, onIssue: (issue) => delivered.push(issue) });
    expect(delivered).toEqual(expected.value.dataQuality.issues);
    expect(delivered).toHaveLength(20);
    expect(streamed.ok ? streamed.value.fingerprint : undefined).toEqual(expected.value.fingerprint);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('tiny buffers (ids, issue blocks): byte-identical to settle, duplicates included, files written and all removed', async () => {
    for (const records of ['lenient', 'strict'] as const) {
      for (const [bufferIds, issueBlockBytes] of [[1, undefined], [3, 1], [1000, 1]] as const) {
        const settleOptions = { ...options, records, detail: 'participants' } as const;
        let written = 0;
        const files = tempFileStorage({ dir: parent, bufferIds, ...(issueBlockBytes === undefined ? {} : { issueBlockBytes }) });
        expect(files.issueBlockBytes).toBe(issueBlockBytes);
        const storage: StreamStorage = {
          ...files,
          openSpill: () => {
            const store = files.openSpill();
            return { ...store, writeRun: (bytes) => (written++, store.writeRun(bytes)) };
          },
        };
        const streamed = await settleStream(contract, () => fromArray(messy), settleOptions, storage);
        expect(JSON.stringify(streamed)).toBe(JSON.stringify(settle(contract, messy, settleOptions)));
        const fromFile = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(messyNdjson) }, settleOptions, storage);
        expect(JSON.stringify(fromFile)).toBe(JSON.stringify(await settleStream(contract, { format: 'ndjson', chunks: () => chunks(messyNdjson) }, settleOptions)));
        expect(written).toBeGreaterThan(2);
        expect(readdirSync(parent)).toEqual([]);
      }
    }
  });

  it('a directory that cannot be written gives STREAM_SPILL_FAILED naming it', async () => {
    const missing = join(parent, 'no', 'such', 'dir');
    const result = await settleStream(contract, () => fromArray(messy), options, tempFileStorage({ dir: missing, bufferIds: 2 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.code).toBe('STREAM_SPILL_FAILED');
    expect(result.issues[0]?.message).toContain(`cannot create a temporary directory in ${missing}`);
  });

  it('removes its files when the settlement fails: a cut file, a source that throws, a failing read', async () => {
    const storage = tempFileStorage({ dir: parent, bufferIds: 2 });
    const cut = await settleStream(contract, { format: 'ndjson', chunks: () => chunks(`${messyNdjson}{"id":"P0`) }, options, storage);
    expect(cut.ok ? undefined : cut.issues[0]?.code).toBe('NDJSON_TRUNCATED');
    expect(readdirSync(parent)).toEqual([]);

    async function* breaking(): AsyncGenerator {
      yield* fromArray(sample);
      throw new Error('the database went away');
    }
    await expect(settleStream(contract, breaking, options, storage)).rejects.toThrow('the database went away');
    expect(readdirSync(parent)).toEqual([]);

    let written = 0;
    const failingRead: StreamStorage = {
      bufferIds: 2,
      openSpill: () => {
        const files = openTempFileStore({ dir: parent });
        return {
          writeRun: (bytes) => (written++, files.writeRun(bytes)),
          readRun: () => Promise.reject(new Error('EIO: i/o error')),
          dispose: () => files.dispose(),
        };
      },
    };
    const failed = await settleStream(contract, () => fromArray(messy), options, failingRead);
    expect(failed.ok ? undefined : failed.issues[0]?.code).toBe('STREAM_SPILL_FAILED');
    expect(written).toBeGreaterThan(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('openTempFileStore', () => {
  it('writes runs to a directory of its own, reads them from any offset, and removes the directory', async () => {
    const store = openTempFileStore({ dir: parent });
    expect(readdirSync(parent)).toEqual([]); // nothing before the first run
    const first = await store.writeRun(new Uint8Array([1, 2, 3, 4, 5]));
    const second = await store.writeRun(new Uint8Array([9, 8]));
    const [directory] = readdirSync(parent);
    expect(directory).toMatch(/^outcome-pay-spill-/);
    expect(readdirSync(join(parent, directory ?? '')).sort()).toEqual(['run-0.bin', 'run-1.bin']);
    const into = new Uint8Array(4);
    expect(await store.readRun(first, 2, into)).toBe(3);
    expect([...into.subarray(0, 3)]).toEqual([3, 4, 5]);
    expect(await store.readRun(second, 0, into)).toBe(2);
    expect([...into.subarray(0, 2)]).toEqual([9, 8]);
    expect(await store.readRun(first, 5, into)).toBe(0);
    await store.dispose();
    expect(readdirSync(parent)).toEqual([]);
    await store.dispose(); // twice is harmless
  });

  it('names the file when a run cannot be read', async () => {
    const store = openTempFileStore({ dir: parent });
    await store.writeRun(new Uint8Array([1]));
    const [spill] = readdirSync(parent).filter((name) => name.startsWith('outcome-pay-spill-'));
    rmSync(join(parent, spill ?? '', 'run-0.bin'));
    await expect(store.readRun(0, 0, new Uint8Array(1))).rejects.toThrow(/cannot read .*run-0\.bin at byte 0: ENOENT/);
    await store.dispose();
  });

  it('refuses a run that was never written, and arguments of the wrong type, with ARGUMENT_INVALID', async () => {
    const store = openTempFileStore({ dir: parent });
    await store.writeRun(new Uint8Array([1]));
    await expect(store.readRun(7, 0, new Uint8Array(1))).rejects.toMatchObject({ code: 'ARGUMENT_INVALID', message: 'store.readRun: run must be the number of a run written (0 to 0), not the number 7' });
    await expect(store.readRun(0, -1, new Uint8Array(1))).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    await expect(store.writeRun('text' as never)).rejects.toMatchObject({ code: 'ARGUMENT_INVALID' });
    expect(() => openTempFileStore({ dir: 42 } as never)).toThrow('openTempFileStore: options.dir must be a string, not the number 42');
    await store.dispose();
  });
});
