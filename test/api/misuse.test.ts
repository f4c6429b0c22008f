/**
 * Misuse of the API, export by export: every function of the package's entry points ('.' and
 * './node', and the internals of src/internal.ts), and every method of the objects they return (a settlement session, a spill store),
 * is called with a wrong value in each argument position. It must either throw an
 * `OutcomePayError` whose code is registered and whose message names the argument, or, for an
 * argument that is a document (data: the contract, the records, the settlement options), return
 * `{ ok: false, issues }` with registered codes. Never a TypeError or RangeError from deep inside,
 * never a hang, never a silent NaN. The rule is in README.md ("Errors").
 *
 * The exports are enumerated from the modules themselves, so a new export without a case here
 * fails the first tests.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect, it } from 'vitest';
import * as publicApi from '../../src/index.js';
import * as internal from '../../src/internal.js';
import { addDaysUnbounded, addMonthsUnbounded } from '../../src/calendar/index.js';
import { checkAmountLimits } from '../../src/money/index.js';
import { parseColumn } from '../../src/records/index.js';
import * as node from '../../src/node/index.js';
import * as schemasApi from '../../src/schemas.js';
import * as simulationApi from '../../src/simulation.js';
import * as spreadsheetsApi from '../../src/spreadsheets.js';
import * as explainApi from '../../src/explain.js';
import * as streamingApi from '../../src/streaming.js';
import * as readersApi from '../../src/readers.js';
import { OutcomePayError, isErrorCode } from '../../src/index.js';
import type { SpillStore } from '../../src/streaming/spill-store.js';

/**
 * The functions under test: the public entry points' ('outcome-pay', the functions of
 * 'outcome-pay/readers', 'outcome-pay/streaming', 'outcome-pay/simulation', 'outcome-pay/spreadsheets', 'outcome-pay/explain' and 'outcome-pay/schemas'; 'outcome-pay/node' below), the internals' of src/internal.ts (not
 * importable by the package name, but the benchmark's and the tests' entry into the engine) and
 * four helpers that were public until the API was narrowed (docs/api.md) and still check their
 * arguments.
 */
const core = { ...publicApi, ...readersApi, ...streamingApi, ...simulationApi, ...schemasApi, ...spreadsheetsApi, ...explainApi, ...internal, addDaysUnbounded, addMonthsUnbounded, checkAmountLimits, parseColumn };
type OutcomeRecord = publicApi.OutcomeRecord;

// ---------------------------------------------------------------------------------------------
// Wrong values

/** An object every trap of which throws: a Proxy stands for any object that cannot be read. */
const THROWING_PROXY: object = new Proxy(
  {},
  {
    get: () => {
      throw new Error('proxy get trap');
    },
    has: () => {
      throw new Error('proxy has trap');
    },
    ownKeys: () => {
      throw new Error('proxy ownKeys trap');
    },
    getOwnPropertyDescriptor: () => {
      throw new Error('proxy getOwnPropertyDescriptor trap');
    },
    getPrototypeOf: () => {
      throw new Error('proxy getPrototypeOf trap');
    },
  },
);

/** Field names the API reads from the objects it is given; each a getter that throws. */
const FIELD_NAMES = [
  'asOf', 'mode', 'lines', 'records', 'issues', 'format', 'chunks', 'dir', 'bufferIds', 'issueBlockBytes', 'storage', 'onIssue',
  'openSpill', 'outcomes', 'cohorts', 'order', 'indexById', 'kind', 'id', 'spells', 'wages', 'events', 'enrolledOn', 'status',
  'on', 'cohortIds', 'groupIds', 'enrolmentWindows', 'recordsRead', 'recordsSettled', 'recordsExcluded', 'each', 'ledger', 'digest',
  'paid', 'tranches', 'payers', 'settlements', 'amendedFrom', 'fingerprints', 'indicators', 'keepParticipants', 'length',
  'byCohort', 'unknown', 'previous', 'detail', 'code', 'path', 'message', 'currency', 'parties', 'rules', 'caps',
];
const THROWING_GETTERS: object = Object.defineProperties(
  {},
  Object.fromEntries(FIELD_NAMES.map((name) => [name, { enumerable: true, get: () => { throw new Error(`getter ${name}`); } }])),
);

/** A value of every JavaScript type the API could be given instead of the right one. */
const BAD: readonly (readonly [string, unknown])[] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['42', 42],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['empty string', ''],
  ['"text"', 'text'],
  ['"2024-01-01"', '2024-01-01'],
  ['{}', {}],
  ['[]', []],
  ['[1]', [1]],
  ['function', () => 1],
  ['symbol', Symbol('misuse')],
  ['bigint', 10n],
  ['Decimal 1.5', new Decimal('1.5')],
  ['Decimal NaN', new Decimal(Number.NaN)],
  ['Map', new Map()],
  ['Uint8Array', new Uint8Array([49])],
  ['object with throwing getters', THROWING_GETTERS],
  ['throwing Proxy', THROWING_PROXY],
];

// ---------------------------------------------------------------------------------------------
// Kinds of argument: what each accepts, and whether a wrong value throws or is reported as data

type Mode = 'throw' | 'issues';

interface Kind {
  /** True for a value of the right type (it may still be refused with a coded error). */
  readonly accepts: (value: unknown) => boolean;
  /** How a value of the wrong type is refused. */
  readonly mode: Mode;
}

const isSafe = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isPlainEmpty = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Reflect.ownKeys(value).length === 0;
const never = (): boolean => false;

const K = {
  /** Anything: a predicate's or a data checker's argument (it answers, never throws). */
  any: { accepts: () => true, mode: 'issues' },
  /** A document (data): a wrong type is reported as issues. */
  document: { accepts: never, mode: 'issues' },
  /** Records given to settle: an array is data. */
  recordsDocument: { accepts: Array.isArray, mode: 'issues' },
  /** Previous settlements given to readPrevious: an array of documents. */
  documents: { accepts: Array.isArray, mode: 'issues' },
  day: { accepts: (v) => isSafe(v) && v >= core.MIN_DATE && v <= core.MAX_DATE, mode: 'throw' },
  dayNumber: { accepts: isSafe, mode: 'throw' },
  integer: { accepts: isSafe, mode: 'throw' },
  count: { accepts: (v) => isSafe(v) && v >= 0, mode: 'throw' },
  year: { accepts: (v) => isSafe(v) && v >= 1 && v <= 9999, mode: 'throw' },
  month: { accepts: (v) => isSafe(v) && v >= 1 && v <= 12, mode: 'throw' },
  dayOfMonth: { accepts: (v) => isSafe(v) && v >= 1 && v <= 31, mode: 'throw' },
  string: { accepts: (v) => typeof v === 'string', mode: 'throw' },
  text: { accepts: (v) => typeof v === 'string' || v instanceof Uint8Array, mode: 'throw' },
  bytes: { accepts: (v) => v instanceof Uint8Array, mode: 'throw' },
  amount: { accepts: (v) => Decimal.isDecimal(v) && v.isFinite(), mode: 'throw' },
  amountInput: { accepts: (v) => typeof v === 'string' || isSafe(v) || typeof v === 'bigint' || (Decimal.isDecimal(v) && v.isFinite()), mode: 'throw' },
  /** An iterable of amounts (an empty Map is one). */
  amounts: { accepts: (v) => typeof v === 'object' && v !== null && Symbol.iterator in v && [...(v as Iterable<unknown>)].every((x) => Decimal.isDecimal(x)), mode: 'throw' },
  weights: { accepts: (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' || isSafe(x)), mode: 'throw' },
  currency: { accepts: (v) => typeof v === 'string', mode: 'throw' },
  roundingMode: { accepts: (v) => (core.ROUNDING_MODES as readonly unknown[]).includes(v), mode: 'throw' },
  endBoundary: { accepts: (v) => v === 'inclusive' || v === 'exclusive', mode: 'throw' },
  recordsFormat: { accepts: (v) => v === 'json' || v === 'ndjson' || v === 'csv', mode: 'throw' },
  path: { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'), mode: 'throw' },
  /** Issues: a non-empty array of issues with registered codes (fail's argument). */
  issues: { accepts: (v) => Array.isArray(v) && v.length > 0 && v.every((issue) => typeof issue === 'object' && issue !== null && isErrorCode((issue as { code: string }).code)), mode: 'throw' },
  /** A code for `new OutcomePayError`: it checks the form (UPPER_SNAKE_CASE), not the registry (src/errors.ts). */
  code: { accepts: (v) => typeof v === 'string' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v), mode: 'throw' },
  fingerprints: { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), mode: 'throw' },
  /** An object the library made (a parsed contract, compiled outcomes, a validated record...): none of the wrong values is one. */
  made: { accepts: never, mode: 'throw' },
  /** A list of a parsed contract's outcomes: the empty list is one (none of the wrong values is another). */
  outcomeList: { accepts: (v) => Array.isArray(v) && v.length === 0, mode: 'throw' },
  /** Dated flows for internalRateOfReturn: a list (the empty list too) of { on, amount } texts. */
  datedFlows: { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as { on?: unknown }).on === 'string'), mode: 'throw' },
  /** Dated payments for investorWaterfall: a list (the empty list too) of { on, amount }. */
  datedPayments: { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as { on?: unknown }).on === 'string'), mode: 'throw' },
  /** Investor terms for investorWaterfall: a list (the empty list too) of terms. */
  investorTerms: { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as { investor?: unknown }).investor === 'string'), mode: 'throw' },
  /** An options bag of a program (not settlement options): `{}` is valid, every field optional. */
  optionsBag: { accepts: isPlainEmpty, mode: 'throw' },
  /** settleStream's settings: optional, `{}` is valid. */
  streamSettings: { accepts: isPlainEmpty, mode: 'throw' },
} satisfies Record<string, Kind>;

interface Param {
  /** The name the error message must contain. */
  readonly name: string;
  readonly kind: Kind;
  /** An optional argument accepts `undefined`. */
  readonly optional?: boolean;
}

interface Case {
  readonly params: readonly Param[];
  /** Valid arguments, in order. */
  readonly args: () => unknown[] | Promise<unknown[]>;
}

const p = (name: string, kind: Kind, optional = false): Param => ({ name, kind, optional });

// ---------------------------------------------------------------------------------------------
// Valid arguments

const contractJson: unknown = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8'));
const recordLines = readFileSync('examples/region-sud/records.ndjson', 'utf8').split('\n').filter((line) => line !== '').slice(0, 6);
const rawRecords: unknown[] = recordLines.map((line) => JSON.parse(line) as unknown);
const ndjsonText = `${recordLines.join('\n')}\n`;
const parsedContract = (() => {
  const parsed = core.parseContract(contractJson);
  if (!parsed.ok) throw new Error('the example contract does not parse');
  return parsed.value;
})();
const assumptionsJson: unknown = JSON.parse(readFileSync('examples/region-sud/assumptions.json', 'utf8'));
const samples = (() => {
  const simulated = core.simulate(contractJson, assumptionsJson, { runs: 2, seed: 1 });
  if (!simulated.ok) throw new Error('the example does not simulate');
  return simulated.value;
})();
const asOfText = '2025-06-30';
const forecastSamples = (() => {
  const forecast = core.forecast(contractJson, rawRecords, assumptionsJson, { asOf: '2024-06-30', runs: 2, seed: 1 });
  if (!forecast.ok) throw new Error('the example does not forecast');
  return forecast.value;
})();
const settlement = (() => {
  const settled = core.settle(contractJson, rawRecords, { asOf: asOfText, allowEmpty: true });
  if (!settled.ok) throw new Error('the example does not settle');
  return settled.value;
})();
const asOf = core.parseDate(asOfText);
const day = core.parseDate('2024-01-15');
const context = {
  cohortIds: new Set(parsedContract.cohorts.map((cohort) => cohort.id)),
  groupIds: new Set((parsedContract.groups ?? []).map((group) => group.id)),
};
const validated = (() => {
  const result = core.validateRecords(rawRecords, context, { mode: 'lenient' });
  if (!result.ok || result.value.records.length === 0) throw new Error('the example records do not validate');
  return result.value.records;
})();
const record = validated[0] as OutcomeRecord;
const checkedOptions = (() => {
  const checked = core.checkOptions({ asOf: asOfText }, parsedContract);
  if (checked.options === undefined) throw new Error('options do not check');
  return checked.options;
})();
const previousPayments = core.readPrevious([], parsedContract, asOf).value;
const resolution = core.resolveParticipant(validated[0] as OutcomeRecord, parsedContract, asOf)[0];
const dataQuality = { recordsRead: 1, recordsSettled: 1, recordsExcluded: 0, issues: [] };

async function* chunksOf(text: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield text;
}
const session = (): internal.SettlementSession => core.openSession(parsedContract, checkedOptions, previousPayments);

const CASES: Record<string, Case> = {
  // errors, codes, results
  OutcomePayError: { params: [p('code', K.code), p('message', K.string), p('path', K.path, true)], args: () => ['DATE_FORMAT', 'a message', []] },
  formatPath: { params: [p('path', K.path)], args: () => [['a', 0]] },
  isErrorCode: { params: [p('text', K.any)], args: () => ['DATE_FORMAT'] },
  fail: { params: [p('issues', K.issues)], args: () => [[{ code: 'DATE_FORMAT', path: [], message: 'a message' }]] },
  ok: { params: [p('value', K.any)], args: () => [1] },
  // money
  checkAmount: { params: [p('value', K.any), p('path', K.path, true)], args: () => ['1.50', []] },
  isDecimalString: { params: [p('value', K.any)], args: () => ['1.50'] },
  parseAmount: { params: [p('amount', K.amountInput), p('path', K.path, true)], args: () => ['1.50', []] },
  sumAmounts: { params: [p('amounts', K.amounts)], args: () => [[core.parseAmount('1')]] },
  isKnownCurrency: { params: [p('code', K.any)], args: () => ['EUR'] },
  knownCurrencies: { params: [], args: () => [] },
  minorUnits: { params: [p('currency', K.currency)], args: () => ['EUR'] },
  roundDecimal: { params: [p('amount', K.amount), p('places', K.count), p('mode', K.roundingMode)], args: () => [core.parseAmount('1.25'), 1, 'half-up'] },
  roundMoney: { params: [p('amount', K.amount), p('currency', K.currency), p('mode', K.roundingMode)], args: () => [core.parseAmount('1.255'), 'EUR', 'half-up'] },
  formatDecimal: { params: [p('amount', K.amount)], args: () => [core.parseAmount('1.50')] },
  formatMoney: { params: [p('amount', K.amount), p('currency', K.currency)], args: () => [core.parseAmount('1.50'), 'EUR'] },
  allocate: { params: [p('total', K.amountInput), p('weights', K.weights), p('currency', K.currency)], args: () => [core.parseAmount('1.00'), ['1', '2'], 'EUR'] },
  checkAmountLimits: { params: [p('amount', K.amount), p('path', K.path, true)], args: () => [core.parseAmount('1.50'), []] },
  // calendar
  dateFromParts: { params: [p('year', K.year), p('month', K.month), p('day', K.dayOfMonth)], args: () => [2024, 2, 29] },
  dateParts: { params: [p('date', K.day)], args: () => [day] },
  daysInMonth: { params: [p('year', K.year), p('month', K.month)], args: () => [2024, 2] },
  isLeapYear: { params: [p('year', K.year)], args: () => [2024] },
  checkDate: { params: [p('value', K.any), p('path', K.path, true)], args: () => ['2024-01-01', []] },
  formatDate: { params: [p('date', K.day)], args: () => [day] },
  isDateString: { params: [p('value', K.any)], args: () => ['2024-01-01'] },
  parseDate: { params: [p('date', K.string), p('path', K.path, true)], args: () => ['2024-01-01', []] },
  addDays: { params: [p('date', K.day), p('days', K.integer)], args: () => [day, 3] },
  addDaysUnbounded: { params: [p('date', K.dayNumber), p('days', K.integer)], args: () => [day, 3] },
  addMonths: { params: [p('date', K.day), p('months', K.integer)], args: () => [day, 3] },
  addMonthsUnbounded: { params: [p('date', K.day), p('months', K.integer)], args: () => [day, 3] },
  compareDates: { params: [p('a', K.day), p('b', K.day)], args: () => [day, asOf] },
  daysBetween: { params: [p('from', K.day), p('to', K.day)], args: () => [day, asOf] },
  maxDate: { params: [p('a', K.day), p('b', K.day)], args: () => [day, asOf] },
  minDate: { params: [p('a', K.day), p('b', K.day)], args: () => [day, asOf] },
  // text
  parseJsonText: { params: [p('input', K.text)], args: () => ['{}'] },
  // contract
  parseContract: { params: [p('contract', K.document)], args: () => [contractJson] },
  migrateContractText: { params: [p('input', K.text)], args: () => [JSON.stringify(contractJson)] },
  earliestAchievement: { params: [p('contract', K.made), p('outcome', K.made), p('start', K.day)], args: () => [parsedContract, parsedContract.outcomes[2], day] },
  // records
  validateRawRecords: {
    params: [p('batch', K.recordsDocument), p('context', K.made), p('options', K.optionsBag, true)],
    args: () => [{ records: rawRecords, lines: [], issues: [] }, context, {}],
  },
  validateRecords: { params: [p('records', K.recordsDocument), p('context', K.made), p('options', K.optionsBag, true)], args: () => [rawRecords, context, {}] },
  detectFormat: { params: [p('fileName', K.string)], args: () => ['records.csv'] },
  readJsonRecords: { params: [p('text', K.text)], args: () => ['[]'] },
  readNdjsonRecords: { params: [p('text', K.text)], args: () => [ndjsonText] },
  readCsvRecords: { params: [p('text', K.text)], args: () => ['id,cohort,enrolledOn\n'] },
  readRecords: { params: [p('text', K.text), p('format', K.recordsFormat)], args: () => [ndjsonText, 'ndjson'] },
  parseColumn: { params: [p('name', K.string)], args: () => ['spell1_start'] },
  readNdjsonStream: { params: [p('chunks', K.made)], args: () => [chunksOf(ndjsonText)] },
  readCsvStream: { params: [p('chunks', K.made)], args: () => [chunksOf('id,cohort,enrolledOn\n')] },
  // outcomes
  compileOutcomes: { params: [p('outcomes', K.outcomeList)], args: () => [parsedContract.outcomes] },
  resolveParticipant: { params: [p('record', K.made), p('contract', K.made), p('asOf', K.day)], args: () => [record, parsedContract, asOf] },
  statusAt: { params: [p('resolution', K.made), p('date', K.day)], args: () => [resolution, asOf] },
  retentionEnd: { params: [p('anchor', K.day), p('months', K.integer), p('endBoundary', K.endBoundary)], args: () => [day, 6, 'inclusive'] },
  // settlement
  settle: { params: [p('contract', K.document), p('records', K.recordsDocument), p('options', K.document)], args: () => [contractJson, rawRecords, { asOf: asOfText }] },
  settleStream: {
    params: [p('contract', K.document), p('records', K.made), p('options', K.document), p('settings', K.streamSettings, true)],
    args: () => [contractJson, { format: 'ndjson', chunks: () => chunksOf(ndjsonText) }, { asOf: asOfText }, {}],
  },
  explainParticipant: {
    params: [p('contract', K.document), p('records', K.recordsDocument), p('participant', K.string), p('options', K.document)],
    args: () => [contractJson, rawRecords, (rawRecords[0] as { id: string }).id, { asOf: asOfText }],
  },
  checkOptions: { params: [p('options', K.document), p('contract', K.made)], args: () => [{ asOf: asOfText }, parsedContract] },
  openSession: { params: [p('contract', K.made), p('options', K.made), p('previous', K.made)], args: () => [parsedContract, checkedOptions, previousPayments] },
  readPrevious: {
    params: [p('documents', K.documents), p('contract', K.made), p('asOf', K.day), p('amendedFrom', K.fingerprints, true)],
    args: () => [[], parsedContract, asOf, []],
  },
  contractJsonSchema: { params: [], args: () => [] },
  recordsJsonSchema: { params: [], args: () => [] },
  assumptionsJsonSchema: { params: [], args: () => [] },
  // simulation
  parseAssumptions: { params: [p('assumptions', K.document), p('contract', K.document)], args: () => [assumptionsJson, contractJson] },
  simulate: { params: [p('contract', K.document), p('assumptions', K.document), p('options', K.document)], args: () => [contractJson, assumptionsJson, { runs: 1, seed: 1 }] },
  contractBounds: { params: [p('contract', K.document), p('assumptions', K.document, true)], args: () => [contractJson, assumptionsJson] },
  summarize: { params: [p('samples', K.made)], args: () => [samples] },
  forecast: {
    params: [p('contract', K.document), p('records', K.recordsDocument), p('assumptions', K.document), p('options', K.document)],
    args: () => [contractJson, rawRecords, assumptionsJson, { asOf: '2024-06-30', runs: 1, seed: 1 }],
  },
  summarizeForecast: { params: [p('samples', K.made)], args: () => [forecastSamples] },
  expectedSchedule: { params: [p('contract', K.document), p('assumptions', K.document)], args: () => [contractJson, assumptionsJson] },
  tornado: { params: [p('contract', K.document), p('assumptions', K.document), p('options', K.document)], args: () => [contractJson, assumptionsJson, { runs: 1, seed: 1 }] },
  calibrate: { params: [p('contract', K.document), p('assumptions', K.document), p('options', K.document)], args: () => [contractJson, assumptionsJson, { budget: '1000.00', runs: 1, seed: 1 }] },
  scenarios: { params: [p('contract', K.document), p('assumptions', K.document), p('names', K.document), p('options', K.document), p('own', K.any, true)], args: () => [contractJson, assumptionsJson, ['central'], { runs: 1, seed: 1 }] },
  scenarioOf: { params: [p('contract', K.document), p('assumptions', K.document), p('name', K.document), p('step', K.any, true), p('own', K.any, true)], args: () => [contractJson, assumptionsJson, 'central'] },
  internalRateOfReturn: { params: [p('flows', K.datedFlows)], args: () => [[{ on: '2021-01-01', amount: '-100' }, { on: '2023-01-01', amount: '121' }]] },
  investorWaterfall: {
    params: [p('payments', K.datedPayments), p('investors', K.investorTerms), p('currency', K.currency)],
    args: () => [[{ on: '2024-07-15', amount: core.parseAmount('100.00') }], [{ investor: 'fund', principal: '50.00', drawdowns: [{ on: '2024-01-01', amount: '50.00' }], returnCap: null, guarantee: null, firstLoss: false }], 'EUR'],
  },
  // spreadsheets
  settlementCsv: { params: [p('settlement', K.made), p('options', K.optionsBag, true)], args: () => [settlement, {}] },
};

const NODE_CASES: Record<string, Case> = {
  openTempFileStore: { params: [p('options', K.optionsBag, true)], args: () => [{}] },
  tempFileStorage: { params: [p('options', K.optionsBag, true)], args: () => [{}] },
};

/** The methods of the objects the API returns, with how to make one. */
interface MethodCases {
  readonly make: () => object | Promise<object>;
  readonly cases: Record<string, Case>;
}

/** The spill stores the test opens, each disposed of at the end (they may have made a directory). */
const stores: SpillStore[] = [];
async function storeWithRun(): Promise<SpillStore> {
  const store = node.openTempFileStore();
  stores.push(store);
  await store.writeRun(new Uint8Array([1, 2]));
  return store;
}

const RETURNED: Record<string, MethodCases> = {
  'openSession()': {
    make: session,
    cases: {
      add: { params: [p('record', K.made)], args: () => [record] },
      merge: { params: [p('other', K.made)], args: () => [session()] },
      finish: {
        params: [p('dataQuality', K.made), p('optionsText', K.string), p('excluded', K.made, true)],
        args: () => [dataQuality, '{}', undefined],
      },
      finishDelivering: {
        params: [p('dataQuality', K.made), p('optionsText', K.string), p('delivered', K.made), p('excluded', K.made, true)],
        args: () => [dataQuality, '{}', { each: () => Promise.resolve() }, undefined],
      },
    },
  },
  'openTempFileStore()': {
    make: storeWithRun,
    cases: {
      writeRun: { params: [p('bytes', K.bytes)], args: () => [new Uint8Array([1, 2])] },
      readRun: { params: [p('run', K.count), p('offset', K.count), p('into', K.bytes)], args: () => [0, 0, new Uint8Array(2)] },
      dispose: { params: [], args: () => [] },
    },
  },
  'tempFileStorage()': {
    make: () => node.tempFileStorage(),
    cases: { openSpill: { params: [], args: () => [] } },
  },
};

// ---------------------------------------------------------------------------------------------
// The check of one call

type Outcome = { threw: unknown } | { returned: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { next?: unknown }).next === 'function' && Symbol.asyncIterator in value;
}

/** Calls, awaits a promise, and takes the first item of a stream (a stream's errors come when it is read). */
async function call(fn: (...args: unknown[]) => unknown, args: unknown[], construct: boolean): Promise<Outcome> {
  try {
    let value = construct ? new (fn as unknown as new (...a: unknown[]) => unknown)(...args) : fn(...args);
    if (isThenable(value)) value = await value;
    if (isAsyncIterator(value)) {
      try {
        await value.next();
      } finally {
        await value.return?.(undefined);
      }
    }
    return { returned: value };
  } catch (error) {
    return { threw: error };
  }
}

/** The issues of a refusal: a Result `{ ok: false }`, checkOptions' `{ options: undefined }`, readPrevious' `{ issues: [...] }`. */
function refusalIssues(value: unknown): readonly unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const result = value as { ok?: unknown; issues?: unknown; options?: unknown };
  const issues: unknown = result.issues;
  if (!Array.isArray(issues)) return undefined;
  const listed = issues as readonly unknown[];
  if (result.ok === false) return listed;
  if ('options' in result && result.options === undefined) return listed;
  if (!('ok' in result) && !('options' in result) && listed.length > 0) return listed;
  return undefined;
}

function describeThrown(error: unknown): string {
  if (error instanceof OutcomePayError) return `OutcomePayError ${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`;
  return `a thrown ${typeof error}`;
}

function codedIssues(issues: readonly unknown[]): boolean {
  return issues.length > 0 && issues.every((issue) => typeof issue === 'object' && issue !== null && typeof (issue as { code?: unknown }).code === 'string' && isErrorCode((issue as { code: string }).code));
}

/** A predicate of the test itself, on a value that may be a hostile Proxy: false if it throws. */
function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/** What is wrong with the outcome of a call with `value` in the argument `param`, or undefined. */
function problem(outcome: Outcome, param: Param, value: unknown): string | undefined {
  const accepted = (param.optional === true && value === undefined) || safely(() => param.kind.accepts(value));
  if ('threw' in outcome) {
    const error = outcome.threw;
    if (!(error instanceof OutcomePayError)) return `threw ${describeThrown(error)}`;
    if (!isErrorCode(error.code)) return `threw an unregistered code ${String(error.code)}`;
    if (accepted) return undefined; // a right-typed value refused for its content, with a code
    if (param.kind.mode === 'issues') return `threw ${describeThrown(error)} for a document (expected { ok: false, issues })`;
    if (!error.message.includes(param.name)) return `threw ${describeThrown(error)}: the message does not name "${param.name}"`;
    return undefined;
  }
  const issues = refusalIssues(outcome.returned);
  if (issues !== undefined) return codedIssues(issues) ? undefined : 'refused with issues that are not all coded';
  if (accepted) return undefined;
  return param.kind.mode === 'issues' ? 'was not refused (expected { ok: false, issues })' : 'was not refused (expected an OutcomePayError)';
}

async function problemsOf(name: string, fn: (...args: unknown[]) => unknown, test: Case, construct = false): Promise<string[]> {
  const found: string[] = [];
  const valid = await call(fn, await test.args(), construct);
  if ('threw' in valid) found.push(`${name}(valid arguments) threw ${describeThrown(valid.threw)}`);
  for (const [index, param] of test.params.entries()) {
    for (const [label, value] of BAD) {
      const args = await test.args();
      args[index] = value;
      if (value === undefined && index === args.length - 1 && param.optional === true) args.length = index; // as if left out
      const outcome = await call(fn, args, construct);
      const wrong = problem(outcome, param, value);
      if (wrong !== undefined) found.push(`${name}: ${param.name} = ${label}: ${wrong}`);
    }
  }
  return found;
}

function functionsOf(module: object): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(module).filter((entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function');
}

const isClass = (fn: unknown): boolean => typeof fn === 'function' && /^class\b/.test(Function.prototype.toString.call(fn));

// ---------------------------------------------------------------------------------------------

describe('misuse of the API: every export, every argument, every wrong type', () => {
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.dispose()));
  });

  it('has a case for every function of every entry point (a new export needs one)', () => {
    expect(functionsOf(core).map(([name]) => name).sort()).toEqual(Object.keys(CASES).sort());
    expect(functionsOf(node).map(([name]) => name).sort()).toEqual(Object.keys(NODE_CASES).sort());
    expect(Object.keys(CASES).length).toBeGreaterThan(55);
  });

  it('has a case for every method of the objects the API returns', async () => {
    for (const [made, { make, cases }] of Object.entries(RETURNED)) {
      const methods = Object.entries(await make()).filter(([, value]) => typeof value === 'function').map(([name]) => name).sort();
      expect(methods, made).toEqual(Object.keys(cases).sort());
    }
  });

  for (const [entry, module, cases] of [['outcome-pay', core, CASES], ['outcome-pay/node', node, NODE_CASES]] as const) {
    describe(entry, () => {
      for (const [name, fn] of functionsOf(module)) {
        const test = cases[name];
        if (test === undefined) continue; // reported above
        it(`${name}: a wrong argument is an OutcomePayError naming it, or { ok: false, issues } for a document`, async () => {
          expect(await problemsOf(name, fn, test, isClass(fn))).toEqual([]);
        });
      }
    });
  }

  describe('the objects the API returns', () => {
    for (const [made, { make, cases }] of Object.entries(RETURNED)) {
      for (const [method, test] of Object.entries(cases)) {
        it(`${made}.${method}`, async () => {
          const fresh = async (): Promise<(...args: unknown[]) => unknown> => {
            const object = (await make()) as Record<string, (...args: unknown[]) => unknown>;
            const fn = object[method];
            if (fn === undefined) throw new Error(`${made} has no ${method}`);
            return (...args: unknown[]) => fn.apply(object, args);
          };
          const found: string[] = [];
          // a fresh object for every call: a session that failed half-way is not reused
          const valid = await call(await fresh(), await test.args(), false);
          if ('threw' in valid) found.push(`valid arguments threw ${describeThrown(valid.threw)}`);
          for (const [index, param] of test.params.entries()) {
            for (const [label, value] of BAD) {
              const args = await test.args();
              args[index] = value;
              const wrong = problem(await call(await fresh(), args, false), param, value);
              if (wrong !== undefined) found.push(`${made}.${method}: ${param.name} = ${label}: ${wrong}`);
            }
          }
          expect(found).toEqual([]);
        });
      }
    }
  });
});

describe('documents of the wrong type are data: their codes', () => {
  const options = { asOf: asOfText };
  const codes = (result: { ok: boolean; issues?: readonly { code: string }[] }): string[] => (result.ok ? [] : (result.issues ?? []).map((issue) => issue.code));

  it('records that are not an array, nor what a reader returned: RECORDS_NOT_ARRAY, from settle and the validators', () => {
    const read = core.readCsvRecords('id,cohort,enrolledOn\n');
    for (const records of [null, undefined, 'id,cohort,enrolledOn\nP1,2023-A,2023-01-09', {}, read, { records: rawRecords, lines: [], issues: [{ code: 'NOPE' }] }, THROWING_GETTERS, THROWING_PROXY]) {
      expect(codes(core.settle(contractJson, records as never, options))).toEqual(['RECORDS_NOT_ARRAY']);
      expect(codes(core.validateRecords(records as never, context))).toEqual(['RECORDS_NOT_ARRAY']);
      expect(codes(core.validateRawRecords(records as never, context))).toEqual(['RECORDS_NOT_ARRAY']);
    }
    // what a reader returned, and an array, are records
    if (!read.ok) throw new Error('the header reads');
    expect(core.settle(contractJson, read.value, { ...options, allowEmpty: true }).ok).toBe(true);
  });

  it('options whose getter throws: OPTIONS_UNREADABLE; a Map: OPTIONS_NOT_OBJECT; indicators or previous that cannot be read: their own codes', async () => {
    const getter = Object.defineProperty({}, 'asOf', { enumerable: true, get: () => { throw new Error('no date'); } });
    const cases: [unknown, string][] = [
      [getter, 'OPTIONS_UNREADABLE'],
      [THROWING_PROXY, 'OPTIONS_UNREADABLE'],
      [new Map([['asOf', asOfText]]), 'OPTIONS_NOT_OBJECT'],
      [{ asOf: asOfText, indicators: THROWING_PROXY }, 'OPTIONS_INDICATORS'],
      [{ asOf: asOfText, indicators: new Map() }, 'OPTIONS_INDICATORS'],
      [{ asOf: asOfText, previous: new Proxy([], { get: () => { throw new Error('no previous'); } }) }, 'OPTIONS_PREVIOUS'],
      [{ asOf: asOfText, amendedFrom: new Proxy([], { get: () => { throw new Error('no list'); } }) }, 'OPTIONS_AMENDED_FROM'],
    ];
    for (const [given, code] of cases) {
      expect(codes(core.settle(contractJson, rawRecords, given as never)), code).toEqual([code]);
      expect(codes(await core.settleStream(contractJson, () => chunksOf(''), given as never)), code).toEqual([code]);
      // checkOptions does not read the previous settlements: readPrevious does, and refuses them
      if (code !== 'OPTIONS_PREVIOUS') expect(core.checkOptions(given, parsedContract).issues.map((issue) => issue.code), code).toEqual([code]);
    }
  });

  it('a getter of the options is read once', () => {
    let reads = 0;
    const given = Object.defineProperty({}, 'asOf', { enumerable: true, get: () => ((reads += 1), asOfText) });
    expect(core.settle(contractJson, rawRecords, given as never).ok).toBe(true);
    expect(reads).toBe(1);
  });
});
