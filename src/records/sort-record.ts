/**
 * Puts a valid record's lists in their documented order.
 *
 * @module
 */
import type { OutcomeRecord } from './schema.js';

/**
 * Returns the record with `spells` sorted by start, `wages` by date and `events` by date then
 * kind (stable: ties keep input order). `groups` keep input order.
 *
 * @example
 * sortRecordLists(record).spells.map((s) => s.start); // ascending day numbers
 */
export function sortRecordLists(record: OutcomeRecord): OutcomeRecord {
  const needs =
    !isSorted(record.spells, (a, b) => a.start - b.start) ||
    !isSorted(record.wages, (a, b) => a.on - b.on) ||
    !isSorted(record.events, compareEvents);
  if (!needs) return record;
  return {
    ...record,
    spells: [...record.spells].sort((a, b) => a.start - b.start),
    wages: [...record.wages].sort((a, b) => a.on - b.on),
    events: [...record.events].sort(compareEvents),
  };
}

function compareEvents(a: { readonly on: number; readonly kind: string }, b: { readonly on: number; readonly kind: string }): number {
  if (a.on !== b.on) return a.on - b.on;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

function isSorted<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) {
    const previous = list[i - 1];
    const current = list[i];
    if (previous !== undefined && current !== undefined && compare(previous, current) > 0) return false;
  }
  return true;
}
