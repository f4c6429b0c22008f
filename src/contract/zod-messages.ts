/**
 * The options of every zod parse of outcome-pay: zod's English messages, given per parse.
 * `zod/mini` installs no messages (a problem would read "Invalid input"), and `z.config` would set
 * them for every user of zod in the process (global state): each parse passes them instead. A
 * message a schema states itself (`{ error: ... }`) still wins over these.
 *
 * @module
 */
import en from 'zod/v4/locales/en.js';
import type { z } from 'zod/mini';

const ENGLISH: z.core.$ZodErrorMap = /* @__PURE__ */ en().localeError;

/**
 * The parse options that give zod's English messages (and, with `reportInput`, the input of each
 * issue). A new object each call: zod writes into the options it is given.
 *
 * @example
 * const parsed = ContractSchema.safeParse(input, inEnglish({ reportInput: true }));
 */
export function inEnglish(options: { readonly reportInput?: boolean } = {}): z.core.ParseContext<z.core.$ZodIssue> {
  return options.reportInput === true ? { error: ENGLISH, reportInput: true } : { error: ENGLISH };
}
