/** The variants of the contract format's unions, read from the zod schemas themselves. */

/**
 * The discriminator values a zod discriminated union accepts, read from the schema.
 *
 * @example
 * variantsOf(CapSchema, 'kind'); // ['participant', 'outcome', ...]
 */
export function variantsOf(schema: { options: readonly unknown[] }, discriminator: string): string[] {
  return schema.options.map((option) => {
    const shape = (option as { shape: Record<string, { value: unknown }> }).shape;
    const literal = shape[discriminator];
    if (literal === undefined || typeof literal.value !== 'string') throw new Error(`no literal ${discriminator}`);
    return literal.value;
  });
}
