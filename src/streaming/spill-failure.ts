/**
 * The error a spill store's failure travels as, from the id finder to `settleStream`, which turns
 * it into a `STREAM_SPILL_FAILED` issue.
 *
 * @module
 */

/**
 * A spill store operation that rejected (or answered nonsense): what the store was holding, what
 * was being done, and why it failed in the store's own words.
 *
 * @example
 * throw new SpillFailure('writing run 3 (8388608 bytes)', new Error('ENOSPC: no space left on device'));
 */
export class SpillFailure extends Error {
  /** What the store holds: `participant ids` or `data-quality issues`. */
  readonly subject: string;
  /** What the finder asked the store to do, e.g. `reading run 2 at byte 1048576`. */
  readonly operation: string;

  /**
   * @param operation - what was being done
   * @param cause - what the store threw (an Error's message is quoted), or a description
   * @param subject - what the store holds
   */
  constructor(operation: string, cause: unknown, subject = 'participant ids') {
    super(`${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SpillFailure';
    this.subject = subject;
    this.operation = operation;
  }
}

/**
 * Runs one store operation, turning a rejection into a {@link SpillFailure} naming `operation`
 * (and `subject`, what the store holds).
 *
 * @example
 * const run = await spillStep('writing run 0', () => store.writeRun(bytes));
 */
export async function spillStep<T>(operation: string, step: () => Promise<T>, subject?: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof SpillFailure ? error : new SpillFailure(operation, error, subject);
  }
}
