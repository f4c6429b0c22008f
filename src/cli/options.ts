/**
 * What the command line's option values are checked for beyond what commander does: a
 * single-value option given twice is a usage error (commander keeps the last one silently), an
 * empty value too, and repeatable options collect their values in order. With typed readers of
 * the parsed values.
 *
 * @module
 */
import { InvalidArgumentError } from 'commander';
import { CliUsageError } from './io.js';

/** Option values as commander parsed them, by attribute name (`asOf` for `--as-of`). */
export type OptionValues = Readonly<Record<string, unknown>>;

function nonEmpty(command: string, flag: string, value: string): string {
  if (value === '') throw new CliUsageError(`${command}: ${flag} needs a value`);
  return value;
}

/**
 * The value parser of an option given at most once: a second occurrence is a usage error naming
 * both values (which one was meant is a guess, so neither is taken), an empty value too; with
 * `choices`, any other value is refused by commander's invalid-argument error.
 *
 * @example
 * new Command('settle').option('--as-of <YYYY-MM-DD>', 'the date', once('settle', '--as-of'));
 */
export function once(command: string, flag: string, choices?: readonly string[]): (value: string, previous: unknown) => string {
  return (value, previous) => {
    if (typeof previous === 'string') {
      throw new CliUsageError(`${command}: ${flag} given twice (${JSON.stringify(previous)} and ${JSON.stringify(value)}); give it once`);
    }
    if (choices !== undefined && !choices.includes(value)) {
      throw new InvalidArgumentError(`It takes ${choices.map((choice) => JSON.stringify(choice)).join(' or ')}.`);
    }
    return nonEmpty(command, flag, value);
  };
}

/**
 * The value parser of a repeatable option: its values in the order given.
 *
 * @example
 * new Command('settle').option('--previous <file>', 'a settlement paid', repeatable('settle', '--previous'));
 */
export function repeatable(command: string, flag: string): (value: string, previous: unknown) => string[] {
  return (value, previous) => [...(Array.isArray(previous) ? previous.filter((item): item is string => typeof item === 'string') : []), nonEmpty(command, flag, value)];
}

/**
 * The value of a single-value option, or undefined when it was not given.
 *
 * @example
 * textOption({ asOf: '2025-06-30' }, 'asOf'); // '2025-06-30'
 */
export function textOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The value of an option declared with commander's `requiredOption`, which refuses a command line
 * without it before the command runs (so its absence here is a bug).
 *
 * @example
 * requiredText({ asOf: '2025-06-30' }, 'asOf'); // '2025-06-30'
 */
export function requiredText(options: OptionValues, name: string): string {
  const value = textOption(options, name);
  if (value === undefined) throw new Error(`option ${name} is required, and commander did not refuse its absence`);
  return value;
}

/**
 * The values of a repeatable option, or undefined when it was not given.
 *
 * @example
 * listOption({ previous: ['q1.json', 'q2.json'] }, 'previous'); // ['q1.json', 'q2.json']
 */
export function listOption(options: OptionValues, name: string): string[] | undefined {
  const value = options[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/**
 * Whether a flag was given.
 *
 * @example
 * flagOption({ summary: true }, 'summary'); // true
 */
export function flagOption(options: OptionValues, name: string): boolean {
  return options[name] === true;
}

/**
 * A whole number option in [min, max] (`fallback` when not given), or a usage error naming the
 * command and the flag.
 *
 * @example
 * wholeNumberOption('simulate', '500', '--runs', 1000, 1, 10_000_000); // 500
 */
export function wholeNumberOption(command: string, text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new CliUsageError(`${command}: ${flag} takes a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  return value;
}
