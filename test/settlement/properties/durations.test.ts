/**
 * Durations in weeks (issue #16 item 5, docs/mechanics/weeks-and-days.md): a generated contract
 * whose retentions and wage progressions state weeks settles exactly as the same contract with
 * each `weeks: N` written `days: 7 × N`: the same tranches, lines, claims, participants and
 * amounts. A week is 7 days, and nothing else in the engine knows the unit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractInput } from '../../../src/contract/index.js';
import { runs } from '../../runs.js';
import { scenarioArbitrary } from '../arbitraries/index.js';
import { settleOk } from '../settle-helper.js';

type Outcome = ContractInput['outcomes'][number];

/** The outcome with `weeks: N` written as `days: 7 × N`; any other outcome as it is. */
function inDays(o: Outcome): Outcome {
  if ((o.kind !== 'retention' && o.kind !== 'wageProgression') || o.weeks === undefined) return o;
  const { weeks, ...rest } = o;
  return { ...rest, days: weeks * 7 };
}

const statesWeeks = (c: ContractInput): boolean => c.outcomes.some((o) => (o.kind === 'retention' || o.kind === 'wageProgression') && o.weeks !== undefined);

describe('durations in weeks', () => {
  it('a contract in weeks settles as the same contract in days (7 per week): same tranches, lines and totals', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        fc.pre(statesWeeks(scenario.contract));
        const days = { ...scenario, contract: { ...scenario.contract, outcomes: scenario.contract.outcomes.map(inDays) } };
        expect(statesWeeks(days.contract)).toBe(false);
        const a = settleOk(scenario, { detail: 'participants' });
        const b = settleOk(days, { detail: 'participants' });
        expect(b.tranches).toEqual(a.tranches);
        expect(b.totals).toEqual(a.totals);
        expect(b.participantCaps).toEqual(a.participantCaps);
      }),
      { numRuns: runs(40) },
    );
  }, 120_000);
});
