/**
 * The kinds of caps in words, for what is written for people in each language.
 *
 * @module
 */

/** The kinds of caps (`capCuts[].kind`, `CapBinding.kind`) in French; a kind not listed is written as it is. */
const FRENCH_CAP_KINDS: Readonly<Record<string, string>> = {
  participant: 'par participant',
  outcome: 'par résultat',
  outcomeVolume: 'volume de résultats',
  share: 'part',
  cohort: 'cohorte',
  tranche: 'tranche',
  payer: 'financeur',
  contract: 'contrat',
};

/**
 * A kind of cap in French words (`payer` → `financeur`); a kind it does not know, as it is.
 *
 * @example
 * frenchCapKind('contract'); // 'contrat'
 */
export function frenchCapKind(kind: string): string {
  return Object.hasOwn(FRENCH_CAP_KINDS, kind) ? (FRENCH_CAP_KINDS[kind] as string) : kind;
}
