/**
 * Small helpers over employment spells.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import type { EmploymentSpell } from '../records/index.js';

/**
 * The spells in order of start date. Validated records are already sorted, so this returns the
 * same array after one pass; an unsorted list is copied and sorted.
 *
 * @example
 * spellsByStart(record.spells) === record.spells; // true for a validated record
 */
export function spellsByStart(spells: readonly EmploymentSpell[]): readonly EmploymentSpell[] {
  for (let i = 1; i < spells.length; i++) {
    if ((spells[i] as EmploymentSpell).start < (spells[i - 1] as EmploymentSpell).start) {
      return [...spells].sort((a, b) => a.start - b.start);
    }
  }
  return spells;
}

/**
 * True when a known spell covers `day` (`start <= day <= end`, no end = ongoing). Only call it for
 * days at or before the as-of date: nothing is known after it.
 *
 * @example
 * covers({ start: parseDate('2024-01-01') }, parseDate('2024-06-01')); // true (ongoing)
 */
export function covers(spell: EmploymentSpell, day: CalendarDate): boolean {
  return spell.start <= day && (spell.end === undefined || spell.end >= day);
}
