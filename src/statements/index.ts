/**
 * Payment statements: a settlement as one printable HTML page per payer and tranche, in English
 * or French.
 *
 * @module
 */
export { statementFileName } from './file-name.js';
export { escapeHtml } from '../text/index.js';
export { paymentStatements } from './statements.js';
export type { PaymentStatement, PaymentStatementsOptions } from './statements.js';
