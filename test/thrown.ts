import { OutcomePayError } from '../src/errors.js';

/** What `run` throws, as the plain fields a caller reads: its code, message and path. */
export function thrown(run: () => unknown): { code: string; message: string; path: readonly (string | number)[] } | string {
  try {
    run();
  } catch (error) {
    if (error instanceof OutcomePayError) return { code: error.code, message: error.message, path: error.path };
    return `not an OutcomePayError: ${String(error)}`;
  }
  return 'nothing thrown';
}
