/**
 * The arguments of `investorWaterfall` read defensively: own properties only, amounts re-wrapped
 * in outcome-pay's decimal constructor, a getter or a Proxy that throws reported as an unreadable
 * argument; anything else is `ARGUMENT_INVALID` naming the argument.
 *
 * @module
 */
import { isDateString } from '../calendar/index.js';
import { OutcomePayError } from '../errors.js';
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import { isDecimalString, parseAmount } from '../money/index.js';
import type { InvestorTerms } from './investor-terms.js';
import type { DatedPayment } from './waterfall.js';

const WHERE = 'investorWaterfall';

/** Reads a list argument element by element, turning a throwing getter or Proxy into an unreadable argument. */
function readList<T>(name: string, value: unknown, readOne: (item: unknown, index: number) => T): T[] {
  try {
    if (!Array.isArray(value)) throw invalidArgument(WHERE, name, 'a list', value);
    return (value as readonly unknown[]).map((item, index) => readOne(item, index));
  } catch (error) {
    if (error instanceof OutcomePayError) throw error;
    throw unreadableArgument(WHERE, name, error);
  }
}

/** An own property of a plain object, or undefined. */
const own = (item: Record<string, unknown>, key: string): unknown => (Object.hasOwn(item, key) ? item[key] : undefined);

/**
 * The dated payments, amounts re-wrapped.
 *
 * @example
 * readPayments([{ on: '2025-01-15', amount: parseAmount('10.00') }]);
 */
export function readPayments(value: unknown): DatedPayment[] {
  return readList('payments', value, (item, index) => {
    const name = `payments.${String(index)}`;
    if (!isObjectValue(item)) throw invalidArgument(WHERE, name, 'a payment { on: "YYYY-MM-DD", amount }', item);
    const on = own(item, 'on');
    if (typeof on !== 'string' || !isDateString(on)) throw invalidArgument(WHERE, `${name}.on`, 'a date "YYYY-MM-DD"', on);
    return { on, amount: parseAmount(own(item, 'amount') as string, ['payments', index, 'amount']) };
  });
}

/** A decimal string, or the error naming where it was expected. */
function decimalText(value: unknown, name: string): string {
  if (typeof value !== 'string' || !isDecimalString(value)) throw invalidArgument(WHERE, name, 'a decimal string', value);
  return value;
}

function readCap(value: unknown, name: string): InvestorTerms['returnCap'] {
  if (value === null) return null;
  if (!isObjectValue(value)) throw invalidArgument(WHERE, name, 'null, { kind: "irr", rate } or { kind: "multiple", multiple }', value);
  const kind = own(value, 'kind');
  if (kind === 'irr') return { kind, rate: decimalText(own(value, 'rate'), `${name}.rate`) };
  if (kind === 'multiple') return { kind, multiple: decimalText(own(value, 'multiple'), `${name}.multiple`) };
  throw invalidArgument(WHERE, `${name}.kind`, '"irr" or "multiple"', kind);
}

/**
 * The investors' terms, written as a simulation's `investors` are.
 *
 * @example
 * readInvestorTerms(samples.investors);
 */
export function readInvestorTerms(value: unknown): InvestorTerms[] {
  return readList('investors', value, (item, index) => {
    const name = `investors.${String(index)}`;
    if (!isObjectValue(item)) throw invalidArgument(WHERE, name, 'investor terms { investor, principal, drawdowns, returnCap, guarantee, firstLoss }', item);
    const investor = own(item, 'investor');
    if (typeof investor !== 'string') throw invalidArgument(WHERE, `${name}.investor`, 'an id', investor);
    const firstLoss = own(item, 'firstLoss');
    if (typeof firstLoss !== 'boolean') throw invalidArgument(WHERE, `${name}.firstLoss`, 'true or false', firstLoss);
    const guarantee = own(item, 'guarantee');
    const drawdowns = readList(`${name}.drawdowns`, own(item, 'drawdowns'), (drawdown, k) => {
      const at = `${name}.drawdowns.${String(k)}`;
      if (!isObjectValue(drawdown)) throw invalidArgument(WHERE, at, 'a drawdown { on, amount }', drawdown);
      const on = own(drawdown, 'on');
      if (typeof on !== 'string' || !isDateString(on)) throw invalidArgument(WHERE, `${at}.on`, 'a date "YYYY-MM-DD"', on);
      return { on, amount: decimalText(own(drawdown, 'amount'), `${at}.amount`) };
    });
    return {
      investor,
      principal: decimalText(own(item, 'principal'), `${name}.principal`),
      drawdowns: drawdowns.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
      returnCap: readCap(own(item, 'returnCap'), `${name}.returnCap`),
      guarantee: guarantee === null ? null : decimalText(guarantee, `${name}.guarantee`),
      firstLoss,
    };
  });
}
