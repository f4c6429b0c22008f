/**
 * Minimum performance levels in the reference settlement, written from docs/contract.md and
 * docs/mechanics/minimum-performance.md without the engine: a review measures the share of the
 * level's participants (its cohorts, or all; enrolled by its enrolment date and by the date
 * measured) who achieved its outcome by that date; below the level, every settled tranche measured
 * after the review measures it again on its own measurement date: still below, a withhold takes
 * the paid amount of the listed rules' lines (in the listed tranches), a price reduction takes the
 * share off them (the rest rounded as the contract rounds); met, the consequence stops and a
 * withhold pays back everything it held, in that tranche, one line per rule, cohort and outcome.
 */
import type { ContractInput } from '../../../src/contract/index.js';
import { achievedOn, type RefParticipant } from './cohort.js';
import { refDay } from './dates.js';
import { D, roundMinor, type Dec } from './decimal.js';

type Level = NonNullable<ContractInput['minimumPerformance']>[number];

/** A line as the reference's tranche holds it (settle.ts). */
export interface LevelLine {
  /** Rule id, or null for a fixed payment on exit. */
  readonly rule: string | null;
  readonly outcome: string | null;
  readonly cohort: string | null;
  /** Claims and their unit, for a line of claims. */
  readonly claims: number | null;
  readonly unit: Dec | null;
  paid: Dec;
}

interface LevelState {
  readonly level: Level;
  reviewed: number;
  below: boolean;
  held: { rule: string | null; outcome: string | null; cohort: string | null; amount: Dec }[];
}

/** Whether the level is met on `day`: achieved ≥ level × participants (no participant: met). */
function met(level: Level, participants: readonly RefParticipant[], contract: ContractInput, day: number): boolean {
  const cohorts = level.cohorts ?? contract.cohorts.map((c) => c.id);
  const counted = participants.filter((p) => {
    const enrolled = refDay(p.record.enrolledOn);
    return cohorts.includes(p.record.cohort) && enrolled <= day && (level.enrolledBy === undefined || enrolled <= refDay(level.enrolledBy));
  });
  const achieved = counted.filter((p) => (achievedOn(p, level.outcome) ?? Infinity) <= day).length;
  return counted.length === 0 || new D(achieved).greaterThanOrEqualTo(new D(level.level).times(counted.length));
}

/**
 * The levels of a contract, to apply tranche by tranche in settlement order.
 *
 * @example
 * const levels = referenceLevels(contract, participants, asOf, places);
 * lines.push(...levels.apply('T2', measuredOn, lines));
 */
export function referenceLevels(contract: ContractInput, participants: readonly RefParticipant[], asOf: number, places: number): { apply: (tranche: string, measuredOn: number, lines: LevelLine[]) => LevelLine[] } {
  const states: LevelState[] = (contract.minimumPerformance ?? []).map((level) => ({ level, reviewed: 0, below: false, held: [] }));
  const apply = (tranche: string, measuredOn: number, lines: LevelLine[]): LevelLine[] => {
    const released: LevelLine[] = [];
    for (const state of states) {
      const { level } = state;
      // the reviews before this tranche (same day: the tranche first); a review below starts the consequence
      while (state.reviewed < level.reviewOn.length && refDay(level.reviewOn[state.reviewed] as string) < measuredOn) {
        const review = refDay(level.reviewOn[state.reviewed] as string);
        state.reviewed += 1;
        if (review <= asOf && level.consequence.kind !== 'flag' && !met(level, participants, contract, review)) state.below = true;
      }
      if (!state.below) continue;
      const consequence = level.consequence;
      if (consequence.kind === 'flag') continue;
      if (met(level, participants, contract, measuredOn)) {
        state.below = false;
        const groups = new Map<string, LevelLine>();
        for (const held of state.held) {
          const key = `${held.rule ?? ''}|${held.cohort ?? ''}|${held.outcome ?? ''}`;
          const line = groups.get(key) ?? { rule: held.rule, outcome: held.outcome, cohort: held.cohort, claims: null, unit: null, paid: new D(0) };
          line.paid = line.paid.plus(held.amount);
          groups.set(key, line);
        }
        state.held = [];
        released.push(...groups.values());
        continue;
      }
      if (consequence.kind === 'withhold' && consequence.tranches !== undefined && !consequence.tranches.includes(tranche)) continue;
      for (const line of lines) {
        if (line.rule === null || !consequence.rules.includes(line.rule) || line.paid.isZero()) continue;
        const kept = consequence.kind === 'withhold' ? new D(0) : roundMinor(line.paid.times(new D(1).minus(consequence.share)), places, contract.rounding);
        if (consequence.kind === 'withhold') state.held.push({ rule: line.rule, outcome: line.outcome, cohort: line.cohort, amount: line.paid });
        line.paid = kept;
      }
    }
    return released;
  };
  return { apply };
}
