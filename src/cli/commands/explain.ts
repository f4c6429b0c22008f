/**
 * `outcome-pay explain --participant <id>`: one participant's story in a settlement, as JSON or
 * as text, for a payment in dispute.
 *
 * @module
 */
import type { Command as Definition } from 'commander';
import { explainParticipant } from '../../explain/index.js';
import { explanationText } from '../explanation-text.js';
import { readJsonFile, readRecordsFile } from '../input.js';
import { defineRecordsCsvOptions, readRecordsCsvOptions } from '../records-csv-options.js';
import { EXIT } from '../io.js';
import { once, requiredText, textOption } from '../options.js';
import { defineSettlementOptions, readSettlementOptions } from '../settlement-options.js';
import { issueLines, problemsFound } from '../print-issues.js';
import { STDERR_MESSAGES } from '../stderr-messages.js';
import { printableLines } from '../printable.js';
import { printUpgradeNotice } from '../upgrade-notice.js';
import { LANGS } from '../../format/index.js';
import { LANG_HELP, langOption } from '../people-text.js';
import type { Command } from './command.js';

const NAME = 'explain';

function define(command: Definition): void {
  const one = (flag: string, choices?: readonly string[]): ((value: string, previous: unknown) => string) => once(NAME, flag, choices);
  defineSettlementOptions(
    command
      .usage('--contract <file> --records <file> --as-of <YYYY-MM-DD> --participant <id> [options]')
      .requiredOption('--contract <file>', 'the contract (JSON, docs/contract.md)', one('--contract'))
      .requiredOption('--records <file>', 'the outcome records: .json, .ndjson/.jsonl or .csv (docs/records.md), read whole', one('--records'))
      .requiredOption('--as-of <YYYY-MM-DD>', 'the date of the settlement to explain', one('--as-of'))
      .requiredOption('--participant <id>', 'the participant id, exactly as in the records', one('--participant'))
      .option('--format <format>', '"json" (default): the explanation document; "text": the same for a person to read', one('--format', ['json', 'text']))
      .option('--lang <lang>', `with --format text: ${LANG_HELP}`, one('--lang', LANGS)),
    NAME,
  );
  defineRecordsCsvOptions(command, NAME);
}

const EXAMPLE = ['--contract', 'examples/uk-rate-card/contract.json', '--records', 'examples/uk-rate-card/records.csv', '--as-of', '2025-09-30'];

/** The `explain` command. */
export const explainCommand: Command = {
  name: NAME,
  summary: "Explain one participant's payments: outcomes, claims, cap cuts and the tranches that paid them.",
  description:
    "Settles as settle does, then tells one participant's story: the record, each outcome's status and date with the spells, wages and events it was decided on, each claim with the per-participant caps that cut it (amount before and the cut), and the tranche and line that paid it, with the cuts of the caps covering that line (docs/settlement.md, Explaining one participant). JSON on stdout by default, or text with --format text; warnings and problems on stderr.",
  define,
  examples: [
    {
      what: 'Explain participant UK-0006 of the UK rate-card example as of 30 September 2025, as text: its last sustainment claims cut by the per-participant cap (exit 3: the example holds an invalid record, excluded)',
      argv: [NAME, ...EXAMPLE, '--participant', 'UK-0006', '--format', 'text'],
    },
    { what: 'The same as JSON, for a program (exit 3)', argv: [NAME, ...EXAMPLE, '--participant', 'UK-0006'] },
    { what: 'The text in French: amounts and dates as a French reader writes them (exit 3)', argv: [NAME, ...EXAMPLE, '--participant', 'UK-0006', '--format', 'text', '--lang', 'fr'] },
    {
      what: 'A participant of the Région Sud example paid nothing: its only job was temporary, a contract type the placement does not count (exit 3: the example holds three invalid records)',
      argv: [NAME, '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30', '--participant', 'RS-0002', '--format', 'text'],
    },
  ],
  exitCodes: [
    [EXIT.OK, 'explained, every record of the settlement valid'],
    [EXIT.DATA, 'invalid input, nothing settled, or no record has the participant id (PARTICIPANT_UNKNOWN); every problem is printed on stderr'],
    [EXIT.USAGE, 'bad command line, or a file that cannot be read (named, with the reason)'],
    [EXIT.EXCLUDED, 'explained, but the settlement excluded invalid records (a warning on stderr, or at the top of the text); the participant may be one of them (status "excluded")'],
    [EXIT.INTERNAL, 'internal error (a bug: OUTCOME_PAY_DEBUG=1 prints its stack trace)'],
  ],
  async run({ options: values }, io) {
    const lang = langOption(values, NAME, textOption(values, 'format') === 'text', '--format text');
    const contractPath = requiredText(values, 'contract');
    const contract = await readJsonFile(io, contractPath, 'contract');
    const records = await readRecordsFile(io, requiredText(values, 'records'), await readRecordsCsvOptions(io, values));
    const options = await readSettlementOptions(io, values);
    const result = explainParticipant(contract, records, requiredText(values, 'participant'), options);
    if (!result.ok) {
      const unknown = result.issues.some((issue) => issue.code === 'PARTICIPANT_UNKNOWN');
      io.stderr(unknown ? `${issueLines(result.issues, lang)}${NAME}: ${STDERR_MESSAGES[lang].nothingToExplain}\n` : problemsFound(NAME, result.issues, 'settled', lang));
      return EXIT.DATA;
    }
    printUpgradeNotice(io, contractPath, contract, lang);
    const text = textOption(values, 'format') === 'text';
    const explanation = result.value;
    io.stdout(text ? explanationText(explanation, lang) : `${JSON.stringify(explanation, null, 2)}\n`);
    const quality = explanation.dataQuality;
    if (quality.recordsExcluded === 0) return EXIT.OK;
    if (!text) {
      io.stderr(printableLines([`outcome-pay: ${STDERR_MESSAGES[lang].excludedFromExplained(quality.recordsExcluded, quality.recordsRead)}`]));
    }
    return EXIT.EXCLUDED;
  },
};
