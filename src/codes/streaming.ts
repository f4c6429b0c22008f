/**
 * The codes of streamed settlements (`settleStream`, the id stores that spill to temporary
 * files): the issues a stream can end with, and the errors thrown when the stream API is misused.
 *
 * @module
 */

/**
 * Every code of streamed settlement, with a one-line meaning.
 *
 * @example
 * STREAMING_CODES.STREAM_CHANGED; // 'the records source gave other records on its second read ...'
 */
export const STREAMING_CODES = {
  STREAM_CHANGED: 'the records source gave other records on its second read (it changed while being settled)',
  STREAM_NOT_REPEATABLE: 'a single-use records source holds a repeated id, which needs a second read',
  STREAM_SPILL_FAILED: 'the temporary files of a long stream could not be written or read',
  STREAM_SETTINGS: 'settleStream was given settings of the wrong type or out of range (thrown)',
  STREAM_IDS_DONE: 'an id was added to a stream id set after its candidates were taken (thrown; a bug in a caller)',
  SPILL_SIZE: 'a spill store size setting is not a whole number in range (thrown)',
  SPILL_IDS_DONE: 'an id was added to a spilled id set after repeats() was called (thrown)',
  SPILL_BUFFER_FULL: 'an id was added to a full spill buffer without awaiting flush() (thrown)',
} as const;

/**
 * One of the streaming codes.
 *
 * @example
 * const code: StreamingCode = 'STREAM_CHANGED';
 */
export type StreamingCode = keyof typeof STREAMING_CODES;
