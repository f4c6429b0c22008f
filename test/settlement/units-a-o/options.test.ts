/**
 * Settlement options (src/settlement/options.ts): the defaults, every option set, every refusal
 * with its code, path and message (options that are not an object or cannot be read, unknown
 * keys, each field's wrong values, indicator values at both levels), what `readSettleOptions`
 * gives back, and the canonical text that enters the settlement's fingerprint.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/index.js';
import { parseDate } from '../../../src/calendar/index.js';
import { checkOptions, optionsFingerprintText, readSettleOptions, type CheckedOptions } from '../../../src/settlement/options.js';
import type { PreviousPayments } from '../../../src/settlement/previous.js';
import { PLACEMENT, unitContract } from './contract.js';

function contract(): Contract {
  return unitContract({ outcomes: [PLACEMENT, { kind: 'cohortIndicator', id: 'comparison', name: 'Comparison rate', unit: 'rate' }] });
}

const HEX = 'a'.repeat(64);
const HEX2 = '0123456789abcdef'.repeat(4);

/** The issues as `CODE path: message`. */
function issuesOf(input: unknown): string[] {
  return checkOptions(input, contract()).issues.map((issue) => `${issue.code} ${issue.path.join('.')}: ${issue.message}`);
}

/** The codes and paths only. */
function codesOf(input: unknown): string[] {
  return checkOptions(input, contract()).issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
}

describe('checkOptions: accepted options', () => {
  it('only asOf: every default', () => {
    const { options, issues } = checkOptions({ asOf: '2024-12-31' }, contract());
    expect(issues).toEqual([]);
    expect(options).toEqual({
      asOf: parseDate('2024-12-31'),
      indicators: new Map(),
      keepParticipants: false,
      records: 'lenient',
      evidence: false,
      amendedFrom: [],
      allowFullRecovery: false,
      maxExcluded: { kind: 'share', percent: expect.anything() as unknown, text: '5%' },
      allowEmpty: false,
    });
    expect(options?.maxExcluded.kind === 'share' ? options.maxExcluded.percent.toFixed() : '').toBe('5');
  });

  it('every option set', () => {
    const { options, issues } = checkOptions(
      {
        asOf: '2025-01-31',
        detail: 'participants',
        records: 'strict',
        evidenceFingerprint: true,
        amendedFrom: [HEX, HEX2, HEX],
        allowFullRecovery: true,
        maxExcluded: 10,
        allowEmpty: true,
        previous: [],
        indicators: { comparison: { A: '0.45', '*': '0.5' } },
      },
      contract(),
    );
    expect(issues).toEqual([]);
    expect(options?.asOf).toBe(parseDate('2025-01-31'));
    expect(options?.keepParticipants).toBe(true);
    expect(options?.records).toBe('strict');
    expect(options?.evidence).toBe(true);
    expect(options?.amendedFrom).toEqual([HEX, HEX2]); // each once, first order
    expect(options?.allowFullRecovery).toBe(true);
    expect(options?.maxExcluded).toEqual({ kind: 'count', count: 10, text: '10' });
    expect(options?.allowEmpty).toBe(true);
    expect([...(options?.indicators.get('comparison') ?? new Map<string, never>())].map(([cohort, value]) => `${cohort}=${value.toFixed()}`)).toEqual(['A=0.45', '*=0.5']);
  });

  it('the explicit defaults and false values are accepted as given', () => {
    const { options, issues } = checkOptions({ asOf: '2024-12-31', detail: 'totals', records: 'lenient', evidenceFingerprint: false, allowFullRecovery: false, allowEmpty: false, maxExcluded: '2%', indicators: {} }, contract());
    expect(issues).toEqual([]);
    expect(options?.keepParticipants).toBe(false);
    expect(options?.records).toBe('lenient');
    expect(options?.evidence).toBe(false);
    expect(options?.allowFullRecovery).toBe(false);
    expect(options?.allowEmpty).toBe(false);
    expect(options?.maxExcluded.text).toBe('2%');
    expect(options?.indicators.size).toBe(0);
  });

  it('an indicator with no cohorts is kept, empty', () => {
    const { options } = checkOptions({ asOf: '2024-12-31', indicators: { comparison: {} } }, contract());
    expect(options?.indicators.get('comparison')?.size).toBe(0);
  });
});

describe('checkOptions: refusals', () => {
  it('options that are not an object', () => {
    const message = (shown: string): string[] => [`OPTIONS_NOT_OBJECT options: settlement options must be an object with at least asOf, not ${shown}`];
    expect(issuesOf(null)).toEqual(message('null'));
    expect(issuesOf('2024-12-31')).toEqual(message('the string "2024-12-31"'));
    expect(issuesOf([])).toEqual(message('an array'));
    expect(issuesOf(new Map())).toEqual(message('an object (Map)'));
    expect(checkOptions(null, contract()).options).toBeUndefined();
  });

  it('options whose reading throws', () => {
    const options = {
      get asOf(): string {
        throw new Error('no date today');
      },
    };
    expect(issuesOf(options)).toEqual(['OPTIONS_UNREADABLE options: the settlement options could not be read (no date today)']);
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('hidden');
        },
      },
    );
    expect(codesOf(proxy)).toEqual(['OPTIONS_UNREADABLE options']);
  });

  it('a contract that is not the value of parseContract throws', () => {
    expect(() => checkOptions({ asOf: '2024-12-31' }, null as unknown as Contract)).toThrow(/checkOptions/);
    expect(() => checkOptions({ asOf: '2024-12-31' }, { id: 'c' } as unknown as Contract)).toThrow(/checkOptions/);
  });

  it('unknown keys, each with the list of known ones; inherited keys are not read', () => {
    const known = 'asOf, previous, indicators, detail, records, evidenceFingerprint, amendedFrom, allowFullRecovery, maxExcluded, allowEmpty';
    expect(issuesOf({ asOf: '2024-12-31', colour: 'red', asof: 1 })).toEqual([
      `OPTIONS_UNKNOWN_KEY options.colour: unknown settlement option "colour"; known: ${known}`,
      `OPTIONS_UNKNOWN_KEY options.asof: unknown settlement option "asof"; known: ${known}`,
    ]);
    const inherited = Object.create({ colour: 'red', asOf: '2024-12-31' }) as Record<string, unknown>;
    inherited['asOf'] = '2024-12-31';
    expect(issuesOf(inherited)).toEqual([]);
  });

  it('a missing or bad as-of date', () => {
    expect(codesOf({})).toEqual([expect.stringMatching(/ options\.asOf$/)]);
    expect(codesOf({ asOf: '2024-02-30' })).toEqual(['DATE_IMPOSSIBLE options.asOf']);
    expect(checkOptions({ asOf: '2024-02-30' }, contract()).options).toBeUndefined();
  });

  it('each field with a wrong value: its code, path and message', () => {
    expect(issuesOf({ asOf: '2024-12-31', detail: 'all' })).toEqual(['OPTIONS_DETAIL options.detail: detail must be "totals" or "participants", not "all"']);
    // null stands for an option not given
    expect(issuesOf({ asOf: '2024-12-31', detail: null, records: null, evidenceFingerprint: null, allowFullRecovery: null, amendedFrom: null, indicators: null })).toEqual([]);
    expect(issuesOf({ asOf: '2024-12-31', detail: 1 })).toEqual(['OPTIONS_DETAIL options.detail: detail must be "totals" or "participants", not 1']);
    expect(issuesOf({ asOf: '2024-12-31', records: 'loose' })).toEqual(['OPTIONS_RECORDS_MODE options.records: records must be "lenient" or "strict", not "loose"']);
    expect(issuesOf({ asOf: '2024-12-31', evidenceFingerprint: 'yes' })).toEqual(['OPTIONS_EVIDENCE_FINGERPRINT options.evidenceFingerprint: evidenceFingerprint must be true or false, not "yes"']);
    expect(issuesOf({ asOf: '2024-12-31', allowFullRecovery: 1 })).toEqual(['OPTIONS_ALLOW_FULL_RECOVERY options.allowFullRecovery: allowFullRecovery must be true or false, not 1']);
    expect(issuesOf({ asOf: '2024-12-31', allowEmpty: 'true' })).toEqual(['OPTIONS_ALLOW_EMPTY options.allowEmpty: allowEmpty must be true or false, not "true"']);
    expect(issuesOf({ asOf: '2024-12-31', allowEmpty: null })).toEqual(['OPTIONS_ALLOW_EMPTY options.allowEmpty: allowEmpty must be true or false, not null']);
    expect(issuesOf({ asOf: '2024-12-31', previous: {} })).toEqual(['OPTIONS_PREVIOUS options.previous: previous must be an array of settlement documents']);
    expect(issuesOf({ asOf: '2024-12-31', previous: null })).toEqual(['OPTIONS_PREVIOUS options.previous: previous must be an array of settlement documents']);
    expect(codesOf({ asOf: '2024-12-31', maxExcluded: -1 })).toEqual(['OPTIONS_MAX_EXCLUDED options.maxExcluded']);
    expect(checkOptions({ asOf: '2024-12-31', maxExcluded: '200%' }, contract()).options).toBeUndefined();
  });

  it('amendedFrom: an array of 64 lower-case hex digits each', () => {
    const refused = ['OPTIONS_AMENDED_FROM options.amendedFrom: amendedFrom must be an array of contract fingerprints (64 lower-case hex digits, the fingerprint.contract of a settlement)'];
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: HEX })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [HEX.toUpperCase()] })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [HEX.slice(1)] })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [`${HEX}a`] })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [` ${HEX.slice(1)}`] })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [HEX, 7] })).toEqual(refused);
    const unreadable = new Proxy([HEX], {
      get: (target, key) => {
        if (key === '0') throw new Error('no');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: unreadable })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [] })).toEqual([]);
  });

  it('every problem is reported at once, in field order', () => {
    expect(codesOf({ asOf: 'x', zz: 1, detail: 1, records: 1, evidenceFingerprint: 1, amendedFrom: 1, allowFullRecovery: 1, maxExcluded: 'x', allowEmpty: 1, previous: 1, indicators: 1 })).toEqual([
      'OPTIONS_UNKNOWN_KEY options.zz',
      expect.stringMatching(/ options\.asOf$/),
      'OPTIONS_DETAIL options.detail',
      'OPTIONS_RECORDS_MODE options.records',
      'OPTIONS_EVIDENCE_FINGERPRINT options.evidenceFingerprint',
      'OPTIONS_AMENDED_FROM options.amendedFrom',
      'OPTIONS_ALLOW_FULL_RECOVERY options.allowFullRecovery',
      'OPTIONS_MAX_EXCLUDED options.maxExcluded',
      'OPTIONS_ALLOW_EMPTY options.allowEmpty',
      'OPTIONS_PREVIOUS options.previous',
      'OPTIONS_INDICATORS options.indicators',
    ]);
  });
});

describe('checkOptions: indicator values', () => {
  it('indicators that are not an object', () => {
    const refused = ['OPTIONS_INDICATORS options.indicators: indicators must be an object: indicator id → cohort id → value'];
    expect(issuesOf({ asOf: '2024-12-31', indicators: 'comparison' })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', indicators: [] })).toEqual(refused);
    expect(issuesOf({ asOf: '2024-12-31', indicators: 4 })).toEqual(refused);
  });

  it('an unknown indicator, values that are not an object, an unknown cohort', () => {
    expect(issuesOf({ asOf: '2024-12-31', indicators: { placement: { A: '1' }, other: {} } })).toEqual([
      'INDICATOR_UNKNOWN options.indicators.placement: "placement" is not a cohortIndicator outcome of the contract',
      'INDICATOR_UNKNOWN options.indicators.other: "other" is not a cohortIndicator outcome of the contract',
    ]);
    expect(issuesOf({ asOf: '2024-12-31', indicators: { comparison: ['0.4'] } })).toEqual([
      'OPTIONS_INDICATORS options.indicators.comparison: indicator "comparison" must map cohort ids to decimal strings',
    ]);
    expect(issuesOf({ asOf: '2024-12-31', indicators: { comparison: '0.4' } })).toEqual([
      'OPTIONS_INDICATORS options.indicators.comparison: indicator "comparison" must map cohort ids to decimal strings',
    ]);
    expect(issuesOf({ asOf: '2024-12-31', indicators: { comparison: { C: '0.4', A: '0.4', '**': '1' } } })).toEqual([
      'INDICATOR_COHORT_UNKNOWN options.indicators.comparison.C: indicator "comparison": "C" is not a cohort of the contract (use "*" for pooled cohorts)',
      'INDICATOR_COHORT_UNKNOWN options.indicators.comparison.**: indicator "comparison": "**" is not a cohort of the contract (use "*" for pooled cohorts)',
    ]);
  });

  it('a value that is not a decimal, or beyond the amount limits', () => {
    expect(codesOf({ asOf: '2024-12-31', indicators: { comparison: { A: 'high', B: 0.5 } } })).toEqual([
      expect.stringMatching(/ options\.indicators\.comparison\.A$/),
      expect.stringMatching(/ options\.indicators\.comparison\.B$/),
    ]);
    expect(codesOf({ asOf: '2024-12-31', indicators: { comparison: { A: '1000000000000000', B: '0.12345678901234567890123' } } })).toEqual([
      'AMOUNT_TOO_LARGE options.indicators.comparison.A',
      'AMOUNT_TOO_PRECISE options.indicators.comparison.B',
    ]);
    // a refused value leaves the others of the indicator out of nothing: the options are refused
    expect(checkOptions({ asOf: '2024-12-31', indicators: { comparison: { A: 'high' } } }, contract()).options).toBeUndefined();
  });

  it('indicator values whose reading throws, at either level', () => {
    const outer = {
      get comparison(): unknown {
        throw new Error('locked');
      },
    };
    expect(issuesOf({ asOf: '2024-12-31', indicators: outer })).toEqual(['OPTIONS_INDICATORS options.indicators: the indicator values could not be read (locked)']);
    const inner = {
      comparison: {
        get A(): string {
          throw new Error('sealed');
        },
      },
    };
    expect(issuesOf({ asOf: '2024-12-31', indicators: inner })).toEqual(['OPTIONS_INDICATORS options.indicators.comparison: the indicator values could not be read (sealed)']);
    // only the unreadable issue: the values are not checked again
    expect(issuesOf({ asOf: '2024-12-31', indicators: inner, detail: 'x' })).toHaveLength(2);
  });
});

describe('readSettleOptions', () => {
  it('gives the options as read: own fields in an object without a prototype, indicator values read once', () => {
    let reads = 0;
    const values = {
      get A(): string {
        reads += 1;
        return '0.45';
      },
    };
    const read = readSettleOptions({ asOf: '2024-12-31', indicators: { comparison: values } }, contract());
    expect(read.issues).toEqual([]);
    expect(reads).toBe(1);
    expect(Object.getPrototypeOf(read.given)).toBeNull();
    expect(read.given?.asOf).toBe('2024-12-31');
    expect(read.given?.indicators).toEqual({ comparison: { A: '0.45' } });
    expect(Object.getOwnPropertyDescriptor(read.given?.indicators?.['comparison'], 'A')?.value).toBe('0.45');
    expect(reads).toBe(1);
    expect(read.options?.indicators.get('comparison')?.get('A')?.toFixed()).toBe('0.45');
  });

  it('without indicators: none in what is given', () => {
    const read = readSettleOptions({ asOf: '2024-12-31' }, contract());
    expect(read.given === undefined ? 'none' : Object.keys(read.given)).toEqual(['asOf']);
  });

  it('refused options give nothing back', () => {
    expect(readSettleOptions({ asOf: 'no' }, contract()).given).toBeUndefined();
    expect(readSettleOptions(7, contract()).given).toBeUndefined();
    expect(readSettleOptions(7, contract()).options).toBeUndefined();
  });
});

describe('optionsFingerprintText', () => {
  const checked = (changes: Partial<CheckedOptions> = {}): CheckedOptions => {
    const options = checkOptions({ asOf: '2024-12-31' }, contract()).options;
    if (options === undefined) throw new Error('refused');
    return { ...options, ...changes };
  };
  const previous = (fingerprints: string[], amendedFrom: string[] = []): PreviousPayments => ({ fingerprints, amendedFrom }) as unknown as PreviousPayments;

  it('the defaults: as-of date, detail, indicators, previous fingerprints and record mode, keys sorted', () => {
    expect(optionsFingerprintText({ asOf: '2024-12-31' }, checked(), previous([]))).toBe('{"asOf":"2024-12-31","detail":"totals","indicators":{},"previous":[],"records":"lenient"}');
  });

  it('each option that enters it, and only when set', () => {
    const text = optionsFingerprintText(
      { asOf: 'ignored: the checked date is written', detail: 'participants', indicators: { comparison: { B: '0.38', A: '0.45' } }, maxExcluded: 3, allowEmpty: true },
      checked({ asOf: parseDate('2025-01-31'), records: 'strict', allowFullRecovery: true, evidence: true }),
      previous(['f2', 'f1'], [HEX]),
    );
    expect(text).toBe(
      `{"allowFullRecovery":true,"amendedFrom":["${HEX}"],"asOf":"2025-01-31","detail":"participants","evidenceFingerprint":true,"indicators":{"comparison":{"A":"0.45","B":"0.38"}},"previous":["f2","f1"],"records":"strict"}`,
    );
  });
});

describe('checkOptions where mutants survived the tests above', () => {
  it('a contract that is not a parsed contract: ARGUMENT_INVALID naming the argument', () => {
    let thrown: unknown;
    try {
      checkOptions({ asOf: '2024-12-31' }, 'unit' as unknown as Contract);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ARGUMENT_INVALID', path: ['contract'] });
    expect((thrown as Error).message).toMatch(/^checkOptions: contract must be /);
  });

  it('amendedFrom: an item that only reads as a fingerprint (an array holding one) is refused', () => {
    // String([HEX]) is HEX: only a string item is tested against the pattern
    expect(issuesOf({ asOf: '2024-12-31', amendedFrom: [[HEX]] })).toEqual([
      'OPTIONS_AMENDED_FROM options.amendedFrom: amendedFrom must be an array of contract fingerprints (64 lower-case hex digits, the fingerprint.contract of a settlement)',
    ]);
  });
});
