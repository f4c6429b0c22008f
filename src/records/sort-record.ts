/**
 * Puts a valid record's lists in their documented order.
 *
 * @module
 */
import { recordEarnings } from './record-build.js';
import type { EarningsObservation, OutcomeRecord } from './schema.js';

/**
 * Returns the record with `spells` sorted by start, `wages` by date and `events` by date then
 * kind (stable: ties keep input order), `earnings` (when present) by period end then start. `groups` keep input order.
 *
 * @example
 * sortRecordLists(record).spells.map((s) => s.start); // ascending day numbers
 */
export function sortRecordLists(record: OutcomeRecord): OutcomeRecord {
  const needs =
    !isSorted(record.spells, (a, b) => a.start - b.start) ||
    !isSorted(record.wages, (a, b) => a.on - b.on) ||
    !isSorted(record.events, compareEvents);
  const earnings = recordEarnings(record);
  if (earnings.length > 0 && !isSorted(earnings, compareEarnings)) {
    return { ...sortRecordLists({ ...record, earnings: undefined }), earnings: [...earnings].sort(compareEarnings) };
  }
  if (!needs) return record;
  return {
    ...record,
    spells: [...record.spells].sort((a, b) => a.start - b.start),
    wages: [...record.wages].sort((a, b) => a.on - b.on),
    events: [...record.events].sort(compareEvents),
  };
}

function compareEarnings(a: EarningsObservation, b: EarningsObservation): number {
  return a.to - b.to || a.from - b.from;
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
