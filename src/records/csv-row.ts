/**
 * Turns one CSV row into a raw record following the column mapping.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import type { CsvColumn } from './csv-columns.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Builds the raw record of one CSV row. Empty cells are absent fields. `groups` is split on `;`
 * (parts trimmed). Numbered spells and wages become list items in increasing N, skipping numbers
 * whose cells are all empty. Hours become a JSON number when the cell is a plain decimal (else the
 * text stays, and validation reports FIELD_TYPE). Amounts stay decimal strings: never a float.
 *
 * @param columns - the mapping of each header cell
 * @param cells - the row's cells, trimmed
 * @example
 * csvRowToRecord([{ kind: 'field', key: 'id' }], ['P1']); // { id: 'P1' }
 */
export function csvRowToRecord(columns: readonly CsvColumn[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const spells = new Map<number, Record<string, unknown>>();
  const wages = new Map<number, Record<string, unknown>>();
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
        itemOf(spells, column.n)[column.key] = column.key === 'hoursPerWeek' && NUMBER.test(cell) ? Number(cell) : cell;
        break;
      case 'wage':
        itemOf(wages, column.n)[column.key] = cell;
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
  if (spells.size > 0) record.spells = inOrder(spells);
  if (wages.size > 0) record.wages = inOrder(wages);
  if (events.length > 0) record.events = events;
  return record;
}

function itemOf(items: Map<number, Record<string, unknown>>, n: number): Record<string, unknown> {
  let item = items.get(n);
  if (item === undefined) {
    item = {};
    items.set(n, item);
  }
  return item;
}

function inOrder(items: ReadonlyMap<number, Record<string, unknown>>): Record<string, unknown>[] {
  return [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}
