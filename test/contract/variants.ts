/** The variants of the contract format's unions, read from the zod schemas themselves. */

/** A zod discriminated union as `variantsOf` reads it: its definition's options. */
export interface VariantUnion {
  readonly def: { readonly options: readonly unknown[] };
}

/**
 * The discriminator values a zod discriminated union accepts, read from the schema's definition
 * (zod/mini schemas keep their options and shape under `def`).
 *
 * @example
 * variantsOf(CapSchema, 'kind'); // ['participant', 'outcome', ...]
 */
export function variantsOf(schema: VariantUnion, discriminator: string): string[] {
  return schema.def.options.map((option) => {
    const shape = (option as { def: { shape: Record<string, { def: { values?: readonly unknown[] } } | undefined> } }).def.shape;
    const values = shape[discriminator]?.def.values;
    const literal = values?.length === 1 ? values[0] : undefined;
    if (typeof literal !== 'string') throw new Error(`no literal ${discriminator}`);
    return literal;
  });
}
