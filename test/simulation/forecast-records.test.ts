/**
 * The pieces of a forecast's draws, by hand: the conditional probability of an outcome pending at
 * D, the delay drawn above what has passed, what a record shows at D, and the end of a job running
 * at D drawn above its length so far.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, type CalendarDate } from '../../src/calendar/index.js';
import { parseContract } from '../../src/contract/index.js';
import { validateRecords, type OutcomeRecord } from '../../src/index.js';
import { recordContext } from '../../src/settlement/index.js';
import { checkAssumptions } from '../../src/simulation/assumptions.js';
import { completeKnown, knownAt } from '../../src/simulation/forecast-records.js';
import { delayAbove, delayAtMost, laterProbability } from '../../src/simulation/forecast-timing.js';
import { participantModel } from '../../src/simulation/participants.js';
import { runStreams } from '../../src/simulation/random.js';
import { fixedAssumptions, forecastContract, record } from './forecast-fixtures.js';

describe('forecast timing', () => {
  it('P(delay ≤ t) for a fixed, a uniform and a capped delay', () => {
    expect(delayAtMost(30, undefined, 29)).toBe(0);
    expect(delayAtMost(30, undefined, 30)).toBe(1);
    // uniform on 0..9: 5 of 10 days are ≤ 4
    expect(delayAtMost({ uniform: { min: 0, max: 9 } }, undefined, 4)).toBe(0.5);
    expect(delayAtMost({ uniform: { min: 10, max: 19 } }, undefined, 9)).toBe(0);
    expect(delayAtMost({ uniform: { min: 10, max: 19 } }, undefined, -3)).toBe(0);
    // capped at 5 (a window of 5 days): by day 5 it has happened for sure
    expect(delayAtMost({ uniform: { min: 0, max: 99 } }, 5, 5)).toBe(1);
  });

  it('P(achieved later | not by t) = P(achieved, delay > t) / (1 − P(achieved, delay ≤ t))', () => {
    // p = 0.6, uniform 0..9, t = 4: 0.6 × 0.5 / (1 − 0.6 × 0.5) = 0.3 / 0.7
    expect(laterProbability(0.6, { uniform: { min: 0, max: 9 } }, undefined, 4)).toBeCloseTo(0.3 / 0.7, 15);
    // nothing has passed yet (t below the range, or a negative t: the anchor is after D): p itself
    expect(laterProbability(0.6, { uniform: { min: 5, max: 9 } }, undefined, 2)).toBe(0.6);
    expect(laterProbability(0.6, 40, undefined, -10)).toBe(0.6);
    // the window closed: never
    expect(laterProbability(0.6, { uniform: { min: 0, max: 99 } }, 90, 120)).toBe(0);
    // certain, and certain by now, yet not achieved: the denominator is 0, never
    expect(laterProbability(1, 20, undefined, 28)).toBe(0);
  });

  it('the delay is drawn above t, within its range, capped at the window', () => {
    const stream = runStreams(7, 0).next();
    const drawn = Array.from({ length: 200 }, () => delayAbove(stream, { uniform: { min: 0, max: 9 } }, undefined, 4));
    expect(Math.min(...drawn)).toBe(5);
    expect(Math.max(...drawn)).toBe(9);
    expect(delayAbove(stream, { uniform: { min: 0, max: 99 } }, 60, 49) <= 60).toBe(true);
  });
});

function validated(records: readonly unknown[]): OutcomeRecord[] {
  const contract = parseContract(forecastContract);
  if (!contract.ok) throw new Error('contract');
  const result = validateRecords(records, recordContext(contract.value), { mode: 'strict' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return [...result.value.records];
}

describe('forecast records', () => {
  it('knownAt keeps the facts dated on or before D: a later exit is dropped, a job ending after D is open, a job starting after D is gone', () => {
    const [full] = validated([
      {
        ...record('P', 'A', '2024-01-10', '2024-03-31', [['2024-02-01', '2024-02-20'], ['2024-03-01', '2024-07-31'], ['2024-08-10']]),
        wages: [{ on: '2024-04-01', monthlyWage: '1200.00' }, { on: '2024-09-01', monthlyWage: '1400.00' }],
        events: [{ kind: 'x', on: '2024-05-01' }, { kind: 'y', on: '2024-06-01' }],
      },
    ]);
    const known = knownAt(full as OutcomeRecord, parseDate('2024-05-01'));
    expect(known?.exitedOn === undefined ? undefined : formatDate(known.exitedOn)).toBe('2024-03-31');
    expect(known?.spells.map((spell) => [formatDate(spell.start), spell.end === undefined ? null : formatDate(spell.end)])).toEqual([
      ['2024-02-01', '2024-02-20'],
      ['2024-03-01', null],
    ]);
    expect(known?.wages.map((wage) => formatDate(wage.on))).toEqual(['2024-04-01']);
    expect(known?.events.map((event) => event.kind)).toEqual(['x']);
    expect(knownAt(full as OutcomeRecord, parseDate('2024-02-29'))?.exitedOn).toBeUndefined();
    expect(knownAt(full as OutcomeRecord, parseDate('2024-01-09'))).toBeUndefined();
  });

  it('a job running at D, every retention passed, is kept jobDays drawn above its length so far', () => {
    // Job from 2024-02-01, open at D = 2024-06-30: 151 days in it (Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30
    // = 151). Retention certain; jobDays uniform on 100..199: kept 152 to 199 days, so it ends between
    // 2024-02-01 + 151 = 2024-07-01 and 2024-02-01 + 198 = 2024-08-17 (the end is start + kept − 1).
    const contract = parseContract(forecastContract);
    if (!contract.ok) throw new Error('contract');
    const assumptions = checkAssumptions({ ...fixedAssumptions(1, 1, 10), jobDays: { uniform: { min: 100, max: 199 } } }, contract.value);
    if (!assumptions.ok) throw new Error(JSON.stringify(assumptions.issues));
    const model = participantModel(contract.value, assumptions.value);
    const asOf = parseDate('2024-06-30');
    const [full] = validated([record('P', 'A', '2024-01-10', '2024-01-31', [['2024-02-01']])]);
    const known = { record: knownAt(full as OutcomeRecord, asOf) as OutcomeRecord, profile: 0 };
    const streams = runStreams(11, 0);
    const ends = Array.from({ length: 300 }, () => completeKnown(model, [[1, 1]], known, asOf, streams.next()).spells[0]?.end as CalendarDate);
    expect(formatDate(Math.min(...ends) as CalendarDate)).toBe('2024-07-01');
    expect(formatDate(Math.max(...ends) as CalendarDate)).toBe('2024-08-17');
  });
});
