/**
 * Whether a text is a registered code, from the names alone ({@link ERROR_CODE_NAMES}), so that
 * the core checks codes without carrying their meanings.
 *
 * @module
 */
import type { ErrorCode } from './index.js';
import { ERROR_CODE_NAMES } from './names.js';

/**
 * Whether a text is one of the registered codes.
 *
 * @example
 * isErrorCode('DATE_FORMAT'); // true
 * isErrorCode('NOT_A_CODE');  // false
 */
export function isErrorCode(text: string): text is ErrorCode {
  return typeof text === 'string' && ERROR_CODE_NAMES.has(text);
}
