import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/errors.js';
import { issuePath, makeIssue, recordPlace } from '../../src/records/validate-one.js';
import { RECORD_ISSUE_CODES, type RecordIssueAction, type RecordIssueCode } from '../../src/records/index.js';
import { SpillFailure } from '../../src/streaming/spill-failure.js';
import type { SpillStore } from '../../src/streaming/spill-store.js';
import { createIssueLog, type IssueLog } from '../../src/streaming/issue-log.js';
import { memoryStore, type MemoryStore } from './memory-spill-store.js';
import { runs } from '../runs.js';

/** Any UTF-16 code unit: lone surrogates, line breaks, quotes, backslashes, non-Latin-1 text. */
const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength });
const code = fc.constantFrom(...(Object.keys(RECORD_ISSUE_CODES) as RecordIssueCode[]));
const segment: fc.Arbitrary<PathSegment> = fc.oneof(fc.nat({ max: 40 }), fc.constantFrom('groups', 'spells', 'end'), anyText(8));
const reported = fc.record({ code, path: fc.array(segment, { maxLength: 4 }), message: fc.oneof(anyText(120), fc.constant('plain message')) });
const record = fc.record({
  id: fc.option(fc.oneof(fc.constantFrom('P1', 'P00000154'), anyText(40).filter((id) => id !== '')), { nil: undefined }),
  line: fc.option(fc.nat({ max: 1_000_000 }), { nil: undefined }),
  issues: fc.array(reported, { minLength: 1, maxLength: 3 }),
});

/** How a log keeps its blocks: in memory, or in a memory spill store with blocks of `blockBytes`. */
const keeping = fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined });

function logKeeping(action: RecordIssueAction, blockBytes: number | undefined): { log: IssueLog; stores: MemoryStore[] } {
  const stores: MemoryStore[] = [];
  const open = (): MemoryStore => {
    const store = memoryStore();
    stores.push(store);
    return store;
  };
  return { log: blockBytes === undefined ? createIssueLog(action) : createIssueLog(action, open, blockBytes), stores };
}

describe('createIssueLog', () => {
  it('gives back exactly the issues makeIssue builds from what was reported, in order, in memory or spilled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 30 }), fc.constantFrom('excluded', 'rejected' as const), keeping, async (records, action, blockBytes) => {
        const { log, stores } = logKeeping(action, blockBytes);
        const expected = [];
        let index = 0;
        for (const { id, line, issues } of records) {
          index += 1 + (line ?? 0) % 3; // increasing record indexes, with gaps
          const place = recordPlace(index, id, line);
          for (const issue of issues) {
            log.sink(place, issue.code, issue.path, issue.message);
            expected.push(makeIssue(issue.code, issuePath(index, issue.path), issue.message, place, action));
          }
          if (log.mustFlush) await log.flush();
          expect(log.mustFlush).toBe(false);
        }
        const issues = await log.issues();
        expect(issues).toEqual(expected);
        expect(JSON.stringify(issues)).toBe(JSON.stringify(expected));
        expect(issues.map((issue) => Object.keys(issue))).toEqual(expected.map((issue) => Object.keys(issue)));
        expect(stores.length).toBeLessThanOrEqual(1); // a store is opened once, if at all
        if (blockBytes !== undefined && blockBytes < 30 && records.length > 2) expect(stores[0]?.log.writes).toBeGreaterThan(0);
      }),
      { numRuns: runs(300) },
    );
  });

  it('keeps many records and messages longer than a block', async () => {
    for (const blockBytes of [undefined, 1000]) {
      const { log, stores } = logKeeping('excluded', blockBytes);
      const long = `é${'x'.repeat(70_000)}\ud800`;
      const expected = [];
      for (let index = 0; index < 3000; index++) {
        const place = recordPlace(index, `P${index}`, index + 2);
        const message = index % 1000 === 7 ? long : `field ${index} is wrong`;
        log.sink(place, 'FIELD_TYPE', ['field'], message);
        expected.push(makeIssue('FIELD_TYPE', [index, 'field'], message, place, 'excluded'));
        if (log.mustFlush) await log.flush();
      }
      expect(await log.issues()).toEqual(expected);
      expect(await log.issues()).toEqual([]); // the log is emptied
      if (blockBytes !== undefined) expect(stores[0]?.runs.some((run) => run.length > 70_000)).toBe(true); // a long line is a block of its own
    }
  });

  it('each visits the issues issues() would give, in order, once', async () => {
    const build = (): IssueLog => {
      const log = createIssueLog('excluded');
      for (let index = 0; index < 2000; index++) {
        const place = recordPlace(index * 2, `P${index}`, index + 2);
        log.sink(place, 'FIELD_TYPE', ['field'], `field ${'x'.repeat(index % 90)} is wrong`);
        if (index % 3 === 0) log.sink(place, 'DATE_FORMAT', ['on'], 'not a date');
      }
      return log;
    };
    const visited: unknown[] = [];
    const log = build();
    await log.each((issue) => visited.push(issue));
    expect(visited).toHaveLength(2000 + 667);
    expect(visited).toEqual(await build().issues());
    await log.each(() => {
      throw new Error('the log was emptied');
    });
  });

  it('a spill store that fails throws a SpillFailure about the data-quality issues, naming the block', async () => {
    const failing = (overrides: Partial<SpillStore>) => (): SpillStore => ({ ...memoryStore(), ...overrides });
    const cases: [() => SpillStore, string][] = [
      [failing({ writeRun: () => Promise.reject(new Error('ENOSPC')) }), 'writing issue block 0 ('],
      [failing({ readRun: () => Promise.reject(new Error('EIO')) }), 'reading issue block 0 ('],
      [failing({ readRun: () => Promise.resolve(3) }), 'reading issue block 0 ('],
      [() => { throw new Error('no storage'); }, 'opening the spill store'],
    ];
    for (const [open, operation] of cases) {
      const log = createIssueLog('excluded', open, 10);
      const run = async (): Promise<void> => {
        for (let index = 0; index < 3; index++) {
          log.sink(recordPlace(index, `P${index}`, undefined), 'FIELD_TYPE', ['field'], 'wrong');
          if (log.mustFlush) await log.flush();
        }
        await log.issues();
      };
      const failure = await run().then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(SpillFailure);
      expect((failure as SpillFailure).subject).toBe('data-quality issues');
      expect((failure as SpillFailure).operation).toContain(operation);
    }
  });
});
