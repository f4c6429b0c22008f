/**
 * Every choice the contract format offers, read from its zod schema: each discriminated union,
 * each union of alternatives, each enum, each boolean and each optional field, at its path. And
 * the choices a contract makes, read by walking the contract alongside the schema. A union, enum,
 * boolean or optional field added to the format anywhere is found here without any list to keep.
 *
 * Paths read like the document: `rules[]:cohortRate.schedule` is the `schedule` of a payment rule
 * of kind `cohortRate`; `tranches[].outcomes?` is the presence of a tranche's outcome filter.
 */

/** A choice the format offers: where, and the variants it allows. */
export interface ChoicePoint {
  /** Path of the choice, e.g. `caps[]:participant.claimOrder`. */
  readonly path: string;
  /** What kind of choice: a discriminated union, a union of alternatives, an enum, a boolean or an optional field. */
  readonly kind: 'discriminated union' | 'union' | 'enum' | 'boolean' | 'optional';
  /** Every variant allowed (`present`/`absent` for an optional field, `true`/`false` for a boolean). */
  readonly variants: readonly string[];
}

/** The zod 4 definition of a schema, as far as the walk reads it. */
interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly options?: readonly Schema[];
  readonly discriminator?: string;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
}
interface Schema {
  readonly _zod: { readonly def: Def };
}

/** Types with nothing to choose inside them. */
const LEAVES = new Set(['string', 'number', 'int', 'bigint', 'date', 'any', 'unknown', 'null', 'undefined', 'never', 'nan', 'void', 'symbol']);
/** Wrappers that change nothing about the choices inside them. */
const WRAPPERS = new Set(['nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch', 'success']);

function defOf(schema: unknown): Def {
  return (schema as Schema)._zod.def;
}

/** The name of one alternative of a plain (not discriminated) union: its literal value, or its type. */
function alternativeName(option: Schema): string {
  const def = defOf(option);
  if (def.type === 'literal' && def.values?.length === 1) return String(def.values[0]);
  if (def.type === 'array') return 'list';
  return def.type;
}

function discriminatorValue(option: Schema, discriminator: string): string {
  const literal = defOf(option).shape?.[discriminator];
  const values = literal === undefined ? undefined : defOf(literal).values;
  if (values?.length !== 1 || typeof values[0] !== 'string') throw new Error(`an option has no single literal ${discriminator}`);
  return values[0];
}

function unsupported(path: string, def: Def): Error {
  return new Error(`choice points: ${path || '$'} is a zod ${def.type}, which this walk does not read; teach it (test/contract/choice-points.ts)`);
}

/**
 * Every choice point of a schema, in document order.
 *
 * @example
 * choicePoints(ContractSchema).find((p) => p.path === 'caps[]'); // { kind: 'discriminated union', variants: ['participant', ...] }
 */
export function choicePoints(schema: unknown, path = ''): ChoicePoint[] {
  const def = defOf(schema);
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (LEAVES.has(def.type)) return [];
  if (WRAPPERS.has(def.type)) return choicePoints(def.innerType, path);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) => choicePoints(inner, at(key)));
    case 'array':
      return choicePoints(def.element, `${path}[]`);
    case 'optional':
      return [{ path: `${path}?`, kind: 'optional', variants: ['present', 'absent'] }, ...choicePoints(def.innerType, path)];
    case 'pipe':
      return choicePoints(def.in, path);
    case 'boolean':
      return [{ path, kind: 'boolean', variants: ['true', 'false'] }];
    case 'enum':
      return [{ path, kind: 'enum', variants: Object.values(def.entries ?? {}).map(String) }];
    case 'literal':
      return (def.values ?? []).length > 1 ? [{ path, kind: 'enum', variants: (def.values ?? []).map(String) }] : [];
    case 'union': {
      const options = def.options ?? [];
      const discriminator = def.discriminator;
      if (discriminator !== undefined) {
        const variants = options.map((o) => discriminatorValue(o, discriminator));
        return [{ path, kind: 'discriminated union', variants }, ...options.flatMap((o, i) => choicePoints(o, `${path}:${variants[i] ?? ''}`))];
      }
      const variants = options.map(alternativeName);
      return [{ path, kind: 'union', variants }, ...options.flatMap((o, i) => choicePoints(o, `${path}:${variants[i] ?? ''}`))];
    }
    default:
      throw unsupported(path, def);
  }
}

/** Which alternative of a plain union a value takes (the first that matches its shape). */
function alternativeOf(options: readonly Schema[], value: unknown): number {
  return options.findIndex((option) => {
    const def = defOf(option);
    if (def.type === 'literal') return (def.values ?? []).includes(value);
    if (def.type === 'array') return Array.isArray(value);
    if (def.type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
    return typeof value === def.type;
  });
}

/**
 * The choices a value makes: one `path → variant` pair for each choice point it reaches (repeats
 * for arrays). The value must be valid under the schema.
 *
 * @example
 * choicesIn(ContractSchema, contract); // [['rounding', 'half-even'], ['parties.investors?', 'absent'], ...]
 */
export function choicesIn(schema: unknown, value: unknown, path = ''): [string, string][] {
  const def = defOf(schema);
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (LEAVES.has(def.type)) return [];
  if (WRAPPERS.has(def.type)) return value === undefined || value === null ? [] : choicesIn(def.innerType, value, path);
  switch (def.type) {
    case 'object': {
      const object = value as Readonly<Record<string, unknown>>;
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) => choicesIn(inner, Object.hasOwn(object, key) ? object[key] : undefined, at(key)));
    }
    case 'array':
      return (value as readonly unknown[]).flatMap((element) => choicesIn(def.element, element, `${path}[]`));
    case 'optional':
      return value === undefined ? [[`${path}?`, 'absent']] : [[`${path}?`, 'present'], ...choicesIn(def.innerType, value, path)];
    case 'pipe':
      return choicesIn(def.in, value, path);
    case 'boolean':
      return [[path, String(value)]];
    case 'enum':
      return [[path, String(value)]];
    case 'literal':
      return (def.values ?? []).length > 1 ? [[path, String(value)]] : [];
    case 'union': {
      const options = def.options ?? [];
      const discriminator = def.discriminator;
      if (discriminator !== undefined) {
        const variant = String((value as Readonly<Record<string, unknown>>)[discriminator]);
        const option = options.find((o) => discriminatorValue(o, discriminator) === variant);
        if (option === undefined) throw new Error(`${path}: no option ${variant}`);
        return [[path, variant], ...choicesIn(option, value, `${path}:${variant}`)];
      }
      const index = alternativeOf(options, value);
      const option = options[index];
      if (option === undefined) throw new Error(`${path}: no alternative matches ${JSON.stringify(value)}`);
      const name = alternativeName(option);
      return [[path, name], ...choicesIn(option, value, `${path}:${name}`)];
    }
    default:
      throw unsupported(path, def);
  }
}
