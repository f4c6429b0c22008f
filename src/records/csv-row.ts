/**
 * Turns one CSV row into a raw record following the column mapping.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { isExactNumberToken } from '../text/index.js';
import type { CsvColumn } from './csv-columns.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Builds the raw record of one CSV row. Empty cells are absent fields. `groups` is split on `;`
 * (parts trimmed). Numbered spells, wages and earnings become list items in increasing N, skipping numbers
 * whose cells are all empty. Hours become a JSON number when the cell is a plain decimal that a
 * double holds as written (else the text stays, and validation reports FIELD_TYPE: never a number
 * rounded silently, `34.9999999999999999` read as 35). Amounts stay decimal strings: never a float.
 *
 * @param columns - the mapping of each header cell
 * @param cells - the row's cells, trimmed
 * @example
 * csvRowToRecord([{ kind: 'field', key: 'id' }], ['P1']); // { id: 'P1' }
 */
export function csvRowToRecord(columns: readonly CsvColumn[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const spells: Numbered = [];
  const wages: Numbered = [];
  const earnings: Numbered = [];
  const events: { kind: string; on: string }[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const cell = cells[i] ?? '';
    if (column === undefined || cell === '') continue;
    switch (column.kind) {
      case 'field':
        record[column.key] = column.key === 'groups' ? cell.split(';').map((group) => group.trim()) : cell;
        break;
      case 'spell':
        itemOf(spells, column.n)[column.key] = column.key === 'hoursPerWeek' && NUMBER.test(cell) && isExactNumberToken(cell, 0, cell.length) ? Number(cell) : cell;
        break;
      case 'wage':
        itemOf(wages, column.n)[column.key] = cell;
        break;
      case 'earnings':
        itemOf(earnings, column.n)[column.key] = cell;
        break;
      case 'event':
        events.push({ kind: column.eventKind, on: cell });
        break;
      default: {
        const unreachable: never = column;
        throw new OutcomePayError('CSV_COLUMN_KIND_UNKNOWN', `unknown CSV column kind ${JSON.stringify(unreachable)}`);
      }
    }
  }
  if (spells.length > 0) record.spells = inOrder(spells);
  if (wages.length > 0) record.wages = inOrder(wages);
  if (events.length > 0) record.events = events;
  if (earnings.length > 0) record.earnings = inOrder(earnings);
  return record;
}

/** Numbered list items by their number N (1 to 999; a sparse array, holes for absent numbers). */
type Numbered = (Record<string, unknown> | undefined)[];

function itemOf(items: Numbered, n: number): Record<string, unknown> {
  let item = items[n];
  if (item === undefined) {
    item = {};
    items[n] = item;
  }
  return item;
}

/** The items in increasing N, without the holes. */
function inOrder(items: Numbered): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (item !== undefined) out.push(item);
  }
  return out;
}
