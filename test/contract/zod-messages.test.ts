/**
 * The English messages outcome-pay gives the problems zod finds (src/contract/zod-messages.ts):
 * one schema per kind of issue, and the message written out here by hand.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { inEnglish } from '../../src/contract/zod-messages.js';

function messageOf(schema: z.ZodMiniType, value: unknown): string {
  const parsed = schema.safeParse(value, inEnglish());
  if (parsed.success) throw new Error('expected a problem');
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' | ');
}

describe('the English messages of zod problems', () => {
  it('a wrong type names the kind expected (with its article) and the value found', () => {
    expect(messageOf(z.object({ id: z.string() }), { id: 1 })).toBe('id: expected a string, got the number 1');
    expect(messageOf(z.object({ n: z.number() }), { n: '2' })).toBe('n: expected a number, got the string "2"');
    expect(messageOf(z.object({ list: z.array(z.string()) }), { list: {} })).toBe('list: expected a list, got an object');
    expect(messageOf(z.object({ o: z.object({}) }), { o: [] })).toBe('o: expected an object, got an array');
  });

  it('a missing field says so', () => {
    expect(messageOf(z.object({ id: z.string() }), {})).toBe('id: missing (a string expected)');
  });

  it('a value outside a list of literals lists them', () => {
    expect(messageOf(z.object({ from: z.enum(['enrolment', 'exit']) }), { from: true })).toBe('from: expected one of "enrolment", "exit", got true');
    expect(messageOf(z.literal('1.0'), '2.0')).toBe(': expected "1.0", got the string "2.0"');
  });

  it('an unknown discriminator lists the kinds and names the value found', () => {
    const schema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]);
    expect(messageOf(schema, { kind: 3 })).toBe('kind: expected one of "a", "b", got the number 3');
    expect(messageOf(schema, {})).toBe('kind: expected one of "a", "b", got undefined');
  });

  it('bounds say at least / at most / more than / less than, with the unit of what is counted', () => {
    expect(messageOf(z.array(z.string()).check(z.minLength(1)), [])).toBe(': an array is too small: at least 1 item(s) expected');
    expect(messageOf(z.string().check(z.maxLength(3)), 'abcd')).toBe(': the string "abcd" is too big: at most 3 character(s) expected');
    expect(messageOf(z.number().check(z.positive()), 0)).toBe(': the number 0 is too small: more than 0 expected');
    expect(messageOf(z.number().check(z.lt(5)), 5)).toBe(': the number 5 is too big: less than 5 expected');
  });

  it('a pattern without its own message is a predicate; a pattern with one keeps it', () => {
    expect(messageOf(z.string().check(z.regex(/^a/u)), 'b')).toBe(': does not have the expected form');
    expect(messageOf(z.string().check(z.regex(/^a/u, { error: 'must start with a' })), 'b')).toBe(': must start with a');
  });

  it('unknown keys, unions, multiples', () => {
    expect(messageOf(z.strictObject({}), { kindd: 1 })).toBe(': unknown key(s) "kindd" (check the spelling)');
    expect(messageOf(z.union([z.string(), z.number()]), true)).toBe(': true matches none of the allowed forms');
    expect(messageOf(z.number().check(z.multipleOf(5)), 7)).toBe(': the number 7 is not a multiple of 5');
  });
});
