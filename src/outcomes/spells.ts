/**
 * Small helpers over employment spells.
 *
 * @module
 */
import type { CalendarDate } from '../calendar/index.js';
import { spellEmployer, spellSector, type EmploymentSpell } from '../records/index.js';
import type { CompiledJobs } from './compiled-form.js';

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

/**
 * True when the spell is a job the restriction counts: its sector in `jobs.sectors` and its
 * employer in `jobs.employers`, for each list given (a spell without the field is in no list).
 *
 * @example
 * countsAsJob({ sectors: new Set(['62.01Z']), employers: undefined }, spell); // true for a spell in 62.01Z
 */
export function countsAsJob(jobs: CompiledJobs, spell: EmploymentSpell): boolean {
  if (jobs.sectors !== undefined) {
    const sector = spellSector(spell);
    if (sector === undefined || !jobs.sectors.has(sector)) return false;
  }
  if (jobs.employers !== undefined) {
    const employer = spellEmployer(spell);
    if (employer === undefined || !jobs.employers.has(employer)) return false;
  }
  return true;
}

/**
 * The spells a restriction counts (the same array when there is no restriction).
 *
 * @example
 * jobSpells(undefined, spells) === spells; // true
 */
export function jobSpells(jobs: CompiledJobs | undefined, spells: readonly EmploymentSpell[]): readonly EmploymentSpell[] {
  return jobs === undefined ? spells : spells.filter((spell) => countsAsJob(jobs, spell));
}

/**
 * True when the participant can achieve an outcome restricted to `groups`: no restriction, or a
 * group of the participant is one of them.
 *
 * @example
 * inGroups(new Set(['women']), ['women', 'youth']); // true
 */
export function inGroups(groups: ReadonlySet<string> | undefined, participantGroups: readonly string[]): boolean {
  return groups === undefined || participantGroups.some((group) => groups.has(group));
}
