/**
 * Resolves a milestone outcome for one participant.
 *
 * @module
 */
import { addDaysUnbounded, type CalendarDate } from '../calendar/index.js';
import type { OutcomeRecord, RecordEvent } from '../records/index.js';
import { windowAnchor } from './anchor.js';
import type { CompiledMilestone } from './compiled-form.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';

/**
 * Resolves a milestone: achieved on the date of the earliest event of its kind dated in the
 * window (any date when there is no window) and not after `asOf`; failed on the day after the
 * window when there is none; without a window it never fails.
 *
 * @param o - the compiled milestone
 * @param record - the participant
 * @param asOf - the as-of date: events dated after it are unknown
 * @example
 * resolveMilestone({ kind: 'milestone', id: 't', event: 'training-completed' }, record, asOf);
 */
export function resolveMilestone(o: CompiledMilestone, record: OutcomeRecord, asOf: CalendarDate): Resolution {
  let from: CalendarDate | undefined;
  let to: CalendarDate = asOf;
  if (o.within !== undefined) {
    from = windowAnchor(o.within.from, record, asOf);
    if (from === undefined) return pending('AWAITING_EXIT');
    const last = addDaysUnbounded(from, o.within.days); // may pass 9999-12-31
    if (last < to) to = last as CalendarDate;
  }
  let first: CalendarDate | undefined;
  const events = record.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RecordEvent;
    if (e.kind === o.event && e.on <= to && (from === undefined || e.on >= from) && (first === undefined || e.on < first)) {
      first = e.on;
    }
  }
  if (first !== undefined) return achieved(first, 'EVENT_RECORDED');
  if (o.within === undefined || from === undefined) return pending('AWAITING_EVENT');
  const closes = addDaysUnbounded(from, o.within.days + 1);
  return closes <= asOf ? failed(closes as CalendarDate, 'WINDOW_CLOSED') : pending('WINDOW_OPEN');
}
