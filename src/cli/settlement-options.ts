/**
 * The options `settle` and `explain` share: what a settlement is made with besides the contract
 * and the records (previous settlements, amendments, indicator values, how invalid records are
 * treated), declared once and read into the library's `SettleOptions` once.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import type { SettleOptions } from '../settlement/index.js';
import { readJsonFile } from './input.js';
import type { CliIo } from './io.js';
import { flagOption, listOption, once, repeatable, requiredText, textOption, type OptionValues } from './options.js';

/**
 * Declares the shared settlement options on a command (after its own required options).
 *
 * @example
 * defineSettlementOptions(command.requiredOption('--as-of <YYYY-MM-DD>', 'the date'), 'settle');
 */
export function defineSettlementOptions(command: Definition, name: string): Definition {
  return command
    .option(
      '--previous <file>',
      'a settlement already paid (repeatable): only the difference is due now. Give every settlement of the contract made so far: each records those it deducted, and a missing one, one given twice or two made without each other are refused',
      repeatable(name, '--previous'),
    )
    .option(
      '--amended-from <fingerprint>',
      'the fingerprint.contract of an earlier version of this contract (repeatable): previous settlements made with it are accepted; without it they are refused',
      repeatable(name, '--amended-from'),
    )
    .option('--allow-full-recovery', 'confirm a settlement that earns nothing and so recovers everything paid before (refused otherwise: usually the records given are not complete)')
    .option('--indicators <file>', 'JSON file of indicator values: { "<indicator id>": { "<cohort id>": "<value>" } }', once(name, '--indicators'))
    .option('--strict', 'refuse the settlement for any invalid record (default: exclude it and report it)')
    .option(
      '--max-excluded <n|p%>',
      'how many invalid records may be excluded: a number of records (10) or a share of the records read (2%); beyond it nothing is settled (default 5%: a mistake in the format of the file excludes most records, and must not settle the rest)',
      once(name, '--max-excluded'),
    )
    .option('--allow-empty', 'settle a records file with no records at all (refused by default)');
}

/**
 * Reads the shared options (and `--as-of`) into settlement options, reading the files they name
 * (previous settlements, indicator values) strictly.
 *
 * @example
 * const options = await readSettlementOptions(io, values); // { asOf, previous, records: 'lenient', ... }
 */
export async function readSettlementOptions(io: CliIo, values: OptionValues): Promise<SettleOptions> {
  const previous: unknown[] = [];
  for (const path of listOption(values, 'previous') ?? []) previous.push(await readJsonFile(io, path, 'previous settlement'));
  const indicatorsPath = textOption(values, 'indicators');
  const indicators = indicatorsPath === undefined ? undefined : await readJsonFile(io, indicatorsPath, 'indicators');
  const amendedFrom = listOption(values, 'amendedFrom');
  const maxExcluded = textOption(values, 'maxExcluded');
  return {
    asOf: requiredText(values, 'asOf'),
    previous,
    ...(indicators === undefined ? {} : { indicators: indicators as Record<string, Record<string, string>> }),
    records: flagOption(values, 'strict') ? 'strict' : 'lenient',
    ...(amendedFrom === undefined ? {} : { amendedFrom }),
    ...(flagOption(values, 'allowFullRecovery') ? { allowFullRecovery: true } : {}),
    ...(maxExcluded === undefined ? {} : { maxExcluded }),
    ...(flagOption(values, 'allowEmpty') ? { allowEmpty: true } : {}),
  };
}
