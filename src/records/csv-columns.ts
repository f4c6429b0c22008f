/**
 * The CSV column mapping: which header names exist and where each cell goes in a raw record.
 *
 * @module
 */
import { expectString } from '../guard.js';
import { EVENT_KIND_PATTERN } from './limits.js';

/**
 * Where one CSV column goes. `field`: a top-level field (text; `groups` is split on `;`).
 * `spell`/`wage`/`earnings`: a field of the N-th (1-based) numbered spell, wage observation or
 * earnings observation (`earnings2_amount`). `event`: the date of the event of that kind.
 *
 * @example
 * parseColumn('spell2_hours'); // { kind: 'spell', n: 2, key: 'hoursPerWeek' }
 */
export type CsvColumn =
  | { readonly kind: 'field'; readonly key: 'id' | 'cohort' | 'groups' | 'enrolledOn' | 'exitedOn' | 'baselineWage' }
  | { readonly kind: 'spell'; readonly n: number; readonly key: 'start' | 'end' | 'hoursPerWeek' | 'contractType' | 'monthlyWage' | 'sector' | 'employer' }
  | { readonly kind: 'wage'; readonly n: number; readonly key: 'on' | 'monthlyWage' }
  | { readonly kind: 'earnings'; readonly n: number; readonly key: 'from' | 'to' | 'amount' }
  | { readonly kind: 'event'; readonly eventKind: string };

const FIELDS = new Set(['id', 'cohort', 'groups', 'enrolledOn', 'exitedOn', 'baselineWage'] as const);
const SPELL_SUFFIX = {
  start: 'start',
  end: 'end',
  hours: 'hoursPerWeek',
  contract: 'contractType',
  wage: 'monthlyWage',
  sector: 'sector',
  employer: 'employer',
} as const;
const WAGE_SUFFIX = { on: 'on', amount: 'monthlyWage' } as const;
const EARNINGS_SUFFIX = { from: 'from', to: 'to', amount: 'amount' } as const;
const NUMBERED = /^(spell|wage|earnings)([1-9]\d{0,2})_([a-z]+)$/;

/**
 * The required CSV columns.
 *
 * @example
 * REQUIRED_CSV_COLUMNS; // ['id', 'cohort', 'enrolledOn']
 */
export const REQUIRED_CSV_COLUMNS: readonly string[] = ['id', 'cohort', 'enrolledOn'];

/**
 * Maps a header name to its column, or `undefined` for a name the mapping does not define.
 *
 * @param name - a header cell (already trimmed)
 * @example
 * parseColumn('event_training-completed'); // { kind: 'event', eventKind: 'training-completed' }
 * parseColumn('earnings1_amount');         // { kind: 'earnings', n: 1, key: 'amount' }
 * parseColumn('spell1_salary');            // undefined
 */
export function parseColumn(name: string): CsvColumn | undefined {
  expectString('parseColumn', 'name', name);
  if ((FIELDS as ReadonlySet<string>).has(name)) {
    return { kind: 'field', key: name as 'id' };
  }
  if (name.startsWith('event_')) {
    const eventKind = name.slice('event_'.length);
    return EVENT_KIND_PATTERN.test(eventKind) ? { kind: 'event', eventKind } : undefined;
  }
  const match = NUMBERED.exec(name);
  if (match === null) return undefined;
  const [, list, digits, suffix] = match;
  const n = Number(digits);
  if (list === 'spell' && suffix !== undefined && Object.hasOwn(SPELL_SUFFIX, suffix)) {
    return { kind: 'spell', n, key: SPELL_SUFFIX[suffix as keyof typeof SPELL_SUFFIX] };
  }
  if (list === 'wage' && suffix !== undefined && Object.hasOwn(WAGE_SUFFIX, suffix)) {
    return { kind: 'wage', n, key: WAGE_SUFFIX[suffix as keyof typeof WAGE_SUFFIX] };
  }
  if (list === 'earnings' && suffix !== undefined && Object.hasOwn(EARNINGS_SUFFIX, suffix)) {
    return { kind: 'earnings', n, key: EARNINGS_SUFFIX[suffix as keyof typeof EARNINGS_SUFFIX] };
  }
  return undefined;
}
