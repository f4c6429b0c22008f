/**
 * docs/spreadsheets.md lists every file settlementCsv writes, in its order, each with exactly its
 * columns, in order, and their kinds (which decides whether a cell is guarded as text or written
 * as a number): the column lists are stable because a change to one fails here until the
 * documentation says it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTLEMENT_TABLES } from '../../src/spreadsheet/settlement-tables.js';

/** The `### \`name.csv\`` sections of the page, each with its table's rows `| \`column\` | kind | ... |`. */
function documented(): Map<string, string[][]> {
  const files = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const line of readFileSync('docs/spreadsheets.md', 'utf8').split('\n')) {
    const heading = /^### `([a-z-]+\.csv)`$/.exec(line);
    if (heading !== null) files.set(heading[1] ?? '', (current = []));
    else if (line.startsWith('#')) current = undefined;
    const row = /^\| `([A-Za-z]+)` \| (text|amount|count|fraction) \| .+ \|$/.exec(line);
    if (row !== null && current !== undefined) current.push([row[1] ?? '', row[2] ?? '']);
  }
  return files;
}

describe('docs/spreadsheets.md', () => {
  const docs = documented();

  it('lists every file written, in order', () => {
    expect([...docs.keys()]).toEqual(SETTLEMENT_TABLES.map((table) => `${table.name}.csv`));
  });

  it.each(SETTLEMENT_TABLES.map((table) => [`${table.name}.csv`, table] as const))('%s: every column, in order, with its kind', (name, table) => {
    expect(docs.get(name)).toEqual(table.columns.map(([column, kind]) => [column, kind]));
  });
});
