/**
 * The order the validation fast paths require of a record's lists, in one place: they accept a
 * record only when its lists are already in the order the full checks would sort them into, and
 * its spells do not overlap, so the parsed record needs no sort and no second pass. A record
 * whose lists are not so goes through the full checks (which sort them, or explain the problem).
 * Dates are day numbers; `NO_DATE` (below every day) never passes.
 *
 * @module
 */

/**
 * Whether a spell may come next: it starts on or after enrolment, after the previous spell ended
 * (there is none when `first`; an open previous spell, `previousEnd` undefined, lets none
 * follow), and does not end before it starts.
 *
 * @example
 * spellFollows(100, 130, 90, undefined, true); // true
 * spellFollows(120, undefined, 90, 125, false); // false: it starts before the previous one ended
 */
export function spellFollows(start: number, end: number | undefined, enrolled: number, previousEnd: number | undefined, first: boolean): boolean {
  if (start < enrolled || (!first && (previousEnd === undefined || start <= previousEnd))) return false;
  return end === undefined || end >= start;
}

/**
 * Whether a wage observation may come next: on or after the previous one (the first: on or
 * after enrolment, passed as `previous`).
 *
 * @example
 * observationFollows(200, 200); // true
 */
export function observationFollows(on: number, previous: number): boolean {
  return on >= previous;
}

/**
 * Whether an event may come next: by date, then by kind (the first: on or after enrolment,
 * passed as `previousOn`, with `previousKind` the empty text).
 *
 * @example
 * eventFollows(200, 'job-offer', 200, 'a1'); // true
 * eventFollows(200, 'a1', 200, 'job-offer'); // false
 */
export function eventFollows(on: number, kind: string, previousOn: number, previousKind: string): boolean {
  return on > previousOn || (on === previousOn && kind >= previousKind);
}

/**
 * Whether an earnings observation may come next: by period end, then by period start (the first:
 * any, with `previousFrom` and `previousTo` `-Infinity`).
 *
 * @example
 * earningsFollow(19800, 19830, 19770, 19800); // true: it ends later
 * earningsFollow(19700, 19800, 19770, 19800); // false: same end, earlier start
 */
export function earningsFollow(from: number, to: number, previousFrom: number, previousTo: number): boolean {
  return to > previousTo || (to === previousTo && from >= previousFrom);
}
