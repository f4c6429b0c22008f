/**
 * The file name of a statement: predictable from the tranche, the payer and the language.
 *
 * @module
 */
import type { Lang } from '../format/index.js';

/**
 * The file name of the statement of a payer for a tranche: `statement-<tranche>+<payer>.<lang>.html`
 * (`statement-t1+region.fr.html`). Contract ids are letters, digits, `.`, `_` and `-`; the tranche
 * of an exit payment, `exit:<clause>`, is written `exit~<clause>` (no `:` in a file name). No id
 * holds `+` or `~`, so two statements never get one name.
 *
 * @example
 * statementFileName('t1', 'region', 'fr'); // 'statement-t1+region.fr.html'
 * statementFileName('exit:early-end', 'region', 'en'); // 'statement-exit~early-end+region.en.html'
 */
export function statementFileName(tranche: string, payer: string, lang: Lang): string {
  const safe = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '~');
  return `statement-${safe(tranche)}+${safe(payer)}.${lang}.html`;
}
