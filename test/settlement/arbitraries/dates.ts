/**
 * As-of dates for generated contracts, drawn where settlement has something to do: on or just
 * after a tranche's measurement date, on an exit clause's check date, after the last tranche;
 * and, less often, anywhere from the start of the contract (where nothing may be due yet).
 */
import { addDays, formatDate, parseDate, type CalendarDate } from '../../../src/calendar/index.js';
import type { ContractInput } from '../../../src/contract/index.js';
import { int, pick, type Gen } from './gen.js';

/** The measurement dates of a contract's tranches, in date order. */
export function measurementDays(contract: ContractInput): CalendarDate[] {
  return contract.tranches.map((t) => parseDate(t.measuredOn)).sort((a, b) => a - b);
}

/**
 * An as-of date for the contract: 40 % of the time within 45 days after a measurement date,
 * 25 % exactly on one, 22 % after the last one (up to 400 days), 10 % on an exit check date (or
 * a measurement date when there is no clause), 3 % anywhere from the contract start to 60 days
 * after the last measurement (where nothing may be due yet).
 *
 * @example
 * const asOf = drawAsOf(g, contract); // '2024-07-12'
 */
export function drawAsOf(g: Gen, contract: ContractInput): string {
  const measured = measurementDays(contract);
  const last = measured.at(-1) as CalendarDate;
  const checks = (contract.exitClauses ?? []).map((clause) => parseDate(clause.checkOn));
  const where = int(g, 1, 100);
  if (where <= 40) return formatDate(addDays(pick(g, measured), int(g, 0, 45)));
  if (where <= 65) return formatDate(pick(g, measured));
  if (where <= 87) return formatDate(addDays(last, int(g, 0, 400)));
  if (where <= 97) return formatDate(pick(g, checks.length > 0 ? checks : measured));
  const start = parseDate(contract.period.start);
  return formatDate(addDays(start, int(g, 0, last + 60 - start)));
}

/** A later as-of date: `days` after `asOf`. */
export function later(asOf: string, days: number): string {
  return formatDate(addDays(parseDate(asOf), days));
}
