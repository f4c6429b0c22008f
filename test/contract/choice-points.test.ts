import { z } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { CapSchema, ContractSchema } from '../../src/contract/index.js';
import { choicePoints, choicesIn } from './choice-points.js';

const Pay = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('fixed'), amount: z.string() }), z.strictObject({ kind: z.literal('none') })]);
const Doc = z.strictObject({
  mode: z.enum(['a', 'b']),
  items: z.array(z.strictObject({ pay: Pay, strict: z.boolean(), note: z.optional(z.string()) })),
  types: z.union([z.literal('any'), z.array(z.string()).check(z.minLength(1))]),
});

describe('choice points of a schema', () => {
  it('lists each discriminated union, union, enum, boolean and optional field at its path', () => {
    expect(choicePoints(Doc)).toEqual([
      { path: 'mode', kind: 'enum', variants: ['a', 'b'] },
      { path: 'items[].pay', kind: 'discriminated union', variants: ['fixed', 'none'] },
      { path: 'items[].strict', kind: 'boolean', variants: ['true', 'false'] },
      { path: 'items[].note?', kind: 'optional', variants: ['present', 'absent'] },
      { path: 'types', kind: 'union', variants: ['any', 'list'] },
    ]);
  });

  it('notices a variant, a union or an optional field added anywhere', () => {
    const Wider = z.extend(Doc, {
      items: z.array(
        z.strictObject({
          pay: z.discriminatedUnion('kind', [...Pay.def.options, z.strictObject({ kind: z.literal('bonus'), rate: z.enum(['low', 'high']) })]),
          strict: z.boolean(),
          note: z.optional(z.string()),
          cap: z.optional(z.string()),
        }),
      ),
    });
    const paths = choicePoints(Wider).map((p) => `${p.path} ${p.variants.join('|')}`);
    expect(paths).toContain('items[].pay fixed|none|bonus');
    expect(paths).toContain('items[].pay:bonus.rate low|high');
    expect(paths).toContain('items[].cap? present|absent');
  });

  it('refuses a zod type it does not read, rather than skipping the choices inside it', () => {
    expect(() => choicePoints(z.object({ byId: z.record(z.string(), Pay) }))).toThrow(/byId is a zod record/);
    expect(() => choicePoints(z.object({ pair: z.tuple([z.string(), Pay]) }))).toThrow(/pair is a zod tuple/);
  });

  it('reads the choices a value makes, array elements and alternatives included', () => {
    const value = { mode: 'b', items: [{ pay: { kind: 'fixed', amount: '1' }, strict: true }, { pay: { kind: 'none' }, strict: false, note: 'x' }], types: ['permanent'] };
    expect(Doc.safeParse(value).success).toBe(true);
    expect(choicesIn(Doc, value)).toEqual([
      ['mode', 'b'],
      ['items[].pay', 'fixed'],
      ['items[].strict', 'true'],
      ['items[].note?', 'absent'],
      ['items[].pay', 'none'],
      ['items[].strict', 'false'],
      ['items[].note?', 'present'],
      ['types', 'list'],
    ]);
  });

  it('finds the unions of the contract format with their variants, read from the schemas', () => {
    const points = new Map(choicePoints(ContractSchema).map((p) => [p.path, p.variants]));
    expect(points.get('caps[]')).toEqual(CapSchema.def.options.map((o) => o.def.shape.kind.def.values[0]));
    expect(points.get('outcomes[]:placement.contractTypes')).toEqual(['any', 'list']);
    expect(points.get('outcomes[]:milestone.within.from')).toEqual(['enrolment', 'exit']);
    expect(points.get('caps[]:participant.partialPayment')).toEqual(['true', 'false']);
    expect(points.get('tranches[].outcomes?')).toEqual(['present', 'absent']);
    expect(points.get('exitClauses[].effect:completeEarly.payOnExit')).toEqual(['earnedToDate', 'earnedToDatePlusFixed', 'fixed', 'nothing']);
  });
});
