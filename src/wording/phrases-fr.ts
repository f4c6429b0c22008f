/**
 * The engine's sentences (formulas of lines, exit clauses, reviews, restatement causes, terms of
 * outcomes) in French. Each English sentence the engine writes comes from one template of its
 * code; each template has a pattern here that reads its figures back and writes them in French.
 * A sentence no pattern knows is kept in English (a test settles every vector and example and
 * checks that none is left).
 *
 * @module
 */
import { frenchContractTypes, frenchDate, frenchDuration, frenchList, frenchNumber as n, frenchRounding, plural } from './french-values.js';

/** Translates a nested part of a sentence (the same table, recursively). */
type Nested = (text: string) => string;

/** One template: its pattern, and the French sentence from the pattern's groups. */
export interface Phrase {
  readonly pattern: RegExp;
  readonly french: (groups: readonly (string | undefined)[], nested: Nested) => string;
}

const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
const SHARE = String.raw`(-?\d+(?:[./]\d+)?)`;
const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
const ID = String.raw`(\S+)`;
const JOBS = String.raw`(?:, in sector (.+?))?(?:, with employer (.+?))?`;
const GROUPS = String.raw`(?:; only for participants of group (.+))?`;
const CLAIMS = String.raw`(\d+) claims? of rule "([^"]*)"(?: \(([^)]*)\))?`;
const FIGURES = String.raw`(no participant to measure: met|(\d+) of (\d+) participants achieved (\S+) \((\S+)\))`;

function phrase(pattern: string, french: Phrase['french']): Phrase {
  return { pattern: new RegExp(`^${pattern}$`, 'u'), french };
}

const g = (groups: readonly (string | undefined)[], index: number): string => groups[index] ?? '';
const d = (groups: readonly (string | undefined)[], index: number): string => frenchDate(g(groups, index));
const num = (groups: readonly (string | undefined)[], index: number): string => n(g(groups, index));
const optional = (value: string | undefined, text: (value: string) => string): string => (value === undefined ? '' : text(value));

function jobs(sectors: string | undefined, employers: string | undefined): string {
  return optional(sectors, (s) => `, dans le secteur ${frenchList(s)}`) + optional(employers, (e) => `, chez l’employeur ${frenchList(e)}`);
}

function groupsOnly(groups: string | undefined): string {
  return optional(groups, (list) => ` ; seulement pour les participants du public ${frenchList(list)}`);
}

function anchor(from: string): string {
  return from === 'enrolment' ? 'l’entrée' : 'la sortie du programme';
}

function claimsOf(groups: readonly (string | undefined)[], first: number): string {
  const count = g(groups, first);
  return `${count} demande${plural(count)} de la règle « ${g(groups, first + 1)} »${optional(groups[first + 2], (who) => ` (${who})`)}`;
}

function figuresOf(groups: readonly (string | undefined)[], first: number): string {
  if (groups[first + 1] === undefined) return 'aucun participant à mesurer : atteint';
  return `${g(groups, first + 1)} participants sur ${g(groups, first + 2)} ont atteint ${g(groups, first + 3)} (${num(groups, first + 4)})`;
}

const UNTIL_MET = 'dans les tranches mesurées ensuite, jusqu’à ce qu’une date de mesure de tranche constate le niveau atteint';

/** Notes in parentheses after a claim line's formula. */
const NOTES: readonly Phrase[] = [
  phrase(`(?:group ${ID}: )?${NUM} × ${NUM} = ${NUM}(?:, rounded ${ID}(?: to a multiple of ${NUM}|: ${NUM}))?`, (m) =>
    `${optional(m[1], (group) => `public ${group} : `)}${num(m, 2)} × ${num(m, 3)} = ${num(m, 4)}` +
    optional(m[5], (mode) => `, arrondi ${frenchRounding(mode)}${optional(m[6], (step) => ` au multiple de ${n(step)}`)}${optional(m[7], (price) => ` : ${n(price)}`)}`),
  ),
  phrase(`the fee for (.+)`, (m) =>
    `le tarif des ${g(m, 1)
      .split(' and ')
      .map((when) => {
        const between = /^starts from (\S+) to before (\S+)$/u.exec(when);
        if (between !== null) return `entrées du ${frenchDate(g(between, 1))} au ${frenchDate(g(between, 2))} exclu`;
        const before = /^starts before (\S+)$/u.exec(when);
        if (before !== null) return `entrées avant le ${frenchDate(g(before, 1))}`;
        const from = /^starts from (\S+)$/u.exec(when);
        return from === null ? when : `entrées à partir du ${frenchDate(g(from, 1))}`;
      })
      .join(' et ')}`,
  ),
  phrase(`share cap ${ID}: ${SHARE} × (\\d+) participants rounded ${ID} = (\\d+) payable, (\\d+) paid before, (\\d+) achieved in this tranche, (\\d+) of this line cut`, (m) =>
    `plafond de part ${g(m, 1)} : ${num(m, 2)} × ${g(m, 3)} participants arrondi ${frenchRounding(g(m, 4))} = ${g(m, 5)} payable${plural(g(m, 5))}, ` +
    `${g(m, 6)} payé${plural(g(m, 6))} avant, ${g(m, 7)} atteint${plural(g(m, 7))} dans cette tranche, ${g(m, 8)} retranché${plural(g(m, 8))} de cette ligne`,
  ),
  phrase(`${NUM} cut to ${NUM} by participant cap (.+)`, (m) => `${num(m, 1)} réduit à ${num(m, 2)} par le plafond par participant ${g(m, 3)}`),
  phrase(`(\\d+) of (\\d+) at ${NUM} cut to ${NUM} by participant cap (.+)`, (m) =>
    `${g(m, 1)} sur ${g(m, 2)} : ${num(m, 3)} réduit${plural(g(m, 1))} à ${num(m, 4)} par le plafond par participant ${g(m, 5)}`,
  ),
  phrase(`${NUM} (withheld|off): minimum performance level ${ID} below ${NUM}, (\\d+) of (\\d+)`, (m) =>
    `${num(m, 1)} ${m[2] === 'withheld' ? 'retenus' : 'déduits'} : niveau minimal de performance ${g(m, 3)} inférieur à ${num(m, 4)}, ${g(m, 5)} sur ${g(m, 6)}`,
  ),
];

function notes(text: string): string {
  return text
    .split(') (')
    .map((group) =>
      group
        .split('; ')
        .map((note) => translateWith(NOTES, note) ?? note)
        .join(' ; '),
    )
    .join(') (');
}

function what(words: string, outcome: string | undefined, count: string): string {
  const s = plural(count);
  if (outcome !== undefined) return `participant${s} ayant atteint ${outcome}`;
  return words.startsWith('sustainment') ? `période${s} de maintien dans l’emploi` : `entrée${s}`;
}

function payments(list: string): string {
  return list
    .split(' + ')
    .map((part) => {
      const instalment = /^(\S+) \(instalment (\d+) of (\d+)\)$/u.exec(part);
      return instalment === null ? n(part) : `${n(g(instalment, 1))} (échéance ${g(instalment, 2)} sur ${g(instalment, 3)})`;
    })
    .join(' + ');
}

function budgetAsked(text: string): string {
  const parts = /^(\S+) \+ (.+) = (\S+)$/u.exec(text);
  if (parts === null) return n(text);
  const extras = g(parts, 2)
    .split(' + ')
    .map((extra) => {
      const deferred = /^(\S+) deferred from (\S+) \((\S+) to (\S+)\)$/u.exec(extra);
      if (deferred !== null) return `${n(g(deferred, 1))} reportés de ${g(deferred, 2)} (du ${frenchDate(g(deferred, 3))} au ${frenchDate(g(deferred, 4))})`;
      const taken = /^(\S+) taken from (\S+)$/u.exec(extra);
      return taken === null ? extra : `${n(g(taken, 1))} repris de ${g(taken, 2)}`;
    });
  return `${n(g(parts, 1))} + ${extras.join(' + ')} = ${n(g(parts, 3))}`;
}

function budgetOver(text: string | undefined): string {
  if (text === undefined) return '';
  const over = /^, (\S+) above the commitment (.+)$/u.exec(text);
  if (over === null) return text;
  const rest = g(over, 2);
  const amount = n(g(over, 1));
  if (rest === 'not paid') return `, ${amount} au-delà de l’engagement non payés`;
  const taken = /^taken by (\S+)$/u.exec(rest);
  if (taken !== null) return `, ${amount} au-delà de l’engagement pris en charge par ${g(taken, 1)}`;
  if (rest.startsWith('deferred, but no later tranche')) return `, ${amount} au-delà de l’engagement reportés, mais aucune tranche ultérieure n’échoit dans une année budgétaire suivante : non payés (caducs)`;
  const next = /^deferred to the next budget year: (paid with|to be paid with) tranche (\S+)$/u.exec(rest);
  if (next === null) return text;
  return `, ${amount} au-delà de l’engagement reportés à l’année budgétaire suivante : ${next[1] === 'paid with' ? 'payés avec' : 'à payer avec'} la tranche ${g(next, 2)}`;
}

function earningsReach(text: string): string {
  const rate = /^(\S+) hours × (\d+) weeks × (\S+) \(the rate from (\S+), in force on (the window's first day|the window's last day)\) = (\S+), rounded (\S+) to a multiple of (\S+): (\S+)$/u.exec(text);
  const day = (which: string | undefined): string => (which === "the window's first day" ? 'le premier jour de la fenêtre' : 'le dernier jour de la fenêtre');
  if (rate !== null) {
    return `${n(g(rate, 1))} heures × ${g(rate, 2)} semaines × ${n(g(rate, 3))} (le taux du ${frenchDate(g(rate, 4))}, en vigueur ${day(rate[5])}) = ${n(g(rate, 6))}, arrondi ${frenchRounding(g(rate, 7))} au multiple de ${n(g(rate, 8))} : ${n(g(rate, 9))}`;
  }
  const missing = /^(\S+) hours × (\d+) weeks × the hourly rate in force on (the window's first day|the window's last day)( \(none\))?$/u.exec(text);
  if (missing !== null) return `${n(g(missing, 1))} heures × ${g(missing, 2)} semaines × le taux horaire en vigueur ${day(missing[3])}${missing[4] === undefined ? '' : ' (aucun)'}`;
  return n(text);
}

const COUNTED: Readonly<Record<string, string>> = {
  'the window is not known yet': 'la fenêtre n’est pas encore connue',
  'ends before the window': 'se termine avant la fenêtre',
  'ends after the window': 'se termine après la fenêtre',
  'the exit is not known yet': 'la sortie n’est pas encore connue',
  'ends outside the quarter': 'se termine hors du trimestre',
};

/** Every sentence template of the engine, with its French. */
export const PHRASES_FR: readonly Phrase[] = [
  // claim lines
  phrase(`(\\d+) (participants? who achieved (\\S+)|sustainment periods?|starts?) × ${NUM}(?: \\((.*)\\))?`, (m) =>
    `${g(m, 1)} ${what(g(m, 2), m[3], g(m, 1))} × ${num(m, 4)}${optional(m[5], (text) => ` (${notes(text)})`)}`,
  ),
  phrase(`fixed payment on exit under clause ${ID}`, (m) => `paiement forfaitaire de sortie au titre de la clause ${g(m, 1)}`),
  phrase(`release of ${NUM} withheld in (.+) under minimum performance level ${ID}: (\\d+) of (\\d+) participants \\((\\S+)\\) ≥ ${NUM} on ${DATE}`, (m) =>
    `libération de ${num(m, 1)} retenus en ${g(m, 2)} au titre du niveau minimal de performance ${g(m, 3)} : ${g(m, 4)} participants sur ${g(m, 5)} (${num(m, 6)}) ≥ ${num(m, 7)} le ${d(m, 8)}`,
  ),
  phrase(`scheduled fee payments dated in the tranche: (.+)`, (m) => `paiements de frais prévus datés dans la tranche : ${payments(g(m, 1))}`),
  phrase(`fee payments deferred by the suspended tranche to the next tranche paying the fee: (.+)`, (m) =>
    `paiements de frais reportés par la tranche suspendue à la tranche suivante qui paie les frais : ${payments(g(m, 1))}`,
  ),
  // a cohort line cut by a minimum performance level: its formula, then the cut
  phrase(`(.+) \\((${NUM} (?:withheld|off): minimum performance level ${ID} below ${NUM}, \\d+ of \\d+)\\)`, (m, nested) => `${nested(g(m, 1))} (${notes(g(m, 2))})`),
  // cohort amounts paid by difference with earlier tranches (rates, bonuses, results indicators)
  phrase(`(.+?)(?: × factor ${NUM})?; less ${NUM} paid by earlier tranches`, (m, nested) =>
    `${nested(g(m, 1))}${optional(m[2], (factor) => ` × facteur ${n(factor)}`)} ; moins ${num(m, 3)} payés par les tranches précédentes`,
  ),
  phrase(`excess over baseline ${NUM}: (.+)`, (m, nested) => `excédent sur la référence ${num(m, 1)} : ${nested(g(m, 2))}`),
  phrase(`(.+) × (\\d+) achievers`, (m, nested) => `${nested(g(m, 1))} × ${g(m, 2)} participant${plural(g(m, 2))} ayant atteint le résultat`),
  phrase(`rate ${NUM} ≥ threshold ${NUM}: pays ${NUM}`, (m) => `taux ${num(m, 1)} ≥ seuil ${num(m, 2)} : paie ${num(m, 3)}`),
  phrase(`rate ${NUM} < threshold ${NUM}: pays nothing`, (m) => `taux ${num(m, 1)} < seuil ${num(m, 2)} : ne paie rien`),
  phrase(`rate ${NUM} below the first tier \\((.+)\\): pays nothing`, (m) => `taux ${num(m, 1)} sous le premier palier (${num(m, 2)}) : ne paie rien`),
  phrase(`rate ${NUM} in the tier from ${NUM}: pays ${NUM}`, (m) => `taux ${num(m, 1)} dans le palier à partir de ${num(m, 2)} : paie ${num(m, 3)}`),
  phrase(`rate ${NUM} < floor ${NUM}: pays nothing`, (m) => `taux ${num(m, 1)} < plancher ${num(m, 2)} : ne paie rien`),
  phrase(`${NUM} \\+ \\(rate ${NUM} − floor ${NUM}\\) / \\(target ${NUM} − floor ${NUM}\\) × \\(${NUM} − ${NUM}\\)(?:, capped at the ceiling ${NUM})?`, (m) =>
    `${num(m, 1)} + (taux ${num(m, 2)} − plancher ${num(m, 3)}) / (cible ${num(m, 4)} − plancher ${num(m, 5)}) × (${num(m, 6)} − ${num(m, 7)})${optional(m[8], (ceiling) => `, plafonné à ${n(ceiling)}`)}`,
  ),
  phrase(`empty denominator: the contract says it earns nothing`, () => 'dénominateur vide : la convention prévoit qu’il ne rapporte rien'),
  phrase(`empty denominator: the contract pays the schedule at rate 1 \\((.+)\\)`, (m, nested) => `dénominateur vide : la convention paie le barème au taux 1 (${nested(g(m, 1))})`),
  phrase(`baseline indicator missing`, () => 'indicateur de référence manquant'),
  phrase(`rate ${NUM} − baseline ${NUM} < minimum difference ${NUM}: pays nothing`, (m) => `taux ${num(m, 1)} − référence ${num(m, 2)} < écart minimal ${num(m, 3)} : ne paie rien`),
  phrase(`(\\d+) achievements beyond (\\d+) × uplift ${NUM}`, (m) => `${g(m, 1)} résultats au-delà de ${g(m, 2)} × majoration ${num(m, 3)}`),
  phrase(`(\\d+) achievements > (\\d+): fixed bonus ${NUM}`, (m) => `${g(m, 1)} résultats > ${g(m, 2)} : prime fixe ${num(m, 3)}`),
  phrase(`(\\d+) achievements, not above (\\d+): no bonus`, (m) => `${g(m, 1)} résultat${plural(g(m, 1))}, pas plus de ${g(m, 2)} : pas de prime`),
  phrase(`group ${ID} share ${SHARE} ≥ ${SHARE}: bonus ${NUM}`, (m) => `part du public ${g(m, 1)} ${num(m, 2)} ≥ ${num(m, 3)} : prime ${num(m, 4)}`),
  phrase(`group ${ID} share ${SHARE} below ${SHARE} \\(or no achievement\\): no bonus`, (m) =>
    `part du public ${g(m, 1)} ${num(m, 2)} inférieure à ${num(m, 3)} (ou aucun résultat) : pas de prime`,
  ),
  phrase(`results indicator \\((allocation × units in band / band width|${NUM} per unit in band, capped at the allocation), rounded ${ID}, (no rollover|rollover until ${DATE})\\): (no period verified|earned (.+))`, (m) => {
    const how = m[2] === undefined ? 'dotation × unités dans la bande / largeur de la bande' : `${num(m, 2)} par unité dans la bande, plafonné à la dotation`;
    const rollover = m[5] === undefined ? 'sans report' : `report jusqu’au ${d(m, 5)}`;
    const earned =
      m[7] === undefined
        ? 'aucune période vérifiée'
        : `acquis ${g(m, 7)
            .split(' + ')
            .map((part) => part.replace(/ (\S+)$/u, (_, amount: string) => ` ${n(amount)}`))
            .join(' + ')}`;
    return `indicateur de résultats (${how}, arrondi ${frenchRounding(g(m, 3))}, ${rollover}) : ${earned}`;
  }),
  phrase(`${ID} to ${ID} minor units`, (m) => `arrondi ${frenchRounding(g(m, 1))} à l’unité mineure de ${g(m, 2)}`),
  phrase(`Payment on exit \\((.+)\\)`, (m) => `Paiement de sortie (${g(m, 1)})`),
  // reinvestment
  phrase(`${SHARE} × payments to date ${NUM} above ${NUM}, capped at ${NUM} over the contract; ${NUM} set aside before`, (m) =>
    `${num(m, 1)} × paiements à ce jour ${num(m, 2)} au-delà de ${num(m, 3)}, plafonné à ${num(m, 4)} sur la durée de la convention ; ${num(m, 5)} mis de côté avant`,
  ),
  phrase(`${SHARE} × payments for ${ID} beyond (\\d+) units \\((\\d+) paid so far\\): ${NUM}, capped at ${NUM} over the contract; ${NUM} set aside before`, (m) =>
    `${num(m, 1)} × paiements pour ${g(m, 2)} au-delà de ${g(m, 3)} unités (${g(m, 4)} payée${plural(g(m, 4))} à ce jour) : ${num(m, 5)}, plafonné à ${num(m, 6)} sur la durée de la convention ; ${num(m, 7)} mis de côté avant`,
  ),
  // exit clauses
  phrase(`no participant in the denominator of ${ID} on ${DATE}: an empty rate never fires`, (m) => `aucun participant au dénominateur de ${g(m, 1)} le ${d(m, 2)} : un taux vide ne déclenche jamais`),
  phrase(`${ID} rate ${NUM} (<|≥) threshold ${NUM} on ${DATE}`, (m) => `taux de ${g(m, 1)} ${num(m, 2)} ${g(m, 3)} seuil ${num(m, 4)} le ${d(m, 5)}`),
  phrase(`indicator ${ID} (below|not below) ${NUM} for (at least one|every) listed cohort`, (m) =>
    m[2] === 'below' ? `indicateur ${g(m, 1)} inférieur à ${num(m, 3)} pour au moins une cohorte listée` : `indicateur ${g(m, 1)} non inférieur à ${num(m, 3)} pour chaque cohorte listée`,
  ),
  phrase(`cap ${ID} (reached|not reached) by ${DATE}`, (m) => `plafond ${g(m, 1)} ${m[2] === 'reached' ? 'atteint' : 'non atteint'} au ${d(m, 3)}`),
  phrase(`${DATE} is (on or after|before) ${DATE}`, (m) => `le ${d(m, 1)} ${m[2] === 'before' ? 'est avant le' : 'est au plus tôt le'} ${d(m, 3)}`),
  phrase(`the contract had already ended`, () => 'la convention avait déjà pris fin'),
  phrase(`checked on ${DATE}, after the as-of date`, (m) => `vérifiée le ${d(m, 1)}, après la date du règlement`),
  // claims no tranche pays
  phrase(`the contract ended under exit clause ${ID} on ${DATE}`, (m) => `la convention a pris fin par la clause de sortie ${g(m, 1)} le ${d(m, 2)}`),
  phrase(`no tranche pays (fee|rule) ${ID}(?: for cohort ${ID})? on or after ${DATE}`, (m) =>
    `aucune tranche ne paie ${m[1] === 'fee' ? 'les frais' : 'la règle'} ${g(m, 2)}${optional(m[3], (cohort) => ` pour la cohorte ${cohort}`)} à partir du ${d(m, 4)}`,
  ),
  // restatement causes
  phrase(`${CLAIMS} paid before, whose record is no longer among the records: ${NUM}`, (m) =>
    `${claimsOf(m, 1)} payée${plural(g(m, 1))} auparavant, dont l’enregistrement ne figure plus parmi les enregistrements : ${num(m, 4)}`,
  ),
  phrase(`${CLAIMS} changed by a corrected record(?:, now priced by version "([^"]*)")?: ${NUM}`, (m) =>
    `${claimsOf(m, 1)} modifiée${plural(g(m, 1))} par un enregistrement corrigé${optional(m[4], (v) => `, désormais tarifée${plural(g(m, 1))} par la version « ${v} »`)} : ${num(m, 5)}`,
  ),
  phrase(`${CLAIMS} the previous settlement did not have, dated on or before its as-of date \\(reported late\\): ${NUM}`, (m) =>
    `${claimsOf(m, 1)} absente${plural(g(m, 1))} du règlement précédent, datée${plural(g(m, 1))} au plus tard de sa date d’arrêté (déclarée${plural(g(m, 1))} en retard) : ${num(m, 4)}`,
  ),
  phrase(`${CLAIMS} changed by the amended contract(?: \\(version "([^"]*)"\\))?: ${NUM}`, (m) =>
    `${claimsOf(m, 1)} modifiée${plural(g(m, 1))} par l’avenant${optional(m[4], (v) => ` (version « ${v} »)`)} : ${num(m, 5)}`,
  ),
  phrase(`what the money caps cut from the lines of rule "([^"]*)" moved: ${NUM}`, (m) => `ce que les plafonds retranchent des lignes de la règle « ${g(m, 1)} » a changé : ${num(m, 2)}`),
  phrase(`not put down to a line \\(payer caps, yearly commitments, withholding, or a payer the amendment removed\\): ${NUM}`, (m) =>
    `non imputé à une ligne (plafonds par financeur, engagements annuels, retenues, ou un financeur retiré par l’avenant) : ${num(m, 1)}`,
  ),
  phrase(`lines of rule "([^"]*)" that do not name their participants \\(a cohort amount, or a settlement made without detail "participants"\\): ${NUM}`, (m) =>
    `lignes de la règle « ${g(m, 1)} » qui ne nomment pas leurs participants (un montant de cohorte, ou un règlement fait sans le détail « participants ») : ${num(m, 2)}`,
  ),
  // adjustments
  phrase(`payer "([^"]*)" is not a payer of the contract as amended: what it paid is returned to it, and the contract's payers now pay the tranche`, (m) =>
    `« ${g(m, 1)} » n’est plus financeur de la convention modifiée : ce qu’il a payé lui est rendu, et les financeurs de la convention paient désormais la tranche`,
  ),
  phrase(`the tranche is no longer earned with (the data|the data and the contract as amended) as of this settlement`, (m) =>
    `la tranche n’est plus acquise avec les données${m[1] === 'the data' ? '' : ' et la convention modifiée'} à la date de ce règlement`,
  ),
  phrase(`earned amount moved from ${NUM} to ${NUM} with (the data|the data and the contract as amended) as of this settlement`, (m) =>
    `le montant acquis passe de ${num(m, 1)} à ${num(m, 2)} avec les données${m[3] === 'the data' ? '' : ' et la convention modifiée'} à la date de ce règlement`,
  ),
  // minimum performance reviews
  phrase(`reviewed on ${DATE}, after the as-of date`, (m) => `examiné le ${d(m, 1)}, après la date du règlement`),
  phrase(`${FIGURES} ≥ level ${NUM} on ${DATE}: met`, (m) => `${figuresOf(m, 1)} ≥ niveau ${num(m, 6)} le ${d(m, 7)} : atteint`),
  phrase(`${FIGURES} < level ${NUM} on ${DATE}: not met, flagged \\(no payment effect\\)`, (m) =>
    `${figuresOf(m, 1)} < niveau ${num(m, 6)} le ${d(m, 7)} : non atteint, signalé (sans effet sur les paiements)`,
  ),
  phrase(`${FIGURES} < level ${NUM} on ${DATE}: not met; ${NUM} of (.+) withheld in the tranches measured after it until a tranche's measurement date finds the level met`, (m) =>
    `${figuresOf(m, 1)} < niveau ${num(m, 6)} le ${d(m, 7)} : non atteint ; ${num(m, 8)} de ${g(m, 9)} retenus ${UNTIL_MET}`,
  ),
  phrase(`${FIGURES} < level ${NUM} on ${DATE}: not met; ${SHARE} off (.+) \\(${NUM}\\) in the tranches measured after it until a tranche's measurement date finds the level met`, (m) =>
    `${figuresOf(m, 1)} < niveau ${num(m, 6)} le ${d(m, 7)} : non atteint ; ${num(m, 8)} déduit de ${g(m, 9)} (${num(m, 10)}) ${UNTIL_MET}`,
  ),
  // budget years of a payer's commitment
  phrase(`${ID} (.+?) against its commitment of ${NUM} for ${DATE} to ${DATE} \\(${NUM} used before\\): ${NUM} paid(, .+)?`, (m) =>
    `${g(m, 1)} ${budgetAsked(g(m, 2))} face à son engagement de ${num(m, 3)} pour la période du ${d(m, 4)} au ${d(m, 5)} (${num(m, 6)} déjà utilisés) : ${num(m, 7)} payés${budgetOver(m[8])}`,
  ),
  // decisions made on counts (data quality: what would change if the excluded records were counted)
  phrase(`fired`, () => 'déclenchée'),
  phrase(`notFired`, () => 'non déclenchée'),
  phrase(`binds`, () => 's’applique'),
  phrase(`does not bind`, () => 'ne s’applique pas'),
  phrase(`met`, () => 'tenue'),
  phrase(`open`, () => 'en cours'),
  phrase(`shortfall`, () => 'non tenue'),
  phrase(`threshold met`, () => 'seuil atteint'),
  phrase(`threshold not met`, () => 'seuil non atteint'),
  phrase(`tier from ${NUM}`, (m) => `palier à partir de ${num(m, 1)}`),
  phrase(`below the first tier`, () => 'sous le premier palier'),
  phrase(`below floor`, () => 'sous le plancher'),
  phrase(`on the line`, () => 'sur la droite entre plancher et cible'),
  phrase(`at ceiling`, () => 'au plafond'),
  phrase(`triggered`, () => 'déclenchée'),
  phrase(`not triggered`, () => 'non déclenchée'),
  phrase(`empty cohort`, () => 'cohorte vide'),
  phrase(`baseline missing`, () => 'référence manquante'),
  phrase(`below the baseline plus the minimum difference`, () => 'sous la référence plus l’écart minimal'),
  phrase(`(\\d+) of (\\d+) periods verified`, (m) => `${g(m, 1)} période${plural(g(m, 1))} vérifiée${plural(g(m, 1))} sur ${g(m, 2)}`),
  // terms of outcomes (explain)
  phrase(`an employment spell starting within (\\d+) days of (enrolment|programme exit)(?:, at least ${NUM} hours a week)?(?:, contract type (.+?))?(?:, lasting at least (\\d+) days)?${JOBS}${GROUPS}`, (m) =>
    `une période d’emploi commençant dans les ${g(m, 1)} jours suivant ${anchor(g(m, 2))}` +
    optional(m[3], (hours) => `, d’au moins ${n(hours)} heures par semaine`) +
    optional(m[4], (types) => `, contrat ${frenchContractTypes(types)}`) +
    optional(m[5], (days) => `, d’au moins ${days} jours`) +
    jobs(m[6], m[7]) +
    groupsOnly(m[8]),
  ),
  phrase(`(employed continuously, no gap longer than (\\d+) days|employed at least (\\d+) days|employed on the last day)${JOBS}, over (\\d+) (\\S+) from the (\\S+) date \\(end (inclusive|exclusive)\\)${GROUPS}`, (m) => {
    const how = m[2] !== undefined ? `en emploi sans interruption de plus de ${g(m, 2)} jours` : m[3] !== undefined ? `en emploi au moins ${g(m, 3)} jours` : 'en emploi le dernier jour';
    return `${how}${jobs(m[4], m[5])}, sur ${frenchDuration(g(m, 6), g(m, 7))} à partir de la date de ${g(m, 8)} (fin ${m[9] === 'inclusive' ? 'incluse' : 'exclue'})${groupsOnly(m[10])}`;
  }),
  phrase(`the wage (\\d+) (\\S+) after the (\\S+) date at least (.+?) above (the wage at placement|the pre-programme wage)${GROUPS}`, (m) =>
    `le salaire ${frenchDuration(g(m, 1), g(m, 2))} après la date de ${g(m, 3)} supérieur d’au moins ${g(m, 4).replace(/^(\S+)/u, (value) => n(value))} ${m[5] === 'the wage at placement' ? 'au salaire à l’embauche' : 'au salaire d’avant le programme'}${groupsOnly(m[6])}`,
  ),
  phrase(`event ${ID} recorded(?: within (\\d+) days of (enrolment|programme exit))?${GROUPS}`, (m) =>
    `événement ${g(m, 1)} enregistré${optional(m[2], (days) => ` dans les ${days} jours suivant ${anchor(g(m, 3))}`)}${groupsOnly(m[4])}`,
  ),
  phrase(`a cohort figure, supplied as an indicator value`, () => 'un chiffre de cohorte, fourni comme valeur d’indicateur'),
  phrase(`earnings of pay periods ending within (\\d+) days of (enrolment|programme exit) \\(a period across the window's start counted (pro rata by days|in full|not at all), one ending after the window not counted\\) reach (.+?)${GROUPS}`, (m) => {
    const across = m[3] === 'pro rata by days' ? 'au prorata des jours' : m[3] === 'in full' ? 'en entier' : 'pas du tout';
    return `les revenus des périodes de paie se terminant dans les ${g(m, 1)} jours suivant ${anchor(g(m, 2))} (une période à cheval sur le début de la fenêtre comptée ${across}, une période se terminant après la fenêtre non comptée) atteignent ${earningsReach(g(m, 4))}${groupsOnly(m[5])}`;
  }),
  phrase(`earnings (above zero|above zero and at least ${NUM}) in calendar quarter (\\d+) after the exit quarter, decided when its data is due \\((\\d+) (\\S+) after the quarter(?:: ${DATE})?\\)${GROUPS}`, (m) =>
    `des revenus ${m[2] === undefined ? 'supérieurs à zéro' : `supérieurs à zéro et d’au moins ${num(m, 2)}`} au ${g(m, 3)}${g(m, 3) === '1' ? 'er' : 'e'} trimestre civil après celui de la sortie, décidé à l’échéance de ses données (${frenchDuration(g(m, 4), g(m, 5))} après le trimestre${optional(m[6], (due) => ` : ${frenchDate(due)}`)})${groupsOnly(m[7])}`,
  ),
  phrase(`(no sector recorded|sector ${ID}|no employer recorded|employer ${ID}), not one of (.+)`, (m) => {
    const what = m[2] !== undefined ? `secteur ${g(m, 2)}` : m[3] !== undefined ? `employeur ${g(m, 3)}` : m[1] === 'no sector recorded' ? 'aucun secteur enregistré' : 'aucun employeur enregistré';
    return `${what}, hors de ${g(m, 4)}`;
  }),
  phrase(`not counted \\((.+)\\)`, (m) => `non compté (${COUNTED[g(m, 1)] ?? g(m, 1)})`),
  phrase(`0 \\(starts before the window\\)`, () => '0 (commence avant la fenêtre)'),
  phrase(`${NUM} × (\\d+)/(\\d+)`, (m) => `${num(m, 1)} × ${g(m, 2)}/${g(m, 3)}`),
];

/** The French of `text` by the first phrase whose pattern matches it whole, or undefined. */
export function translateWith(phrases: readonly Phrase[], text: string): string | undefined {
  for (const { pattern, french } of phrases) {
    const match = pattern.exec(text);
    if (match !== null) return french([...match], (part) => translateWith(phrases, part) ?? part);
  }
  return undefined;
}
