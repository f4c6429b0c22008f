import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactList, NO_ITEMS } from '../../src/records/record-build.js';

/*
 * exactList is a memory layout step only: the list it returns holds the same items in the same
 * order as the list it was given, is a list of its own (a later push on the input does not reach
 * a record), and is the shared frozen empty list when there is nothing in it.
 */
describe('exactList', () => {
  it('keeps every item in order, in a list of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.record({ on: fc.integer() }))), (items) => {
        const input = [...items];
        const list = exactList(input);
        expect(list).toStrictEqual(items);
        for (let i = 0; i < items.length; i++) expect(list[i]).toBe(input[i]);
        input.push(0);
        expect(list).toHaveLength(items.length);
      }),
    );
  });

  it('gives the shared frozen empty list for no items', () => {
    expect(exactList([])).toBe(NO_ITEMS);
    expect(Object.isFrozen(exactList([]))).toBe(true);
  });

  it('copies a list of one spell-like item', () => {
    const spell = { start: 19_360 };
    const input = [spell];
    const list = exactList(input);
    expect(list).not.toBe(input);
    expect(list[0]).toBe(spell);
  });
});
