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
 * holds `+` or `~`, so two statements never get one name on a file system that tells case apart;
 * {@link paymentStatements} marks the names that differ by case alone (see `caseDistinctNames` in src/statements/file-name.ts).
 *
 * @example
 * statementFileName('t1', 'region', 'fr'); // 'statement-t1+region.fr.html'
 * statementFileName('exit:early-end', 'region', 'en'); // 'statement-exit~early-end+region.en.html'
 */
export function statementFileName(tranche: string, payer: string, lang: Lang): string {
  const safe = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '~');
  return `statement-${safe(tranche)}+${safe(payer)}.${lang}.html`;
}

/** A base-36 number with a bit for each upper-case letter of `text`, the last character the lowest bit. */
function caseMask(text: string): string {
  let mask = 0n;
  for (const character of text) mask = mask * 2n + (/[A-Z]/.test(character) ? 1n : 0n);
  return mask.toString(36);
}

/**
 * The file names of statements made distinct also where case is ignored (Windows, macOS): a name
 * that differs from another of the same run by case alone (tranches `t1` and `T1`, payers `region`
 * and `Region`) gets `~<mask>` before the language, a base-36 number with a bit for each
 * upper-case letter of `<tranche>+<payer>` (the last character the lowest bit). Two ids that differ
 * by case alone have different masks, so the names differ whatever the file system; other names
 * are left as they are. The mask depends on the ids alone: the same statement gets the same name
 * in every run that holds the same pair.
 *
 * @example
 * caseDistinctNames([{ tranche: 't1', payer: 'region' }, { tranche: 'T1', payer: 'region' }], 'en');
 * // ['statement-t1+region~0.en.html', 'statement-T1+region~74.en.html']
 */
export function caseDistinctNames(statements: readonly { readonly tranche: string; readonly payer: string }[], lang: Lang): string[] {
  const names = statements.map((statement) => statementFileName(statement.tranche, statement.payer, lang));
  const spellings = new Map<string, Set<string>>();
  for (const name of names) spellings.set(name.toLowerCase(), (spellings.get(name.toLowerCase()) ?? new Set()).add(name));
  return names.map((name, i) => {
    if ((spellings.get(name.toLowerCase())?.size ?? 0) < 2) return name;
    const { tranche, payer } = statements[i] ?? { tranche: '', payer: '' };
    return name.replace(new RegExp(`\\.${lang}\\.html$`), `~${caseMask(`${tranche}+${payer}`)}.${lang}.html`);
  });
}
