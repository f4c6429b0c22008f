/**
 * Every message written for people, one table per language: {@link MESSAGES}`.en` and
 * `MESSAGES.fr` have the type {@link Messages}, so the compiler refuses a French table that lacks
 * a key. The settlement summary, the explanation of a participant and the payment statements take
 * their words from here; the JSON documents stay language-neutral. Texts the engine writes into
 * the settlement (formulas, explanations, reasons) are data, in English; src/wording writes them in
 * French for the texts for people.
 *
 * @module
 */
import { frenchCapKind } from './cap-kinds.js';
import type { Lang } from './lang.js';

/** A word for each value of a union of codes (a status, a kind). */
type Words<K extends string> = Readonly<Record<K, string>>;

/** "1 problem", "3 problems": a count with its noun, singular or plural. */
type Count = (count: number) => string;

/** The words of the settlement summary (`settle --summary`). */
export interface SummaryMessages {
  readonly trancheHeader: readonly [string, string, string, string, string, string, string];
  readonly payerHeader: readonly [string, string, string, string, string];
  readonly total: string;
  readonly formerPayer: string;
  /** A label and its text: `label: text` in English, `label : text` in French. */
  readonly colon: (label: string, text: string) => string;
  readonly trancheStatus: Words<'settled' | 'scheduled' | 'cancelled' | 'suspended' | 'withdrawn'>;
  readonly asOf: (date: string, currency: string) => string;
  readonly reinvested: (reinvested: string, withheld: string) => string;
  readonly adjustments: string;
  readonly claims: Count;
  readonly causeLine: (cause: string, amount: string, trancheAmount: string) => string;
  readonly cause: Words<'withdrawn' | 'corrected' | 'late' | 'amended' | 'caps' | 'other'>;
  readonly exits: string;
  /** The heading of what each settled tranche paid per rule. */
  readonly byRule: string;
  /** A rule and what its lines paid in a tranche (after caps). */
  readonly ruleAmount: (rule: string, amount: string) => string;
  /** Where a tranche's money went when some of it did not go to the provider. */
  readonly trancheFlows: (provider: string, reinvested: string, withheld: string) => string;
  /** The heading of the caps that cut something. */
  readonly capCuts: string;
  /** A money cap's cut in a tranche. */
  readonly capCut: (tranche: string, kind: string, cap: string, limit: string, usedBefore: string, requested: string, cut: string) => string;
  /** A per-participant cap's cuts over the settlement. */
  readonly participantCapCut: (cap: string, limit: string, claims: number, amount: string) => string;
  /** A per-participant cap's cuts of the claims one tranche took. */
  readonly participantCapTrancheCut: (tranche: string, cap: string, limit: string, claims: number, requested: string, cut: string) => string;
  readonly exitLine: (clause: string, date: string, outcome: string) => string;
  readonly exitOutcome: Words<'fired' | 'notFired' | 'notYetChecked' | 'skipped'>;
  readonly levels: string;
  readonly consequence: Words<'withhold' | 'priceReduction' | 'flag'>;
  readonly levelHeld: (withheld: string, released: string, outstanding: string) => string;
  readonly levelCut: (reduced: string) => string;
  readonly reviewOutcome: Words<'met' | 'notMet' | 'notYetReviewed'>;
  readonly levelAction: Words<'withheld' | 'reduced' | 'released' | 'ended'>;
  readonly levelTranche: (achieved: number, participants: number, rate: string, action: string, amount: string) => string;
  readonly indicators: string;
  readonly indicatorPeriod: (earned: string, rolledOver: string, lapsed: string, pending: string) => string;
  readonly achievement: (value: string) => string;
  readonly unscheduled: string;
  readonly unscheduledLine: (claims: number, amount: string, from: string, to: string) => string;
  readonly guarantees: string;
  readonly guaranteeStatus: Words<'met' | 'open' | 'shortfall'>;
  readonly guaranteeLine: (employer: string, positions: number, status: string, hired: number, qualified: number, undecided: number, short: number) => string;
  readonly owes: (employer: string, amount: string) => string;
  readonly records: (read: number, settled: number, excluded: number, issues: string) => string;
  readonly problemsListed: (count: number) => string;
  readonly problemsSeparately: (count: number) => string;
  readonly fingerprint: (value: string) => string;
  readonly excluded: (excluded: number, read: number) => string;
  readonly firstProblems: string;
  readonly moreProblems: (count: number) => string;
  readonly problemsReported: (count: number) => string;
  readonly noDecisionAtRisk: string;
  readonly decisionsAtRisk: (count: number) => string;
  readonly decisionKind: Words<'exitClause' | 'cohortRate' | 'bonus' | 'cap' | 'hiringGuarantee'>;
  readonly tranche: (id: string) => string;
  readonly cohort: (id: string) => string;
  readonly decision: (decided: string, ifAll: string, ifNone: string) => string;
}

/** The words of one participant's explanation (`explain --format text`). */
export interface ExplainMessages {
  readonly heading: (participant: string, contract: string, date: string, currency: string) => string;
  readonly excludedWarning: (excluded: number, read: number) => string;
  readonly participantExcluded: string;
  readonly problems: string;
  readonly record: (cohort: string, groups: string, enrolled: string, exit: string, baseline: string) => string;
  readonly noGroup: string;
  readonly groups: (groups: readonly string[]) => string;
  readonly noExit: string;
  readonly exited: (date: string) => string;
  readonly baseline: (wage: string) => string;
  readonly spells: string;
  readonly spellsNone: string;
  /** The spells of an outcome, in lower case. */
  readonly spellsLabel: string;
  readonly spell: (start: string, end: string | null, terms: string) => string;
  readonly hoursPerWeek: (hours: string) => string;
  readonly wage: (wage: string) => string;
  readonly sector: (sector: string) => string;
  readonly employer: (employer: string) => string;
  readonly notCounted: (why: string) => string;
  readonly wages: string;
  readonly earnings: string;
  readonly period: (from: string, to: string) => string;
  readonly events: string;
  readonly event: (kind: string, on: string) => string;
  readonly notYetEnrolled: string;
  readonly outcomes: string;
  readonly outcomeStatus: Words<'achieved' | 'failed' | 'pending' | 'notApplicable'>;
  readonly on: (date: string) => string;
  readonly terms: string;
  readonly countedFrom: (date: string) => string;
  readonly periodExamined: (from: string, to: string) => string;
  readonly none: string;
  readonly gaps: string;
  readonly days: Count;
  readonly earningsHeading: string;
  readonly earningsLine: (from: string, to: string, amount: string, counted: string, total: string) => string;
  readonly claimsNone: string;
  readonly claims: string;
  readonly claimLine: (date: string, rule: string, kind: string, outcome: string | null, claimed: string) => string;
  readonly participantCut: (cap: string, limit: string, before: string, cut: string, after: string) => string;
  readonly paid: (amount: string) => string;
  readonly fate: Words<'paid' | 'cutInLine' | 'cutByShareCap' | 'withheld' | 'cutToZero' | 'awaitingTranche' | 'unscheduled'>;
  readonly trancheLine: (id: string, name: string, status: string, measured: string, due: string) => string;
  readonly lineLine: (line: string, formula: string, earned: string, paid: string) => string;
  readonly capCut: (kind: string, cap: string, limit: string, usedBefore: string, requested: string, cut: string) => string;
  readonly total: (claimed: string, cut: string, paid: string) => string;
  readonly notAttributed: (claims: number) => string;
  readonly fingerprints: (contract: string, records: string) => string;
}

/** The words of a payment statement (`outcome-pay/statements`). */
export interface StatementMessages {
  readonly title: string;
  readonly heading: (tranche: string, payer: string) => string;
  readonly contract: string;
  readonly contractId: string;
  readonly currency: string;
  readonly asOf: string;
  readonly payer: string;
  readonly share: string;
  readonly tranche: string;
  readonly status: string;
  readonly measuredOn: string;
  readonly dueOn: string;
  readonly amountsTitle: string;
  readonly earned: string;
  readonly previouslyPaid: string;
  readonly due: string;
  readonly trancheTitle: string;
  readonly trancheEarned: string;
  readonly reinvested: string;
  readonly toProvider: string;
  readonly withheld: string;
  readonly linesTitle: string;
  readonly linesHeader: readonly [string, string, string, string, string, string, string];
  readonly linesTotal: string;
  /** The payer's share of a line, already written by `shareText` (`20%`, `1/3`). */
  readonly fraction: (fraction: string) => string;
  readonly participants: (ids: string) => string;
  readonly capCutsTitle: string;
  readonly capCutsHeader: readonly [string, string, string, string, string, string];
  /** A kind of cap in words (`contract`, `contrat`). */
  readonly capKind: (kind: string) => string;
  readonly budgetYearsTitle: string;
  readonly budgetYearsHeader: readonly [string, string, string, string, string, string, string, string, string];
  readonly yearSpan: (from: string, to: string) => string;
  readonly partOfSplit: string;
  readonly takenFromPayer: (payer: string) => string;
  readonly carriedInFrom: (tranche: string, year: string) => string;
  readonly overDeferredTo: (tranche: string) => string;
  readonly overDeferredLapses: string;
  readonly overTakenBy: (payer: string) => string;
  readonly overNotPaid: string;
  readonly reconciliationTitle: string;
  readonly reconciliationLines: string;
  readonly reconciliationCuts: string;
  readonly reconciliationDeferred: string;
  readonly reconciliationCarried: string;
  readonly reconciliationEarned: string;
  readonly adjustmentsTitle: string;
  readonly adjustmentsHeader: readonly [string, string, string, string];
  readonly fingerprintsTitle: string;
  readonly contractFingerprint: string;
  readonly inputsFingerprint: string;
  readonly recordsFingerprint: string;
  readonly excludedWarning: (excluded: number, read: number) => string;
  readonly footer: (library: string, version: string) => string;
}

/** Every message of one language. */
export interface Messages {
  /** The settlement summary. */
  readonly summary: SummaryMessages;
  /** One participant's explanation. */
  readonly explain: ExplainMessages;
  /** A payment statement. */
  readonly statement: StatementMessages;
}

const plural = (count: number, one: string, many: string): string => `${String(count)} ${count === 1 ? one : many}`;
/** French counts 0 and 1 as singular. */
const pluralFr = (count: number, one: string, many: string): string => `${String(count)} ${count <= 1 ? one : many}`;

const en: Messages = {
  summary: {
    trancheHeader: ['Tranche', 'Status', 'Measured', 'Due on', 'Earned', 'Paid before', 'Due now'],
    payerHeader: ['Payer', 'Share', 'Earned', 'Paid before', 'Due now'],
    total: 'Total',
    formerPayer: 'former',
    colon: (label, text) => `${label}: ${text}`,
    trancheStatus: { settled: 'settled', scheduled: 'scheduled', cancelled: 'cancelled', suspended: 'suspended', withdrawn: 'withdrawn' },
    asOf: (date, currency) => `Settlement as of ${date}, amounts in ${currency}`,
    reinvested: (reinvested, withheld) => `Reinvested: ${reinvested}; withheld (suspensions, minimum performance): ${withheld}`,
    adjustments: 'Adjustments to amounts already paid:',
    claims: (count) => plural(count, 'claim', 'claims'),
    causeLine: (cause, amount, trancheAmount) => `${cause}: ${amount} of ${trancheAmount}`,
    cause: { withdrawn: 'withdrawn', corrected: 'corrected', late: 'late', amended: 'amended', caps: 'caps', other: 'other' },
    exits: 'Exit clauses:',
    byRule: 'Paid by rule (after caps):',
    ruleAmount: (rule, amount) => `${rule} ${amount}`,
    trancheFlows: (provider, reinvested, withheld) => `to the provider ${provider}, reinvested ${reinvested}, withheld ${withheld}`,
    capCuts: 'Caps that cut:',
    capCut: (tranche, kind, cap, limit, usedBefore, requested, cut) => `${tranche}: ${kind} cap ${cap} (limit ${limit}, used before ${usedBefore}): ${requested} requested, ${cut} cut`,
    participantCapCut: (cap, limit, claims, amount) => `per participant cap ${cap} (limit ${limit} each): ${claims} ${claims === 1 ? 'claim' : 'claims'} cut, ${amount} in all`,
    participantCapTrancheCut: (tranche, cap, limit, claims, requested, cut) =>
      `${tranche}: per participant cap ${cap} (limit ${limit} each): ${claims} ${claims === 1 ? 'claim' : 'claims'} cut, ${requested} requested, ${cut} cut`,
    exitLine: (clause, date, outcome) => `${clause} on ${date}: ${outcome}`,
    exitOutcome: { fired: 'fired', notFired: 'notFired', notYetChecked: 'notYetChecked', skipped: 'skipped' },
    levels: 'Minimum performance levels:',
    consequence: { withhold: 'withhold', priceReduction: 'priceReduction', flag: 'flag' },
    levelHeld: (withheld, released, outstanding) => `; withheld ${withheld}, released ${released}, still withheld ${outstanding}`,
    levelCut: (reduced) => `; cut ${reduced}`,
    reviewOutcome: { met: 'met', notMet: 'notMet', notYetReviewed: 'notYetReviewed' },
    levelAction: { withheld: 'withheld', reduced: 'reduced', released: 'released', ended: 'ended' },
    levelTranche: (achieved, participants, rate, action, amount) => `${String(achieved)} of ${String(participants)} (${rate}), ${action} ${amount}`,
    indicators: 'Results indicators (as of the last tranche paying each):',
    indicatorPeriod: (earned, rolledOver, lapsed, pending) => `earned ${earned}, rolled over ${rolledOver}, lapsed ${lapsed}, pending ${pending}`,
    achievement: (value) => ` (achievement ${value})`,
    unscheduled: 'Earned but paid by no tranche:',
    unscheduledLine: (claims, amount, from, to) => `${plural(claims, 'claim', 'claims')}, ${amount} from ${from} to ${to}`,
    guarantees: 'Hiring guarantees:',
    guaranteeStatus: { met: 'met', open: 'open', shortfall: 'shortfall' },
    guaranteeLine: (employer, positions, status, hired, qualified, undecided, short) =>
      `(${employer}, ${plural(positions, 'position', 'positions')}): ${status} — ${String(hired)} hired of ${String(qualified)} qualified, ${String(undecided)} undecided, ${plural(short, 'position', 'positions')} short`,
    owes: (employer, amount) => `, ${employer} owes ${amount}`,
    records: (read, settled, excluded, issues) => `Records: ${String(read)} read, ${String(settled)} settled, ${String(excluded)} excluded (${issues})`,
    problemsListed: (count) => `${plural(count, 'problem', 'problems')} listed in dataQuality`,
    problemsSeparately: (count) => `${plural(count, 'problem', 'problems')} reported separately`,
    fingerprint: (value) => `Fingerprint: ${value}`,
    excluded: (excluded, read) =>
      `WARNING: ${String(excluded)} of ${String(read)} records ${excluded === 1 ? 'was excluded as invalid and is' : 'were excluded as invalid and are'} not in this settlement (exit status 3).`,
    firstProblems: 'First problems:',
    moreProblems: (count) => `  ... and ${String(count)} more in dataQuality.issues`,
    problemsReported: (count) => (count === 1 ? 'Its problem was reported separately (--issues).' : `Their ${String(count)} problems were reported separately (--issues).`),
    noDecisionAtRisk: 'No decision made on counts (exit clause, threshold, tier, bonus, cap, guarantee) would change with them counted.',
    decisionsAtRisk: (count) => `Decisions that would change if the excluded records were counted (${String(count)}):`,
    decisionKind: { exitClause: 'exit clause', cohortRate: 'cohort rate', bonus: 'bonus', cap: 'cap', hiringGuarantee: 'hiring guarantee' },
    tranche: (id) => `tranche ${id}`,
    cohort: (id) => `cohort ${id}`,
    decision: (decided, ifAll, ifNone) => `${decided}; if they all achieved: ${ifAll}; if none did: ${ifNone}`,
  },
  explain: {
    heading: (participant, contract, date, currency) => `Participant ${participant} — ${contract}, as of ${date}, amounts in ${currency}`,
    excludedWarning: (excluded, read) =>
      `WARNING: ${String(excluded)} of ${String(read)} records ${excluded === 1 ? 'was' : 'were'} excluded as invalid from this settlement (exit status 3); cohort figures may change with ${excluded === 1 ? 'it' : 'them'}.`,
    participantExcluded: "This participant's record is invalid and was excluded from the settlement: nothing is counted or paid for it.",
    problems: 'Problems:',
    record: (cohort, groups, enrolled, exit, baseline) => `Record: cohort ${cohort}, ${groups}; enrolled ${enrolled}, ${exit}${baseline}`,
    noGroup: 'no group',
    groups: (groups) => `group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}`,
    noExit: 'no exit recorded',
    exited: (date) => `exited ${date}`,
    baseline: (wage) => `; baseline wage ${wage}`,
    spells: 'Spells:',
    spellsNone: 'Spells: none',
    spellsLabel: 'spells',
    spell: (start, end, terms) => `${start} to ${end ?? 'ongoing'}${terms === '' ? '' : ` (${terms})`}`,
    hoursPerWeek: (hours) => `${hours} h/week`,
    wage: (wage) => `wage ${wage}`,
    sector: (sector) => `sector ${sector}`,
    employer: (employer) => `employer ${employer}`,
    notCounted: (why) => `not counted: ${why}`,
    wages: 'Wages',
    earnings: 'Earnings',
    period: (from, to) => `${from} to ${to}`,
    events: 'Events',
    event: (kind, on) => `${kind} on ${on}`,
    notYetEnrolled: 'Enrolled after the as-of date: nothing is counted for this participant yet.',
    outcomes: 'Outcomes:',
    outcomeStatus: { achieved: 'achieved', failed: 'failed', pending: 'pending', notApplicable: 'notApplicable' },
    on: (date) => ` on ${date}`,
    terms: 'terms',
    countedFrom: (date) => `counted from the placement on ${date}`,
    periodExamined: (from, to) => `period examined: ${from} to ${to}`,
    none: 'none',
    gaps: 'gaps',
    days: (count) => plural(count, 'day', 'days'),
    earningsHeading: 'earnings (period: amount, counted, total):',
    earningsLine: (from, to, amount, counted, total) => `${from} to ${to}: ${amount}, counted ${counted}, total ${total}`,
    claimsNone: 'Claims: none (no rule pays this participant for what is achieved)',
    claims: 'Claims:',
    claimLine: (date, rule, kind, outcome, claimed) => `${date} rule ${rule} (${kind})${outcome === null ? '' : ` for ${outcome}`}: claimed ${claimed}`,
    participantCut: (cap, limit, before, cut, after) => `participant cap ${cap} (limit ${limit}): ${before} before, ${cut} cut, ${after} after`,
    paid: (amount) => `paid ${amount}`,
    fate: {
      paid: 'paid',
      cutInLine: 'in a line cut by a cap as a whole (the cut is not shared out per participant)',
      cutByShareCap: 'cut by a share cap',
      withheld: 'withheld: the tranche is suspended',
      cutToZero: 'cut to nothing by a per-participant cap: no tranche takes it',
      awaitingTranche: 'not paid yet: a tranche still to be measured will take it',
      unscheduled: 'paid by no tranche',
    },
    trancheLine: (id, name, status, measured, due) => `tranche ${id} "${name}" (${status}, measured on ${measured}, due on ${due})`,
    lineLine: (line, formula, earned, paid) => `line ${line}: ${formula}; earned ${earned}, paid ${paid}`,
    capCut: (kind, cap, limit, usedBefore, requested, cut) => `${kind} cap ${cap} (limit ${limit}): ${usedBefore} used before, ${requested} asked, ${cut} cut`,
    total: (claimed, cut, paid) => `Total: claimed ${claimed}, cut by participant caps ${cut}, paid ${paid}`,
    notAttributed: (claims) => `; ${plural(claims, 'claim', 'claims')} in lines cut as a whole, not counted`,
    fingerprints: (contract, records) => `Fingerprints: contract ${contract}, records ${records}`,
  },
  statement: {
    title: 'Payment statement',
    heading: (tranche, payer) => `tranche ${tranche}, payer ${payer}`,
    contract: 'Contract',
    contractId: 'Contract id',
    currency: 'Currency',
    asOf: 'Settlement as of',
    payer: 'Payer',
    share: 'Share',
    tranche: 'Tranche',
    status: 'Status',
    measuredOn: 'Measured on',
    dueOn: 'Due on',
    amountsTitle: 'Amounts for this payer',
    earned: 'Earned to date',
    previouslyPaid: 'Paid before',
    due: 'Due now',
    trancheTitle: 'The tranche as a whole',
    trancheEarned: 'Earned (after caps)',
    reinvested: 'Set aside for reinvestment',
    toProvider: 'To the provider',
    withheld: 'Withheld',
    linesTitle: 'Outcomes paid: the audit lines',
    linesHeader: ['Rule', 'Outcome', 'Cohort', 'Claims', 'How the amount was worked out', 'Earned', 'Paid'],
    linesTotal: 'Total of the lines',
    fraction: (fraction) => `this payer funds ${fraction} of the line`,
    participants: (ids) => `Participants: ${ids}`,
    capCutsTitle: 'Cap cuts in the tranche',
    capCutsHeader: ['Cap', 'Kind', 'Limit', 'Used before', 'Asked', 'Cut'],
    capKind: (kind) => (kind === 'participant' ? 'per participant' : kind),
    budgetYearsTitle: "The payers' yearly commitments (budget years)",
    budgetYearsHeader: ['Cap', 'Payer', 'Budget year', 'Commitment', 'Used before', 'Asked', 'Paid', 'Above the commitment', 'What became of it'],
    yearSpan: (from, to) => `${from} to ${to}`,
    partOfSplit: 'its part of the tranche:',
    takenFromPayer: (payer) => `taken from payer ${payer}:`,
    carriedInFrom: (tranche, year) => `carried in from tranche ${tranche} (${year}):`,
    overDeferredTo: (tranche) => `deferred to the next budget year: paid with tranche ${tranche}`,
    overDeferredLapses: 'deferred, but no tranche falls due in a later budget year: not paid',
    overTakenBy: (payer) => `taken by payer ${payer}`,
    overNotPaid: 'not paid',
    reconciliationTitle: 'From the lines to the earnings',
    reconciliationLines: 'Total of the lines (paid)',
    reconciliationCuts: "less the cuts of the payers' caps",
    reconciliationDeferred: 'less the amounts above a yearly commitment, deferred',
    reconciliationCarried: 'plus the amounts deferred by earlier tranches, carried in',
    reconciliationEarned: 'Earned by the tranche (after caps)',
    adjustmentsTitle: 'Adjustments to amounts paid before',
    adjustmentsHeader: ['Paid before', 'Earned now', 'Adjustment', 'Reason'],
    fingerprintsTitle: 'Fingerprints (SHA-256)',
    contractFingerprint: 'Contract',
    inputsFingerprint: 'Settlement inputs',
    recordsFingerprint: 'Records',
    excludedWarning: (excluded, read) =>
      `Warning: ${String(excluded)} of ${String(read)} records ${excluded === 1 ? 'was excluded as invalid and is' : 'were excluded as invalid and are'} not counted in this settlement.`,
    footer: (library, version) => `Computed by ${library} ${version}.`,
  },
};

const fr: Messages = {
  summary: {
    trancheHeader: ['Tranche', 'Statut', 'Mesurée le', 'Échéance', 'Acquis', 'Déjà payé', 'Dû ce jour'],
    payerHeader: ['Financeur', 'Part', 'Acquis', 'Déjà payé', 'Dû ce jour'],
    total: 'Total',
    formerPayer: 'ancien',
    colon: (label, text) => `${label} : ${text}`,
    trancheStatus: { settled: 'réglée', scheduled: 'à venir', cancelled: 'annulée', suspended: 'suspendue', withdrawn: 'retirée' },
    asOf: (date, currency) => `Règlement au ${date}, montants en ${currency}`,
    reinvested: (reinvested, withheld) => `Réinvesti : ${reinvested} ; retenu (suspensions, performance minimale) : ${withheld}`,
    adjustments: 'Ajustements de montants déjà payés :',
    claims: (count) => pluralFr(count, 'demande', 'demandes'),
    causeLine: (cause, amount, trancheAmount) => `${cause} : ${amount} sur ${trancheAmount}`,
    cause: { withdrawn: 'retiré', corrected: 'corrigé', late: 'tardif', amended: 'avenant', caps: 'plafonds', other: 'autre' },
    exits: 'Clauses de sortie :',
    byRule: 'Payé par règle (après plafonds) :',
    ruleAmount: (rule, amount) => `${rule} ${amount}`,
    trancheFlows: (provider, reinvested, withheld) => `au prestataire ${provider}, réinvesti ${reinvested}, retenu ${withheld}`,
    capCuts: 'Plafonds qui ont retranché :',
    capCut: (tranche, kind, cap, limit, usedBefore, requested, cut) => `${tranche} : plafond ${cap} (${frenchCapKind(kind)}, limite ${limit}, déjà utilisé ${usedBefore}) : ${requested} demandé, ${cut} retranché`,
    participantCapCut: (cap, limit, claims, amount) => `plafond par participant ${cap} (limite ${limit} chacun) : ${claims} ${claims === 1 ? 'demande retranchée' : 'demandes retranchées'}, ${amount} en tout`,
    participantCapTrancheCut: (tranche, cap, limit, claims, requested, cut) =>
      `${tranche} : plafond par participant ${cap} (limite ${limit} chacun) : ${claims} ${claims === 1 ? 'demande retranchée' : 'demandes retranchées'}, ${requested} demandé, ${cut} retranché`,
    exitLine: (clause, date, outcome) => `${clause} au ${date} : ${outcome}`,
    exitOutcome: { fired: 'déclenchée', notFired: 'non déclenchée', notYetChecked: 'pas encore vérifiée', skipped: 'sans objet' },
    levels: 'Seuils de performance minimale :',
    consequence: { withhold: 'retenue', priceReduction: 'réduction de prix', flag: 'signalement' },
    levelHeld: (withheld, released, outstanding) => ` ; retenu ${withheld}, libéré ${released}, encore retenu ${outstanding}`,
    levelCut: (reduced) => ` ; réduit de ${reduced}`,
    reviewOutcome: { met: 'atteint', notMet: 'non atteint', notYetReviewed: 'pas encore examiné' },
    levelAction: { withheld: 'retenu', reduced: 'réduit', released: 'libéré', ended: 'clos' },
    levelTranche: (achieved, participants, rate, action, amount) => `${String(achieved)} sur ${String(participants)} (${rate}), ${action} ${amount}`,
    indicators: 'Indicateurs de résultat (à la dernière tranche qui paie chacun) :',
    indicatorPeriod: (earned, rolledOver, lapsed, pending) => `acquis ${earned}, reporté ${rolledOver}, perdu ${lapsed}, en attente ${pending}`,
    achievement: (value) => ` (réalisation ${value})`,
    unscheduled: 'Acquis mais payé par aucune tranche :',
    unscheduledLine: (claims, amount, from, to) => `${pluralFr(claims, 'demande', 'demandes')}, ${amount} du ${from} au ${to}`,
    guarantees: "Garanties d'embauche :",
    guaranteeStatus: { met: 'tenue', open: 'en cours', shortfall: 'non tenue' },
    guaranteeLine: (employer, positions, status, hired, qualified, undecided, short) =>
      `(${employer}, ${pluralFr(positions, 'poste', 'postes')}) : ${status} — ${pluralFr(hired, 'embauché', 'embauchés')} sur ${pluralFr(qualified, 'qualifié', 'qualifiés')}, ${String(undecided)} en attente, ${pluralFr(short, 'poste manquant', 'postes manquants')}`,
    owes: (employer, amount) => `, ${employer} doit ${amount}`,
    records: (read, settled, excluded, issues) =>
      `Enregistrements : ${pluralFr(read, 'lu', 'lus')}, ${pluralFr(settled, 'réglé', 'réglés')}, ${pluralFr(excluded, 'exclu', 'exclus')} (${issues})`,
    problemsListed: (count) => `${pluralFr(count, 'problème listé', 'problèmes listés')} dans dataQuality`,
    problemsSeparately: (count) => `${pluralFr(count, 'problème signalé', 'problèmes signalés')} à part`,
    fingerprint: (value) => `Empreinte : ${value}`,
    excluded: (excluded, read) =>
      `ATTENTION : ${String(excluded)} enregistrement${excluded <= 1 ? '' : 's'} sur ${String(read)} ${excluded <= 1 ? 'a été exclu car invalide et ne figure' : 'ont été exclus car invalides et ne figurent'} pas dans ce règlement (code de sortie 3).`,
    firstProblems: 'Premiers problèmes :',
    moreProblems: (count) => `  ... et ${String(count)} de plus dans dataQuality.issues`,
    problemsReported: (count) => (count <= 1 ? 'Son problème a été signalé à part (--issues).' : `Leurs ${String(count)} problèmes ont été signalés à part (--issues).`),
    noDecisionAtRisk: "Aucune décision prise sur des effectifs (clause de sortie, seuil, palier, prime, plafond, garantie) ne changerait s'ils étaient comptés.",
    decisionsAtRisk: (count) => `Décisions qui changeraient si les enregistrements exclus étaient comptés (${String(count)}) :`,
    decisionKind: { exitClause: 'clause de sortie', cohortRate: 'taux de cohorte', bonus: 'prime', cap: 'plafond', hiringGuarantee: "garantie d'embauche" },
    tranche: (id) => `tranche ${id}`,
    cohort: (id) => `cohorte ${id}`,
    decision: (decided, ifAll, ifNone) => `${decided} ; si tous avaient réussi : ${ifAll} ; si aucun : ${ifNone}`,
  },
  explain: {
    heading: (participant, contract, date, currency) => `Participant ${participant} — ${contract}, au ${date}, montants en ${currency}`,
    excludedWarning: (excluded, read) =>
      `ATTENTION : ${String(excluded)} enregistrement${excluded <= 1 ? '' : 's'} sur ${String(read)} ${excluded <= 1 ? 'a été exclu' : 'ont été exclus'} de ce règlement car invalide${excluded <= 1 ? '' : 's'} (code de sortie 3) ; les chiffres des cohortes peuvent changer avec ${excluded <= 1 ? 'lui' : 'eux'}.`,
    participantExcluded: "L'enregistrement de ce participant est invalide et a été exclu du règlement : rien n'est compté ni payé pour lui.",
    problems: 'Problèmes :',
    record: (cohort, groups, enrolled, exit, baseline) => `Enregistrement : cohorte ${cohort}, ${groups} ; entré le ${enrolled}, ${exit}${baseline}`,
    noGroup: 'aucun public prioritaire',
    groups: (groups) => `public${groups.length === 1 ? '' : 's'} ${groups.join(', ')}`,
    noExit: 'aucune sortie enregistrée',
    exited: (date) => `sorti le ${date}`,
    baseline: (wage) => ` ; salaire de référence ${wage}`,
    spells: 'Périodes d’emploi :',
    spellsNone: 'Périodes d’emploi : néant',
    spellsLabel: 'périodes d’emploi',
    spell: (start, end, terms) => `du ${start} ${end === null ? 'à ce jour' : `au ${end}`}${terms === '' ? '' : ` (${terms})`}`,
    hoursPerWeek: (hours) => `${hours.replace('.', ',')} h/semaine`,
    wage: (wage) => `salaire ${wage}`,
    sector: (sector) => `secteur ${sector}`,
    employer: (employer) => `employeur ${employer}`,
    notCounted: (why) => `non comptée : ${why}`,
    wages: 'Salaires',
    earnings: 'Revenus',
    period: (from, to) => `du ${from} au ${to}`,
    events: 'Événements',
    event: (kind, on) => `${kind} le ${on}`,
    notYetEnrolled: "Entré après la date du règlement : rien n'est encore compté pour ce participant.",
    outcomes: 'Résultats :',
    outcomeStatus: { achieved: 'atteint', failed: 'non atteint', pending: 'en attente', notApplicable: 'sans objet' },
    on: (date) => ` le ${date}`,
    terms: 'conditions',
    countedFrom: (date) => `compté à partir du placement du ${date}`,
    periodExamined: (from, to) => `période examinée : du ${from} au ${to}`,
    none: 'néant',
    gaps: 'interruptions',
    days: (count) => pluralFr(count, 'jour', 'jours'),
    earningsHeading: 'revenus (période : montant, compté, cumul) :',
    earningsLine: (from, to, amount, counted, total) => `du ${from} au ${to} : ${amount}, compté ${counted}, cumul ${total}`,
    claimsNone: 'Demandes : aucune (aucune règle ne paie ce participant pour ce qui est atteint)',
    claims: 'Demandes :',
    claimLine: (date, rule, kind, outcome, claimed) => `${date} règle ${rule} (${kind})${outcome === null ? '' : ` pour ${outcome}`} : demandé ${claimed}`,
    participantCut: (cap, limit, before, cut, after) => `plafond par participant ${cap} (limite ${limit}) : ${before} avant, ${cut} retranché, ${after} après`,
    paid: (amount) => `payé ${amount}`,
    fate: {
      paid: 'payé',
      cutInLine: "dans une ligne réduite par un plafond dans son ensemble (la réduction n'est pas répartie par participant)",
      cutByShareCap: "réduit par un plafond de part",
      withheld: 'retenu : la tranche est suspendue',
      cutToZero: 'ramené à rien par un plafond par participant : aucune tranche ne le prend',
      awaitingTranche: 'pas encore payé : une tranche encore à mesurer le prendra',
      unscheduled: 'payé par aucune tranche',
    },
    trancheLine: (id, name, status, measured, due) => `tranche ${id} « ${name} » (${status}, mesurée le ${measured}, échéance le ${due})`,
    lineLine: (line, formula, earned, paid) => `ligne ${line} : ${formula} ; acquis ${earned}, payé ${paid}`,
    capCut: (kind, cap, limit, usedBefore, requested, cut) => `plafond ${frenchCapKind(kind)} ${cap} (limite ${limit}) : ${usedBefore} déjà utilisé, ${requested} demandé, ${cut} retranché`,
    total: (claimed, cut, paid) => `Total : demandé ${claimed}, retranché par les plafonds par participant ${cut}, payé ${paid}`,
    notAttributed: (claims) => ` ; ${pluralFr(claims, 'demande', 'demandes')} dans des lignes réduites dans leur ensemble, non comptée${claims <= 1 ? '' : 's'}`,
    fingerprints: (contract, records) => `Empreintes : convention ${contract}, enregistrements ${records}`,
  },
  statement: {
    title: 'Relevé de paiement',
    heading: (tranche, payer) => `tranche ${tranche}, financeur ${payer}`,
    contract: 'Convention',
    contractId: 'Identifiant de la convention',
    currency: 'Devise',
    asOf: 'Règlement au',
    payer: 'Financeur',
    share: 'Part',
    tranche: 'Tranche',
    status: 'Statut',
    measuredOn: 'Mesurée le',
    dueOn: 'Échéance',
    amountsTitle: 'Montants pour ce financeur',
    earned: 'Acquis à ce jour',
    previouslyPaid: 'Déjà payé',
    due: 'Dû ce jour',
    trancheTitle: 'La tranche dans son ensemble',
    trancheEarned: 'Acquis (après plafonds)',
    reinvested: 'Mis de côté pour le réinvestissement',
    toProvider: "Pour l'opérateur",
    withheld: 'Retenu',
    linesTitle: "Résultats payés : les lignes d'audit",
    linesHeader: ['Règle', 'Résultat', 'Cohorte', 'Demandes', 'Calcul du montant', 'Acquis', 'Payé'],
    linesTotal: 'Total des lignes',
    fraction: (fraction) => `ce financeur finance ${fraction} de la ligne`,
    participants: (ids) => `Participants : ${ids}`,
    capCutsTitle: 'Réductions de la tranche par les plafonds',
    capCutsHeader: ['Plafond', 'Type', 'Limite', 'Déjà utilisé', 'Demandé', 'Retranché'],
    capKind: frenchCapKind,
    budgetYearsTitle: 'Engagements annuels des financeurs (exercices budgétaires)',
    budgetYearsHeader: ['Plafond', 'Financeur', 'Exercice', 'Engagement', 'Déjà utilisé', 'Demandé', 'Payé', "Au-delà de l'engagement", 'Ce qu’il en advient'],
    yearSpan: (from, to) => `du ${from} au ${to}`,
    partOfSplit: 'sa part de la tranche :',
    takenFromPayer: (payer) => `repris du financeur ${payer} :`,
    carriedInFrom: (tranche, year) => `reporté de la tranche ${tranche} (${year}) :`,
    overDeferredTo: (tranche) => `reporté à l'exercice suivant : payé avec la tranche ${tranche}`,
    overDeferredLapses: "reporté, mais aucune tranche n'échoit dans un exercice suivant : non payé",
    overTakenBy: (payer) => `repris par le financeur ${payer}`,
    overNotPaid: 'non payé',
    reconciliationTitle: 'Des lignes aux montants acquis',
    reconciliationLines: 'Total des lignes (payé)',
    reconciliationCuts: 'moins les réductions des plafonds des financeurs',
    reconciliationDeferred: "moins les montants au-delà d'un engagement annuel, reportés",
    reconciliationCarried: 'plus les montants reportés par des tranches antérieures',
    reconciliationEarned: 'Acquis par la tranche (après plafonds)',
    adjustmentsTitle: 'Ajustements de montants déjà payés',
    adjustmentsHeader: ['Déjà payé', 'Acquis ce jour', 'Ajustement', 'Motif'],
    fingerprintsTitle: 'Empreintes (SHA-256)',
    contractFingerprint: 'Convention',
    inputsFingerprint: 'Données du règlement',
    recordsFingerprint: 'Enregistrements',
    excludedWarning: (excluded, read) =>
      `Attention : ${String(excluded)} enregistrement${excluded <= 1 ? '' : 's'} sur ${String(read)} ${excluded <= 1 ? 'a été exclu car invalide et n’est pas compté' : 'ont été exclus car invalides et ne sont pas comptés'} dans ce règlement.`,
    footer: (library, version) => `Calculé par ${library} ${version}.`,
  },
};

/**
 * The messages of each language: `MESSAGES.fr.summary.total`. Both tables have the type
 * {@link Messages}: a key missing in one of them does not compile.
 *
 * @example
 * MESSAGES.fr.statement.title; // 'Relevé de paiement'
 */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, fr };
