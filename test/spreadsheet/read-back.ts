/**
 * The inverse of settlementCsv, written independently of it from docs/spreadsheets.md: each file
 * parsed by csv-parse (BOM, the locale's separator, RFC 4180 quotes), each cell read by its
 * column's documented kind (text: one leading apostrophe dropped if there is one; amount: the
 * decimal comma of French turned back into a point; fraction: `n/d` as it is, else an amount;
 * count: a whole number; empty: null), and the
 * settlement document rebuilt from the rows. A settlement that survives the trip was written
 * whole and exactly.
 */
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { formatPath, type Settlement } from '../../src/index.js';

type Row = Record<string, string>;
type Files = readonly { readonly name: string; readonly text: string }[];

/** Parses a file with csv-parse: rows by column name, after checking the BOM, CRLF line ends and the header. */
export function parseCsv(text: string, locale: 'en' | 'fr'): { header: string[]; rows: Row[] } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const records: string[][] = parse(text, { bom: true, delimiter: locale === 'fr' ? ';' : ',', record_delimiter: '\r\n', relax_column_count: false });
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))) };
}

/** Text as the settlement held it: null for an empty cell, one leading apostrophe of the formula guard dropped. */
export const text = (cell: string | undefined): string | null => (cell === undefined || cell === '' ? null : cell.startsWith("'") ? cell.slice(1) : cell);
const str = (cell: string | undefined): string => text(cell) ?? '';
/** An amount, exactly as written, the decimal comma of French read back as a point. */
const amount = (cell: string | undefined, locale: 'en' | 'fr'): string | null => {
  if (cell === undefined || cell === '') return null;
  expect(cell, 'an amount').toMatch(locale === 'fr' ? /^-?[0-9]+(,[0-9]+)?$/ : /^-?[0-9]+(\.[0-9]+)?$/);
  return locale === 'fr' ? cell.replace(',', '.') : cell;
};
/** A share or exact part: a decimal read as an amount, or an exact fraction `n/d` as it is (docs/spreadsheets.md, fraction columns). */
const fraction = (cell: string | undefined, locale: 'en' | 'fr'): string | null => (cell !== undefined && /^[0-9]+\/[0-9]+$/.test(cell) ? cell : amount(cell, locale));
const count = (cell: string | undefined): number | null => {
  if (cell === undefined || cell === '') return null;
  expect(cell, 'a count').toMatch(/^[0-9]+$/);
  return Number(cell);
};

/**
 * The settlement rebuilt from its CSV files. Issue paths come back as the text the file holds
 * (`[3].exitedOn`): compare with {@link comparable}.
 */
export function readBack(files: Files, locale: 'en' | 'fr'): unknown {
  const table = (name: string): Row[] => {
    const found = files.find((file) => file.name === `${name}.csv`);
    if (found === undefined) throw new Error(`no ${name}.csv`);
    return parseCsv(found.text, locale).rows;
  };
  const a = (cell: string | undefined): string | null => amount(cell, locale);
  const f = (cell: string | undefined): string | null => fraction(cell, locale);
  const must = <T>(value: T | null): T => {
    expect(value).not.toBeNull();
    return value as T;
  };
  const [head] = table('settlement');
  if (head === undefined) throw new Error('settlement.csv has no row');
  const payer = (r: Row) => ({ payer: str(r['payer']), share: f(r['share']), earned: must(a(r['earned'])), previouslyPaid: must(a(r['previouslyPaid'])), due: must(a(r['due'])) });
  const lines = table('lines');
  const linePayers = table('line-payers');
  const claims = table('participant-claims');
  const splits = table('payer-splits');
  const cuts = table('cap-cuts');
  const reinvestment = table('reinvestment');
  const listedFor = (listed: number | null, ids: string[]): { participants?: string[] } => {
    if (listed === null) {
      expect(ids).toEqual([]);
      return {};
    }
    expect(ids.length).toBe(listed);
    return { participants: ids };
  };
  /** A line's payers: as many rows of line-payers.csv as lines.csv says, or none (and no `payers`) when it says nothing. */
  const fundedBy = (listed: number | null, rows: Row[]): { payers?: { payer: string; fraction: string | null }[] } => {
    if (listed === null) {
      expect(rows).toEqual([]);
      return {};
    }
    expect(rows.length).toBe(listed);
    return { payers: rows.map((r) => ({ payer: str(r['payer']), fraction: must(f(r['fraction'])) })) };
  };
  const recordsExcluded = must(count(head['recordsExcluded']));
  const issuesDelivered = count(head['issuesDelivered']);
  return {
    format: str(head['format']),
    formatVersion: count(head['formatVersion']),
    library: { name: str(head['library']), version: str(head['libraryVersion']) },
    contract: { id: str(head['contract']), name: str(head['contractName']), currency: str(head['currency']), rounding: str(head['rounding']) },
    asOf: str(head['asOf']),
    fingerprint: {
      inputs: str(head['fingerprintInputs']),
      contract: str(head['fingerprintContract']),
      records: str(head['fingerprintRecords']),
      options: str(head['fingerprintOptions']),
      recordsEvidence: text(head['fingerprintRecordsEvidence']),
    },
    previous: {
      settlements: table('previous').filter((r) => r['kind'] === 'settlement').map((r) => ({ inputs: str(r['inputs']), asOf: str(r['asOf']), contract: str(r['contract']) })),
      amendedFrom: table('previous').filter((r) => r['kind'] === 'amendedFrom').map((r) => str(r['contract'])),
    },
    totals: { earned: a(head['earned']), previouslyPaid: a(head['previouslyPaid']), due: a(head['due']), reinvested: a(head['reinvested']), withheld: a(head['withheld']) },
    payers: table('payers').map(payer),
    tranches: table('tranches').map((t) => {
      const id = str(t['tranche']);
      const mine = (rows: Row[]): Row[] => rows.filter((r) => str(r['tranche']) === id);
      // the split among payers: the rows with a part (payerSplit names the contract's payers), or none at all
      const split = mine(splits).filter((r) => r['part'] !== '');
      for (const r of mine(splits)) expect(r['exact'] === '', 'exact and part empty together').toBe(r['part'] === '');
      return {
        id,
        name: str(t['name']),
        status: str(t['status']),
        byClause: text(t['byClause']),
        measuredOn: str(t['measuredOn']),
        dueOn: str(t['dueOn']),
        earned: a(t['earned']),
        previouslyPaid: a(t['previouslyPaid']),
        due: a(t['due']),
        withheld: a(t['withheld']),
        reinvested: a(t['reinvested']),
        toProvider: a(t['toProvider']),
        payers: mine(splits).map(payer),
        lines: mine(lines).map((l, index) => {
          expect(count(l['line'])).toBe(index + 1);
          const mineClaims = claims.filter((c) => c['source'] === 'line' && str(c['tranche']) === id && count(c['line']) === index + 1);
          const ids = mineClaims.map((c) => str(c['participant']));
          // each participant's version: only on a line that more than one version priced
          const each = mineClaims.map((c) => text(c['version']));
          return {
            rule: str(l['rule']),
            kind: str(l['kind']),
            cohort: text(l['cohort']),
            outcome: text(l['outcome']),
            claims: count(l['claims']),
            unit: a(l['unit']),
            inputs: JSON.parse(str(l['inputs'])) as unknown,
            formula: str(l['formula']),
            exact: a(l['exact']),
            rounding: str(l['rounding']),
            earned: a(l['earned']),
            paid: a(l['paid']),
            ...listedFor(count(l['participants']), ids),
            ...fundedBy(count(l['payers']), linePayers.filter((r) => str(r['tranche']) === id && count(r['line']) === index + 1)),
            // an amended contract's lines only (empty otherwise)
            ...(text(l['version']) === null ? {} : { version: str(l['version']) }),
            ...(each.length === 0 || each.every((v) => v === null) ? {} : { participantVersions: each }),
          };
        }),
        capCuts: mine(cuts).map((c) => {
          const ids = claims.filter((row) => row['source'] === 'trancheCapCut' && str(row['tranche']) === str(c['tranche']) && str(row['cap']) === str(c['cap'])).map((row) => str(row['participant']));
          const cutClaims = count(c['claims']);
          return {
            cap: str(c['cap']), kind: str(c['kind']), limit: a(c['limit']), usedBefore: a(c['usedBefore']), requested: a(c['requested']), cut: a(c['cut']),
            ...(cutClaims === null ? {} : { claims: cutClaims }), ...listedFor(count(c['participants']), ids),
          };
        }),
        reinvestment: mine(reinvestment).map((r) => ({ reinvestment: str(r['reinvestment']), destination: str(r['destination']), amount: a(r['amount']), formula: str(r['formula']) })),
        ...(split.length === 0 ? {} : { payerSplit: split.map((r) => ({ payer: str(r['payer']), exact: f(r['exact']), part: a(r['part']) })) }),
      };
    }),
    adjustments: table('adjustments').map((r) => {
      const causes = table('adjustment-causes').filter((c) => str(c['tranche']) === str(r['tranche']) && str(c['payer']) === str(r['payer']));
      return {
        tranche: str(r['tranche']), payer: str(r['payer']), previouslyPaid: a(r['previouslyPaid']), earned: a(r['earned']), amount: a(r['amount']), reason: str(r['reason']),
        // present exactly when the adjustment has causes (a settlement written before them has none)
        ...(causes.length === 0
          ? {}
          : {
              causes: causes.map((c) => ({
                cause: str(c['cause']), rule: text(c['rule']), outcome: text(c['outcome']), claims: count(c['claims']), participants: JSON.parse(str(c['participants'])) as unknown,
                trancheAmount: a(c['trancheAmount']), amount: a(c['amount']), explanation: str(c['explanation']),
                ...(text(c['version']) === null ? {} : { version: str(c['version']) }),
              })),
            }),
      };
    }),
    exits: table('exits').map((r) => ({ clause: str(r['clause']), checkOn: str(r['checkOn']), outcome: str(r['outcome']), figures: JSON.parse(str(r['figures'])) as unknown, explanation: str(r['explanation']) })),
    // present exactly when the contract has minimum performance levels (one row each)
    ...(table('minimum-performance').length === 0
      ? {}
      : {
          minimumPerformance: table('minimum-performance').map((r) => ({
            id: str(r['level']), name: str(r['name']), outcome: str(r['outcome']), cohorts: text(r['cohorts']) === null ? null : (JSON.parse(str(r['cohorts'])) as unknown),
            enrolledBy: text(r['enrolledBy']), level: f(r['rate']), consequence: str(r['consequence']),
            reviews: table('minimum-performance-reviews').filter((v) => str(v['level']) === str(r['level'])).map((v) => ({
              reviewOn: str(v['reviewOn']), outcome: str(v['outcome']), achieved: count(v['achieved']), participants: count(v['participants']), rate: text(v['measured']),
              level: f(v['rate']), amount: a(v['amount']), explanation: str(v['explanation']),
            })),
            tranches: table('minimum-performance-tranches').filter((v) => str(v['level']) === str(r['level'])).map((v) => ({
              tranche: str(v['tranche']), measuredOn: str(v['measuredOn']), review: str(v['review']), achieved: count(v['achieved']), participants: count(v['participants']),
              rate: str(v['measured']), met: str(v['met']) === 'true', action: str(v['action']), amount: a(v['amount']),
            })),
            withheld: a(r['withheld']), released: a(r['released']), outstanding: a(r['outstanding']), reduced: a(r['reduced']),
          })),
        }),
    participantCaps: table('participant-caps').map((r) => {
      const ids = claims.filter((c) => c['source'] === 'participantCap' && str(c['cap']) === str(r['cap'])).map((c) => str(c['participant']));
      return { cap: str(r['cap']), limit: a(r['limit']), claimsCut: count(r['claimsCut']), amountCut: a(r['amountCut']), ...listedFor(count(r['participants']), ids) };
    }),
    unscheduled: table('unscheduled').map((r) => ({
      rule: str(r['rule']), cohort: text(r['cohort']), claims: count(r['claims']), amount: a(r['amount']), from: str(r['from']), to: str(r['to']), reason: str(r['reason']),
    })),
    hiringGuarantees: table('hiring-guarantees').map((r) => ({
      guarantee: str(r['guarantee']), employer: str(r['employer']), positions: count(r['positions']), qualified: count(r['qualified']), hired: count(r['hired']),
      undecided: count(r['undecided']), status: str(r['status']), shortfallPositions: count(r['shortfallPositions']), shortfallAmount: a(r['shortfallAmount']),
    })),
    tallies: table('tallies').map((r) => ({
      cohort: str(r['cohort']), group: text(r['group']), outcome: str(r['outcome']), enrolled: count(r['enrolled']), achieved: count(r['achieved']), failed: count(r['failed']), pending: count(r['pending']),
    })),
    dataQuality: {
      recordsRead: count(head['recordsRead']),
      recordsSettled: count(head['recordsSettled']),
      recordsExcluded,
      // present exactly when records were excluded (docs/settlement.md)
      ...(recordsExcluded > 0
        ? {
            decisionsAtRisk: table('decisions-at-risk').map((r) => ({
              kind: str(r['kind']), id: str(r['id']), tranche: text(r['tranche']), cohort: text(r['cohort']), decided: str(r['decided']), ifAllAchieved: str(r['ifAllAchieved']), ifNoneAchieved: str(r['ifNoneAchieved']),
            })),
          }
        : {}),
      issues: table('data-issues').map((r) => {
        const other = text(r['other']);
        const optional = (key: string, value: unknown) => (value === null ? {} : { [key]: value });
        return {
          code: str(r['code']), path: str(r['path']), message: str(r['message']),
          ...optional('recordIndex', count(r['recordIndex'])), ...optional('participantId', text(r['participantId'])), ...optional('line', count(r['line'])),
          ...optional('action', text(r['action'])), ...(other === null ? {} : (JSON.parse(other) as object)),
        };
      }),
      ...(issuesDelivered === null ? {} : { issuesDelivered }),
    },
  };
}

/**
 * The settlement as {@link readBack} gives it back: the same document with each issue's path as
 * its text (`formatPath`), and every object's keys sorted (key order is not what a file keeps for
 * issues, whose fields come in columns).
 */
export function comparable(settlement: Settlement): unknown {
  const withPaths = { ...settlement, dataQuality: { ...settlement.dataQuality, issues: settlement.dataQuality.issues.map((issue) => ({ ...issue, path: formatPath(issue.path) })) } };
  return JSON.parse(JSON.stringify(withPaths)) as unknown;
}
