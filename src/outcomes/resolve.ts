/**
 * Resolves every outcome of a contract for one participant.
 *
 * @module
 */
import { expectDay, type CalendarDate } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';
import { expectValidatedRecord, type EmploymentSpell, type OutcomeRecord } from '../records/index.js';
import type { Contract } from '../contract/index.js';
import { expectContract } from '../contract/shape.js';
import { compileOutcomes } from './compile.js';
import type { CompiledOutcome, CompiledOutcomes } from './compiled-form.js';
import { resolveEarningsThreshold } from './earnings.js';
import { resolveMilestone } from './milestone.js';
import { resolvePlacement } from './placement.js';
import { resolveQuarterAfterExit } from './quarter.js';
import { failed, notApplicable, pending, type Resolution } from './resolution.js';
import { resolveRetention } from './retention.js';
import { inGroups, spellsByStart } from './spells.js';
import { resolveWageProgression } from './wage.js';

function placementOf(index: number, done: readonly (Resolution | undefined)[]): Resolution {
  const r = done[index];
  if (r === undefined) throw new OutcomePayError('OUTCOME_INTERNAL', 'a placement was not resolved before its dependents');
  return r;
}

function resolveOne(
  o: CompiledOutcome,
  record: OutcomeRecord,
  spells: readonly EmploymentSpell[],
  asOf: CalendarDate,
  done: readonly (Resolution | undefined)[],
): Resolution {
  if (o.kind !== 'cohortIndicator' && o.groups !== undefined && !inGroups(o.groups, record.groups)) {
    // a participant of none of the groups cannot achieve it: failed from enrolment
    return record.enrolledOn <= asOf ? failed(record.enrolledOn, 'NOT_IN_GROUPS') : pending('NOT_IN_GROUPS');
  }
  switch (o.kind) {
    case 'placement':
      return resolvePlacement(o, record, asOf);
    case 'retention':
      return resolveRetention(o, spells, placementOf(o.placement, done), asOf);
    case 'wageProgression':
      return resolveWageProgression(o, record, placementOf(o.placement, done), asOf);
    case 'milestone':
      return resolveMilestone(o, record, asOf);
    case 'cohortIndicator':
      return notApplicable();
    case 'earningsThreshold':
      return resolveEarningsThreshold(o, record, asOf);
    case 'quarterAfterExit':
      return resolveQuarterAfterExit(o, record, asOf);
    default: {
      const never: never = o;
      return never;
    }
  }
}

/**
 * Resolves every outcome for one participant from the record as known at `asOf`: facts dated
 * after `asOf` are ignored (spells starting later, events and wages dated later, an exit dated
 * later), and a spell ending after `asOf` counts as ongoing. The result is aligned with
 * `contract.outcomes`. Read the status at any measurement date `m <= asOf` with `statusAt`: it
 * equals the status that resolving the record truncated to `m` at `m` would give.
 *
 * Work is per spell, wage and event, never per day; one small object per outcome.
 *
 * Throws {@link OutcomePayError} `ARGUMENT_INVALID` for a record that is not a validated one
 * (dates as day numbers, wages as amounts), a contract that is not a parsed one, and
 * `CALENDAR_ARGUMENT_INVALID` or `DATE_OUT_OF_RANGE` for an as-of date that is not a day number.
 *
 * @param record - a valid parsed record (see `validateRecords`)
 * @param contract - the contract (from `parseContract`), whose outcomes are resolved
 * @param asOf - the as-of date
 * @example
 * const [placement, retention6] = resolveParticipant(record, contract, parseDate('2024-12-31'));
 * statusAt(retention6!, parseDate('2024-06-30')); // 'achieved' | 'failed' | 'pending'
 */
export function resolveParticipant(record: OutcomeRecord, contract: Contract, asOf: CalendarDate): readonly Resolution[] {
  expectValidatedRecord('resolveParticipant', 'record', record);
  expectContract('resolveParticipant', 'contract', contract);
  expectDay('resolveParticipant', 'asOf', asOf);
  return resolveRecord(record, compileOutcomes(contract.outcomes), asOf);
}

/**
 * {@link resolveParticipant} without the checks of its arguments: the settlement engine's, which
 * resolves every record it validated against the outcomes it compiled.
 *
 * @example
 * const resolutions = resolveRecord(record, plan.outcomes, plan.asOf);
 */
export function resolveRecord(record: OutcomeRecord, compiled: CompiledOutcomes, asOf: CalendarDate): readonly Resolution[] {
  const spells = spellsByStart(record.spells);
  const out = new Array<Resolution | undefined>(compiled.outcomes.length);
  const order = compiled.order;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const o = compiled.outcomes[i];
    if (o !== undefined) out[i] = resolveOne(o, record, spells, asOf, out);
  }
  return out as readonly Resolution[];
}
