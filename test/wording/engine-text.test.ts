/**
 * The engine's sentences in French: every sentence the engine writes, over the vectors, the
 * examples and generated scenarios, has a French template; hand-written translations of each kind
 * of sentence; English is kept as written.
 */
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../src/outcomes/index.js';
import { engineText, frenchOf, reasonText, REASON_TEXT_FR } from '../../src/wording/index.js';
import { collectSentences } from './corpus.js';

const NBSP = '\u00A0';

describe('the engine sentences in French', () => {
  it('has a French template for every sentence the vectors, examples and 60 scenarios produce', () => {
    const sentences = collectSentences(60);
    // the corpus reaches every place an engine sentence is written (measured, not assumed)
    for (const field of ['line formula', 'line rounding', 'reinvestment', 'budget year', 'name', 'cause', 'unscheduled', 'review', 'terms', 'spell not counted', 'earnings counted', 'claim formula', 'claim unscheduled', 'decision at risk']) {
      expect(sentences.some((sentence) => sentence.where.endsWith(field)), field).toBe(true);
    }
    expect(sentences.some((sentence) => sentence.where.includes(': exit '))).toBe(true);
    expect(sentences.some((sentence) => sentence.where.includes(': adjustment '))).toBe(true);
    const untranslated = sentences.filter((sentence) => frenchOf(sentence.text) === undefined);
    expect(untranslated.slice(0, 10)).toEqual([]);
    // no English word of a template is left in a French sentence
    const english = /\b(?:the|of|and|rate|paid|pays|participants? who|achieved|within|employed|earned|before|after|less|threshold|reached|rounded|capped|claims?|cohort|record|claimed|window|spell)\b/u;
    const leftovers = sentences
      .map((sentence) => ({ ...sentence, french: frenchOf(sentence.text) ?? '' }))
      .filter((sentence) => english.test(sentence.french.replace(/«[^»]*»|\([^()]*\)$/gu, '').replace(/\b(?:[a-z]+-)+[a-z0-9]+\b/gu, '')));
    expect(leftovers.slice(0, 10).map((sentence) => `${sentence.where}: ${sentence.french}`)).toEqual([]);
  }, 240_000);

  it('writes each kind of sentence as a French reader reads it (hand-written translations)', () => {
    expect(frenchOf('17 participants who achieved placement × 1200')).toBe(`17 participants ayant atteint placement × 1${NBSP}200`);
    expect(frenchOf('1 participant who achieved ret6 × 800')).toBe('1 participant ayant atteint ret6 × 800');
    expect(frenchOf('2 participants who achieved placement × 58963 (42116 × 1.4 = 58962.4, rounded up to a multiple of 1)')).toBe(
      `2 participants ayant atteint placement × 58${NBSP}963 (42${NBSP}116 × 1,4 = 58${NBSP}962,4, arrondi par excès au multiple de 1)`,
    );
    expect(frenchOf('3 participants who achieved placement × 300 (1 of 3 at 900 cut to 300 by participant cap cap-a, cap-b; 2 of 3 at 700 cut to 300 by participant cap cap-a)')).toBe(
      '3 participants ayant atteint placement × 300 (1 sur 3 : 900 réduit à 300 par le plafond par participant cap-a, cap-b ; 2 sur 3 : 700 réduits à 300 par le plafond par participant cap-a)',
    );
    expect(frenchOf('2 participants who achieved job-26w × 1500 (3000.00 withheld: minimum performance level mpl below 0.3, 2 of 10)')).toBe(
      `2 participants ayant atteint job-26w × 1${NBSP}500 (3${NBSP}000,00 retenus : niveau minimal de performance mpl inférieur à 0,3, 2 sur 10)`,
    );
    expect(frenchOf('2 starts × 250 (the fee for starts from 2024-07-01 to before 2025-01-01)')).toBe('2 entrées × 250 (le tarif des entrées du 1er juillet 2024 au 1er janvier 2025 exclu)');
    expect(frenchOf('3 sustainment periods × 100')).toBe('3 périodes de maintien dans l’emploi × 100');
    expect(frenchOf('rate 0.75 in the tier from 0.6: pays 5000.00; less 0 paid by earlier tranches')).toBe(
      `taux 0,75 dans le palier à partir de 0,6 : paie 5${NBSP}000,00 ; moins 0 payés par les tranches précédentes`,
    );
    expect(frenchOf('placement rate 0.408163 ≥ threshold 0.3 on 2025-01-31')).toBe('taux de placement 0,408163 ≥ seuil 0,3 le 31 janvier 2025');
    expect(frenchOf('2024-05-15 is on or after 2024-05-01')).toBe('le 15 mai 2024 est au plus tôt le 1er mai 2024');
    expect(frenchOf('2 claims of rule "pay-placement" (P4, P5) paid before, whose record is no longer among the records: -2000.00')).toBe(
      `2 demandes de la règle « pay-placement » (P4, P5) payées auparavant, dont l’enregistrement ne figure plus parmi les enregistrements : -2${NBSP}000,00`,
    );
    expect(frenchOf('an employment spell starting within 180 days of programme exit, at least 24 hours a week, contract type permanent or fixed-term, lasting at least 30 days')).toBe(
      'une période d’emploi commençant dans les 180 jours suivant la sortie du programme, d’au moins 24 heures par semaine, contrat CDI ou CDD, d’au moins 30 jours',
    );
    expect(frenchOf('employed continuously, no gap longer than 15 days, over 6 months from the placement date (end inclusive)')).toBe(
      'en emploi sans interruption de plus de 15 jours, sur 6 mois à partir de la date de placement (fin incluse)',
    );
    expect(frenchOf('half-even to EUR minor units')).toBe('arrondi au plus proche (moitié au pair) à l’unité mineure de EUR');
  });

  it('keeps English as written, and a sentence it does not know as written', () => {
    expect(engineText('rate 0.4 < threshold 0.6: pays nothing', 'en')).toBe('rate 0.4 < threshold 0.6: pays nothing');
    expect(engineText('Région Sud — tranche 1', 'fr')).toBe('Région Sud — tranche 1');
    expect(frenchOf('Région Sud — tranche 1')).toBeUndefined();
  });

  it('has a French sentence for every reason code, different from the English one', () => {
    for (const code of REASON_CODES) {
      expect(REASON_TEXT_FR[code].length).toBeGreaterThan(10);
      expect(reasonText(code, 'fr')).not.toBe(reasonText(code, 'en'));
    }
  });
});
