/**
 * The NDJSON fast path of a streamed settlement: a line read straight into the parsed record,
 * without `JSON.parse` and without the raw object: the JSON text is walked once, and dates and
 * amounts are read from their character codes in place. It takes only the plain JSON that records
 * are written in: objects with the record's own keys (each once, in any order), strings without
 * escapes (within the readers' size limits), hours as plain non-negative numbers of at most 15
 * characters (never one a double cannot hold), wages as decimal strings. It accepts a line only
 * when the record is certainly valid with its lists in order, and then gives exactly the record
 * that the strict JSON reader followed by the validation fast path gives; anything else (any other JSON,
 * any doubt) it declines, and the caller takes that general path, which explains the problem.
 * Like the validation fast path, it is only an optimisation: tests compare the two.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type { AmountCache } from './amount-cache.js';
import { enrolledInWindow, type RecordContext } from './check-meaning.js';
import { NO_DATE, plainDateDayIn } from './fast-fields.js';
import { EVENT_KIND_PATTERN, MAX_HOURS_PER_WEEK, hasIdControlCharacter } from './limits.js';
import { earningsFollow, eventFollows, observationFollows, spellFollows } from './list-order.js';
import { MAX_FIELD_CHARS, MAX_ID_CHARS } from './reader-limits.js';
import { buildRecord, buildSpell, exactList, NO_ITEMS, withEarnings } from './record-build.js';
import type { EarningsObservation, EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, DOT, OPEN_BRACE, OPEN_BRACKET, QUOTE, ZERO_CODE } from './char-codes.js';

/**
 * Reads the line between `start` and `end` of `text`: the parsed record, or `undefined` to take
 * the general path.
 *
 * @example
 * const typed: NdjsonTypedReader = createNdjsonTypedReader(context, createAmountCache());
 * const line = '{"id":"P1","cohort":"2023-A","enrolledOn":"2023-01-09"}';
 * typed(line, 0, line.length)?.enrolledOn; // the day number of 2023-01-09
 */
export type NdjsonTypedReader = (text: string, start: number, end: number) => OutcomeRecord | undefined;

/**
 * Thrown inside the reader only, to decline the line, and caught at its top (it never escapes
 * the reader). One instance, made once: throwing it builds no stack trace.
 */
class Decline extends Error {}
const DECLINE = new Decline('the NDJSON fast path declines this line');

// Keys: the i-th name of a list is bit 2^i of a "seen" mask (a key seen twice declines: JSON.parse
// would keep the last).
const RECORD_KEYS = ['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage', 'spells', 'wages', 'events', 'earnings'] as const;
const SPELL_KEYS = ['start', 'end', 'hoursPerWeek', 'contractType', 'monthlyWage', 'sector', 'employer'] as const;
const WAGE_KEYS = ['on', 'monthlyWage'] as const;
const EVENT_KEYS = ['kind', 'on'] as const;
const EARNINGS_KEYS = ['from', 'to', 'amount'] as const;

/** A cursor over one line. */
interface Cursor {
  readonly text: string;
  readonly end: number;
  at: number;
  /** Where the last string read starts and ends (its content, without the quotes). */
  from: number;
  to: number;
}

function skipSpace(c: Cursor): void {
  const { text, end } = c;
  let at = c.at;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) break;
    at++;
  }
  c.at = at;
}

/** Expects `code` (after optional whitespace). */
function expect(c: Cursor, code: number): void {
  skipSpace(c);
  if (c.at >= c.end || c.text.charCodeAt(c.at) !== code) throw DECLINE;
  c.at++;
}

/** Whether the next character (after optional whitespace) is `code`; consumes it if so. */
function next(c: Cursor, code: number): boolean {
  skipSpace(c);
  if (c.at < c.end && c.text.charCodeAt(c.at) === code) {
    c.at++;
    return true;
  }
  return false;
}

/**
 * Reads a string without escapes or control characters, of at most `MAX_FIELD_CHARS` characters
 * (the general path refuses longer ones); its content is `[c.from, c.to)`.
 */
function readString(c: Cursor): void {
  expect(c, QUOTE);
  const { text, end } = c;
  let at = c.at;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) break;
    if (code === BACKSLASH || code < 32) throw DECLINE;
  }
  if (at >= end || at - c.at > MAX_FIELD_CHARS) throw DECLINE;
  c.from = c.at;
  c.to = at;
  c.at = at + 1;
}

function stringValue(c: Cursor): string {
  readString(c);
  if (c.to === c.from) throw DECLINE; // an empty text is never valid where records have texts
  return c.text.slice(c.from, c.to);
}

function dateValue(c: Cursor): number {
  readString(c);
  const day = plainDateDayIn(c.text, c.from, c.to);
  if (day === NO_DATE) throw DECLINE;
  return day;
}

/** A wage: a decimal string (a JSON number is refused by the general path, AMOUNT_NOT_STRING). */
function amountValue(c: Cursor, cache: AmountCache): Amount {
  readString(c);
  const amount = cache.amountIn(c.text, c.from, c.to);
  if (amount === undefined) throw DECLINE;
  return amount;
}

/**
 * Hours: a plain JSON number without sign or exponent (`0`, `35`, `17.5`), up to 168, of at most
 * 15 characters: a longer one may be a number a double cannot hold (`35.000000000000001`), which the
 * general path refuses (JSON_NUMBER_INEXACT).
 */
function hoursValue(c: Cursor): number {
  skipSpace(c);
  const { text, end } = c;
  const from = c.at;
  let at = from;
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  if (at === from || (text.charCodeAt(from) === ZERO_CODE && at - from > 1)) throw DECLINE; // JSON: no leading zero
  if (at < end && text.charCodeAt(at) === DOT) {
    const fraction = ++at;
    while (at < end && isDigit(text.charCodeAt(at))) at++;
    if (at === fraction) throw DECLINE;
  }
  if (at - from > 15) throw DECLINE;
  c.at = at;
  const hours = Number(text.slice(from, at));
  if (!(hours <= MAX_HOURS_PER_WEEK)) throw DECLINE;
  return hours;
}

function isDigit(code: number): boolean {
  return code >= ZERO_CODE && code <= ZERO_CODE + 9;
}

/**
 * Reads a key and its colon; returns its index in `names`, declining unknown and repeated keys
 * (`seen` has bit 2^i set for each key i already read). Keys are compared by character codes, so
 * no string is made of them.
 */
function key(c: Cursor, names: readonly string[], seen: number): number {
  readString(c);
  const { text, from, to } = c;
  const length = to - from;
  const first = text.charCodeAt(from);
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    if (name.length !== length || name.charCodeAt(0) !== first) continue;
    let i = 1;
    while (i < length && text.charCodeAt(from + i) === name.charCodeAt(i)) i++;
    if (i < length) continue;
    if ((seen & (1 << index)) !== 0) throw DECLINE;
    expect(c, COLON);
    return index;
  }
  throw DECLINE;
}

/** Opens a list or object (`open`): true when it has members, false when it closes at once. */
function opens(c: Cursor, open: number, close: number): boolean {
  expect(c, open);
  return !next(c, close);
}

/** After a member of a list or object: true when another follows, false when it closes. */
function continues(c: Cursor, close: number): boolean {
  if (next(c, COMMA)) return true;
  expect(c, close);
  return false;
}

/**
 * A typed reader for a contract's cohorts and groups and one run's amount cache.
 *
 * @param context - the contract's cohorts and groups
 * @param cache - the run's amount cache
 * @example
 * const typed = createNdjsonTypedReader(context, createAmountCache());
 */
export function createNdjsonTypedReader(context: RecordContext, cache: AmountCache): NdjsonTypedReader {
  return (text, start, end) => {
    const c: Cursor = { text, end, at: start, from: 0, to: 0 };
    try {
      const record = readRecord(c, context, cache);
      skipSpace(c);
      return c.at === end ? record : undefined;
    } catch (error) {
      if (error === DECLINE) return undefined;
      throw error;
    }
  };
}

function readRecord(c: Cursor, context: RecordContext, cache: AmountCache): OutcomeRecord {
  let id: string | undefined;
  let cohort: string | undefined;
  let groups: readonly string[] = NO_ITEMS;
  let enrolledOn = NO_DATE;
  let exitedOn: number | undefined;
  let baselineWage: Amount | undefined;
  let spells: readonly EmploymentSpell[] = NO_ITEMS;
  let wages: readonly WageObservation[] = NO_ITEMS;
  let events: readonly RecordEvent[] = NO_ITEMS;
  let earnings: readonly EarningsObservation[] | undefined;
  // lists are checked against the enrolment date: they are read when it is known, else their
  // place is noted, they are skipped, and read once the object is read
  let spellsAt = -1;
  let wagesAt = -1;
  let eventsAt = -1;
  let seen = 0;
  if (opens(c, OPEN_BRACE, CLOSE_BRACE)) {
    do {
      const index = key(c, RECORD_KEYS, seen);
      seen |= 1 << index;
      switch (index) {
        case 0:
          id = stringValue(c);
          if (id.length > MAX_ID_CHARS || hasIdControlCharacter(id)) throw DECLINE;
          break;
        case 1:
          cohort = stringValue(c);
          if (!context.cohortIds.has(cohort)) throw DECLINE;
          break;
        case 2:
          groups = groupsValue(c, context);
          break;
        case 3:
          enrolledOn = dateValue(c);
          break;
        case 4:
          exitedOn = dateValue(c);
          break;
        case 5:
          baselineWage = amountValue(c, cache);
          break;
        case 6:
          if (enrolledOn === NO_DATE) spellsAt = skipList(c);
          else spells = spellsValue(c, enrolledOn, cache);
          break;
        case 7:
          if (enrolledOn === NO_DATE) wagesAt = skipList(c);
          else wages = wagesValue(c, enrolledOn, cache);
          break;
        case 8:
          if (enrolledOn === NO_DATE) eventsAt = skipList(c);
          else events = eventsValue(c, enrolledOn);
          break;
        default:
          earnings = earningsValue(c, cache);
      }
    } while (continues(c, CLOSE_BRACE));
  }
  if (id === undefined || cohort === undefined || enrolledOn === NO_DATE) throw DECLINE;
  if (!enrolledInWindow(context, cohort, enrolledOn)) throw DECLINE;
  if (exitedOn !== undefined && exitedOn < enrolledOn) throw DECLINE;
  const back = c.at;
  if (spellsAt >= 0) {
    c.at = spellsAt;
    spells = spellsValue(c, enrolledOn, cache);
  }
  if (wagesAt >= 0) {
    c.at = wagesAt;
    wages = wagesValue(c, enrolledOn, cache);
  }
  if (eventsAt >= 0) {
    c.at = eventsAt;
    events = eventsValue(c, enrolledOn);
  }
  c.at = back;
  const record = buildRecord(id, cohort, groups, enrolledOn as CalendarDate, spells, wages, events, exitedOn as CalendarDate | undefined, baselineWage);
  return earnings === undefined ? record : withEarnings(record, earnings);
}

/**
 * Skips a list of plain values (objects, strings, numbers; no nested list) and returns where it
 * started; what it holds is read, and checked, later.
 */
function skipList(c: Cursor): number {
  skipSpace(c);
  const listAt = c.at;
  expect(c, OPEN_BRACKET);
  const { text, end } = c;
  let at = c.at;
  let inString = false;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === QUOTE) inString = false;
      else if (code === BACKSLASH) throw DECLINE;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACKET) throw DECLINE;
    else if (code === CLOSE_BRACKET) break;
  }
  if (at >= end) throw DECLINE;
  c.at = at + 1;
  return listAt;
}

function groupsValue(c: Cursor, context: RecordContext): readonly string[] {
  if (!opens(c, OPEN_BRACKET, CLOSE_BRACKET)) return NO_ITEMS;
  const groups: string[] = [];
  do {
    const group = stringValue(c);
    if (!context.groupIds.has(group) || groups.includes(group)) throw DECLINE;
    groups.push(group);
  } while (continues(c, CLOSE_BRACKET));
  return exactList(groups);
}

function spellsValue(c: Cursor, enrolled: number, cache: AmountCache): readonly EmploymentSpell[] {
  if (!opens(c, OPEN_BRACKET, CLOSE_BRACKET)) return NO_ITEMS;
  const spells: EmploymentSpell[] = [];
  let previousEnd: number | undefined; // undefined: the previous spell is open
  do {
    let start = NO_DATE;
    let end: number | undefined;
    let hours: number | undefined;
    let contractType: string | undefined;
    let monthlyWage: Amount | undefined;
    let sector: string | undefined;
    let employer: string | undefined;
    let seen = 0;
    if (opens(c, OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const index = key(c, SPELL_KEYS, seen);
        seen |= 1 << index;
        if (index === 0) start = dateValue(c);
        else if (index === 1) end = dateValue(c);
        else if (index === 2) hours = hoursValue(c);
        else if (index === 3) contractType = stringValue(c);
        else if (index === 4) monthlyWage = amountValue(c, cache);
        else if (index === 5) sector = stringValue(c);
        else employer = stringValue(c);
      } while (continues(c, CLOSE_BRACE));
    }
    if (!spellFollows(start, end, enrolled, previousEnd, spells.length === 0)) throw DECLINE;
    previousEnd = end;
    spells.push(buildSpell(start as CalendarDate, end as CalendarDate | undefined, hours, contractType, monthlyWage, sector, employer));
  } while (continues(c, CLOSE_BRACKET));
  return exactList(spells);
}

function wagesValue(c: Cursor, enrolled: number, cache: AmountCache): readonly WageObservation[] {
  if (!opens(c, OPEN_BRACKET, CLOSE_BRACKET)) return NO_ITEMS;
  const wages: WageObservation[] = [];
  let previous = enrolled;
  do {
    let on = NO_DATE;
    let monthlyWage: Amount | undefined;
    let seen = 0;
    if (opens(c, OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const index = key(c, WAGE_KEYS, seen);
        seen |= 1 << index;
        if (index === 0) on = dateValue(c);
        else monthlyWage = amountValue(c, cache);
      } while (continues(c, CLOSE_BRACE));
    }
    if (monthlyWage === undefined || !observationFollows(on, previous)) throw DECLINE;
    wages.push({ on: on as CalendarDate, monthlyWage });
    previous = on;
  } while (continues(c, CLOSE_BRACKET));
  return exactList(wages);
}

/** Earnings observations in order (period end, then start), each ending on or after its start; declines otherwise. */
function earningsValue(c: Cursor, cache: AmountCache): readonly EarningsObservation[] {
  if (!opens(c, OPEN_BRACKET, CLOSE_BRACKET)) return NO_ITEMS;
  const earnings: EarningsObservation[] = [];
  let previousFrom = NO_DATE;
  let previousTo = NO_DATE;
  do {
    let from = NO_DATE;
    let to = NO_DATE;
    let amount: Amount | undefined;
    let seen = 0;
    if (opens(c, OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const index = key(c, EARNINGS_KEYS, seen);
        seen |= 1 << index;
        if (index === 0) from = dateValue(c);
        else if (index === 1) to = dateValue(c);
        else amount = amountValue(c, cache);
      } while (continues(c, CLOSE_BRACE));
    }
    if (amount === undefined || from === NO_DATE || to === NO_DATE || to < from || !earningsFollow(from, to, previousFrom, previousTo)) throw DECLINE;
    earnings.push({ from: from as CalendarDate, to: to as CalendarDate, amount });
    previousFrom = from;
    previousTo = to;
  } while (continues(c, CLOSE_BRACKET));
  return exactList(earnings);
}

function eventsValue(c: Cursor, enrolled: number): readonly RecordEvent[] {
  if (!opens(c, OPEN_BRACKET, CLOSE_BRACKET)) return NO_ITEMS;
  const events: RecordEvent[] = [];
  let previousOn = enrolled;
  let previousKind = '';
  do {
    let kind: string | undefined;
    let on = NO_DATE;
    let seen = 0;
    if (opens(c, OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const index = key(c, EVENT_KEYS, seen);
        seen |= 1 << index;
        if (index === 0) kind = stringValue(c);
        else on = dateValue(c);
      } while (continues(c, CLOSE_BRACE));
    }
    if (kind === undefined || !eventFollows(on, kind, previousOn, previousKind)) throw DECLINE;
    if (!EVENT_KIND_PATTERN.test(kind)) throw DECLINE;
    events.push({ kind, on: on as CalendarDate });
    previousOn = on;
    previousKind = kind;
  } while (continues(c, CLOSE_BRACKET));
  return exactList(events);
}
