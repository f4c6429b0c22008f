import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { roundToIncrement } from '../../src/money/increment.js';

const round = (value: string, increment: string, mode: Parameters<typeof roundToIncrement>[2]): string =>
  roundToIncrement(parseAmount(value), parseAmount(increment), mode).toFixed();

describe('roundToIncrement', () => {
  it('rounds to a multiple of the increment with the mode (figures worked by hand)', () => {
    // Buenos Aires: 42116 × 1.4 = 58962.4, up to a whole peso
    expect(round('58962.4', '1', 'up')).toBe('58963');
    expect(round('58962.4', '1', 'down')).toBe('58962');
    expect(round('58962.4', '1', 'half-up')).toBe('58962');
    // 1750 = 17.5 hundreds: a tie
    expect(round('1750', '100', 'half-even')).toBe('1800');
    expect(round('1650', '100', 'half-even')).toBe('1600');
    expect(round('1650', '100', 'half-up')).toBe('1700');
    expect(round('1650', '100', 'half-down')).toBe('1600');
    // five cents: 10.024 = 200.48 twentieths → 200 → 10.00; 10.025 = 200.5 → half-even 200, half-up 201 → 10.05
    expect(round('10.024', '0.05', 'half-even')).toBe('10');
    expect(round('10.025', '0.05', 'half-even')).toBe('10');
    expect(round('10.025', '0.05', 'half-up')).toBe('10.05');
    // an exact multiple is never moved
    expect(round('58963', '1', 'up')).toBe('58963');
    // negative values: up and down are away from and towards zero, ceiling and floor towards +∞ and −∞
    expect(round('-58962.4', '1', 'up')).toBe('-58963');
    expect(round('-58962.4', '1', 'ceiling')).toBe('-58962');
    expect(round('-58962.4', '1', 'floor')).toBe('-58963');
    expect(round('-0.4', '1', 'down')).toBe('0');
  });

  it('refuses an increment that is not above zero', () => {
    expect(() => roundToIncrement(parseAmount('1'), parseAmount('0'), 'up')).toThrow(expect.objectContaining({ code: 'ARGUMENT_INVALID' }));
    expect(() => roundToIncrement(parseAmount('1'), parseAmount('-1'), 'up')).toThrow(expect.objectContaining({ code: 'ARGUMENT_INVALID' }));
  });
});
