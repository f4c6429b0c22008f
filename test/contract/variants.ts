/** The variants of the contract format's unions, read from the zod schemas themselves. */

/**
 * The discriminator values a zod discriminated union accepts, read from the schema.
 *
 * @example
 * variantsOf(CapSchema, 'kind'); // ['participant', 'outcome', ...]
 */
export function variantsOf(schema: { options: readonly unknown[] }, discriminator: string): string[] {
  return schema.options.map((option) => {
    const shape = (option as { shape: Record<string, { value?: unknown; _zod?: { def?: { values?: readonly unknown[] } } }> }).shape;
    const literal = shape[discriminator];
    // a classic zod literal has `value`; a zod/mini one only its definition's `values`
    const value = literal?.value ?? literal?._zod?.def?.values?.[0];
    if (typeof value !== 'string') throw new Error(`no literal ${discriminator}`);
    return value;
  });
}
