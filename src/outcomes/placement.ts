/**
 * Resolves a placement outcome for one participant.
 *
 * @module
 */
import { addDaysUnbounded, type CalendarDate, type DayNumber } from '../calendar/index.js';
import type { EmploymentSpell, OutcomeRecord } from '../records/index.js';
import { windowAnchor } from './anchor.js';
import type { CompiledPlacement } from './compiled-form.js';
import { achieved, failed, pending, type Resolution } from './resolution.js';
import { countsAsJob } from './spells.js';

/** True when the spell's hours, contract type, sector and employer satisfy the outcome (unknown values do not). */
function meetsTerms(o: CompiledPlacement, spell: EmploymentSpell): boolean {
  if (o.minWeeklyHours !== undefined && (spell.hoursPerWeek === undefined || spell.hoursPerWeek < o.minWeeklyHours)) {
    return false;
  }
  if (o.jobs !== undefined && !countsAsJob(o.jobs, spell)) return false;
  return o.contractTypes === 'any' || (spell.contractType !== undefined && o.contractTypes.has(spell.contractType));
}

/**
 * Resolves a placement: a spell starting in `[A, A + days]` that meets the hours, contract type
 * and jobs (sector, employer) terms and lasts `minSpellDays` days. Achieved on the day the earliest such spell qualifies (its
 * start, or start + minSpellDays − 1), with `anchor` = its start. Failed on the later of
 * `A + days + 1` and the day after the last candidate spell ended too short. See `docs/outcomes.md`.
 * Days counted from the anchor may pass the calendar's last day: a window closing after
 * 9999-12-31 is open on every date (pending, never failed).
 *
 * @param o - the compiled placement
 * @param record - the participant
 * @param asOf - the as-of date: spells starting after it are unknown
 * @example
 * resolvePlacement(compiled, record, parseDate('2024-12-31')); // { status: 'achieved', on, anchor, reason: 'SPELL_IN_WINDOW' }
 */
export function resolvePlacement(o: CompiledPlacement, record: OutcomeRecord, asOf: CalendarDate): Resolution {
  const anchor = windowAnchor(o.window.from, record, asOf);
  if (anchor === undefined) return pending('AWAITING_EXIT');
  const last = addDaysUnbounded(anchor, o.window.days);
  const lengthLess1 = o.minSpellDays === undefined || o.minSpellDays <= 1 ? 0 : o.minSpellDays - 1;
  let bestOn: CalendarDate | undefined;
  let bestStart: CalendarDate | undefined;
  let candidates = 0;
  let lastDrop: DayNumber | undefined; // the day after the last too-short candidate ended
  let running = false;
  const spells = record.spells;
  for (let i = 0; i < spells.length; i++) {
    const spell = spells[i] as EmploymentSpell;
    if (spell.start > asOf || spell.start < anchor || spell.start > last || !meetsTerms(o, spell)) continue;
    candidates++;
    const qualifiesOn = addDaysUnbounded(spell.start, lengthLess1);
    if (spell.end !== undefined && spell.end < qualifiesOn) {
      const drop = addDaysUnbounded(spell.end, 1);
      lastDrop = lastDrop === undefined ? drop : Math.max(lastDrop, drop);
    } else if (qualifiesOn > asOf) {
      running = true; // may still reach the minimum length
    } else if (
      bestOn === undefined ||
      qualifiesOn < bestOn ||
      (qualifiesOn === bestOn && spell.start < (bestStart as CalendarDate))
    ) {
      bestOn = qualifiesOn as CalendarDate; // on or before asOf: a date
      bestStart = spell.start;
    }
  }
  if (bestOn !== undefined && bestStart !== undefined) return achieved(bestOn, 'SPELL_IN_WINDOW', bestStart);
  if (running) return pending('SPELL_RUNNING');
  const closes = addDaysUnbounded(last, 1);
  const failsOn = lastDrop === undefined ? closes : Math.max(closes, lastDrop);
  if (failsOn > asOf) return pending(closes > asOf ? 'WINDOW_OPEN' : 'SPELL_RUNNING');
  return failed(failsOn as CalendarDate, candidates > 0 ? 'SPELL_TOO_SHORT' : 'WINDOW_CLOSED');
}
