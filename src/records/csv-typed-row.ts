/**
 * The CSV fast path of a streamed settlement: a plain CSV line (no quote, no CR) read straight into
 * the parsed record, cell by cell in place: dates and amounts from their character codes, no
 * string per cell, no raw record in between. It accepts a line only when the record is certainly
 * valid, with its lists in order, and gives exactly the record that the general path
 * (`csvRowToRecord`, then the validation fast path) gives; anything else it declines, and the
 * caller takes the general path, which explains the problem (or accepts an unusual valid record).
 * Like the validation fast path, it is only an optimisation: tests compare the two.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import type { AmountCache } from './amount-cache.js';
import { enrolledInWindow, type RecordContext } from './check-meaning.js';
import type { CsvColumn } from './csv-columns.js';
import { mayTrim } from './csv-scan.js';
import { NO_DATE, plainDateDayIn } from './fast-fields.js';
import { MAX_HOURS_PER_WEEK, hasIdControlCharacter } from './limits.js';
import { MAX_ID_CHARS } from './reader-limits.js';
import { earningsFollow, eventFollows, observationFollows, spellFollows } from './list-order.js';
import { buildRecord, buildSpell, exactList, NO_ITEMS, withEarnings } from './record-build.js';
import type { EarningsObservation, EmploymentSpell, OutcomeRecord, RecordEvent, WageObservation } from './schema.js';
import { COMMA, CR, DOT, QUOTE, SEMICOLON, ZERO_CODE } from './char-codes.js';

/**
 * Reads the line between `start` and `end` (where its line end starts) of `text`: the parsed
 * record, or `undefined` to take the general path. The caller offers only lines within the
 * readers' size limits (at most `MAX_FIELD_CHARS`, so that no cell is too long); ids longer than
 * `MAX_ID_CHARS` are declined here.
 *
 * @example
 * const typed: CsvTypedReader = createCsvTypedReader(columns, context, createAmountCache());
 * typed('P1,2023-A,2023-01-09\n', 0, 20)?.enrolledOn; // the day number of 2023-01-09
 */
export type CsvTypedReader = (text: string, start: number, end: number) => OutcomeRecord | undefined;

// What a column holds (its code), and for spells and wages which item (its slot).
const ID = 0;
const COHORT = 1;
const GROUPS = 2;
const ENROLLED = 3;
const EXITED = 4;
const BASELINE = 5;
const SPELL_START = 6;
const SPELL_END = 7;
const SPELL_HOURS = 8;
const SPELL_CONTRACT = 9;
const SPELL_WAGE = 10;
const WAGE_ON = 11;
const WAGE_AMOUNT = 12;
const EVENT = 13;
const SPELL_SECTOR = 14;
const SPELL_EMPLOYER = 15;
const EARNINGS_FROM = 16;
const EARNINGS_TO = 17;
const EARNINGS_AMOUNT = 18;
const EARNINGS_CODES = { from: EARNINGS_FROM, to: EARNINGS_TO, amount: EARNINGS_AMOUNT } as const;

const FIELD_CODES = { id: ID, cohort: COHORT, groups: GROUPS, enrolledOn: ENROLLED, exitedOn: EXITED, baselineWage: BASELINE } as const;
const SPELL_CODES = { start: SPELL_START, end: SPELL_END, hoursPerWeek: SPELL_HOURS, contractType: SPELL_CONTRACT, monthlyWage: SPELL_WAGE, sector: SPELL_SECTOR, employer: SPELL_EMPLOYER } as const;

/** A spell or wage item being read: its cells, absent until seen. */
interface Item {
  present: boolean;
  start: number;
  end: number | undefined;
  hours: number | undefined;
  contractType: string | undefined;
  amount: Amount | undefined;
  sector: string | undefined;
  employer: string | undefined;
}

function emptyItem(): Item {
  return { present: false, start: NO_DATE, end: undefined, hours: undefined, contractType: undefined, amount: undefined, sector: undefined, employer: undefined };
}

/** Numbered items (spells or wages) in increasing N: the slot of each N seen in the header. */
function slotsOf(columns: readonly CsvColumn[], kind: 'spell' | 'wage' | 'earnings'): Map<number, number> {
  const numbers = [...new Set(columns.flatMap((column) => (column.kind === kind ? [column.n] : [])))].sort((a, b) => a - b);
  return new Map(numbers.map((n, slot) => [n, slot]));
}

/**
 * A typed reader for a header's columns, a contract's cohorts and groups, and one run's amount
 * cache. Its scratch space (one item per numbered spell and wage of the header) is its own.
 *
 * @param columns - the header's column mapping (see `mapCsvHeader`)
 * @param context - the contract's cohorts and groups
 * @param cache - the run's amount cache
 * @example
 * const typed = createCsvTypedReader(mapCsvHeader(['id', 'cohort', 'enrolledOn'], 1) as CsvColumn[], context, createAmountCache());
 */
export function createCsvTypedReader(columns: readonly CsvColumn[], context: RecordContext, cache: AmountCache): CsvTypedReader {
  const spellSlots = slotsOf(columns, 'spell');
  const wageSlots = slotsOf(columns, 'wage');
  const earningsSlots = slotsOf(columns, 'earnings');
  const width = columns.length;
  const codes = new Int32Array(width);
  const slots = new Int32Array(width);
  const eventKinds: string[] = [];
  columns.forEach((column, i) => {
    switch (column.kind) {
      case 'field':
        codes[i] = FIELD_CODES[column.key];
        break;
      case 'spell':
        codes[i] = SPELL_CODES[column.key];
        slots[i] = spellSlots.get(column.n) ?? 0;
        break;
      case 'wage':
        codes[i] = column.key === 'on' ? WAGE_ON : WAGE_AMOUNT;
        slots[i] = wageSlots.get(column.n) ?? 0;
        break;
      case 'earnings':
        codes[i] = EARNINGS_CODES[column.key];
        slots[i] = earningsSlots.get(column.n) ?? 0;
        break;
      case 'event':
        codes[i] = EVENT;
        slots[i] = eventKinds.length;
        eventKinds.push(column.eventKind);
        break;
    }
  });
  const spellItems = Array.from({ length: spellSlots.size }, emptyItem);
  const wageItems = Array.from({ length: wageSlots.size }, emptyItem);
  const earningsItems = Array.from({ length: earningsSlots.size }, emptyItem);

  return (text, start, end) => {
    for (let k = 0; k < spellItems.length; k++) (spellItems[k] as Item).present = false;
    for (let k = 0; k < wageItems.length; k++) (wageItems[k] as Item).present = false;
    for (let k = 0; k < earningsItems.length; k++) (earningsItems[k] as Item).present = false;
    let id: string | undefined;
    let cohort: string | undefined;
    let groups: readonly string[] = NO_ITEMS;
    let enrolledOn = NO_DATE;
    let exitedOn: number | undefined;
    let baselineWage: Amount | undefined;
    let events: RecordEvent[] | undefined;
    let cellStart = start;
    for (let column = 0; column < width; column++) {
      // the cell: up to the next comma (the last cell: up to the end of the line)
      let cellEnd = cellStart;
      for (; cellEnd < end; cellEnd++) {
        const code = text.charCodeAt(cellEnd);
        if (code === COMMA) break;
        if (code === QUOTE || code === CR) return undefined;
      }
      if ((cellEnd === end) !== (column === width - 1)) return undefined; // too few or too many cells
      if (cellEnd > cellStart) {
        // a cell the general path would trim: leave it to that path
        if (mayTrim(text.charCodeAt(cellStart)) || mayTrim(text.charCodeAt(cellEnd - 1))) return undefined;
        const slot = slots[column] as number;
        switch (codes[column]) {
          case ID:
            if (cellEnd - cellStart > MAX_ID_CHARS) return undefined;
            id = text.slice(cellStart, cellEnd);
            if (hasIdControlCharacter(id)) return undefined;
            break;
          case COHORT:
            cohort = text.slice(cellStart, cellEnd);
            if (!context.cohortIds.has(cohort)) return undefined;
            break;
          case GROUPS: {
            const read = groupsIn(text, cellStart, cellEnd, context);
            if (read === undefined) return undefined;
            groups = read;
            break;
          }
          case ENROLLED:
            enrolledOn = plainDateDayIn(text, cellStart, cellEnd);
            if (enrolledOn === NO_DATE) return undefined;
            break;
          case EXITED:
            exitedOn = plainDateDayIn(text, cellStart, cellEnd);
            if (exitedOn === NO_DATE) return undefined;
            break;
          case BASELINE:
            baselineWage = cache.amountIn(text, cellStart, cellEnd);
            if (baselineWage === undefined) return undefined;
            break;
          case SPELL_START:
          case SPELL_END:
          case SPELL_HOURS:
          case SPELL_CONTRACT:
          case SPELL_WAGE:
          case SPELL_SECTOR:
          case SPELL_EMPLOYER:
            if (!readSpellCell(spellItems[slot] as Item, codes[column] as number, text, cellStart, cellEnd, cache)) return undefined;
            break;
          case WAGE_ON:
          case WAGE_AMOUNT:
            if (!readWageCell(wageItems[slot] as Item, codes[column] === WAGE_ON, text, cellStart, cellEnd, cache)) return undefined;
            break;
          case EARNINGS_FROM:
          case EARNINGS_TO:
          case EARNINGS_AMOUNT:
            if (!readEarningsCell(earningsItems[slot] as Item, codes[column] as number, text, cellStart, cellEnd, cache)) return undefined;
            break;
          case EVENT: {
            const on = plainDateDayIn(text, cellStart, cellEnd);
            if (on === NO_DATE) return undefined;
            (events ??= []).push({ kind: eventKinds[slot] as string, on: on as CalendarDate });
            break;
          }
        }
      }
      cellStart = cellEnd + 1;
    }
    if (id === undefined || cohort === undefined || enrolledOn === NO_DATE) return undefined;
    if (!enrolledInWindow(context, cohort, enrolledOn)) return undefined;
    if (exitedOn !== undefined && exitedOn < enrolledOn) return undefined;
    const spells = spellsOf(spellItems, enrolledOn);
    if (spells === undefined) return undefined;
    const wages = wagesOf(wageItems, enrolledOn);
    if (wages === undefined) return undefined;
    if (events !== undefined && !eventsInOrder(events, enrolledOn)) return undefined;
    const record = buildRecord(id, cohort, groups, enrolledOn as CalendarDate, spells, wages, exactList(events ?? NO_ITEMS), exitedOn as CalendarDate | undefined, baselineWage);
    if (earningsItems.length === 0) return record;
    const earnings = earningsOf(earningsItems);
    return earnings === undefined ? undefined : withEarnings(record, earnings);
  };
}

/** The groups of a `;`-separated cell: each a contract group, none repeated; else undefined. */
function groupsIn(text: string, start: number, end: number, context: RecordContext): readonly string[] | undefined {
  const groups: string[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== SEMICOLON) continue;
    if (i === from || mayTrim(text.charCodeAt(from)) || mayTrim(text.charCodeAt(i - 1))) return undefined;
    const group = text.slice(from, i);
    if (!context.groupIds.has(group) || groups.includes(group)) return undefined;
    groups.push(group);
    from = i + 1;
  }
  return exactList(groups);
}

/**
 * A plain non-negative decimal (digits, optionally a dot and digits) as the general path's Number(),
 * of at most 15 characters (a longer one may be a number a double cannot hold, which the general
 * path leaves as text).
 */
function hoursIn(text: string, start: number, end: number): number | undefined {
  if (end - start > 15) return undefined;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT && dot < 0 && i > start && i < end - 1) dot = i;
    else if (code < ZERO_CODE || code > ZERO_CODE + 9) return undefined;
  }
  const hours = Number(text.slice(start, end));
  return hours <= MAX_HOURS_PER_WEEK ? hours : undefined;
}

function readSpellCell(item: Item, code: number, text: string, start: number, end: number, cache: AmountCache): boolean {
  if (!item.present) {
    item.present = true;
    item.start = NO_DATE;
    item.end = undefined;
    item.hours = undefined;
    item.contractType = undefined;
    item.amount = undefined;
    item.sector = undefined;
    item.employer = undefined;
  }
  switch (code) {
    case SPELL_START:
      item.start = plainDateDayIn(text, start, end);
      return item.start !== NO_DATE;
    case SPELL_END:
      item.end = plainDateDayIn(text, start, end);
      return item.end !== NO_DATE;
    case SPELL_HOURS:
      item.hours = hoursIn(text, start, end);
      return item.hours !== undefined;
    case SPELL_CONTRACT:
      item.contractType = text.slice(start, end);
      return true;
    case SPELL_SECTOR:
      item.sector = text.slice(start, end);
      return true;
    case SPELL_EMPLOYER:
      item.employer = text.slice(start, end);
      return true;
    default:
      item.amount = cache.amountIn(text, start, end);
      return item.amount !== undefined;
  }
}

function readWageCell(item: Item, isDate: boolean, text: string, start: number, end: number, cache: AmountCache): boolean {
  if (!item.present) {
    item.present = true;
    item.start = NO_DATE;
    item.amount = undefined;
  }
  if (isDate) {
    item.start = plainDateDayIn(text, start, end);
    return item.start !== NO_DATE;
  }
  item.amount = cache.amountIn(text, start, end);
  return item.amount !== undefined;
}

function readEarningsCell(item: Item, code: number, text: string, start: number, end: number, cache: AmountCache): boolean {
  if (!item.present) {
    item.present = true;
    item.start = NO_DATE;
    item.end = NO_DATE;
    item.amount = undefined;
  }
  if (code === EARNINGS_AMOUNT) {
    item.amount = cache.amountIn(text, start, end);
    return item.amount !== undefined;
  }
  const day = plainDateDayIn(text, start, end);
  if (code === EARNINGS_FROM) item.start = day;
  else item.end = day;
  return day !== NO_DATE;
}

/** The spells in slot order when they start on or after enrolment, in order, without overlap. */
function spellsOf(items: readonly Item[], enrolled: number): readonly EmploymentSpell[] | undefined {
  let spells: EmploymentSpell[] | undefined;
  let previousEnd: number | undefined; // undefined: the previous spell is open
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    if (!item.present) continue;
    const { start, end } = item;
    if (!spellFollows(start, end, enrolled, previousEnd, spells === undefined)) return undefined;
    previousEnd = end;
    (spells ??= []).push(buildSpell(start as CalendarDate, end as CalendarDate | undefined, item.hours, item.contractType, item.amount, item.sector, item.employer));
  }
  return exactList(spells ?? NO_ITEMS);
}

/** The wage observations in slot order when each has both cells and they are in date order. */
function wagesOf(items: readonly Item[], enrolled: number): readonly WageObservation[] | undefined {
  let wages: WageObservation[] | undefined;
  let previous = enrolled;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    if (!item.present) continue;
    if (item.amount === undefined || !observationFollows(item.start, previous)) return undefined;
    (wages ??= []).push({ on: item.start as CalendarDate, monthlyWage: item.amount });
    previous = item.start;
  }
  return exactList(wages ?? NO_ITEMS);
}

/** The earnings observations in slot order when each has its three cells, ends on or after its start, and they are in order (by end, then start). */
function earningsOf(items: readonly Item[]): readonly EarningsObservation[] | undefined {
  let earnings: EarningsObservation[] | undefined;
  let previousFrom = NO_DATE;
  let previousTo = NO_DATE;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    if (!item.present) continue;
    const from = item.start;
    const to = item.end ?? NO_DATE;
    if (item.amount === undefined || from === NO_DATE || to === NO_DATE || to < from || !earningsFollow(from, to, previousFrom, previousTo)) return undefined;
    (earnings ??= []).push({ from: from as CalendarDate, to: to as CalendarDate, amount: item.amount });
    previousFrom = from;
    previousTo = to;
  }
  return exactList(earnings ?? NO_ITEMS);
}

/** Events in the order the validation fast path requires: by date, then kind, none before enrolment. */
function eventsInOrder(events: readonly RecordEvent[], enrolled: number): boolean {
  let previousOn = enrolled;
  let previousKind = '';
  for (let k = 0; k < events.length; k++) {
    const event = events[k] as RecordEvent;
    if (!eventFollows(event.on, event.kind, previousOn, previousKind)) return false;
    previousOn = event.on;
    previousKind = event.kind;
  }
  return true;
}
