/**
 * Every sentence with a count, with 1 and with 2, in English and French (#18, the new user's
 * trial: "1 of 107 records were excluded", "1 problems", "1 claims"). The sentences of the summary,
 * the explanation and the statements (src/format/messages.ts), of the report
 * (src/report/messages.ts) and of the command line's stderr (src/cli/stderr-messages.ts), each
 * expected text written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { STDERR_MESSAGES } from '../../src/cli/stderr-messages.js';
import { MESSAGES } from '../../src/format/index.js';
import { REPORT_MESSAGES } from '../../src/report.js';

const { en, fr } = MESSAGES;

describe('count sentences in English: singular for 1, plural for 2', () => {
  it('the summary', () => {
    const s = en.summary;
    expect([s.claims(1), s.claims(2)]).toEqual(['1 claim', '2 claims']);
    expect(s.unscheduledLine(1, '5.00', 'a', 'b')).toBe('1 claim, 5.00 from a to b');
    expect(s.unscheduledLine(2, '5.00', 'a', 'b')).toBe('2 claims, 5.00 from a to b');
    expect(s.participantCapCut('c', '9', 1, '5.00')).toBe('per participant cap c (limit 9 each): 1 claim cut, 5.00 in all');
    expect(s.participantCapCut('c', '9', 2, '5.00')).toBe('per participant cap c (limit 9 each): 2 claims cut, 5.00 in all');
    expect(s.guaranteeLine('Acme', 1, 'open', 1, 1, 1, 1)).toBe('(Acme, 1 position): open — 1 hired of 1 qualified, 1 undecided, 1 position short');
    expect(s.guaranteeLine('Acme', 2, 'open', 2, 2, 2, 2)).toBe('(Acme, 2 positions): open — 2 hired of 2 qualified, 2 undecided, 2 positions short');
    expect([s.problemsListed(1), s.problemsListed(2)]).toEqual(['1 problem listed in dataQuality', '2 problems listed in dataQuality']);
    expect([s.problemsSeparately(1), s.problemsSeparately(2)]).toEqual(['1 problem reported separately', '2 problems reported separately']);
    expect(s.excluded(1, 107)).toBe('WARNING: 1 of 107 records was excluded as invalid and is not in this settlement (exit status 3).');
    expect(s.excluded(2, 107)).toBe('WARNING: 2 of 107 records were excluded as invalid and are not in this settlement (exit status 3).');
    expect(s.problemsReported(1)).toBe('Its problem was reported separately (--issues).');
    expect(s.problemsReported(2)).toBe('Their 2 problems were reported separately (--issues).');
  });

  it('the explanation and the statements', () => {
    expect(en.explain.excludedWarning(1, 107)).toBe('WARNING: 1 of 107 records was excluded as invalid from this settlement (exit status 3); cohort figures may change with it.');
    expect(en.explain.excludedWarning(2, 107)).toBe('WARNING: 2 of 107 records were excluded as invalid from this settlement (exit status 3); cohort figures may change with them.');
    expect([en.explain.days(1), en.explain.days(2)]).toEqual(['1 day', '2 days']);
    expect(en.explain.notAttributed(1)).toBe('; 1 claim in lines cut as a whole, not counted');
    expect(en.explain.notAttributed(2)).toBe('; 2 claims in lines cut as a whole, not counted');
    expect(en.statement.excludedWarning(1, 107)).toBe('Warning: 1 of 107 records was excluded as invalid and is not counted in this settlement.');
    expect(en.statement.excludedWarning(2, 107)).toBe('Warning: 2 of 107 records were excluded as invalid and are not counted in this settlement.');
  });

  it('the report', () => {
    const r = REPORT_MESSAGES.en;
    expect(r.settlement.excluded(1, 107)).toBe('Warning: 1 record of 107 was invalid and excluded from this settlement; the figures below do not count it.');
    expect(r.settlement.excluded(2, 107)).toBe('Warning: 2 records of 107 were invalid and excluded from this settlement; the figures below do not count them.');
    expect(r.simulation.identity('c', 1, 7, 'EUR')).toBe('Contract c: 1 run, seed 7, amounts in EUR.');
    expect(r.simulation.identity('c', 2, 7, 'EUR')).toBe('Contract c: 2 runs, seed 7, amounts in EUR.');
    expect([r.simulation.noIrr(1), r.simulation.noIrr(2)]).toEqual(['no IRR in 1 run', 'no IRR in 2 runs']);
    expect(r.simulation.noEventHappened(1)).toBe('No exit clause fired, no minimum performance level was missed and no cap bound in the one run.');
    expect(r.simulation.noEventHappened(2)).toBe('No exit clause fired, no minimum performance level was missed and no cap bound in any of the 2 runs.');
    expect(r.simulation.probabilitiesIntro(1)).toMatch(/^Over 1 run: /);
    expect(r.simulation.tornadoIntro(0.05, 1)).toContain('(1 run each,');
    expect(r.simulation.tornadoIntro(0.05, 2)).toContain('(2 runs each,');
  });

  it('the command line on stderr', () => {
    const m = STDERR_MESSAGES.en;
    expect(m.problemsFound(1, 'settled')).toBe('1 problem found; nothing was settled');
    expect(m.problemsFound(2, 'written')).toBe('2 problems found; nothing was written');
    expect(m.excludedNotice(1, 107, 1)).toBe('warning: 1 of 107 records was excluded as invalid (dataQuality.issues); 1 decision would change with it counted (dataQuality.decisionsAtRisk); exit status 3');
    expect(m.excludedNotice(2, 107, 2)).toBe('warning: 2 of 107 records were excluded as invalid (dataQuality.issues); 2 decisions would change with them counted (dataQuality.decisionsAtRisk); exit status 3');
    expect(m.excludedFromExplained(1, 107)).toBe('warning: 1 of 107 records was excluded as invalid from the settlement explained; exit status 3');
  });
});

describe('count sentences in French: singular for 1, plural for 2', () => {
  it('the summary', () => {
    const s = fr.summary;
    expect([s.claims(1), s.claims(2)]).toEqual(['1 demande', '2 demandes']);
    expect(s.participantCapCut('c', '9', 1, '5,00')).toBe('plafond par participant c (limite 9 chacun) : 1 demande retranchée, 5,00 en tout');
    expect(s.participantCapCut('c', '9', 2, '5,00')).toBe('plafond par participant c (limite 9 chacun) : 2 demandes retranchées, 5,00 en tout');
    expect(s.guaranteeLine('Acme', 1, 'en cours', 1, 1, 1, 1)).toBe('(Acme, 1 poste) : en cours — 1 embauché sur 1 qualifié, 1 en attente, 1 poste manquant');
    expect(s.guaranteeLine('Acme', 2, 'en cours', 2, 2, 2, 2)).toBe('(Acme, 2 postes) : en cours — 2 embauchés sur 2 qualifiés, 2 en attente, 2 postes manquants');
    expect(s.excluded(1, 107)).toBe('ATTENTION : 1 enregistrement sur 107 a été exclu car invalide et ne figure pas dans ce règlement (code de sortie 3).');
    expect(s.excluded(2, 107)).toBe('ATTENTION : 2 enregistrements sur 107 ont été exclus car invalides et ne figurent pas dans ce règlement (code de sortie 3).');
    expect(s.problemsReported(1)).toBe('Son problème a été signalé à part (--issues).');
    expect(s.problemsReported(2)).toBe('Leurs 2 problèmes ont été signalés à part (--issues).');
    expect([s.problemsListed(1), s.problemsListed(2)]).toEqual(['1 problème listé dans dataQuality', '2 problèmes listés dans dataQuality']);
  });

  it('the explanation, the statements and the report', () => {
    expect(fr.explain.excludedWarning(1, 107)).toBe('ATTENTION : 1 enregistrement sur 107 a été exclu de ce règlement car invalide (code de sortie 3) ; les chiffres des cohortes peuvent changer avec lui.');
    expect(fr.explain.excludedWarning(2, 107)).toBe('ATTENTION : 2 enregistrements sur 107 ont été exclus de ce règlement car invalides (code de sortie 3) ; les chiffres des cohortes peuvent changer avec eux.');
    expect([fr.explain.days(1), fr.explain.days(2)]).toEqual(['1 jour', '2 jours']);
    expect(fr.statement.excludedWarning(1, 107)).toBe('Attention : 1 enregistrement sur 107 a été exclu car invalide et n’est pas compté dans ce règlement.');
    expect(fr.statement.excludedWarning(2, 107)).toBe('Attention : 2 enregistrements sur 107 ont été exclus car invalides et ne sont pas comptés dans ce règlement.');
    const r = REPORT_MESSAGES.fr.simulation;
    expect(r.noEventHappened(1)).toBe("Aucune clause de sortie ne s'est déclenchée, aucun niveau de performance minimale n'a été manqué et aucun plafond n'a été atteint dans l'unique tirage.");
    expect(r.noEventHappened(2)).toBe("Aucune clause de sortie ne s'est déclenchée, aucun niveau de performance minimale n'a été manqué et aucun plafond n'a été atteint dans aucun des 2 tirages.");
    expect([r.noIrr(1), r.noIrr(2)]).toEqual(['pas de TRI sur 1 tirage', 'pas de TRI sur 2 tirages']);
  });

  it('the command line on stderr', () => {
    const m = STDERR_MESSAGES.fr;
    expect(m.problemsFound(1, 'settled')).toBe('1 problème trouvé ; rien n’a été réglé');
    expect(m.problemsFound(2, 'simulated')).toBe('2 problèmes trouvés ; rien n’a été simulé');
    expect(m.excludedNotice(1, 107, 0)).toBe('attention : 1 enregistrement sur 107 a été exclu car invalide (dataQuality.issues) ; aucune décision ne changerait s’il était compté ; code de sortie 3');
    expect(m.excludedNotice(2, 107, 2)).toBe('attention : 2 enregistrements sur 107 ont été exclus car invalides (dataQuality.issues) ; 2 décisions changeraient s’ils étaient comptés (dataQuality.decisionsAtRisk) ; code de sortie 3');
    expect(m.excludedFromExplained(2, 107)).toBe('attention : 2 enregistrements sur 107 ont été exclus car invalides du règlement expliqué ; code de sortie 3');
  });
});
