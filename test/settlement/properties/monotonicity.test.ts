/**
 * Monotonicity: one more achieved outcome never lowers what is earned. Here the extra outcome
 * comes from one more employment spell for a participant (which can place a participant who was
 * not placed, and never undoes a placement or a retention: employment only grows).
 *
 * The property can fail under contract terms that can lower the total when an outcome is
 * added, so the generator (`monotone: true`) leaves them out:
 * - per-participant caps with a claim order (a new earlier claim takes the cap from a larger one
 *   when partial payment is off);
 * - exit clauses (a higher rate can stop an `outcomeRateBelow` firing, changing what is paid on
 *   exit; a cap reached sooner can fire `capReached`);
 * - outcome volume caps with different prices (a new cheap claim dated earlier takes a unit
 *   from a dearer one);
 * - cohort rates and bonuses evaluated with the ratchet (one more placed participant who fails
 *   retention lowers a retention rate; a share bonus falls when others achieve);
 * - money caps without partial payment, or two money caps covering overlapping sets of lines
 *   (outcome and cohort, say): budget moves between lines and one of them is cut harder;
 * - payer caps (largest-remainder splits are not monotone per payer: the Alabama paradox).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays, formatDate, parseDate, type CalendarDate } from '../../../src/index.js';
import { scenarioArbitrary, type Scenario, type WireRecord } from '../arbitraries.js';
import { RUNS, settleOk, toCents } from './helpers.js';

// Property runs are CPU-bound; leave room for slow CI machines and parallel files.
vi.setConfig({ testTimeout: 30_000 });

/** The record with one more open spell after its last (closed) spell; undefined if its last spell is open. */
function withExtraSpell(record: WireRecord, offset: number): WireRecord | undefined {
  const spells = record.spells ?? [];
  if (spells.some((s) => s.end === undefined)) return undefined;
  const after = Math.max(parseDate(record.enrolledOn), ...spells.map((s) => parseDate(s.end ?? s.start) + 2));
  const start = formatDate(addDays(after as CalendarDate, offset));
  return { ...record, spells: [...spells, { start, hoursPerWeek: 35, contractType: 'permanent' }] };
}

describe('settlement monotonicity', () => {
  it('one more employment spell never lowers total earned (contracts without the terms that can)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ monotone: true }), fc.nat(), fc.integer({ min: 0, max: 90 }), (scenario: Scenario, which, offset) => {
        if (scenario.records.length === 0) return;
        const index = which % scenario.records.length;
        const record = scenario.records[index] as WireRecord;
        const extended = withExtraSpell(record, offset);
        if (extended === undefined) return;
        const records = scenario.records.map((r, i) => (i === index ? extended : r));
        const before = settleOk(scenario);
        const after = settleOk({ ...scenario, records });
        expect(toCents(after.totals.earned) >= toCents(before.totals.earned), `${before.totals.earned} → ${after.totals.earned}`).toBe(true);
        for (const tally of before.tallies) {
          const next = after.tallies.find((t) => t.cohort === tally.cohort && t.group === tally.group && t.outcome === tally.outcome);
          expect(next?.achieved ?? 0).toBeGreaterThanOrEqual(tally.achieved);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
