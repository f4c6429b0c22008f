/**
 * Every text of the report written for people, by language: headings, column names, chart
 * titles, sentences and how amounts, dates and percentages are written. The report's code holds
 * no human text of its own, so a language is one object of {@link ReportMessages} added to
 * {@link REPORT_MESSAGES}.
 *
 * @module
 */
import { dateText, frenchCapKind, moneyText, percentText, ratioText, shareText } from '../format/index.js';
import { multipleText } from './multiple-text.js';
import { engineText } from '../wording/index.js';

/** The words a settlement report uses. */
export interface SettlementReportMessages {
  /** The page's title. */
  readonly title: (contractName: string, asOf: string) => string;
  /** The line under the title: the contract's id, currency and the settlement's fingerprints. */
  readonly identity: (contractId: string, currency: string, fingerprint: string) => string;
  readonly totals: string;
  /** The totals in one sentence: earned to date, due now, previously paid (amounts written). */
  readonly totalsLine: (earned: string, due: string, previouslyPaid: string) => string;
  /** The warning of a settlement made with invalid records excluded: how many of how many. */
  readonly excluded: (excluded: number, read: number) => string;
  readonly tranches: string;
  readonly trancheColumns: {
    readonly tranche: string;
    readonly status: string;
    readonly measuredOn: string;
    readonly dueOn: string;
    readonly earned: string;
    readonly previouslyPaid: string;
    readonly due: string;
    readonly withheld: string;
    readonly reinvested: string;
    readonly toProvider: string;
  };
  readonly trancheStatus: Readonly<Record<'settled' | 'scheduled' | 'cancelled' | 'suspended' | 'withdrawn', string>>;
  readonly tranchesChart: string;
  readonly payers: string;
  readonly payerColumns: { readonly payer: string; readonly share: string; readonly earned: string; readonly previouslyPaid: string; readonly due: string };
  readonly payersChart: string;
  readonly exits: string;
  readonly exitColumns: { readonly clause: string; readonly checkOn: string; readonly outcome: string; readonly explanation: string };
  readonly exitOutcome: Readonly<Record<'fired' | 'notFired' | 'notYetChecked' | 'skipped', string>>;
  readonly noExits: string;
  readonly dashboard: string;
  readonly dashboardIntro: string;
  readonly outcomeKinds: Readonly<Record<'placement' | 'retention' | 'wageProgression' | 'milestone' | 'earningsThreshold' | 'quarterAfterExit', string>>;
  readonly outcomeColumns: {
    readonly outcome: string;
    readonly cohort: string;
    readonly group: string;
    readonly enrolled: string;
    readonly achieved: string;
    readonly failed: string;
    readonly pending: string;
    readonly rate: string;
  };
  readonly allCohorts: string;
  readonly wholeCohort: string;
  readonly ratesChart: string;
  readonly indicators: string;
  readonly indicatorsIntro: string;
  readonly indicatorColumns: { readonly indicator: string; readonly cohort: string; readonly value: string };
  readonly notGiven: string;
  readonly noIndicators: string;
  readonly wages: string;
  readonly wagesIntro: string;
  readonly wageColumns: { readonly cohort: string; readonly group: string; readonly participants: string; readonly baseline: string; readonly latest: string; readonly change: string };
  readonly noWages: string;
  readonly wagesWithoutRecords: string;
  readonly equity: string;
  readonly equityIntro: string;
  readonly equityColumns: { readonly group: string; readonly cohort: string; readonly inGroup: string; readonly enrolled: string; readonly share: string; readonly minimum: string; readonly met: string };
  /** Whether a group's share meets its minimum (null: no minimum, or nobody enrolled). */
  readonly equityMet: (met: boolean | null) => string;
  readonly noMinimum: string;
  readonly equityChart: string;
  readonly noGroups: string;
}

/** The words a simulation report uses. */
export interface SimulationReportMessages {
  /** The page's title. */
  readonly title: (contractName: string) => string;
  /** The line under the title: the contract's id, the runs, the seed and the currency. */
  readonly identity: (contractId: string, runs: number, seed: number, currency: string) => string;
  readonly totals: string;
  readonly statisticColumns: {
    readonly what: string;
    readonly mean: string;
    readonly sd: string;
    readonly p5: string;
    readonly p25: string;
    readonly p50: string;
    readonly p75: string;
    readonly p95: string;
  };
  readonly totalCost: string;
  /** The label of a payer's row. */
  readonly payer: (name: string) => string;
  readonly distribution: string;
  readonly distributionIntro: string;
  readonly distributionChart: string;
  readonly runs: string;
  readonly cashFlow: string;
  readonly cashFlowIntro: string;
  readonly cashFlowColumns: { readonly period: string; readonly tranches: string; readonly mean: string; readonly p5: string; readonly p95: string };
  readonly cashFlowChart: string;
  readonly band: string;
  readonly expected: string;
  readonly probabilities: string;
  readonly probabilityColumns: { readonly what: string; readonly runs: string; readonly probability: string };
  /** The event of an exit clause firing. */
  readonly exitFires: (clause: string) => string;
  /** The event of a cap binding (its id and kind, `cohort`, `tranche`...: written in the language). */
  readonly capBinds: (cap: string, kind: string) => string;
  /** What an exit clause pays, as a row of the costs and of the cash flow (the simulation names it `exit:<clause>`). */
  readonly exitPayment: (clause: string) => string;
  /** The event of a minimum performance level missed. */
  readonly levelMissed: (level: string) => string;
  readonly noProbabilities: string;
  /** What the table of events shows, over how many runs, and how its probabilities are rounded. */
  readonly probabilitiesIntro: (runs: number) => string;
  /** Instead of a chart of bars all at 0: no event happened in any run. */
  readonly noEventHappened: (runs: number) => string;
  readonly probabilitiesChart: string;
  readonly tornado: string;
  /** What the tornado shows: the step and the runs of each variant. */
  readonly tornadoIntro: (step: number, runs: number) => string;
  readonly tornadoColumns: { readonly assumption: string; readonly moved: string; readonly low: string; readonly base: string; readonly high: string; readonly swing: string };
  readonly tornadoChart: string;
  readonly movedDown: string;
  readonly movedUp: string;
  readonly investors: string;
  /** What the investors' section shows, with the waterfall's order (names), and how its figures are rounded. */
  readonly investorsIntro: (waterfall: string) => string;
  readonly investorColumns: { readonly investor: string; readonly principal: string; readonly what: string };
  readonly multiple: string;
  readonly irr: string;
  readonly capitalLost: string;
  /** How many runs have no IRR (the investor received nothing). */
  readonly noIrr: (runs: number) => string;
  readonly investorsChart: string;
}

/**
 * One language of the report: the words of both reports, the words they share, and how amounts,
 * dates, percentages and counts are written.
 */
export interface ReportMessages {
  /** The language's tag, as the page declares it (`<html lang>`). */
  readonly lang: string;
  /** An exact decimal amount (a string, never a number) with its currency. */
  readonly amount: (text: string, currency: string) => string;
  /** A calendar date `YYYY-MM-DD`. */
  readonly date: (iso: string) => string;
  /** A percentage already computed and rounded, as decimal text (`'40.8'`): `40.8%`, `40,8 %`. */
  readonly percent: (text: string) => string;
  /** A payer's share (`'0.6'`, `'1/3'`) as every output writes it (`shareText`): `60%`, `60 %`, `1/3`. */
  readonly share: (text: string) => string;
  /** A rate of return (an IRR, `'0.0734123456'`) as a percentage rounded half-even to 2 places: `7.34%`, `7,34 %`. */
  readonly rate: (ratio: string) => string;
  /** A probability (`'0.250000'`) as a percentage rounded half-even to 1 place: `25.0%`, `25,0 %`. */
  readonly probability: (ratio: string) => string;
  /** A multiple (`'1.123456'`) rounded half-even to 2 places, with `×`: `1.12×`, `1,12×`. */
  readonly multiple: (value: string) => string;
  /** A decimal that is not money, a percentage or a multiple (a cohort indicator's value), as text. */
  readonly decimal: (text: string) => string;
  /**
   * How the charts write the numbers of their axes and labels (vega's locale configuration, d3-format
   * style): `4,000.5` in English (vega's default), `4 000,5` in French.
   */
  readonly chartLocale: { readonly number: { readonly decimal: string; readonly thousands: string; readonly grouping: readonly number[]; readonly currency: readonly [string, string]; readonly percent: string } };
  /** A sentence the engine wrote into the settlement (why an exit clause fired, a formula). */
  readonly engine: (text: string) => string;
  /** The footer: who made the report, that it opens offline. */
  readonly footer: (library: string, version: string) => string;
  /** The text for a value that is not there. */
  readonly none: string;
  /** A label and what it labels, with the language's colon (`placement: Job started`, `placement : …` in French). */
  readonly labelled: (label: string, text: string) => string;
  /** The title of an axis of amounts in a currency. */
  readonly amountAxis: (currency: string) => string;
  readonly settlement: SettlementReportMessages;
  readonly simulation: SimulationReportMessages;
}

const plural = (count: number, one: string, many: string): string => `${String(count)} ${count === 1 ? one : many}`;

/** The kinds of caps (`CapBinding.kind`) in English words where the code is not one; a kind not listed is written as it is. */
const ENGLISH_CAP_KINDS: Readonly<Record<string, string>> = {
  participant: 'per participant',
  outcomeVolume: 'outcome volume',
};

/** English. */
const EN: ReportMessages = {
  lang: 'en',
  amount: (text, currency) => `${text} ${currency}`,
  date: (iso) => iso,
  percent: (text) => percentText(text, 'en'),
  share: (text) => shareText(text, 'en'),
  rate: (ratio) => ratioText(ratio, 2, 'en'),
  probability: (ratio) => ratioText(ratio, 1, 'en'),
  multiple: (value) => multipleText(value, 'en'),
  decimal: (text) => text,
  chartLocale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], percent: '%' } },
  engine: (text) => text,
  footer: (library, version) => `Made by ${library} ${version}. Every amount is exact, as the settlement or simulation gives it; the charts draw them. This page is self-contained and opens offline.`,
  none: '—',
  labelled: (label, text) => `${label}: ${text}`,
  amountAxis: (currency) => `Amount (${currency})`,
  settlement: {
    title: (contractName, asOf) => `${contractName}: settlement as of ${asOf}`,
    identity: (contractId, currency, fingerprint) => `Contract ${contractId}, amounts in ${currency}. Settlement inputs fingerprint (SHA-256): ${fingerprint}`,
    totals: 'Totals',
    totalsLine: (earned, due, previouslyPaid) => `Earned to date ${earned}; previously paid ${previouslyPaid}; due now ${due}.`,
    excluded: (excluded, read) => `Warning: ${plural(excluded, 'record', 'records')} of ${String(read)} ${excluded === 1 ? 'was' : 'were'} invalid and excluded from this settlement; the figures below do not count ${excluded === 1 ? 'it' : 'them'}.`,
    tranches: 'Tranches',
    trancheColumns: {
      tranche: 'Tranche',
      status: 'Status',
      measuredOn: 'Measured on',
      dueOn: 'Due on',
      earned: 'Earned',
      previouslyPaid: 'Previously paid',
      due: 'Due now',
      withheld: 'Withheld',
      reinvested: 'Reinvested',
      toProvider: 'To the provider',
    },
    trancheStatus: { settled: 'settled', scheduled: 'scheduled (not yet measured)', cancelled: 'cancelled', suspended: 'suspended', withdrawn: 'withdrawn' },
    tranchesChart: 'Earned per tranche, by payer',
    payers: 'Payers',
    payerColumns: { payer: 'Payer', share: 'Share', earned: 'Earned', previouslyPaid: 'Previously paid', due: 'Due now' },
    payersChart: 'Earned per payer',
    exits: 'Exit clauses',
    exitColumns: { clause: 'Clause', checkOn: 'Checked on', outcome: 'Result', explanation: 'Why' },
    exitOutcome: { fired: 'fired', notFired: 'not fired', notYetChecked: 'not yet checked', skipped: 'skipped' },
    noExits: 'The contract has no exit clause.',
    dashboard: 'Programme dashboard',
    dashboardIntro:
      'Each outcome of the contract per cohort and per priority group, at the as-of date: the participants enrolled, how many achieved, failed or are still pending, and the rate (achieved over enrolled).',
    outcomeKinds: { placement: 'Placement rate', retention: 'Retention', wageProgression: 'Wage progression', milestone: 'Milestone', earningsThreshold: 'Earnings', quarterAfterExit: 'Employed in a quarter after exit' },
    outcomeColumns: { outcome: 'Outcome', cohort: 'Cohort', group: 'Group', enrolled: 'Enrolled', achieved: 'Achieved', failed: 'Failed', pending: 'Pending', rate: 'Rate' },
    allCohorts: 'all cohorts',
    wholeCohort: 'everyone',
    ratesChart: 'Rate of each outcome, by cohort',
    indicators: 'Satisfaction and other cohort indicators',
    indicatorsIntro: 'Figures measured outside the records (employer and learner satisfaction, comparison rates), per cohort, as given with the settlement.',
    indicatorColumns: { indicator: 'Indicator', cohort: 'Cohort', value: 'Value' },
    notGiven: 'not given',
    noIndicators: 'The contract defines no cohort indicator (satisfaction is not measured by it).',
    wages: 'Wages',
    wagesIntro:
      'Participants with a wage before the programme and a wage observed since (the last observation on or before the as-of date): their mean monthly wage before and after, and the change.',
    wageColumns: { cohort: 'Cohort', group: 'Group', participants: 'Participants', baseline: 'Mean wage before', latest: 'Mean wage observed', change: 'Change' },
    noWages: 'No participant has both a wage before the programme and a wage observed since.',
    wagesWithoutRecords: 'The records were not given to the report: the wages observed are not shown.',
    equity: 'Equity of access',
    equityIntro: "Each priority group's share of each cohort's enrolments, against the minimum share the contract expects of it.",
    equityColumns: { group: 'Group', cohort: 'Cohort', inGroup: 'In the group', enrolled: 'Enrolled', share: 'Share', minimum: 'Minimum', met: 'Minimum met' },
    equityMet: (met) => (met === null ? '—' : met ? 'yes' : 'no'),
    noMinimum: 'none',
    equityChart: 'Share of enrolments by group (the tick: the minimum)',
    noGroups: 'The contract has no priority group.',
  },
  simulation: {
    title: (contractName) => `${contractName}: simulation`,
    identity: (contractId, runs, seed, currency) => `Contract ${contractId}: ${plural(runs, 'run', 'runs')}, seed ${String(seed)}, amounts in ${currency}.`,
    totals: 'What the contract may cost',
    statisticColumns: { what: '', mean: 'Mean', sd: 'Std dev', p5: '5%', p25: '25%', p50: 'Median', p75: '75%', p95: '95%' },
    totalCost: 'Total cost',
    payer: (name) => `Payer ${name}`,
    distribution: 'Distribution of the total cost',
    distributionIntro: 'How many runs ended with each total cost: the spread of what the contract may cost.',
    distributionChart: 'Total cost over the runs',
    runs: 'Runs',
    cashFlow: 'Cash-flow schedule',
    cashFlowIntro: 'What falls due each month, in total: the expected amount and the band from the 5th to the 95th percentile of the runs.',
    cashFlowColumns: { period: 'Month', tranches: 'Tranches', mean: 'Expected', p5: '5%', p95: '95%' },
    cashFlowChart: 'Payments falling due per month (band: 5% to 95%)',
    band: '5% to 95%',
    expected: 'expected',
    probabilities: 'Exit clauses and caps',
    probabilityColumns: { what: 'Event', runs: 'Runs', probability: 'Probability' },
    exitFires: (clause) => `exit clause ${clause} fires`,
    capBinds: (cap, kind) => `cap ${cap} (${ENGLISH_CAP_KINDS[kind] ?? kind}) binds`,
    exitPayment: (clause) => `exit clause ${clause}`,
    levelMissed: (level) => `minimum performance ${level} missed`,
    noProbabilities: 'The contract has no exit clause, cap or minimum performance level.',
    probabilitiesIntro: (runs) =>
      `Over ${plural(runs, 'run', 'runs')}: the number of runs in which each exit clause fired, each minimum performance level was missed and each cap bound, and the probability, that share of the runs as a percentage rounded half-even to one decimal place.`,
    noEventHappened: (runs) => `No exit clause fired, no minimum performance level was missed and no cap bound in ${runs === 1 ? 'the one run' : `any of the ${String(runs)} runs`}.`,
    probabilitiesChart: 'Probability of each event',
    tornado: 'Sensitivity (tornado)',
    tornadoIntro: (step, runs) => `The mean total cost with each assumption moved down and up by ${String(step)} (${plural(runs, 'run', 'runs')} each, the same seed), sorted by swing.`,
    tornadoColumns: { assumption: 'Assumption', moved: 'Moved', low: 'Mean cost, moved down', base: 'Mean cost as assumed', high: 'Mean cost, moved up', swing: 'Swing' },
    tornadoChart: 'Change in the mean total cost',
    movedDown: 'moved down',
    movedUp: 'moved up',
    investors: 'Investors',
    investorsIntro: (waterfall) => `What each investor receives through the waterfall (repaid in this order: ${waterfall}): its multiple (received over drawn, rounded half-even to two decimal places: 1.12×), its internal rate of return (annual, as a percentage rounded half-even to two decimal places: 7.34%) and the probability of losing capital (a percentage to one decimal place).`,
    investorColumns: { investor: 'Investor', principal: 'Capital', what: 'Figure' },
    multiple: 'Multiple',
    irr: 'IRR (annual)',
    capitalLost: 'Probability of losing capital',
    noIrr: (runs) => `no IRR in ${plural(runs, 'run', 'runs')}`,
    investorsChart: 'Multiple per investor (5%, median, 95%)',
  },
};

/** A decimal point made a French decimal comma. */
const comma = (text: string): string => text.replace('.', ',');

/**
 * French: amounts as a French reader writes them from the exact decimal (`1 650,00 €`, see
 * src/format), dates in words (`30 juin 2025`), decimal commas, a no-break space before `%`.
 */
const FR: ReportMessages = {
  lang: 'fr',
  amount: (text, currency) => moneyText(text, currency, 'fr'),
  date: (iso) => dateText(iso, 'fr'),
  percent: (text) => percentText(text, 'fr'),
  share: (text) => shareText(text, 'fr'),
  rate: (ratio) => ratioText(ratio, 2, 'fr'),
  probability: (ratio) => ratioText(ratio, 1, 'fr'),
  multiple: (value) => multipleText(value, 'fr'),
  decimal: (text) => comma(text),
  chartLocale: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%' } },
  engine: (text) => engineText(text, 'fr'),
  footer: (library, version) => `Établi par ${library} ${version}. Chaque montant est exact, tel que le donne le règlement ou la simulation ; les graphiques les dessinent. Cette page se suffit à elle-même et s'ouvre hors ligne.`,
  none: '—',
  labelled: (label, text) => `${label} : ${text}`,
  amountAxis: (currency) => `Montant (${currency})`,
  settlement: {
    title: (contractName, asOf) => `${contractName} : règlement au ${asOf}`,
    identity: (contractId, currency, fingerprint) => `Contrat ${contractId}, montants en ${currency}. Empreinte des entrées du règlement (SHA-256) : ${fingerprint}`,
    totals: 'Totaux',
    totalsLine: (earned, due, previouslyPaid) => `Acquis à date ${earned} ; déjà payé ${previouslyPaid} ; dû maintenant ${due}.`,
    excluded: (excluded, read) =>
      `Attention : ${plural(excluded, 'enregistrement', 'enregistrements')} sur ${String(read)} ${excluded === 1 ? 'était invalide et a été exclu' : 'étaient invalides et ont été exclus'} de ce règlement ; les chiffres ci-dessous ne ${excluded === 1 ? "l'incluent" : 'les incluent'} pas.`,
    tranches: 'Tranches',
    trancheColumns: {
      tranche: 'Tranche',
      status: 'Statut',
      measuredOn: 'Mesurée le',
      dueOn: 'Exigible le',
      earned: 'Acquis',
      previouslyPaid: 'Déjà payé',
      due: 'Dû maintenant',
      withheld: 'Retenu',
      reinvested: 'Réinvesti',
      toProvider: "À l'opérateur",
    },
    trancheStatus: { settled: 'réglée', scheduled: 'prévue (pas encore mesurée)', cancelled: 'annulée', suspended: 'suspendue', withdrawn: 'retirée' },
    tranchesChart: 'Acquis par tranche, par financeur',
    payers: 'Financeurs',
    payerColumns: { payer: 'Financeur', share: 'Part', earned: 'Acquis', previouslyPaid: 'Déjà payé', due: 'Dû maintenant' },
    payersChart: 'Acquis par financeur',
    exits: 'Clauses de sortie',
    exitColumns: { clause: 'Clause', checkOn: 'Vérifiée le', outcome: 'Résultat', explanation: 'Pourquoi' },
    exitOutcome: { fired: 'déclenchée', notFired: 'non déclenchée', notYetChecked: 'pas encore vérifiée', skipped: 'sans objet' },
    noExits: "Le contrat n'a pas de clause de sortie.",
    dashboard: 'Tableau de bord du programme',
    dashboardIntro:
      "Chaque résultat du contrat par cohorte et par public prioritaire, à la date du règlement : les participants inscrits, combien l'ont atteint, ne l'ont pas atteint ou sont encore en attente, et le taux (atteints sur inscrits).",
    outcomeKinds: {
      placement: 'Taux de placement',
      retention: "Maintien dans l'emploi",
      wageProgression: 'Progression salariale',
      milestone: 'Étape',
      earningsThreshold: 'Revenus',
      quarterAfterExit: 'En emploi un trimestre après la sortie',
    },
    outcomeColumns: { outcome: 'Résultat', cohort: 'Cohorte', group: 'Public', enrolled: 'Inscrits', achieved: 'Atteints', failed: 'Non atteints', pending: 'En attente', rate: 'Taux' },
    allCohorts: 'toutes les cohortes',
    wholeCohort: 'tous',
    ratesChart: 'Taux de chaque résultat, par cohorte',
    indicators: 'Satisfaction et autres indicateurs de cohorte',
    indicatorsIntro: 'Chiffres mesurés hors des enregistrements (satisfaction des employeurs et des apprenants, taux de comparaison), par cohorte, tels que fournis avec le règlement.',
    indicatorColumns: { indicator: 'Indicateur', cohort: 'Cohorte', value: 'Valeur' },
    notGiven: 'non fourni',
    noIndicators: "Le contrat ne définit pas d'indicateur de cohorte (il ne mesure pas la satisfaction).",
    wages: 'Salaires',
    wagesIntro:
      "Participants ayant un salaire avant le programme et un salaire observé depuis (la dernière observation au plus tard à la date du règlement) : leur salaire mensuel moyen avant et après, et l'évolution.",
    wageColumns: { cohort: 'Cohorte', group: 'Public', participants: 'Participants', baseline: 'Salaire moyen avant', latest: 'Salaire moyen observé', change: 'Évolution' },
    noWages: "Aucun participant n'a à la fois un salaire avant le programme et un salaire observé depuis.",
    wagesWithoutRecords: "Les enregistrements n'ont pas été fournis au rapport : les salaires observés ne sont pas affichés.",
    equity: "Équité d'accès",
    equityIntro: 'La part de chaque public prioritaire dans les inscriptions de chaque cohorte, au regard de la part minimale que le contrat en attend.',
    equityColumns: { group: 'Public', cohort: 'Cohorte', inGroup: 'Dans le public', enrolled: 'Inscrits', share: 'Part', minimum: 'Minimum', met: 'Minimum atteint' },
    equityMet: (met) => (met === null ? '—' : met ? 'oui' : 'non'),
    noMinimum: 'aucun',
    equityChart: 'Part des inscriptions par public (le trait : le minimum)',
    noGroups: "Le contrat n'a pas de public prioritaire.",
  },
  simulation: {
    title: (contractName) => `${contractName} : simulation`,
    identity: (contractId, runs, seed, currency) => `Contrat ${contractId} : ${plural(runs, 'tirage', 'tirages')}, graine ${String(seed)}, montants en ${currency}.`,
    totals: 'Ce que le contrat peut coûter',
    statisticColumns: { what: '', mean: 'Moyenne', sd: 'Écart type', p5: '5\u00a0%', p25: '25\u00a0%', p50: 'Médiane', p75: '75\u00a0%', p95: '95\u00a0%' },
    totalCost: 'Coût total',
    payer: (name) => `Financeur ${name}`,
    distribution: 'Distribution du coût total',
    distributionIntro: 'Combien de tirages ont abouti à chaque coût total : la dispersion de ce que le contrat peut coûter.',
    distributionChart: 'Coût total sur les tirages',
    runs: 'Tirages',
    cashFlow: 'Échéancier des paiements',
    cashFlowIntro: "Ce qui devient exigible chaque mois, au total : le montant attendu et la bande du 5e au 95e centile des tirages.",
    cashFlowColumns: { period: 'Mois', tranches: 'Tranches', mean: 'Attendu', p5: '5\u00a0%', p95: '95\u00a0%' },
    cashFlowChart: 'Paiements exigibles par mois (bande : 5\u00a0% à 95\u00a0%)',
    band: '5\u00a0% à 95\u00a0%',
    expected: 'attendu',
    probabilities: 'Clauses de sortie et plafonds',
    probabilityColumns: { what: 'Événement', runs: 'Tirages', probability: 'Probabilité' },
    exitFires: (clause) => `la clause de sortie ${clause} se déclenche`,
    capBinds: (cap, kind) => `le plafond ${cap} (${frenchCapKind(kind)}) est atteint`,
    exitPayment: (clause) => `clause de sortie ${clause}`,
    levelMissed: (level) => `la performance minimale ${level} n'est pas atteinte`,
    noProbabilities: "Le contrat n'a ni clause de sortie, ni plafond, ni niveau de performance minimale.",
    probabilitiesIntro: (runs) =>
      `Sur ${plural(runs, 'tirage', 'tirages')} : le nombre de tirages où chaque clause de sortie s'est déclenchée, où chaque niveau de performance minimale a été manqué et où chaque plafond a été atteint, et la probabilité, cette part des tirages en pourcentage arrondi au dixième (au pair le plus proche).`,
    noEventHappened: (runs) =>
      `Aucune clause de sortie ne s'est déclenchée, aucun niveau de performance minimale n'a été manqué et aucun plafond n'a été atteint ${runs === 1 ? "dans l'unique tirage" : `dans aucun des ${String(runs)} tirages`}.`,
    probabilitiesChart: 'Probabilité de chaque événement',
    tornado: 'Sensibilité (tornade)',
    tornadoIntro: (step, runs) =>
      `Le coût total moyen avec chaque hypothèse baissée puis relevée de ${comma(String(step))} (${plural(runs, 'tirage', 'tirages')} chacune, la même graine), triées par écart.`,
    tornadoColumns: { assumption: 'Hypothèse', moved: 'Variation', low: 'Coût moyen, baissée', base: 'Coût moyen, telle quelle', high: 'Coût moyen, relevée', swing: 'Écart' },
    tornadoChart: 'Variation du coût total moyen',
    movedDown: 'baissée',
    movedUp: 'relevée',
    investors: 'Investisseurs',
    investorsIntro: (waterfall) => `Ce que chaque investisseur reçoit par la cascade (remboursés dans cet ordre : ${waterfall}) : son multiple (reçu sur investi, arrondi au centième, au pair le plus proche : 1,12×), son taux de rendement interne (annuel, en pourcentage arrondi au centième, au pair le plus proche : 7,34\u00a0%) et la probabilité de perdre du capital (en pourcentage arrondi au dixième).`,
    investorColumns: { investor: 'Investisseur', principal: 'Capital', what: 'Chiffre' },
    multiple: 'Multiple',
    irr: 'TRI (annuel)',
    capitalLost: 'Probabilité de perdre du capital',
    noIrr: (runs) => `pas de TRI sur ${plural(runs, 'tirage', 'tirages')}`,
    investorsChart: 'Multiple par investisseur (5\u00a0%, médiane, 95\u00a0%)',
  },
};

/**
 * Every text of the report written for people, by language (`en`, `fr`). Add a language by adding
 * one object of the same shape; the report's options then take its key.
 *
 * @example
 * REPORT_MESSAGES.en.settlement.tranches; // 'Tranches'
 * REPORT_MESSAGES.en.amount('1650.00', 'EUR'); // '1650.00 EUR'
 * REPORT_MESSAGES.fr.amount('1650.00', 'EUR'); // '1 650,00 €'
 */
export const REPORT_MESSAGES = { en: EN, fr: FR } as const satisfies Readonly<Record<string, ReportMessages>>;

/**
 * A language of the report: a key of {@link REPORT_MESSAGES}.
 *
 * @example
 * const language: ReportLanguage = 'en';
 */
export type ReportLanguage = keyof typeof REPORT_MESSAGES;
