/**
 * Compiles a contract's outcome definitions once, before resolving participants.
 *
 * @module
 */
import type { Outcome } from '../contract/schema.js';
import { outcomeDuration } from '../contract/durations.js';
import { expectOutcome } from '../contract/shape.js';
import { OutcomePayError } from '../errors.js';
import { expectArray, expectFields, invalidArgument, is, isObjectValue, type FieldCheck } from '../guard.js';
import { parseAmount } from '../money/index.js';
import { parseDate } from '../calendar/index.js';
import type { CompiledEarningsThreshold, CompiledJobs, CompiledOutcome, CompiledOutcomes, CompiledWageThreshold } from './compiled-form.js';

type Restricted = Exclude<Outcome, { kind: 'cohortIndicator' }>;

/** The groups of a `participants` restriction as a set; `undefined` without one. */
function groupsOf(o: Restricted): ReadonlySet<string> | undefined {
  return o.participants === undefined ? undefined : new Set(o.participants.groups);
}

/** A `jobs` restriction as sets; `undefined` without one. */
function jobsOf(o: Extract<Outcome, { kind: 'placement' | 'retention' }>): CompiledJobs | undefined {
  const jobs = o.jobs;
  if (jobs === undefined) return undefined;
  return {
    sectors: jobs.sectors === undefined ? undefined : new Set(jobs.sectors),
    employers: jobs.employers === undefined ? undefined : new Set(jobs.employers),
  };
}

function placementIndex(id: string, at: number, indexById: ReadonlyMap<string, number>, outcomes: readonly Outcome[]): number {
  const index = indexById.get(id);
  if (index === undefined || outcomes[index]?.kind !== 'placement') {
    throw new OutcomePayError(
      'OUTCOME_PLACEMENT_REFERENCE',
      `outcome ${JSON.stringify(outcomes[at]?.id)} counts from ${JSON.stringify(id)}, which is not a placement outcome of the contract`,
      ['outcomes', at, 'placementOutcome'],
    );
  }
  return index;
}

function compileThreshold(t: Extract<Outcome, { kind: 'wageProgression' }>['threshold'], at: number): CompiledWageThreshold {
  switch (t.kind) {
    case 'percent':
      return { kind: 'percent', percent: parseAmount(t.percent, ['outcomes', at, 'threshold', 'percent']) };
    case 'amount':
      return { kind: 'amount', amount: parseAmount(t.amount, ['outcomes', at, 'threshold', 'amount']) };
    default: {
      const never: never = t;
      return never;
    }
  }
}

function compileEarningsThreshold(t: Extract<Outcome, { kind: 'earningsThreshold' }>['threshold'], at: number): CompiledEarningsThreshold {
  const path = ['outcomes', at, 'threshold'];
  if (t.kind === 'amount') return { kind: 'amount', amount: parseAmount(t.amount, [...path, 'amount']) };
  return {
    kind: 'minimumWage',
    hours: parseAmount(t.hours, [...path, 'hours']),
    weeks: t.weeks,
    rates: t.rates.map((rate, j) => ({ from: parseDate(rate.from, [...path, 'rates', j, 'from']), hourly: parseAmount(rate.hourly, [...path, 'rates', j, 'hourly']) })),
    rateOn: t.rateOn,
    rounding: t.rounding,
    increment: parseAmount(t.increment, [...path, 'increment']),
  };
}

function compileOne(o: Outcome, at: number, indexById: ReadonlyMap<string, number>, outcomes: readonly Outcome[]): CompiledOutcome {
  switch (o.kind) {
    case 'placement': {
      const hours = o.minWeeklyHours === undefined ? undefined : Number(o.minWeeklyHours);
      return {
        kind: 'placement',
        id: o.id,
        window: { from: o.window.from, days: o.window.days },
        contractTypes: o.contractTypes === 'any' ? 'any' : new Set(o.contractTypes),
        minWeeklyHours: hours,
        minSpellDays: o.minSpellDays,
        jobs: jobsOf(o),
        groups: groupsOf(o),
      };
    }
    case 'retention':
      return {
        kind: 'retention',
        id: o.id,
        placement: placementIndex(o.placementOutcome, at, indexById, outcomes),
        duration: outcomeDuration(o),
        measure: o.measure,
        endBoundary: o.endBoundary,
        jobs: jobsOf(o),
        groups: groupsOf(o),
      };
    case 'wageProgression':
      return {
        kind: 'wageProgression',
        id: o.id,
        placement: placementIndex(o.placementOutcome, at, indexById, outcomes),
        duration: outcomeDuration(o),
        baseline: o.baseline,
        threshold: compileThreshold(o.threshold, at),
        groups: groupsOf(o),
      };
    case 'milestone':
      return {
        kind: 'milestone',
        id: o.id,
        event: o.event,
        within: o.within === undefined ? undefined : { from: o.within.from, days: o.within.days },
        groups: groupsOf(o),
      };
    case 'cohortIndicator':
      return { kind: 'cohortIndicator', id: o.id };
    case 'earningsThreshold':
      return {
        kind: 'earningsThreshold',
        id: o.id,
        window: { from: o.window.from, days: o.window.days },
        threshold: compileEarningsThreshold(o.threshold, at),
        periodAcrossStart: o.periodAcrossStart,
        groups: groupsOf(o),
      };
    case 'quarterAfterExit':
      return {
        kind: 'quarterAfterExit',
        id: o.id,
        quarter: o.quarter,
        minimumEarnings: o.minimumEarnings === undefined ? undefined : parseAmount(o.minimumEarnings, ['outcomes', at, 'minimumEarnings']),
        dataLag: { unit: o.dataLag.unit, count: o.dataLag.count },
        groups: groupsOf(o),
      };
    default: {
      const never: never = o;
      return never;
    }
  }
}

/**
 * Compiles the outcome definitions of a validated contract: decimals become exact amounts (wage
 * thresholds) or numbers (weekly hours, compared with the records' hours), placement references
 * become indexes, and the evaluation order puts every placement before the outcomes that count
 * from it. Throws {@link OutcomePayError} `ARGUMENT_INVALID` when `outcomes` is not an array of
 * outcomes as the contract's schema defines them, `OUTCOME_ID_DUPLICATE` or
 * `OUTCOME_PLACEMENT_REFERENCE` for outcomes of a contract that was not validated (see
 * `parseContract`).
 *
 * @param outcomes - the contract's outcomes, in contract order
 * @example
 * const compiled = compileOutcomes(contract.outcomes);
 * const resolutions = resolveParticipant(record, compiled, parseDate('2024-12-31'));
 */
export function compileOutcomes(outcomes: readonly Outcome[]): CompiledOutcomes {
  expectArray('compileOutcomes', 'outcomes', outcomes, "an array of a parsed contract's outcomes");
  outcomes.forEach((outcome: unknown, i) => {
    expectOutcome('compileOutcomes', `outcomes[${String(i)}]`, outcome);
  });
  const indexById = new Map<string, number>();
  for (const [i, o] of outcomes.entries()) {
    if (indexById.has(o.id)) {
      throw new OutcomePayError('OUTCOME_ID_DUPLICATE', `outcome id ${JSON.stringify(o.id)} is used twice`, ['outcomes', i, 'id']);
    }
    indexById.set(o.id, i);
  }
  const compiled = outcomes.map((o, i) => compileOne(o, i, indexById, outcomes));
  const order: number[] = [];
  for (const [i, o] of compiled.entries()) if (o.kind === 'placement') order.push(i);
  for (const [i, o] of compiled.entries()) if (o.kind !== 'placement') order.push(i);
  return { outcomes: compiled, order, indexById };
}

const KINDS: ReadonlySet<unknown> = new Set(['placement', 'retention', 'wageProgression', 'milestone', 'cohortIndicator', 'earningsThreshold', 'quarterAfterExit']);

/**
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` unless `value` has the shape of compiled
 * outcomes (what {@link compileOutcomes} returned): `outcomes` an array of compiled outcomes of
 * known kinds, `order` an array of their indexes, `indexById` a map.
 *
 * @example
 * expectCompiled('resolveParticipant', 'compiled', compileOutcomes(contract.outcomes)); // passes
 */
export function expectCompiled(where: string, name: string, value: unknown): asserts value is CompiledOutcomes {
  expectFields(where, name, value, 'compiled outcomes (the value of compileOutcomes)', COMPILED_FIELDS);
  const { outcomes, order } = value as unknown as CompiledOutcomes;
  if (!order.every((i) => i < outcomes.length)) throw invalidArgument(where, `${name}.order`, 'indexes of its outcomes', order);
}

const COMPILED_FIELDS: readonly FieldCheck[] = [
  ['outcomes', (list) => Array.isArray(list) && list.every((o: unknown) => isObjectValue(o) && KINDS.has(o['kind']) && typeof o['id'] === 'string'), 'an array of compiled outcomes'],
  ['order', (list) => Array.isArray(list) && list.every(is.whole(0)), 'an array of indexes'],
  ['indexById', is.withMethod('get'), 'a Map'],
];
