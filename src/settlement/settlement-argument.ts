/**
 * A settlement document given to a function of the API (a spreadsheet, a report), read as plain
 * own data and checked against the document's schema, or refused with `ARGUMENT_INVALID`.
 *
 * @module
 */
import { OutcomePayError } from '../errors.js';
import { invalidArgument, isObjectValue, unreadableArgument } from '../guard.js';
import { isKnownCurrency, minorUnits } from '../money/index.js';
import { ownData } from '../own-data.js';
import { checkSettlementShape } from './settlement-schema.js';
import type { Settlement } from './types.js';

const EXPECTED = 'a settlement document as settle returns it (its value when ok)';

/**
 * The settlement as plain own data, checked against the document's schema (amounts canonical in
 * its currency). Throws `ARGUMENT_INVALID` naming `where` and the first problem otherwise.
 *
 * @example
 * const checked = settlementArgument('settlementCsv', settlement);
 */
export function settlementArgument(where: string, value: unknown): Settlement {
  if (!isObjectValue(value)) throw invalidArgument(where, 'settlement', EXPECTED, value);
  let document: unknown;
  try {
    // plain data, own properties only: nothing inherited or computed by a getter is read
    document = ownData(structuredClone(value));
  } catch (error) {
    throw unreadableArgument(where, 'settlement', error);
  }
  const contract = isObjectValue(document) ? document['contract'] : undefined;
  const currency = isObjectValue(contract) ? contract['currency'] : undefined;
  if (!isKnownCurrency(currency)) throw invalidArgument(where, 'settlement', `${EXPECTED}, in a known currency`, value);
  const shape = checkSettlementShape(document, minorUnits(currency), ['settlement']);
  if (shape.value === undefined) {
    const [first] = shape.issues;
    const more = shape.issues.length > 1 ? ` (and ${String(shape.issues.length - 1)} more problems)` : '';
    throw new OutcomePayError('ARGUMENT_INVALID', `${where}: settlement is not ${EXPECTED}: ${first?.message ?? 'it does not match'}${more}`, ['settlement']);
  }
  return shape.value;
}
