import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/calendar/index.js';
import type { Outcome } from '../../src/contract/schema.js';
import { compileOutcomes, statusAt, type Resolution } from '../../src/outcomes/index.js';
import { resolveRecord } from '../../src/outcomes/resolve.js';
import { retentionEnd } from '../../src/outcomes/index.js';
import type { OutcomeRecord } from '../../src/records/schema.js';
import { datesFor, outcomesArb, recordArb, truncate } from './arbitraries.js';
import { refAddMonths, refMilestone, refPlacement, refRetention, type RefResolution } from './reference.js';

const RUNS = { numRuns: 400 };
/** Generous per-test limit: CI runs the suite once per time zone on shared machines. */
const LIMIT_MS = 60_000;

const scenario = fc
  .tuple(recordArb, outcomesArb)
  .chain(([record, outcomes]) => datesFor(record).map((dates) => ({ record, outcomes, ...dates })));

function resolve(record: OutcomeRecord, outcomes: readonly Outcome[], asOf: CalendarDate): readonly Resolution[] {
  return resolveRecord(record, compileOutcomes(outcomes), asOf);
}

describe('resolver properties', () => {
  it('(a) time-slicing: the status at m read from a later resolution equals resolving the record truncated to m at m', () => {
    fc.assert(
      fc.property(scenario, ({ record, outcomes, asOf, m }) => {
        const late = resolve(record, outcomes, asOf);
        const early = resolve(truncate(record, m), outcomes, m);
        outcomes.forEach((o, i) => {
          const lateR = late[i] as Resolution;
          const earlyR = early[i] as Resolution;
          expect(statusAt(lateR, m), o.id).toBe(statusAt(earlyR, m));
          // A decision known at m is the same decision, on the same day, later on.
          if (earlyR.status === 'achieved' || earlyR.status === 'failed') {
            expect({ status: lateR.status, on: lateR.on, anchor: lateR.anchor }, o.id).toEqual({
              status: earlyR.status,
              on: earlyR.on,
              anchor: earlyR.anchor,
            });
          }
        });
      }),
      RUNS,
    );
  }, LIMIT_MS);

  it('(b) monotonicity: a resolved outcome keeps its status and date when asOf grows', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 400 }), ({ record, outcomes, asOf }, more) => {
        const before = resolve(record, outcomes, asOf);
        const after = resolve(record, outcomes, addDays(asOf, more));
        before.forEach((r, i) => {
          if (r.status === 'achieved' || r.status === 'failed') expect(after[i]).toEqual(r);
          if (r.status === 'notApplicable') expect(after[i]?.status).toBe('notApplicable');
        });
      }),
      RUNS,
    );
  }, LIMIT_MS);

  it('(c) agrees with a day-by-day reference for placement, retention and milestone', () => {
    fc.assert(
      fc.property(scenario, ({ record, outcomes, asOf }) => {
        const got = resolve(record, outcomes, asOf);
        const placementDef = outcomes[0];
        if (placementDef?.kind !== 'placement') throw new Error('placement first');
        const refP = refPlacement(placementDef, record, asOf);
        const simple = (r: Resolution | undefined): RefResolution => {
          if (r === undefined || r.status === 'notApplicable') throw new Error('unexpected');
          return {
            status: r.status,
            ...(r.on === undefined ? {} : { on: r.on }),
            ...(r.anchor === undefined ? {} : { anchor: r.anchor }),
          };
        };
        expect(simple(got[0]), 'placement').toEqual(refP);
        outcomes.forEach((o, i) => {
          if (o.kind === 'retention') {
            const ref = refRetention(o, record, refP, asOf);
            // The reference gives no anchor to a retention that failed with its placement.
            expect(simple(got[i]), `${o.id} ${JSON.stringify(o.measure)}`).toEqual(ref);
          } else if (o.kind === 'milestone') {
            expect(simple(got[i]), o.id).toEqual(refMilestone(o, record, asOf));
          }
        });
      }),
      RUNS,
    );
  }, LIMIT_MS);

  it('the retention end uses the same month arithmetic as date-fns', () => {
    fc.assert(
      fc.property(recordArb, fc.integer({ min: 1, max: 24 }), (record, months) => {
        expect(retentionEnd(record.enrolledOn, months, 'inclusive')).toBe(refAddMonths(record.enrolledOn, months));
        expect(retentionEnd(record.enrolledOn, months, 'exclusive')).toBe(refAddMonths(record.enrolledOn, months) - 1);
      }),
      RUNS,
    );
  }, LIMIT_MS);
});
