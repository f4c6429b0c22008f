/**
 * Rate specifications (src/settlement/rate-specs.ts): their keys, deduplication in first-use
 * order, the indexes they resolve to, and `enrolledBy` read only as an own property.
 */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/calendar/index.js';
import { collectRateSpecs, rateSpecIndex, rateSpecKey, type RateUse } from '../../../src/settlement/rate-specs.js';

const outcomeIndex = new Map([
  ['placement', 0],
  ['retention', 1],
  ['completion', 2],
]);

describe('rateSpecKey', () => {
  it('names the outcome and the denominator, and the enrolment limit when there is one', () => {
    expect(rateSpecKey('placement', { kind: 'enrolled' })).toBe('placement/enrolled');
    expect(rateSpecKey('retention', { kind: 'placed', outcome: 'placement' })).toBe('retention/placed:placement');
    expect(rateSpecKey('retention', { kind: 'achieved', outcome: 'completion' }, '2024-06-30')).toBe('retention/achieved:completion@2024-06-30');
    expect(rateSpecKey('placement', { kind: 'enrolled' }, '2024-01-01')).toBe('placement/enrolled@2024-01-01');
  });
});

describe('collectRateSpecs', () => {
  it('keeps the first use of each key, in order, with the indexes resolved', () => {
    const uses: RateUse[] = [
      { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' } },
      { outcome: 'placement', denominator: { kind: 'enrolled' } },
      { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' } }, // same key: dropped
      { outcome: 'retention', denominator: { kind: 'completed', outcome: 'completion' }, enrolledBy: '2024-06-30' },
      { outcome: 'placement', denominator: { kind: 'enrolled' }, enrolledBy: undefined }, // same key as the second
    ];
    const specs = collectRateSpecs(uses, outcomeIndex);
    expect(specs).toEqual([
      { key: 'retention/placed:placement', outcome: 1, basis: 'placed', entryOutcome: 0, enrolledBy: Number.MAX_SAFE_INTEGER },
      { key: 'placement/enrolled', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER },
      { key: 'retention/completed:completion@2024-06-30', outcome: 1, basis: 'completed', entryOutcome: 2, enrolledBy: parseDate('2024-06-30') },
    ]);
  });

  it('an outcome it does not know resolves to -1, numerator and entry alike', () => {
    const specs = collectRateSpecs([{ outcome: 'unknown', denominator: { kind: 'achieved', outcome: 'other' } }], outcomeIndex);
    expect(specs).toEqual([{ key: 'unknown/achieved:other', outcome: -1, basis: 'achieved', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER }]);
  });

  it('the same rate with and without an enrolment limit is two specifications', () => {
    const specs = collectRateSpecs(
      [
        { outcome: 'placement', denominator: { kind: 'enrolled' }, enrolledBy: '2024-03-31' },
        { outcome: 'placement', denominator: { kind: 'enrolled' } },
      ],
      outcomeIndex,
    );
    expect(specs.map((spec) => spec.key)).toEqual(['placement/enrolled@2024-03-31', 'placement/enrolled']);
  });

  it('an inherited enrolledBy is not read', () => {
    const inherited = Object.create({ enrolledBy: '2024-03-31' }) as RateUse & { outcome: string };
    Object.assign(inherited, { outcome: 'placement', denominator: { kind: 'enrolled' } });
    expect(collectRateSpecs([inherited], outcomeIndex)).toEqual([
      { key: 'placement/enrolled', outcome: 0, basis: 'enrolled', entryOutcome: -1, enrolledBy: Number.MAX_SAFE_INTEGER },
    ]);
    expect(rateSpecIndex(collectRateSpecs([{ outcome: 'placement', denominator: { kind: 'enrolled' } }], outcomeIndex), inherited)).toBe(0);
  });
});

describe('rateSpecIndex', () => {
  // collected inside each test, never while the file loads (a mutation run counts code run at load as covered by no test)
  const specs = () => collectRateSpecs(
    [
      { outcome: 'placement', denominator: { kind: 'enrolled' } },
      { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' } },
      { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' }, enrolledBy: '2024-06-30' },
    ],
    outcomeIndex,
  );
  it('finds a use by its key, the enrolment limit included', () => {
    expect(rateSpecIndex(specs(), { outcome: 'placement', denominator: { kind: 'enrolled' } })).toBe(0);
    expect(rateSpecIndex(specs(), { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' } })).toBe(1);
    expect(rateSpecIndex(specs(), { outcome: 'retention', denominator: { kind: 'placed', outcome: 'placement' }, enrolledBy: '2024-06-30' })).toBe(2);
  });
  it('-1 for a use it does not hold', () => {
    expect(rateSpecIndex(specs(), { outcome: 'retention', denominator: { kind: 'enrolled' } })).toBe(-1);
    expect(rateSpecIndex(specs(), { outcome: 'placement', denominator: { kind: 'enrolled' }, enrolledBy: '2024-06-30' })).toBe(-1);
  });
});
