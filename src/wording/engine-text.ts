/**
 * The sentences the engine writes into its documents (formulas, explanations, reasons, terms),
 * in the reader's language. The documents stay in English (they are data: a settlement JSON is
 * the same whatever the reader's language); what is written for people (`settle --summary`,
 * `explain --format text`, statements, the report) passes each sentence through
 * {@link engineText}.
 *
 * @module
 */
import type { Lang } from '../format/index.js';
import { REASON_TEXT, type ReasonCode } from '../outcomes/index.js';
import { frenchNumber } from './french-values.js';
import { PHRASES_FR, translateWith } from './phrases-fr.js';
import { REASON_TEXT_FR } from './reasons.js';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * The French of one of the engine's sentences, or undefined when no template of the engine
 * writes it (a sentence from a newer engine, or a name from the contract).
 *
 * @example
 * frenchOf('rate 0.4 < threshold 0.5: pays nothing'); // 'taux 0,4 < seuil 0,5 : ne paie rien'
 * frenchOf('Région Sud'); // undefined
 */
export function frenchOf(text: string): string | undefined {
  if (DECIMAL.test(text)) return frenchNumber(text);
  return translateWith(PHRASES_FR, text);
}

/**
 * One of the engine's sentences in `lang`: as written for `en`; in French for `fr`, or as written
 * when it is not one of the engine's templates (never dropped).
 *
 * @example
 * engineText('the contract had already ended', 'fr'); // 'la convention avait déjà pris fin'
 * engineText('the contract had already ended', 'en'); // 'the contract had already ended'
 */
export function engineText(text: string, lang: Lang): string {
  return lang === 'en' ? text : (frenchOf(text) ?? text);
}

/**
 * Why an outcome has its status, in `lang` (the sentence of its stable reason code).
 *
 * @example
 * reasonText('WINDOW_OPEN', 'fr'); // 'la fenêtre est encore ouverte'
 */
export function reasonText(code: ReasonCode, lang: Lang): string {
  return lang === 'en' ? REASON_TEXT[code] : REASON_TEXT_FR[code];
}
