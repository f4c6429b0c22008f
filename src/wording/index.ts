/**
 * The engine's sentences in the reader's language: formulas, explanations, reasons and terms of
 * outcomes, read back from their English templates and written in French.
 *
 * @module
 */
export { engineText, frenchOf, reasonText } from './engine-text.js';
export { frenchContractTypes } from './french-values.js';
export { REASON_TEXT_FR } from './reasons.js';
