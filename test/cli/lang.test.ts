/**
 * `--lang fr`: the settlement summary and one participant's explanation in French, checked
 * against French text written by hand. The figures are those of the English texts (themselves
 * checked in summary.test.ts, explain.test.ts and the examples' expected settlements), written as a
 * French reader writes them: `56 760,00 €` (U+00A0 as the group separator and before the symbol,
 * shown · below), `30 juin 2024`.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { EXIT } from '../../src/cli/io.js';
import { capturedNodeIo } from './captured-node-io.js';

const nb = (text: string): string => text.replaceAll('·', '\u00A0');

const REGION_SUD = ['--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30'];

describe('settle --summary --lang fr', () => {
  it('writes the summary of the Région Sud example in French', async () => {
    const io = capturedNodeIo();
    expect(await run(['settle', ...REGION_SUD, '--summary', '--lang', 'fr'], io)).toBe(EXIT.EXCLUDED);
    // paid by rule: each tranche's rules add up to it (43 560 + 13 200 = 56 760; 5 220 + 10 880 + 25 850
    // + 15 250 = 57 200), each rule's figure checked against its lines in summary.test.ts; the cap cut
    // 3 wage claims of 500.00 each cut to 250.00 by the 4 000.00 cap: 3 × 250.00 = 750.00
    const expected = nb(`ATTENTION : 3 enregistrements sur 94 ont été exclus car invalides et ne figurent pas dans ce règlement (code de sortie 3).
Premiers problèmes :
  Erreur ENROLMENT_OUTSIDE_WINDOW à [7].enrolledOn (enregistrement 7, participant RS-0008, ligne 9) : record 7 (id "RS-0008"), line 9: enrolledOn 2023-07-01 is outside the enrolment window of cohort "2023-A", 2023-01-02 to 2023-06-30: the record is not a participant of that cohort under the contract
  Erreur EXIT_BEFORE_ENROLMENT à [92].exitedOn (enregistrement 92, participant RS-X03, ligne 94) : record 92 (id "RS-X03"), line 94: exitedOn 2023-09-01 is before enrolledOn 2023-09-18
  Erreur SPELLS_OVERLAP à [93].spells[1].start (enregistrement 93, participant RS-X04, ligne 95) : record 93 (id "RS-X04"), line 95: spells[1].start 2024-04-30 overlaps spells[0], which starts 2024-02-05 and ends 2024-04-30
Aucune décision prise sur des effectifs (clause de sortie, seuil, palier, prime, plafond, garantie) ne changerait s'ils étaient comptés.

Convention Région Sud - agence régionale pour l'emploi 2023-2028 : parcours qualifiants (region-sud-2023)
Règlement au 30 juin 2025, montants en EUR

Tranche  Statut   Mesurée le    Échéance               Acquis  Déjà payé    Dû ce jour
t1       réglée   30 juin 2024  31 juillet 2024   56·760,00·€     0,00·€   56·760,00·€
t2       réglée   30 juin 2025  31 juillet 2025   57·200,00·€     0,00·€   57·200,00·€
t3       à venir  30 juin 2026  31 juillet 2026        0,00·€     0,00·€        0,00·€
Total                                            113·960,00·€     0,00·€  113·960,00·€

Financeur  Part       Acquis  Déjà payé   Dû ce jour
region     60·%  68·376,00·€     0,00·€  68·376,00·€
agency     40·%  45·584,00·€     0,00·€  45·584,00·€

Payé par règle (après plafonds) :
  t1 : pay-placement 43·560,00·€, pay-retention-6m 13·200,00·€
  t2 : pay-placement 5·220,00·€, pay-retention-6m 10·880,00·€, pay-retention-12m 25·850,00·€, pay-wage 15·250,00·€

Plafonds qui ont retranché :
  t2 : plafond par participant cap-participant (limite 4·000,00·€ chacun) : 3 demandes retranchées, 1·500,00·€ demandé, 750,00·€ retranché
  plafond par participant cap-participant (limite 4·000,00·€ chacun) : 3 demandes retranchées, 750,00·€ en tout

Clauses de sortie :
  mid-term-review au 31 janvier 2025 : non déclenchée — taux de placement 0,408163 ≥ seuil 0,3 le 31 janvier 2025

Enregistrements : 94 lus, 91 réglés, 3 exclus (3 problèmes listés dans dataQuality)
`);
    const text = io.stdoutText();
    expect(text.slice(0, text.indexOf('Empreinte : '))).toBe(expected);
    expect(text).toMatch(/\nEmpreinte : [0-9a-f]{64}\n$/);
  });

  it('English stays the default, and the same figures in both (113960.00 = 56760.00 + 57200.00 + 0.00)', async () => {
    const io = capturedNodeIo();
    await run(['settle', ...REGION_SUD, '--summary'], io);
    const text = io.stdoutText();
    expect(text).toContain('\nSettlement as of 2025-06-30, amounts in EUR\n');
    expect(text).toMatch(/\nTotal +113960\.00 +0\.00 +113960\.00\n/);
    expect(text).toMatch(/\nregion +60% +68376\.00 +0\.00 +68376\.00\n/);
  });

  it('--lang is for the summary only: the JSON stays language-neutral', async () => {
    const io = capturedNodeIo();
    expect(await run(['settle', ...REGION_SUD, '--lang', 'fr'], io)).toBe(EXIT.USAGE);
    expect(io.stderrText()).toContain('settle: --lang is for --summary');
    const other = capturedNodeIo();
    expect(await run(['settle', ...REGION_SUD, '--summary', '--lang', 'de'], other)).toBe(EXIT.USAGE);
    expect(other.stderrText()).toContain('"en" or "fr"');
  });
});

describe('explain --format text --lang fr', () => {
  const UK = ['explain', '--contract', 'examples/uk-rate-card/contract.json', '--records', 'examples/uk-rate-card/records.csv', '--as-of', '2025-09-30', '--participant', 'UK-0006', '--format', 'text'];

  it("tells UK-0006's story in French: the cap of 5 000,00 £ per participant cuts 150,00 to 100,00, then to 0,00", async () => {
    const io = capturedNodeIo();
    expect(await run([...UK, '--lang', 'fr'], io)).toBe(EXIT.EXCLUDED);
    const lines = io.stdoutText().split('\n');
    expect(lines.slice(0, 7)).toEqual(
      nb(`Participant UK-0006 — Employment outcomes fund pilot: rate card by payment group (uk-rate-card-pilot-2024), au 30 septembre 2025, montants en GBP
ATTENTION : 1 enregistrement sur 107 a été exclu de ce règlement car invalide (code de sortie 3) ; les chiffres des cohortes peuvent changer avec lui.

Enregistrement : cohorte 2024-A, public esa-ex-ib ; entré le 27 janvier 2024, aucune sortie enregistrée
Périodes d’emploi :
  du 9 juillet 2024 au 22 novembre 2024 (37,5 h/semaine, intérim, salaire 2·107,62·£GB)
  du 9 décembre 2024 à ce jour (20 h/semaine, CDI, salaire 1·142,26·£GB)`).split('\n'),
    );
    const tail = nb(`  14 octobre 2024 règle sustainment (sustainment) pour job-entry : demandé 150,00·£GB
    plafond par participant cap-participant (limite 5·000,00·£GB) : 150,00·£GB avant, 50,00·£GB retranché, 100,00·£GB après
    payé 100,00·£GB
    tranche 2024-Q4 « Quarter to 31 December 2024 (26-week outcomes of 2024-B not possible yet) » (réglée, mesurée le 31 décembre 2024, échéance le 31 janvier 2025)
    ligne 12 : 2 périodes de maintien dans l’emploi × 100 (150 réduit à 100 par le plafond par participant cap-participant) ; acquis 200,00·£GB, payé 200,00·£GB
  11 novembre 2024 règle sustainment (sustainment) pour job-entry : demandé 150,00·£GB
    plafond par participant cap-participant (limite 5·000,00·£GB) : 150,00·£GB avant, 150,00·£GB retranché, 0,00·£GB après
    ramené à rien par un plafond par participant : aucune tranche ne le prend (payé 0,00·£GB)

Total : demandé 5·200,00·£GB, retranché par les plafonds par participant 200,00·£GB, payé 5·000,00·£GB`);
    expect(io.stdoutText()).toContain(`\n${tail}\nEmpreintes : convention `);
    expect(io.stdoutText()).toContain(nb('\n    interruptions : du 23 novembre 2024 au 8 décembre 2024 (16 jours)\n'));
  });

  it('--lang is for --format text only', async () => {
    const io = capturedNodeIo();
    expect(await run([...UK.slice(0, -2), '--lang', 'fr'], io)).toBe(EXIT.USAGE);
    expect(io.stderrText()).toContain('explain: --lang is for --format text');
  });
});
