/** Turns parsed records into plain JSON (dates and amounts as canonical text) for comparisons. */
import { formatDate } from '../../src/calendar/index.js';
import { formatDecimal } from '../../src/money/index.js';
import type { OutcomeRecord } from '../../src/records/index.js';

/** A JSON-comparable view of a parsed record. */
export function canonical(record: OutcomeRecord): unknown {
  return {
    ...record,
    enrolledOn: formatDate(record.enrolledOn),
    ...(record.exitedOn === undefined ? {} : { exitedOn: formatDate(record.exitedOn) }),
    ...(record.baselineWage === undefined ? {} : { baselineWage: formatDecimal(record.baselineWage) }),
    spells: record.spells.map((spell) => ({
      ...spell,
      start: formatDate(spell.start),
      ...(spell.end === undefined ? {} : { end: formatDate(spell.end) }),
      ...(spell.monthlyWage === undefined ? {} : { monthlyWage: formatDecimal(spell.monthlyWage) }),
    })),
    wages: record.wages.map((wage) => ({ on: formatDate(wage.on), monthlyWage: formatDecimal(wage.monthlyWage) })),
    events: record.events.map((event) => ({ kind: event.kind, on: formatDate(event.on) })),
  };
}
