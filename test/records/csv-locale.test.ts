/**
 * Records CSV of other locales (docs/records.md, Spreadsheets of other locales): the options are
 * declared, never guessed. The French sample (examples/records/sample-fr.csv, written from
 * sample.csv by an independent script: `;`, `1 650,00` with a space, a no-break space or a narrow
 * no-break space between thousands, `DD/MM/YYYY`, French headers) reads and settles exactly as its
 * English twin; a mistake gives one issue naming the option to set.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle } from '../../src/index.js';
import { readCsvRecords, readRecords } from '../../src/readers.js';
import { readCsvStream, settleStream } from '../../src/streaming.js';
import { chunks } from '../streaming/fixtures.js';

const english = readFileSync('examples/records/sample.csv', 'utf8');
const french = readFileSync('examples/records/sample-fr.csv', 'utf8');
const contract: unknown = JSON.parse(readFileSync('examples/contracts/region-agency-convention.json', 'utf8'));
const options = { asOf: '2025-06-30', maxExcluded: '100%' } as const;

function records(text: string, csv?: Parameters<typeof readCsvRecords>[1]): readonly unknown[] {
  const read = readCsvRecords(text, csv);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value.records;
}

function issues(text: string, csv?: Parameters<typeof readCsvRecords>[1]): { code: string; message: string; line?: number }[] {
  const read = readCsvRecords(text, csv);
  return (read.ok ? read.value.issues : read.issues) as unknown as { code: string; message: string; line?: number }[];
}

describe('the French preset', () => {
  it('reads sample-fr.csv into exactly the records of sample.csv (amounts as exact decimal text, dates ISO)', () => {
    expect(records(french, { preset: 'fr' })).toEqual(records(english));
    const read = readRecords(Buffer.from(french, 'utf8'), 'csv', { preset: 'fr' });
    expect(read.ok && read.value.records).toEqual(records(english));
  });

  it('settles the same as its English twin, whole and streamed', async () => {
    const en = settle(contract, records(english), options);
    const fr = settle(contract, records(french, { preset: 'fr' }), options);
    if (!en.ok || !fr.ok) throw new Error('not settled');
    expect(fr.value).toEqual(en.value);
    expect(Number(en.value.totals.earned)).toBeGreaterThan(0);
    // streamed, in chunks of 7 characters that cut cells, separators and the no-break spaces' neighbours
    const streamed = await settleStream(contract, { format: 'csv', chunks: () => chunks(french, 7), csv: { preset: 'fr' } }, options);
    if (!streamed.ok) throw new Error(JSON.stringify(streamed.issues));
    const { fingerprint: a, ...restStreamed } = streamed.value;
    const { fingerprint: b, ...restWhole } = en.value;
    expect(restStreamed).toEqual(restWhole);
    expect(a.records).toBe(b.records);
  });

  it('readCsvStream gives the rows of the whole-file reader', async () => {
    const rows: unknown[] = [];
    for await (const row of readCsvStream(chunks(french, 5), { preset: 'fr' })) rows.push(row.kind === 'record' ? row.record : row);
    expect(rows).toEqual(records(english));
  });
});

describe('declared options, each overriding the preset', () => {
  it('a tab, a decimal comma, dots between thousands, DD.MM.YYYY and a mapping of the headers', () => {
    const text = 'Teilnehmer\tKohorte\tEintritt\tLohn\nP1\t2023-A\t09.01.2023\t1.650,50\nP2\t2023-A\t16.01.2023\t980\n';
    const csv = { delimiter: '\t', decimal: ',', thousands: '.', dateFormat: 'DD.MM.YYYY', columns: { Teilnehmer: 'id', Kohorte: 'cohort', Eintritt: 'enrolledOn', Lohn: 'baselineWage' } } as const;
    expect(records(text, csv)).toEqual([
      { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: '1650.50' },
      { id: 'P2', cohort: '2023-A', enrolledOn: '2023-01-16', baselineWage: '980' },
    ]);
  });

  it('the preset with "|" between cells (its other options kept)', () => {
    expect(records('identifiant|cohorte|date_entree|salaire_reference\nP1|2023-A|09/01/2023|1 650,00\n', { preset: 'fr', delimiter: '|' })).toEqual([
      { id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: '1650.00' },
    ]);
  });

  it('French earnings headers (revenus<N>_debut, _fin, _montant) read as earnings<N>_from, _to, _amount', () => {
    const text = 'identifiant;cohorte;date_entree;revenus1_debut;revenus1_fin;revenus1_montant;revenus2_debut;revenus2_fin;revenus2_montant\nP1;2023-A;09/01/2023;01/04/2023;30/06/2023;4 950,75;01/07/2023;30/09/2023;5 100,00\n';
    expect(records(text, { preset: 'fr' })).toEqual([
      {
        id: 'P1',
        cohort: '2023-A',
        enrolledOn: '2023-01-09',
        earnings: [
          { from: '2023-04-01', to: '2023-06-30', amount: '4950.75' },
          { from: '2023-07-01', to: '2023-09-30', amount: '5100.00' },
        ],
      },
    ]);
    // a French earnings header with an unknown suffix is not translated (it stays an unknown column)
    expect(issues('identifiant;cohorte;date_entree;revenus1_total\nP1;2023-A;09/01/2023;12\n', { preset: 'fr' }).map((issue) => issue.message).join(' ')).toContain('revenus1_total');
  });

  it('the default format is unchanged: a decimal comma stays as written (validation refuses it)', () => {
    expect(records('id,cohort,enrolledOn,baselineWage\nP1,2023-A,2023-01-09,"1650,00"\n')).toEqual([{ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: '1650,00' }]);
  });
});

describe('a mistake names the option to set', () => {
  it('a ";" file read with the default options: one CSV_DELIMITER, not its whole header as an unknown column', () => {
    const found = issues(french);
    expect(found.map((issue) => issue.code)).toEqual(['CSV_DELIMITER']);
    expect(found[0]?.message).toContain('--csv-delimiter');
    expect(found[0]?.message).toContain('--csv-preset fr');
    expect(found[0]?.message).toContain('";"');
  });

  it('a French header named like a property every object has (constructor, toString, __proto__, emploi1_valueOf) is an unknown column, as written', () => {
    // The preset's tables of French headers are plain objects: only their own names translate.
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'emploi1_valueOf', 'salaire1_constructor']) {
      const found = issues(`identifiant;cohorte;date_entree;${name}\nP1;2023-A;09/01/2023;x\n`, { preset: 'fr' });
      expect(found.map((issue) => issue.code), name).toEqual(['CSV_UNKNOWN_COLUMN']);
      expect(found[0]?.message, name).toContain(JSON.stringify(name));
    }
  });

  it('a comma file read with the French preset: CSV_DELIMITER naming ","', () => {
    const found = issues(english, { preset: 'fr' });
    expect(found.map((issue) => issue.code)).toEqual(['CSV_DELIMITER']);
    expect(found[0]?.message).toContain('","');
  });

  it('an amount not written as declared: CSV_AMOUNT_LOCALE on its line, the record left out, the option named', () => {
    const text = 'identifiant;cohorte;date_entree;salaire_reference\nP1;2023-A;09/01/2023;1.650,00\nP2;2023-A;09/01/2023;1 65,00\nP3;2023-A;09/01/2023;1 650,00\n';
    const read = readCsvRecords(text, { preset: 'fr' });
    if (!read.ok) throw new Error('fatal');
    expect(read.value.records).toEqual([{ id: 'P3', cohort: '2023-A', enrolledOn: '2023-01-09', baselineWage: '1650.00' }]);
    expect(read.value.issues.map((issue) => [issue.code, issue.line, issue.path])).toEqual([
      ['CSV_AMOUNT_LOCALE', 2, ['salaire_reference']],
      ['CSV_AMOUNT_LOCALE', 3, ['salaire_reference']],
    ]);
    expect(read.value.issues[0]?.message).toContain('--csv-thousands');
  });

  it('a date not written as declared: CSV_DATE_FORMAT naming the option', () => {
    const found = issues('identifiant;cohorte;date_entree\nP1;2023-A;2023-01-09\n', { preset: 'fr' });
    expect(found.map((issue) => [issue.code, issue.line])).toEqual([['CSV_DATE_FORMAT', 2]]);
    expect(found[0]?.message).toContain('--csv-date-format');
    expect(found[0]?.message).toContain('DD/MM/YYYY');
  });

  it('options that are not among those listed throw ARGUMENT_INVALID naming the option', () => {
    expect(() => readCsvRecords(english, { delimiter: ':' } as never)).toThrow(/csv\.delimiter/);
    expect(() => readCsvRecords(english, { preset: 'de' } as never)).toThrow(/csv\.preset/);
    expect(() => readCsvRecords(english, { decimal: ',', thousands: ',' })).toThrow(/differ/);
    expect(() => readCsvRecords(english, { separator: ';' } as never)).toThrow(/csv\.separator/);
  });
});
