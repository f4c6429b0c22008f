/**
 * Checks the meaning of a record whose shape is valid: dates in order, spells that do not overlap,
 * cohort and groups known to the contract.
 *
 * @module
 */
import { compareDates, formatDate, type CalendarDate } from '../calendar/index.js';
import { formatPath } from '../errors.js';
import { ownFields } from '../own-data.js';
import { show, type Reporter } from './issues.js';
import { recordEarnings } from './record-build.js';
import type { OutcomeRecord } from './schema.js';

/**
 * The cohorts and groups a contract defines; records naming others are reported. With
 * `enrolmentWindows` (cohort id → first and last enrolment day, inclusive), a record enrolled
 * outside its cohort's window is reported too (`ENROLMENT_OUTSIDE_WINDOW`); settlements always
 * give them.
 *
 * @example
 * const context: RecordContext = {
 *   cohortIds: new Set(['2023-A', '2023-B']),
 *   groupIds: new Set(['rsa', 'ltu', 'youth']),
 *   enrolmentWindows: new Map([['2023-A', { start: parseDate('2023-01-01'), end: parseDate('2023-06-30') }]]),
 * };
 */
export interface RecordContext {
  readonly cohortIds: ReadonlySet<string>;
  readonly groupIds: ReadonlySet<string>;
  readonly enrolmentWindows?: ReadonlyMap<string, EnrolmentWindow> | undefined;
}

/**
 * The context as the checks read it: its own `cohortIds`, `groupIds` and `enrolmentWindows`,
 * every key present (a context given without enrolment windows must not find some on
 * `Object.prototype`).
 *
 * @example
 * ownContext({ cohortIds: new Set(['2023-A']), groupIds: new Set() }).enrolmentWindows; // undefined
 */
export function ownContext(context: RecordContext): RecordContext {
  const fields = ownFields(context);
  return {
    cohortIds: fields['cohortIds'] as RecordContext['cohortIds'],
    groupIds: fields['groupIds'] as RecordContext['groupIds'],
    enrolmentWindows: fields['enrolmentWindows'] as RecordContext['enrolmentWindows'],
  };
}

/**
 * A cohort's enrolment window: its first and last enrolment days, both inclusive.
 *
 * @example
 * const window: EnrolmentWindow = { start: parseDate('2023-01-01'), end: parseDate('2023-06-30') };
 */
export interface EnrolmentWindow {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/**
 * True unless the context knows the cohort's enrolment window and `enrolledOn` is outside it.
 * One map lookup and two integer comparisons: the fast paths call it on every record.
 *
 * @example
 * enrolledInWindow(context, '2023-A', parseDate('2022-12-31')); // false with the window above
 */
export function enrolledInWindow(context: RecordContext, cohort: string, enrolledOn: number): boolean {
  const window = context.enrolmentWindows?.get(cohort);
  return window === undefined || (enrolledOn >= window.start && enrolledOn <= window.end);
}

/**
 * Reports every meaning problem of a shape-valid record (lists still in input order, so paths
 * point at the input). Codes: COHORT_UNKNOWN, ENROLMENT_OUTSIDE_WINDOW, GROUP_UNKNOWN, GROUP_DUPLICATE, EXIT_BEFORE_ENROLMENT,
 * SPELL_BEFORE_ENROLMENT, SPELL_END_BEFORE_START, SPELLS_OVERLAP, WAGE_BEFORE_ENROLMENT,
 * EARNINGS_END_BEFORE_START,
 * EVENT_BEFORE_ENROLMENT.
 *
 * @example
 * checkRecordMeaning(record, context, report); // reports, returns nothing
 */
export function checkRecordMeaning(record: OutcomeRecord, context: RecordContext, report: Reporter): void {
  if (!context.cohortIds.has(record.cohort)) {
    report('COHORT_UNKNOWN', ['cohort'], `cohort ${show(record.cohort)} is not a cohort of the contract; known: ${listOf(context.cohortIds)}`);
  } else if (!enrolledInWindow(context, record.cohort, record.enrolledOn)) {
    const window = context.enrolmentWindows?.get(record.cohort);
    const from = window === undefined ? '?' : formatDate(window.start);
    const to = window === undefined ? '?' : formatDate(window.end);
    report(
      'ENROLMENT_OUTSIDE_WINDOW',
      ['enrolledOn'],
      `enrolledOn ${formatDate(record.enrolledOn)} is outside the enrolment window of cohort ${show(record.cohort)}, ${from} to ${to}: the record is not a participant of that cohort under the contract`,
    );
  }
  const seenGroups = new Set<string>();
  record.groups.forEach((group, i) => {
    if (seenGroups.has(group)) {
      report('GROUP_DUPLICATE', ['groups', i], `groups[${i}] ${show(group)} is listed twice`);
    } else if (!context.groupIds.has(group)) {
      report('GROUP_UNKNOWN', ['groups', i], `groups[${i}] ${show(group)} is not a group of the contract; known: ${listOf(context.groupIds)}`);
    }
    seenGroups.add(group);
  });
  const enrolled = record.enrolledOn;
  const beforeEnrolment = (date: CalendarDate): boolean => compareDates(date, enrolled) < 0;
  const enrolledText = formatDate(enrolled);
  if (record.exitedOn !== undefined && beforeEnrolment(record.exitedOn)) {
    report('EXIT_BEFORE_ENROLMENT', ['exitedOn'], `exitedOn ${formatDate(record.exitedOn)} is before enrolledOn ${enrolledText}`);
  }
  record.spells.forEach((spell, i) => {
    if (beforeEnrolment(spell.start)) {
      report('SPELL_BEFORE_ENROLMENT', ['spells', i, 'start'], `spells[${i}].start ${formatDate(spell.start)} is before enrolledOn ${enrolledText}`);
    }
    if (spell.end !== undefined && compareDates(spell.end, spell.start) < 0) {
      report('SPELL_END_BEFORE_START', ['spells', i, 'end'], `spells[${i}].end ${formatDate(spell.end)} is before spells[${i}].start ${formatDate(spell.start)}`);
    }
  });
  checkOverlaps(record, report);
  record.wages.forEach((wage, i) => {
    if (beforeEnrolment(wage.on)) {
      report('WAGE_BEFORE_ENROLMENT', ['wages', i, 'on'], `wages[${i}].on ${formatDate(wage.on)} is before enrolledOn ${enrolledText}`);
    }
  });
  record.events.forEach((event, i) => {
    if (beforeEnrolment(event.on)) {
      report('EVENT_BEFORE_ENROLMENT', ['events', i, 'on'], `events[${i}] ${show(event.kind)} on ${formatDate(event.on)} is before enrolledOn ${enrolledText}`);
    }
  });
  recordEarnings(record).forEach((e, i) => {
    if (e.to < e.from) {
      report('EARNINGS_END_BEFORE_START', ['earnings', i, 'to'], `earnings[${i}].to ${formatDate(e.to)} is before earnings[${i}].from ${formatDate(e.from)}`);
    }
  });
}

/** Spells are inclusive intervals; an open spell runs forever. Reports each overlapping pair once. */
function checkOverlaps(record: OutcomeRecord, report: Reporter): void {
  const spells = record.spells;
  if (spells.length < 2) return;
  const order = spells.map((_, i) => i).sort((a, b) => (spells[a]?.start ?? 0) - (spells[b]?.start ?? 0) || a - b);
  // Sweep in start order, remembering the spell that reaches furthest so far.
  let reachIndex = order[0] ?? 0;
  for (let k = 1; k < order.length; k++) {
    const index = order[k] ?? 0;
    const current = spells[index];
    const reach = spells[reachIndex];
    if (current === undefined || reach === undefined) continue;
    if (current.end !== undefined && current.end < current.start) continue; // reported as SPELL_END_BEFORE_START
    const reachEnd = reach.end ?? Number.POSITIVE_INFINITY;
    if (current.start <= reachEnd) {
      const path = ['spells', index, 'start'];
      const until = reach.end === undefined ? 'is still open' : `ends ${formatDate(reach.end)}`;
      report('SPELLS_OVERLAP', path, `${formatPath(path)} ${formatDate(current.start)} overlaps spells[${reachIndex}], which starts ${formatDate(reach.start)} and ${until}`);
    }
    if ((current.end ?? Number.POSITIVE_INFINITY) > reachEnd) reachIndex = index;
  }
}

function listOf(ids: ReadonlySet<string>): string {
  if (ids.size === 0) return '(none)';
  const list = [...ids].slice(0, 10).map((id) => JSON.stringify(id)).join(', ');
  return ids.size > 10 ? `${list}, ...` : list;
}
