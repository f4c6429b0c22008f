/**
 * `paymentStatements`: one printable HTML statement per payer and tranche of a settlement.
 *
 * @module
 */
import { invalidArgument, readFields } from '../guard.js';
import { isLang, type Lang } from '../format/index.js';
import { settlementArgument, type PayerAmounts, type Settlement, type SettlementTranche } from '../settlement/index.js';
import { caseDistinctNames } from './file-name.js';
import { statementHtml } from './statement-html.js';

const WHERE = 'paymentStatements';

/** Options of {@link paymentStatements}. */
export interface PaymentStatementsOptions {
  /** The language of the statements: `en` (the default) or `fr`. */
  readonly lang?: Lang;
}

/** One payment statement: a payer's part of a tranche, as a printable HTML page. */
export interface PaymentStatement {
  /** Tranche id. */
  readonly tranche: string;
  /** Payer id. */
  readonly payer: string;
  /** The language of the page. */
  readonly lang: Lang;
  /** A file name for the page: `statement-<tranche>+<payer>.<lang>.html`, with `~<mask>` before the language when another statement's name differs from it by case alone. */
  readonly fileName: string;
  /** The payer's part of the tranche earned to date, as in the settlement. */
  readonly earned: string;
  /** What the payer paid of it before. */
  readonly previouslyPaid: string;
  /** What the payer owes now (negative: to be returned). */
  readonly due: string;
  /** The page: a complete HTML document, its style inline, loading nothing. */
  readonly html: string;
}

/** A zero of the settlement's text: `0`, `0.00`, `-0.000`. */
const isZero = (amount: string): boolean => /^-?0(?:\.0+)?$/.test(amount);

/** Whether a tranche gets a statement for a payer: measured (not `scheduled`), or with an amount for it. */
function stated(tranche: SettlementTranche, payer: PayerAmounts): boolean {
  return tranche.status !== 'scheduled' || !isZero(payer.earned) || !isZero(payer.previouslyPaid) || !isZero(payer.due);
}

function readLang(options: unknown): Lang {
  const { lang } = readFields(WHERE, 'options', options, ['lang']);
  if (lang === undefined) return 'en';
  if (isLang(lang)) return lang;
  throw invalidArgument(WHERE, 'options.lang', '"en" or "fr"', lang);
}

/**
 * The payment statements of a settlement: one per payer and tranche, for every tranche measured by
 * the as-of date (every status but `scheduled`) and any other in which the payer has an amount,
 * in the settlement's order of tranches and each tranche's order of payers. Each says what the
 * payer owes for the tranche (earned, paid before, due now), with the contract's identity, the
 * tranche's figures, every audit line (the outcome, cohort and claims it pays for, the formula,
 * earned and paid, the payer's part of a line it funds alone or in part), the cap cuts, the
 * adjustments to what the payer paid before, and the fingerprints of the contract, the records and
 * the settlement's inputs. A printable HTML page (print style for A4, no script, nothing loaded
 * from elsewhere, every name escaped) in English or French (amounts `1 650,00 €`, dates
 * `30 juin 2025`). Pure: no file is written. Throws `OutcomePayError` `ARGUMENT_INVALID` for
 * anything but a settlement document, or a language other than `en` and `fr`.
 *
 * @param settlement - what `settle` returned (its `value` when ok), or a settlement document read back from JSON
 * @param options - `{ lang: 'fr' }` for French
 * @returns the statements, in the order above
 * @example
 * import { paymentStatements } from 'outcome-pay/statements';
 * const result = settle(contract, records, { asOf: '2025-06-30' });
 * if (result.ok) {
 *   for (const statement of paymentStatements(result.value, { lang: 'fr' })) writeFileSync(join('out', statement.fileName), statement.html);
 * }
 */
export function paymentStatements(settlement: Settlement, options?: PaymentStatementsOptions): readonly PaymentStatement[] {
  const lang = readLang(options);
  const checked = settlementArgument(WHERE, settlement);
  const parts = checked.tranches.flatMap((tranche) => tranche.payers.filter((payer) => stated(tranche, payer)).map((payer) => ({ tranche, payer })));
  const names = caseDistinctNames(
    parts.map(({ tranche, payer }) => ({ tranche: tranche.id, payer: payer.payer })),
    lang,
  );
  return parts.map(({ tranche, payer }, i) => ({
    tranche: tranche.id,
    payer: payer.payer,
    lang,
    fileName: names[i] ?? '',
    earned: payer.earned,
    previouslyPaid: payer.previouslyPaid,
    due: payer.due,
    html: statementHtml({ settlement: checked, tranche, payer, lang }),
  }));
}
