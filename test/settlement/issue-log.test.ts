import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../src/errors.js';
import { issuePath, makeIssue, recordPlace } from '../../src/records/check-one.js';
import { RECORD_ISSUE_CODES, type RecordIssueCode } from '../../src/records/index.js';
import { createIssueLog } from '../../src/settlement/issue-log.js';

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

describe('createIssueLog', () => {
  it('gives back exactly the issues makeIssue builds from what was reported, in order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.constantFrom('excluded', 'rejected' as const), (records, action) => {
        const log = createIssueLog(action);
        const expected = [];
        let index = 0;
        for (const { id, line, issues } of records) {
          index += 1 + (line ?? 0) % 3; // increasing record indexes, with gaps
          const place = recordPlace(index, id, line);
          for (const issue of issues) {
            log.sink(place, issue.code, issue.path, issue.message);
            expected.push(makeIssue(issue.code, issuePath(index, issue.path), issue.message, place, action));
          }
        }
        const issues = log.issues();
        expect(issues).toEqual(expected);
        expect(JSON.stringify(issues)).toBe(JSON.stringify(expected));
        expect(issues.map((issue) => Object.keys(issue))).toEqual(expected.map((issue) => Object.keys(issue)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps many records and messages longer than a block', () => {
    const log = createIssueLog('excluded');
    const long = `é${'x'.repeat(70_000)}\ud800`;
    const expected = [];
    for (let index = 0; index < 3000; index++) {
      const place = recordPlace(index, `P${index}`, index + 2);
      const message = index % 1000 === 7 ? long : `field ${index} is wrong`;
      log.sink(place, 'FIELD_TYPE', ['field'], message);
      expected.push(makeIssue('FIELD_TYPE', [index, 'field'], message, place, 'excluded'));
    }
    expect(log.issues()).toEqual(expected);
    expect(log.issues()).toEqual([]); // the log is emptied
  });

  it('each visits the issues issues() would give, in order, once', () => {
    const build = (): ReturnType<typeof createIssueLog> => {
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
    log.each((issue) => visited.push(issue));
    expect(visited).toHaveLength(2000 + 667);
    expect(visited).toEqual(build().issues());
    log.each(() => {
      throw new Error('the log was emptied');
    });
  });
});
