import { describe, expect, it } from 'vitest';
import { OutcomePayError, isErrorCode } from '../../src/index.js';

/** What `new OutcomePayError(...args)` throws, or undefined if it constructs. */
function refusal(...args: unknown[]): { code: string; message: string } | undefined {
  try {
    new (OutcomePayError as unknown as new (...a: unknown[]) => OutcomePayError)(...args);
    return undefined;
  } catch (error) {
    if (!(error instanceof OutcomePayError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('new OutcomePayError: the code is checked for its form, not looked up in the registry', () => {
  it('keeps a registered code, the message and the path', () => {
    const error = new OutcomePayError('DATE_FORMAT', 'a message', ['options', 'asOf']);
    expect([error.code, error.message, error.path, error.name]).toEqual(['DATE_FORMAT', 'a message', ['options', 'asOf'], 'OutcomePayError']);
    expect(error).toBeInstanceOf(Error);
  });

  it('accepts a code of the right form that the registry does not hold (the registry test checks the library\'s own codes)', () => {
    expect(isErrorCode('SOME_FUTURE_CODE')).toBe(false);
    expect(refusal('SOME_FUTURE_CODE', 'a message')).toBeUndefined();
    expect(refusal('A1_B2', 'a message')).toBeUndefined();
  });

  it('refuses a code that is not UPPER_SNAKE_CASE of two words or more, with ARGUMENT_INVALID naming code', () => {
    for (const code of ['', 'DATE', 'date_format', 'Date_Format', 'DATE-FORMAT', '_DATE_FORMAT', 'DATE_FORMAT_', 'DATE__FORMAT', '1DATE_FORMAT', ' DATE_FORMAT', 'DATE_FORMAT\n', 42, null, undefined]) {
      const refused = refusal(code, 'a message');
      expect(refused?.code, JSON.stringify(code)).toBe('ARGUMENT_INVALID');
      expect(refused?.message, JSON.stringify(code)).toMatch(/^new OutcomePayError: code must be a code in UPPER_SNAKE_CASE/);
    }
  });
});
