/**
 * The kinds of caps in words: French readers see `financeur`, `contrat`, not the JSON's `payer`,
 * `contract` (the summary, the explanation and the statements; the report has its own tests).
 */
import { describe, expect, it } from 'vitest';
import { frenchCapKind, MESSAGES } from '../../src/format/index.js';

describe('cap kinds in words', () => {
  it('every kind of a tranche cap cut and of a simulation cap binding has its French words; an unknown kind stays as it is', () => {
    expect(['outcome', 'cohort', 'tranche', 'contract', 'payer', 'participant', 'outcomeVolume', 'share'].map(frenchCapKind)).toEqual([
      'par résultat', 'cohorte', 'tranche', 'contrat', 'financeur', 'par participant', 'volume de résultats', 'part',
    ]);
    expect(frenchCapKind('toString')).toBe('toString'); // an own key only, not Object.prototype's
    expect(frenchCapKind('newKind')).toBe('newKind');
  });

  it('the French summary, explanation and statements write the kind in French; the English ones as the JSON does, a participant cap in words', () => {
    expect(MESSAGES.fr.summary.capCut('t1', 'payer', 'cap-region', '600 000,00 €', '0,00 €', '650 000,00 €', '50 000,00 €')).toBe(
      't1 : plafond cap-region (financeur, limite 600 000,00 €, déjà utilisé 0,00 €) : 650 000,00 € demandé, 50 000,00 € retranché',
    );
    expect(MESSAGES.fr.explain.capCut('contract', 'cap-contract', '1 000,00 €', '900,00 €', '200,00 €', '100,00 €')).toBe(
      'plafond contrat cap-contract (limite 1 000,00 €) : 900,00 € déjà utilisé, 200,00 € demandé, 100,00 € retranché',
    );
    expect(MESSAGES.fr.statement.capKind('cohort')).toBe('cohorte');
    expect(MESSAGES.en.statement.capKind('cohort')).toBe('cohort');
    expect(MESSAGES.en.statement.capKind('participant')).toBe('per participant');
  });
});
