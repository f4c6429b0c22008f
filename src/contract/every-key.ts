/**
 * Validated values that carry every key of their schema. zod leaves an absent optional key out of
 * its output, and its output objects inherit from `Object.prototype`: reading `period.end` on a
 * contract whose period has no end would then find `Object.prototype.end` if something defined
 * it. {@link withEveryKey} rebuilds a parsed value so that each object holds every key of its
 * schema's shape, `undefined` where the input had none: a read never reaches the prototype.
 *
 * @module
 */
import type { z } from 'zod/mini';
import { hasOwn } from '../own-data.js';

type Schema = z.core.$ZodType;

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
  readonly discriminator?: string;
  readonly valueType?: Schema;
  readonly in?: Schema;
  readonly out?: Schema;
  readonly getter?: () => Schema;
  readonly left?: Schema;
  readonly right?: Schema;
}

const defOf = (schema: Schema): Def => schema._zod.def;

/** The option of a union that `value` was parsed by: by its discriminator, else the first that accepts it. */
function optionOf(def: Def, value: unknown): Schema | undefined {
  const options = def.options ?? [];
  const discriminator = def.discriminator;
  if (discriminator !== undefined && typeof value === 'object' && value !== null) {
    const tag = hasOwn(value, discriminator) ? (value as Record<string, unknown>)[discriminator] : undefined;
    return options.find((option) => option._zod.propValues?.[discriminator]?.has(tag as z.core.util.Primitive) === true);
  }
  return options.find((option) => (option as unknown as { safeParse(input: unknown): { success: boolean } }).safeParse(value).success);
}

/**
 * Sets an own data property, also for a key such as `"__proto__"` (an assignment would set the
 * prototype). The descriptor has no prototype: `Object.defineProperty` reads `get`, `set` and
 * `value` from it with inherited properties too.
 */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  const descriptor = Object.create(null) as PropertyDescriptor;
  descriptor.value = value;
  descriptor.enumerable = true;
  descriptor.writable = true;
  descriptor.configurable = true;
  Object.defineProperty(object, key, descriptor);
}

/**
 * `value` (the output of `schema.parse`) rebuilt so that every object holds every key of its
 * schema's shape: an absent optional key is an own property whose value is `undefined`. Keys in
 * shape order, then (for a schema with a catchall) the other keys the value holds. Lists and
 * records are rebuilt item by item; other values are returned as they are.
 *
 * @example
 * const schema = z.object({ start: z.string(), end: z.optional(z.string()) });
 * const period = withEveryKey(schema, schema.parse({ start: '2024-01-01' }));
 * Object.hasOwn(period, 'end'); // true (its value undefined)
 */
export function withEveryKey<T>(schema: Schema, value: T): T {
  return fill(schema, value) as T;
}

function fill(schema: Schema, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        out[key] = hasOwn(source, key) ? fill(shape[key] as Schema, source[key]) : undefined;
      }
      if (def.catchall !== undefined) {
        for (const key of Object.keys(source)) if (!hasOwn(shape, key)) setOwn(out, key, fill(def.catchall, source[key]));
      }
      return out;
    }
    case 'array':
      return (value as readonly unknown[]).map((item) => fill(def.element as Schema, item));
    case 'record': {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(source)) setOwn(out, key, fill(def.valueType as Schema, source[key]));
      return out;
    }
    case 'union': {
      const option = optionOf(def, value);
      return option === undefined ? value : fill(option, value);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fill(def.innerType as Schema, value);
    case 'pipe':
      return fill(def.out as Schema, value);
    case 'lazy':
      return fill((def.getter as () => Schema)(), value);
    case 'intersection':
      throw new Error('withEveryKey: intersections are not supported');
    default:
      return value;
  }
}
