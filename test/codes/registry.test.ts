/**
 * The one registry of codes (src/codes/): every code written in the source or the docs is in it,
 * every code in it is produced somewhere, and docs/codes.md lists exactly its codes and meanings.
 * With REGENERATE_CODES_DOC=1, the last test writes docs/codes.md from the registry instead.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES_BY_AREA, ERROR_CODES, isErrorCode, type CodeArea } from '../../src/codes/index.js';
import { ERROR_CODE_NAMES } from '../../src/codes/names.js';
import { REASON_CODES } from '../../src/outcomes/reasons.js';

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : [],
  );
}

/** UPPER_SNAKE_CASE words with at least one underscore, in quotes or backticks. */
const QUOTED = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g;

/**
 * Upper-case names in the source that are not codes, each for a reason: registries and tables
 * (their names), limits (constants), environment variables.
 */
const NOT_CODES = new Set([
  'API_CODES', 'CALENDAR_CODES', 'MONEY_CODES', 'TEXT_ISSUE_CODES', 'CONTRACT_ISSUE_CODES', 'RECORD_ISSUE_CODES', 'SETTLEMENT_ISSUE_CODES',
  'STREAMING_CODES', 'SIMULATION_CODES', 'REPORT_CODES', 'REPORT_MESSAGES', 'INTERNAL_CODES', 'CLI_CODES', 'ERROR_CODES', 'CODES_BY_AREA', 'REASON_CODES', 'REASON_TEXT', 'ROUNDING_MODES',
  'IRR_TOLERANCE', 'MAX_PRICE_SCALE', 'MAX_RECORD_CHARS', 'MAX_FIELD_CHARS', 'MAX_ID_CHARS', 'MAX_CONTRACT_DAYS', 'MAX_CONTRACT_MONTHS', 'MAX_CONTRACT_WEEKS', 'MAX_CONTRACT_COUNT',
  'MAX_AMOUNT_INTEGER_DIGITS', 'MAX_AMOUNT_DECIMALS', 'PLACEMENT_BASELINE_DAYS', 'RECORD_BATCH', 'ZERO_CODE', 'NO_DATE', 'WAGE_PATTERN',
  'ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND', // Node's codes for a package that is not installed (src/report/render.ts)
  'OUTCOME_PAY_DEBUG', 'REGENERATE_EXAMPLES', 'REGENERATE_CODES_DOC', 'FC_RUNS', 'FC_SEED', 'MUTATION_PROPERTIES', 'DEFAULT_MAX_EXCLUDED', 'RULE_FACTS', 'NO_INPUTS', 'MAX_DATE', 'MIN_DATE', 'REQUIRED_CSV_COLUMNS', 'FORBIDDEN_KEYS', 'CONTRACT_ROUNDING_MODES', 'DEFAULT_SPILL_BUFFER_IDS', 'PERCENTILE_DEFINITION', 'EARLIER_SCHEMA_VERSIONS',
]);
const REASONS: ReadonlySet<string> = new Set(REASON_CODES);

function unregistered(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(QUOTED)]
      .map((match) => match[1] ?? '')
      .filter((word) => !isErrorCode(word) && !REASONS.has(word) && !NOT_CODES.has(word))
      .map((word) => `${path}: ${word}`),
  );
}

describe('the registry of codes', () => {
  const source = files('src', '.ts').filter((path) => !path.startsWith(join('src', 'codes')));

  it('holds UPPER_SNAKE_CASE codes, each with a one-line meaning, no reason code among them', () => {
    for (const [area, codes] of Object.entries(CODES_BY_AREA)) {
      for (const [code, meaning] of Object.entries(codes)) {
        expect(code, area).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
        expect(meaning.length, code).toBeGreaterThan(10);
        expect(meaning, code).not.toMatch(/\n/);
        expect(REASONS.has(code), code).toBe(false);
      }
    }
    expect(Object.keys(ERROR_CODES).length).toBeGreaterThan(130);
  });

  it('every code written in the source is registered (a new code must be added to src/codes/)', () => {
    expect(source.length).toBeGreaterThan(100);
    expect(unregistered(source)).toEqual([]);
  });

  it('every code the docs name is registered', () => {
    expect(unregistered(['README.md', ...files('docs', '.md')])).toEqual([]);
  });

  it('every registered code is produced or checked somewhere in the source (no dead codes)', () => {
    const written = new Set(source.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(QUOTED)].map((match) => match[1] ?? '')));
    // records list the text readers' codes, which the text readers produce
    expect(Object.keys(ERROR_CODES).filter((code) => !written.has(code))).toEqual([]);
  });

  it('a test that finds an unregistered code fails: the scan sees quoted and backticked codes', () => {
    const probe = join('test', 'codes', 'probe.fixture.txt');
    writeFileSync(probe, "code: 'NOT_A_REGISTERED_CODE', see `ALSO_NOT_ONE` and 'DATE_FORMAT'\n");
    expect(unregistered([probe]).map((line) => line.split(': ')[1])).toEqual(['NOT_A_REGISTERED_CODE', 'ALSO_NOT_ONE']);
  });

  it('docs/codes.md lists every code of every area with its meaning (generated from the registry)', () => {
    const text = codesDoc();
    if (process.env['REGENERATE_CODES_DOC'] === '1') writeFileSync('docs/codes.md', text);
    expect(readFileSync('docs/codes.md', 'utf8')).toBe(text);
  });

  it('src/codes/names.ts holds the names of every code (generated from the registry)', () => {
    const text = namesModule();
    if (process.env['REGENERATE_CODES_DOC'] === '1') writeFileSync('src/codes/names.ts', text);
    expect(readFileSync('src/codes/names.ts', 'utf8')).toBe(text);
    // The core checks codes by these names: the same answers as the registry's keys.
    expect([...ERROR_CODE_NAMES].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    expect([isErrorCode('DATE_FORMAT'), isErrorCode('NOT_A_CODE'), isErrorCode('toString'), isErrorCode('')]).toEqual([true, false, false, false]);
  });

  it('the contract schema\'s refinements name contract codes only (the code of a zod issue is checked against every registered name)', () => {
    const named = readdirSync('src/contract', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join('src/contract', file), 'utf8').matchAll(/params: \{ code: '([A-Z_]+)' \}/g)].map((match) => match[1] ?? ''));
    expect(named.length).toBeGreaterThan(1);
    expect(named.filter((code) => !Object.hasOwn(CODES_BY_AREA.contract, code))).toEqual([]);
  });
});

/** Lines of at most 100 characters of space-separated names. */
function wrapNames(names: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    if (line.length + name.length + 1 > 96) {
      lines.push(line);
      line = '';
    }
    line += `${name} `;
  }
  lines.push(line);
  return ['  (', ...lines.map((each) => `    '${each}' +`), '  )'].join('\n').replace(/ ' \+\n {2}\)$/, "'\n  )");
}

function namesModule(): string {
  const all = Object.keys(ERROR_CODES).sort();
  return [
    '// Generated from src/codes/ by test/codes/registry.test.ts (REGENERATE_CODES_DOC=1): do not edit by hand.',
    '/**',
    ' * The names of the registered codes without their meanings, so that the core checks a code',
    ' * (`isErrorCode`, also for the code a contract refinement names) without carrying the text of every meaning',
    " * (docs/browser.md, Size); the meanings are in 'outcome-pay/codes'.",
    ' *',
    ' * @module',
    ' */',
    '',
    '/**',
    ' * Every registered code (every area).',
    ' *',
    ' * @example',
    " * ERROR_CODE_NAMES.has('DATE_FORMAT'); // true",
    ' */',
    'export const ERROR_CODE_NAMES: ReadonlySet<string> = new Set(',
    wrapNames(all) + ".split(' '),",
    ');',
    '',
  ].join('\n');
}

const AREAS: Record<CodeArea, string> = {
  api: 'Misuse of the API that no area has a code of its own for: an argument of the wrong type given to any public function, thrown as an `OutcomePayError` whose message names the function and the argument (README.md, "Errors").',
  calendar: 'Dates typed by a person (`checkDate`, in contracts, records, options) and misuse of the calendar functions.',
  money: 'Amounts typed by a person (`checkAmount`) and misuse of the money functions (`parseAmount(0.1)` throws).',
  text: 'Reading bytes and JSON text strictly: contracts, records, previous settlements and indicator files.',
  contract: '`parseContract` (docs/contract.md). All are problems but `CONTRACT_UPGRADED`, the notice an ok result carries when it read a document in an earlier version of the format.',
  records: 'Reading and validating outcome records (docs/records.md); an invalid record is excluded and listed, or fails the settlement in strict mode.',
  settlement: '`settle` and `settleStream` beyond the contract and the records: options, the records as a whole, indicator values, previous settlements (docs/settlement.md).',
  streaming: '`settleStream` and the stores it spills to (docs/streaming.md).',
  simulation: '`parseAssumptions`, `simulate` and `outcome-pay simulate`: the assumptions document of a simulation (docs/simulation.md).',
  report: '`settlementReport`, `simulationReport` (`outcome-pay/report`) and `outcome-pay report`: the HTML report with charts (docs/report.md).',
  internal: 'A bug in outcome-pay or a misuse of internal functions, never a problem of the data: please report it.',
  cli: 'The command line (`outcome-pay`), beyond the codes of the library it runs.',
};

function codesDoc(): string {
  const lines = [
    '# Codes',
    '',
    '<!-- Generated from src/codes/ by test/codes/registry.test.ts (REGENERATE_CODES_DOC=1): do not edit by hand. -->',
    '',
    'Every problem outcome-pay reports carries a stable code: an `Issue` in `{ ok: false, issues }`',
    'or in `dataQuality.issues` for bad data, an `OutcomePayError` thrown for a misuse of the API.',
    'Codes never change meaning between versions; messages may be reworded, so match on the code.',
    'All of them are in one registry, `src/codes/` (`ERROR_CODES`, typed as the union `ErrorCode`,',
    'exported with the registry of each area); a code may belong to several areas when it means the',
    'same thing there. The reasons an outcome is achieved, failed or pending are not errors: they',
    'are listed in [outcomes.md](outcomes.md).',
    '',
  ];
  for (const [area, codes] of Object.entries(CODES_BY_AREA) as [CodeArea, Record<string, string>][]) {
    lines.push(`## ${area}`, '', AREAS[area], '', '| code | meaning |', '|---|---|');
    for (const [code, meaning] of Object.entries(codes)) lines.push(`| \`${code}\` | ${meaning.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
