/**
 * Text for people in English and French: the languages, the message tables, amounts
 * (`1 650,00 €`), shares and dates (`30 juin 2025`, through date-fns). Used by the command line's
 * summaries and explanations and by the payment statements; the core entry point does not import
 * it (date-fns stays out of a core bundle).
 *
 * @module
 */
export { frenchCapKind } from './cap-kinds.js';
export { dateText } from './date-text.js';
export { decimalText } from './decimal-text.js';
export { isLang, LANGS, LOCALES, type Lang } from './lang.js';
export { MESSAGES, type ExplainMessages, type Messages, type StatementMessages, type SummaryMessages } from './messages.js';
export { GROUP_SEPARATOR_FOR_NARROW_SPACE, moneyText } from './money-text.js';
export { percentText, ratioText, shareText } from './percent-text.js';
