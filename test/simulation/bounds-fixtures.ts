/**
 * Fixtures of the bounds tests: a small contract (two cohorts of 10 and 5, one placement, two
 * payers 0.6 / 0.4) whose rules, caps and tranches a test replaces, and the records of a bound
 * scenario drawn by the simulation's own participant model (every draw is certain).
 */
import { formatDate, type CalendarDate } from '../../src/calendar/index.js';
import { parseContract } from '../../src/contract/index.js';
import type { OutcomeRecord } from '../../src/records/index.js';
import { checkAssumptions } from '../../src/simulation/assumptions.js';
import { drawParticipant, participantModel, runProbabilities } from '../../src/simulation/participants.js';
import { runStreams } from '../../src/simulation/random.js';

export type Json = Record<string, unknown>;

/** The small contract, with `parts` replacing its fields. */
export function boundsContract(parts: Json): Json {
  return {
    schemaVersion: '2.0',
    id: 'bounds-test',
    name: 'Bounds test',
    currency: 'EUR',
    rounding: 'half-even',
    period: { start: '2025-01-01', end: '2027-12-31' },
    parties: {
      payers: [
        { id: 'state', name: 'State', share: '0.6' },
        { id: 'city', name: 'City', share: '0.4' },
      ],
      provider: { id: 'provider', name: 'Provider' },
    },
    cohorts: [
      { id: 'c1', enrolmentStart: '2025-01-01', enrolmentEnd: '2025-03-31', targetSize: 10 },
      { id: 'c2', enrolmentStart: '2025-04-01', enrolmentEnd: '2025-06-30', targetSize: 5 },
    ],
    groups: [{ id: 'youth', name: 'Youth' }],
    outcomes: [{ kind: 'placement', id: 'job', name: 'Job', window: { from: 'enrolment', days: 180 }, contractTypes: 'any' }],
    tranches: [{ id: 't1', name: 'Only', rules: ((parts['rules'] ?? []) as Json[]).map((rule) => rule['id']), cohorts: ['c1', 'c2'], measuredOn: '2026-12-31', dueOn: '2027-01-31' }],
    ...parts,
  };
}

/** The records of a scenario (an assumptions document with certain draws), with distinct ids, as JSON. */
export function scenarioRecords(contractJson: unknown, assumptionsJson: unknown): Json[] {
  const contract = parseContract(contractJson);
  if (!contract.ok) throw new Error(JSON.stringify(contract.issues));
  const assumptions = checkAssumptions(assumptionsJson, contract.value);
  if (!assumptions.ok) throw new Error(JSON.stringify(assumptions.issues));
  const model = participantModel(contract.value, assumptions.value);
  const stream = runStreams(0, 0).next();
  const probabilities = runProbabilities(model, stream);
  const records: OutcomeRecord[] = model.cohorts.flatMap((cohort) => Array.from({ length: cohort.size }, () => drawParticipant(model, probabilities, cohort, stream)));
  return records.map((record, k) => wire({ ...record, id: `p${k}` }));
}

const day = (n: CalendarDate): string => formatDate(n);

/** A drawn record written as a record document (dates as text, amounts as decimal strings). */
function wire(record: OutcomeRecord): Json {
  return {
    id: record.id,
    cohort: record.cohort,
    groups: [...record.groups],
    enrolledOn: day(record.enrolledOn),
    ...(record.exitedOn === undefined ? {} : { exitedOn: day(record.exitedOn) }),
    ...(record.baselineWage === undefined ? {} : { baselineWage: record.baselineWage.toFixed(2) }),
    spells: record.spells.map((spell) => ({
      start: day(spell.start),
      ...(spell.end === undefined ? {} : { end: day(spell.end) }),
      ...(spell.hoursPerWeek === undefined ? {} : { hoursPerWeek: spell.hoursPerWeek }),
      ...(spell.contractType === undefined ? {} : { contractType: spell.contractType }),
      ...(spell.monthlyWage === undefined ? {} : { monthlyWage: spell.monthlyWage.toFixed(2) }),
    })),
    wages: record.wages.map((wage) => ({ on: day(wage.on), monthlyWage: wage.monthlyWage.toFixed(2) })),
    events: record.events.map((event) => ({ kind: event.kind, on: day(event.on) })),
  };
}
