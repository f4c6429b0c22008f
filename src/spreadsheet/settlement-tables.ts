/**
 * The tables of a settlement as spreadsheets read them: one per list of the settlement document,
 * each with a stable list of columns (docs/spreadsheets.md) and every row traceable by the ids it
 * carries (tranche, payer, rule, cap, participant). Every value of the document is in one of
 * them: nothing is left out, and nothing is summed or rounded.
 *
 * @module
 */
import { formatPath, type Issue } from '../errors.js';
import { invalidArgument } from '../guard.js';
import { ownValue } from '../own-data.js';
import type { Settlement, SettlementLine, SettlementTranche } from '../settlement/index.js';
import type { CellValue, ColumnKind } from './csv-text.js';

/** One table: its file name, its columns (name and kind) and its rows, cells in column order. */
export interface SettlementTable {
  readonly name: string;
  readonly columns: readonly (readonly [name: string, kind: ColumnKind])[];
  readonly rows: (settlement: Settlement) => CellValue[][];
}

const T = 'text';
const A = 'amount';
const C = 'count';
const F = 'fraction';

/** The issue fields with a column of their own in data-issues.csv, in their order. */
export const ISSUE_FIELDS = ['code', 'action', 'recordIndex', 'line', 'participantId', 'path', 'message'] as const;

/** The figures of a line or an exit clause as JSON text: exact, in the document's key order. */
const json = (figures: Readonly<Record<string, string | number>>): string => JSON.stringify(figures);

/** The number of participant ids a line or cap lists, or null when they were not asked for. */
const listed = (ids: readonly string[] | undefined): number | null => (ids === undefined ? null : ids.length);

/** The fields of an issue beyond its own columns, as JSON text, or null when it has none. */
function otherFields(issue: Issue): string | null {
  const rest = Object.entries(issue).filter(([key]) => !(ISSUE_FIELDS as readonly string[]).includes(key));
  return rest.length === 0 ? null : JSON.stringify(Object.fromEntries(rest));
}

/** An issue's own field as a cell: a number or text as it is, anything else as JSON text. */
function issueCell(issue: Issue, key: string): CellValue {
  if (!Object.hasOwn(issue, key)) return null;
  const value: unknown = (issue as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
}

function lineRow(tranche: string, index: number, line: SettlementLine): CellValue[] {
  return [
    tranche, index + 1, line.rule, line.kind, line.cohort, line.outcome, line.claims, line.unit, line.exact, line.rounding, line.earned, line.paid,
    line.formula, json(line.inputs), listed(line.participants), line.payers === undefined ? null : line.payers.length, line.version ?? null,
  ];
}

/**
 * The rows of payer-splits.csv for one tranche: each payer's part of it, with its exact part and
 * its part before payer caps from `payerSplit` (empty cells when the tranche has none). The
 * settlement's `payerSplit` names the contract's payers, which are the tranche's payers (the
 * tranche also lists a payer an amendment removed, with no split): a `payerSplit` naming a payer
 * the tranche does not list is refused rather than left out of the files.
 */
function payerSplitRows(t: SettlementTranche, index: number): CellValue[][] {
  const split = new Map((t.payerSplit ?? []).map((p) => [p.payer, p] as const));
  for (const [j, p] of (t.payerSplit ?? []).entries()) {
    if (!t.payers.some((payer) => payer.payer === p.payer)) {
      throw invalidArgument('settlementCsv', `settlement.tranches[${String(index)}].payerSplit[${String(j)}].payer`, `a payer that tranche ${JSON.stringify(t.id)} lists`, p.payer);
    }
  }
  return t.payers.map((p) => [t.id, p.payer, p.share, p.earned, p.previouslyPaid, p.due, split.get(p.payer)?.exact, split.get(p.payer)?.part]);
}

/**
 * The tables, in the order the files are listed. A line is numbered from 1 within its tranche
 * (`line`), which is how line-payers.csv and participant-claims.csv point at it.
 */
export const SETTLEMENT_TABLES: readonly SettlementTable[] = [
  {
    name: 'settlement',
    columns: [
      ['format', T], ['formatVersion', C], ['library', T], ['libraryVersion', T], ['contract', T], ['contractName', T], ['currency', T], ['rounding', T],
      ['asOf', T], ['earned', A], ['previouslyPaid', A], ['due', A], ['reinvested', A], ['withheld', A], ['recordsRead', C], ['recordsSettled', C],
      ['recordsExcluded', C], ['issuesDelivered', C], ['fingerprintInputs', T], ['fingerprintContract', T], ['fingerprintRecords', T],
      ['fingerprintOptions', T], ['fingerprintRecordsEvidence', T],
    ],
    rows: (s) => [
      [
        s.format, s.formatVersion, s.library.name, s.library.version, s.contract.id, s.contract.name, s.contract.currency, s.contract.rounding, s.asOf,
        s.totals.earned, s.totals.previouslyPaid, s.totals.due, s.totals.reinvested, s.totals.withheld, s.dataQuality.recordsRead,
        s.dataQuality.recordsSettled, s.dataQuality.recordsExcluded, s.dataQuality.issuesDelivered, s.fingerprint.inputs, s.fingerprint.contract,
        s.fingerprint.records, s.fingerprint.options, s.fingerprint.recordsEvidence,
      ],
    ],
  },
  {
    name: 'previous',
    columns: [['kind', T], ['inputs', T], ['asOf', T], ['contract', T]],
    rows: (s) => [
      ...s.previous.settlements.map((previous) => ['settlement', previous.inputs, previous.asOf, previous.contract]),
      ...s.previous.amendedFrom.map((fingerprint) => ['amendedFrom', null, null, fingerprint]),
    ],
  },
  {
    name: 'payers',
    columns: [['payer', T], ['share', F], ['earned', A], ['previouslyPaid', A], ['due', A]],
    rows: (s) => s.payers.map((p) => [p.payer, p.share, p.earned, p.previouslyPaid, p.due]),
  },
  {
    name: 'tranches',
    columns: [
      ['tranche', T], ['name', T], ['status', T], ['byClause', T], ['measuredOn', T], ['dueOn', T], ['earned', A], ['previouslyPaid', A], ['due', A],
      ['withheld', A], ['reinvested', A], ['toProvider', A],
    ],
    rows: (s) => s.tranches.map((t) => [t.id, t.name, t.status, t.byClause, t.measuredOn, t.dueOn, t.earned, t.previouslyPaid, t.due, t.withheld, t.reinvested, t.toProvider]),
  },
  {
    name: 'payer-splits',
    columns: [['tranche', T], ['payer', T], ['share', F], ['earned', A], ['previouslyPaid', A], ['due', A], ['exact', F], ['part', A]],
    rows: (s) => s.tranches.flatMap(payerSplitRows),
  },
  {
    name: 'lines',
    columns: [
      ['tranche', T], ['line', C], ['rule', T], ['kind', T], ['cohort', T], ['outcome', T], ['claims', C], ['unit', A], ['exact', A], ['rounding', T],
      ['earned', A], ['paid', A], ['formula', T], ['inputs', T], ['participants', C], ['payers', C], ['version', T],
    ],
    rows: (s) => s.tranches.flatMap((t) => t.lines.map((line, index) => lineRow(t.id, index, line))),
  },
  {
    name: 'line-payers',
    columns: [['tranche', T], ['line', C], ['rule', T], ['cohort', T], ['outcome', T], ['payer', T], ['fraction', F]],
    rows: (s) =>
      s.tranches.flatMap((t) => t.lines.flatMap((line, index) => (line.payers ?? []).map((p) => [t.id, index + 1, line.rule, line.cohort, line.outcome, p.payer, p.fraction]))),
  },
  {
    name: 'cap-cuts',
    columns: [['tranche', T], ['cap', T], ['kind', T], ['limit', A], ['usedBefore', A], ['requested', A], ['cut', A], ['claims', C], ['participants', C]],
    rows: (s) => s.tranches.flatMap((t) => t.capCuts.map((c) => [t.id, c.cap, c.kind, c.limit, c.usedBefore, c.requested, c.cut, ownValue(c, 'claims') ?? null, listed(ownValue(c, 'participants'))])),
  },
  {
    name: 'reinvestment',
    columns: [['tranche', T], ['reinvestment', T], ['destination', T], ['amount', A], ['formula', T]],
    rows: (s) => s.tranches.flatMap((t) => t.reinvestment.map((r) => [t.id, r.reinvestment, r.destination, r.amount, r.formula])),
  },
  {
    name: 'adjustments',
    columns: [['tranche', T], ['payer', T], ['previouslyPaid', A], ['earned', A], ['amount', A], ['reason', T]],
    rows: (s) => s.adjustments.map((a) => [a.tranche, a.payer, a.previouslyPaid, a.earned, a.amount, a.reason]),
  },
  {
    name: 'adjustment-causes',
    columns: [
      ['tranche', T], ['payer', T], ['cause', T], ['rule', T], ['outcome', T], ['claims', C], ['participants', T], ['trancheAmount', A], ['amount', A],
      ['explanation', T], ['version', T],
    ],
    rows: (s) =>
      s.adjustments.flatMap((a) =>
        (a.causes ?? []).map((c) => [a.tranche, a.payer, c.cause, c.rule, c.outcome, c.claims, JSON.stringify(c.participants), c.trancheAmount, c.amount, c.explanation, c.version ?? null]),
      ),
  },
  {
    name: 'exits',
    columns: [['clause', T], ['checkOn', T], ['outcome', T], ['explanation', T], ['figures', T]],
    rows: (s) => s.exits.map((e) => [e.clause, e.checkOn, e.outcome, e.explanation, json(e.figures)]),
  },
  {
    name: 'minimum-performance',
    columns: [
      ['level', T], ['name', T], ['outcome', T], ['cohorts', T], ['enrolledBy', T], ['rate', F], ['consequence', T], ['withheld', A], ['released', A],
      ['outstanding', A], ['reduced', A],
    ],
    rows: (s) =>
      (s.minimumPerformance ?? []).map((l) => [
        l.id, l.name, l.outcome, l.cohorts === null ? null : JSON.stringify(l.cohorts), l.enrolledBy, l.level, l.consequence, l.withheld, l.released, l.outstanding, l.reduced,
      ]),
  },
  {
    name: 'minimum-performance-reviews',
    columns: [['level', T], ['reviewOn', T], ['outcome', T], ['achieved', C], ['participants', C], ['measured', T], ['rate', F], ['amount', A], ['explanation', T]],
    rows: (s) => (s.minimumPerformance ?? []).flatMap((l) => l.reviews.map((r) => [l.id, r.reviewOn, r.outcome, r.achieved, r.participants, r.rate, r.level, r.amount, r.explanation])),
  },
  {
    name: 'minimum-performance-tranches',
    columns: [['level', T], ['tranche', T], ['measuredOn', T], ['review', T], ['achieved', C], ['participants', C], ['measured', T], ['met', T], ['action', T], ['amount', A]],
    rows: (s) =>
      (s.minimumPerformance ?? []).flatMap((l) => l.tranches.map((t) => [l.id, t.tranche, t.measuredOn, t.review, t.achieved, t.participants, t.rate, String(t.met), t.action, t.amount])),
  },
  {
    name: 'participant-caps',
    columns: [['cap', T], ['limit', A], ['claimsCut', C], ['amountCut', A], ['participants', C]],
    rows: (s) => s.participantCaps.map((c) => [c.cap, c.limit, c.claimsCut, c.amountCut, listed(c.participants)]),
  },
  {
    name: 'participant-claims',
    columns: [['participant', T], ['source', T], ['tranche', T], ['line', C], ['rule', T], ['cohort', T], ['outcome', T], ['cap', T], ['version', T]],
    rows: (s) => [
      ...s.tranches.flatMap((t) =>
        t.lines.flatMap((line, index) =>
          (line.participants ?? []).map((id, i) => [id, 'line', t.id, index + 1, line.rule, line.cohort, line.outcome, null, line.participantVersions?.[i] ?? null]),
        ),
      ),
      ...s.tranches.flatMap((t) => t.capCuts.flatMap((c) => (ownValue(c, 'participants') ?? []).map((id) => [id, 'trancheCapCut', t.id, null, null, null, null, c.cap, null]))),
      ...s.participantCaps.flatMap((c) => (c.participants ?? []).map((id) => [id, 'participantCap', null, null, null, null, null, c.cap, null])),
    ],
  },
  {
    name: 'unscheduled',
    columns: [['rule', T], ['cohort', T], ['claims', C], ['amount', A], ['from', T], ['to', T], ['reason', T]],
    rows: (s) => s.unscheduled.map((u) => [u.rule, u.cohort, u.claims, u.amount, u.from, u.to, u.reason]),
  },
  {
    name: 'hiring-guarantees',
    columns: [
      ['guarantee', T], ['employer', T], ['positions', C], ['qualified', C], ['hired', C], ['undecided', C], ['status', T], ['shortfallPositions', C],
      ['shortfallAmount', A],
    ],
    rows: (s) =>
      s.hiringGuarantees.map((g) => [g.guarantee, g.employer, g.positions, g.qualified, g.hired, g.undecided, g.status, g.shortfallPositions, g.shortfallAmount]),
  },
  {
    name: 'tallies',
    columns: [['cohort', T], ['group', T], ['outcome', T], ['enrolled', C], ['achieved', C], ['failed', C], ['pending', C]],
    rows: (s) => s.tallies.map((t) => [t.cohort, t.group, t.outcome, t.enrolled, t.achieved, t.failed, t.pending]),
  },
  {
    name: 'decisions-at-risk',
    columns: [['kind', T], ['id', T], ['tranche', T], ['cohort', T], ['decided', T], ['ifAllAchieved', T], ['ifNoneAchieved', T]],
    rows: (s) => (s.dataQuality.decisionsAtRisk ?? []).map((d) => [d.kind, d.id, d.tranche, d.cohort, d.decided, d.ifAllAchieved, d.ifNoneAchieved]),
  },
  {
    name: 'data-issues',
    columns: [['code', T], ['action', T], ['recordIndex', C], ['line', C], ['participantId', T], ['path', T], ['message', T], ['other', T]],
    rows: (s) =>
      s.dataQuality.issues.map((issue) => [
        issue.code, issueCell(issue, 'action'), issueCell(issue, 'recordIndex'), issueCell(issue, 'line'), issueCell(issue, 'participantId'),
        formatPath(issue.path), issue.message, otherFields(issue),
      ]),
  },
];
