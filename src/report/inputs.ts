/**
 * The arguments of the report functions, checked: the contract parsed, the language and the
 * options read (own properties only). A misuse throws `ARGUMENT_INVALID` naming the function.
 *
 * @module
 */
import { parseContract, type Contract } from '../contract/index.js';
import { OutcomePayError } from '../errors.js';
import { invalidArgument } from '../guard.js';
import { REPORT_MESSAGES, type ReportLanguage, type ReportMessages } from './messages.js';

/**
 * The contract parsed, or `ARGUMENT_INVALID` with its first problem: the report describes a
 * settlement or simulation already made, so its contract is valid.
 *
 * @example
 * const parsed = contractArgument('settlementReport', contractJson);
 */
export function contractArgument(where: string, value: unknown): Contract {
  const parsed = parseContract(value);
  if (parsed.ok) return parsed.value;
  const [first] = parsed.issues;
  const others = parsed.issues.length - 1;
  const more = others > 0 ? ` (and ${String(others)} more ${others === 1 ? 'problem' : 'problems'})` : '';
  throw new OutcomePayError('ARGUMENT_INVALID', `${where}: contract is not a valid contract: ${first?.code ?? ''} ${first?.message ?? ''}${more}`, ['contract']);
}

/** The languages of {@link REPORT_MESSAGES}. */
const LANGUAGES = Object.keys(REPORT_MESSAGES) as ReportLanguage[];

/**
 * The messages of the language an options object names (`language`, default `en`).
 *
 * @example
 * messagesOf('settlementReport', 'en').settlement.tranches; // 'Tranches'
 */
export function messagesOf(where: string, language: unknown): ReportMessages {
  if (language === undefined) return REPORT_MESSAGES.en;
  const found = LANGUAGES.find((candidate) => candidate === language);
  if (found === undefined) throw invalidArgument(where, 'options.language', LANGUAGES.map((name) => JSON.stringify(name)).join(' or '), language);
  return REPORT_MESSAGES[found];
}
