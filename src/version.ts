/**
 * The library version, written into every settlement fingerprint. A test checks that it
 * matches package.json.
 *
 * @example
 * console.log(VERSION); // '0.1.0'
 */
export const VERSION = '0.1.0';
