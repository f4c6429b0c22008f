/**
 * Internals for this repository's own tools (the benchmark, the tests): built to
 * `dist/internal.js` but not in the package's `exports`, so no user can import it by the package
 * name. No stability promise: these change with the engine.
 *
 * @module
 */
export { checkOptions } from './settlement/index.js';
export type { CheckedOptions } from './settlement/index.js';
export { readPrevious } from './settlement/index.js';
export type { PreviousPayments } from './settlement/index.js';
export { openSession } from './settlement/index.js';
export type { SettlementSession } from './settlement/index.js';
export { compileOutcomes } from './outcomes/index.js';
