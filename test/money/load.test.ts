/**
 * The money modules load, and outcome-pay's own decimal constructor is configured as its doc says.
 * The import is inside the test on purpose: a module that fails to load then fails this test
 * (an import at the top of a file that fails would leave the file with no test at all).
 */
import { expect, it } from 'vitest';

it('loads the money folder, whose amounts print every digit without an exponent', async () => {
  const money = await import('../../src/money/index.js');
  // decimal.js's defaults would print these as 1e-7 and 1e+21.
  expect(String(money.parseAmount('0.0000001'))).toBe('0.0000001');
  expect(String(money.parseAmount('1000000000000000000000'))).toBe('1000000000000000000000');
  // 60 significant digits: 1/3 to 60 threes.
  expect(money.parseAmount('1').dividedBy(3).toFixed()).toBe(`0.${'3'.repeat(60)}`);
  expect(money.minorUnits('AED')).toBe(2);
  expect(money.knownCurrencies()).toHaveLength(166);
});
