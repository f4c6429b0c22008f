/**
 * Dates for people (src/format/date-text.ts): date-fns with its fr and en-GB locales, the same
 * text in every time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../src/errors.js';
import { dateText } from '../../src/format/index.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dateText', () => {
  it('writes dates in words: 30 juin 2025, 1er juillet 2025, 30 June 2025', () => {
    expect(dateText('2025-06-30', 'fr')).toBe('30 juin 2025');
    expect(dateText('2025-07-01', 'fr')).toBe('1er juillet 2025');
    expect(dateText('2024-02-29', 'fr')).toBe('29 février 2024');
    expect(dateText('2025-08-15', 'fr')).toBe('15 août 2025');
    expect(dateText('2025-12-01', 'fr')).toBe('1er décembre 2025');
    expect(dateText('2025-06-30', 'en')).toBe('30 June 2025');
    expect(dateText('2025-07-01', 'en')).toBe('1 July 2025');
    expect(dateText('0001-01-01', 'en')).toBe('1 January 0001');
    expect(dateText('9999-12-31', 'fr')).toBe('31 décembre 9999');
  });

  it('is the same text in every time zone (a calendar date, not an instant)', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Europe/Paris']) {
      process.env.TZ = tz;
      expect(dateText('2025-01-01', 'fr')).toBe('1er janvier 2025');
      expect(dateText('2025-03-30', 'en')).toBe('30 March 2025'); // the night Paris changes its clocks
    }
  });

  it('refuses text that is no YYYY-MM-DD date, and days the calendar does not have', () => {
    const code = (date: string): string | undefined => {
      try {
        dateText(date, 'fr');
      } catch (error) {
        return error instanceof OutcomePayError ? error.code : 'not an OutcomePayError';
      }
      return undefined;
    };
    expect(code('30/06/2025')).toBe('DATE_FORMAT');
    expect(code('2025-6-30')).toBe('DATE_FORMAT');
    expect(code('2023-02-29')).toBe('DATE_IMPOSSIBLE');
    expect(code('2025-13-01')).toBe('DATE_IMPOSSIBLE');
  });
});
