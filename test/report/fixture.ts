/**
 * A small programme whose report figures are worked out by hand (test/report/settlement-report.test.ts):
 * two payers (60 % and 40 %), two cohorts, three priority groups (rsa with a minimum share of 50 %,
 * youth 30 %, ltu none), a placement within 90 days of enrolment paid 1000.00 flat, one tranche
 * measured on 2024-06-30, and a cohort indicator of employer satisfaction.
 */
export const CONTRACT = {
  schemaVersion: '2.0',
  id: 'report-fixture',
  name: 'Report fixture & <programme>',
  currency: 'EUR',
  rounding: 'half-even',
  period: { start: '2024-01-01', end: '2026-12-31' },
  parties: {
    payers: [
      { id: 'region', name: 'Region', share: '0.6' },
      { id: 'agency', name: 'Agency', share: '0.4' },
    ],
    provider: { id: 'provider', name: 'Provider' },
  },
  cohorts: [
    { id: 'A', name: 'Cohort A', enrolmentStart: '2024-01-01', enrolmentEnd: '2024-03-31' },
    { id: 'B', name: 'Cohort B', enrolmentStart: '2024-04-01', enrolmentEnd: '2024-06-30' },
  ],
  groups: [
    { id: 'rsa', name: 'RSA', minimumShare: '0.5' },
    { id: 'youth', name: 'Youth', minimumShare: '0.3' },
    { id: 'ltu', name: 'LTU' },
  ],
  outcomes: [
    { kind: 'placement', id: 'placement', name: 'Job within 90 days', window: { from: 'enrolment', days: 90 }, contractTypes: 'any' },
    { kind: 'cohortIndicator', id: 'satisfaction', name: 'Employer satisfaction', unit: 'score' },
  ],
  rules: [{ kind: 'rateCard', id: 'pay-placement', name: 'pay-placement', outcome: 'placement', price: '1000.00', groupPricing: { kind: 'flat' }, prerequisites: [] }],
  tranches: [{ id: 'T1', name: 'First tranche', rules: ['pay-placement'], cohorts: ['A', 'B'], measuredOn: '2024-06-30', dueOn: '2024-06-30' }],
} as const;

export const AS_OF = '2024-06-30';

/**
 * Six participants. As of 2024-06-30, the placement (a job started within 90 days of enrolment):
 * A1 (rsa) placed 2024-02-01; A2 (rsa, youth) no job, window ended 2024-04-19: failed; A3 placed
 * 2024-03-01; A4 (youth) placed 2024-04-15; B1 (rsa) no job, window open until 2024-08-30:
 * pending; B2 placed 2024-05-01.
 */
export const RECORDS = [
  { id: 'A1', cohort: 'A', groups: ['rsa'], enrolledOn: '2024-01-15', baselineWage: '1000.00', spells: [{ start: '2024-02-01' }], wages: [{ on: '2024-03-31', monthlyWage: '1200.00' }] },
  { id: 'A2', cohort: 'A', groups: ['rsa', 'youth'], enrolledOn: '2024-01-20', baselineWage: '800.00', wages: [{ on: '2024-05-31', monthlyWage: '1000.00' }, { on: '2024-07-31', monthlyWage: '5000.00' }] },
  { id: 'A3', cohort: 'A', enrolledOn: '2024-02-01', spells: [{ start: '2024-03-01' }] },
  { id: 'A4', cohort: 'A', groups: ['youth'], enrolledOn: '2024-03-01', baselineWage: '0', spells: [{ start: '2024-04-15' }], wages: [{ on: '2024-05-31', monthlyWage: '1500.00' }] },
  { id: 'B1', cohort: 'B', groups: ['rsa'], enrolledOn: '2024-06-01' },
  { id: 'B2', cohort: 'B', enrolledOn: '2024-04-02', spells: [{ start: '2024-05-01' }] },
];

/**
 * The cells of a table of the report, by its data-table name: each row's cells as text (entities
 * decoded), the header row first.
 */
export function tableCells(html: string, name: string): string[][] {
  const table = new RegExp(`<table data-table="${name}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table ${name}`);
  const decode = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1] ?? '')));
}

/** The names of the report's charts, in order, each drawn as an inline SVG. */
export function chartNames(html: string): string[] {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">\n<svg [^>]*>/g)].map((match) => match[1] ?? '');
}

/** Anything that would make the page fetch something, or link out of it. */
export const EXTERNAL = /https?:|\bsrc=|\bhref=|url\(|@import|<script|<link|<iframe|<img/i;
