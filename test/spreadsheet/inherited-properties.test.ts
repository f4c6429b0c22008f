/**
 * settlementCsv reads own properties only (docs/reliability.md, "Inherited properties"): with any
 * optional field of a settlement document (and a few more names) defined on `Object.prototype`
 * (non-enumerable, as `Object.defineProperty` does by default), the files of a settlement that
 * lacks those fields are byte for byte the clean ones, in both locales; nothing throws.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Settlement } from '../../src/index.js';
import { settlementCsv } from '../../src/spreadsheets.js';

/** The example's expected settlement: no participants listed, no issuesDelivered, decisions at risk present. */
const SETTLEMENT = JSON.parse(readFileSync('examples/region-sud/expected-settlement.json', 'utf8')) as Settlement;

const NAMES = ['participants', 'issuesDelivered', 'decisionsAtRisk', 'locale', 'recordIndex', 'line', 'participantId', 'action', 'other', 'share', 'cohort'];
const VALUES: readonly unknown[] = [['=X'], 5, '=1+2', 'fr', null];

describe('settlementCsv and Object.prototype', () => {
  const clean = { en: settlementCsv(SETTLEMENT), fr: settlementCsv(SETTLEMENT, { locale: 'fr' }) };

  it('the example lacks the optional fields polluted below (so the test means something)', () => {
    const first = SETTLEMENT.tranches[0]?.lines[0];
    expect(first === undefined ? true : Object.hasOwn(first, 'participants')).toBe(false);
    expect(Object.hasOwn(SETTLEMENT.dataQuality, 'issuesDelivered')).toBe(false);
  });

  it.each(NAMES.flatMap((name) => VALUES.map((value) => [name, value] as const)))('%s = %j on Object.prototype changes nothing', (name, value) => {
    Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true, enumerable: false });
    try {
      expect(settlementCsv(SETTLEMENT)).toEqual(clean.en);
      expect(settlementCsv(SETTLEMENT, {})).toEqual(clean.en);
      expect(settlementCsv(SETTLEMENT, { locale: 'fr' })).toEqual(clean.fr);
    } finally {
      Reflect.deleteProperty(Object.prototype, name);
    }
  });
});
