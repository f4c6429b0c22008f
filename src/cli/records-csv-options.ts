/**
 * The options of a records CSV file of another locale (docs/records.md, Spreadsheets of other
 * locales), shared by `settle`, `explain` and `validate`: declared, never guessed. Not to be
 * confused with `--csv-locale`, the format of the CSV files `settle --format csv` writes.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import type { CsvOptions } from '../records/index.js';
import { readJsonFile } from './input.js';
import { CliUsageError, type CliIo } from './io.js';
import { once, textOption, type OptionValues } from './options.js';

const DELIMITERS: Readonly<Record<string, NonNullable<CsvOptions['delimiter']>>> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };
const THOUSANDS: Readonly<Record<string, NonNullable<CsvOptions['thousands']>>> = { none: '', space: ' ', '.': '.', ',': ',', "'": "'" };

/**
 * Declares `--csv-preset`, `--csv-delimiter`, `--csv-decimal`, `--csv-thousands`,
 * `--csv-date-format` and `--csv-columns` on a command.
 *
 * @example
 * defineRecordsCsvOptions(command, 'settle');
 */
export function defineRecordsCsvOptions(command: Definition, name: string): Definition {
  const one = (flag: string, choices?: readonly string[]): ((value: string, previous: unknown) => string) => once(name, flag, choices);
  return command
    .option('--csv-preset <preset>', 'a records CSV file from a French spreadsheet: "fr" (";" between cells, amounts as 1 650,00, dates DD/MM/YYYY, French headers: docs/records.md); the other --csv-* options override it', one('--csv-preset', ['fr']))
    .option('--csv-delimiter <delimiter>', 'the records CSV file has this between cells: "," (default), ";", "tab" or "|"', one('--csv-delimiter', Object.keys(DELIMITERS)))
    .option('--csv-decimal <separator>', 'the records CSV file writes amounts and hours with this decimal separator: "." (default) or ","', one('--csv-decimal', ['.', ',']))
    .option('--csv-thousands <separator>', 'the records CSV file groups thousands with: "none" (default), "space" (a space, no-break space or narrow no-break space), ".", "," or "\'"', one('--csv-thousands', Object.keys(THOUSANDS)))
    .option('--csv-date-format <format>', 'the records CSV file writes dates as: YYYY-MM-DD (default), DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY', one('--csv-date-format', ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY']))
    .option('--csv-columns <mapping.json>', "a JSON object mapping the records CSV file's headers to the records columns ({\"Date d'entrée\": \"enrolledOn\"})", one('--csv-columns'));
}

/**
 * The CSV options the command line declares, or undefined for none (today's format).
 *
 * @example
 * const csv = await readRecordsCsvOptions(io, values); // { preset: 'fr' } for --csv-preset fr
 */
export async function readRecordsCsvOptions(io: CliIo, values: OptionValues): Promise<CsvOptions | undefined> {
  const preset = textOption(values, 'csvPreset');
  const delimiter = textOption(values, 'csvDelimiter');
  const decimal = textOption(values, 'csvDecimal');
  const thousands = textOption(values, 'csvThousands');
  const dateFormat = textOption(values, 'csvDateFormat');
  const columnsPath = textOption(values, 'csvColumns');
  const columns = columnsPath === undefined ? undefined : await readJsonFile(io, columnsPath, 'CSV columns');
  if (columns !== undefined && (typeof columns !== 'object' || columns === null || Array.isArray(columns) || !Object.values(columns).every((value) => typeof value === 'string'))) {
    throw new CliUsageError(`--csv-columns ${columnsPath ?? ''}: the file must hold a JSON object mapping each header of the records file to a records column name (strings)`);
  }
  const options: CsvOptions = {
    ...(preset === 'fr' ? { preset } : {}),
    ...(delimiter === undefined || DELIMITERS[delimiter] === undefined ? {} : { delimiter: DELIMITERS[delimiter] }),
    ...(decimal === '.' || decimal === ',' ? { decimal } : {}),
    ...(thousands === undefined || THOUSANDS[thousands] === undefined ? {} : { thousands: THOUSANDS[thousands] }),
    ...(dateFormat === undefined ? {} : { dateFormat: dateFormat as NonNullable<CsvOptions['dateFormat']> }),
    ...(columns === undefined ? {} : { columns: columns as Record<string, string> }),
  };
  return Object.keys(options).length === 0 ? undefined : options;
}
