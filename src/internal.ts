/**
 * Internals for this repository's own tools (the benchmark, the tests): built to
 * `dist/internal.js` but not in the package's `exports`, so no user can import it by the package
 * name. No stability promise: these change with the engine.
 *
 * @module
 */
export { checkOptions } from './settlement/options.js';
export type { CheckedOptions } from './settlement/options.js';
export { readPrevious } from './settlement/previous.js';
export type { PreviousPayments } from './settlement/previous.js';
export { openSession } from './settlement/session.js';
export type { SettlementSession } from './settlement/session.js';
export { compileOutcomes } from './outcomes/index.js';
