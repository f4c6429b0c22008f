/**
 * `outcome-pay/statements`: one payment statement per payer and tranche of a settlement — what is
 * due, for which outcomes, with the audit lines and the contract's identity and fingerprint — as
 * printable HTML in English or French (docs/statements.md); and the text for people it is written
 * with: amounts (`1 650,00 €`) and dates (`30 juin 2025`). Pure: it returns the pages, and runs in
 * a browser. An entry point of its own: it imports date-fns (an optional peer dependency: install
 * it to use this entry point), which the core never does.
 *
 * @example
 * import { paymentStatements } from 'outcome-pay/statements';
 * const pages = paymentStatements(settlement, { lang: 'fr' }); // [{ fileName: 'statement-t1+region.fr.html', html, ... }, ...]
 *
 * @module outcome-pay/statements
 */
export { paymentStatements, statementFileName } from './statements/index.js';
export type { PaymentStatement, PaymentStatementsOptions } from './statements/index.js';
export { dateText, moneyText, shareText } from './format/index.js';
export type { Lang } from './format/index.js';
