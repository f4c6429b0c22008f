/**
 * A small command-line option parser: `--name value`, `--name=value`, repeatable options and
 * boolean flags, with a usage error for anything unknown, missing or given twice.
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { CliUsageError } from './io.js';

/** What a command accepts. */
export interface OptionSpec {
  /** Options that take a value (`--as-of 2025-06-30`). */
  readonly values?: readonly string[];
  /** Options that take a value and may be repeated (`--previous a.json --previous b.json`). */
  readonly repeated?: readonly string[];
  /** Boolean flags (`--json`). */
  readonly flags?: readonly string[];
  /** How many positional arguments at most. */
  readonly maxPositionals?: number;
}

/** Parsed arguments. */
export interface ParsedArgs {
  /** Positional arguments, in order. */
  readonly positionals: readonly string[];
  /** Option values (each given at most once: a second one is a usage error). */
  readonly values: ReadonlyMap<string, string>;
  /** Repeated option values, in order. */
  readonly repeated: ReadonlyMap<string, readonly string[]>;
  /** Flags that were given. */
  readonly flags: ReadonlySet<string>;
}

/**
 * Parses a command's arguments. Throws {@link CliUsageError} for an unknown option, a missing
 * value, a single-value option given twice (`--as-of` twice: which one was meant is a guess, so
 * neither is taken) or too many positional arguments.
 *
 * @example
 * parseArgs('settle', ['--as-of', '2025-06-30', '--json'], { values: ['as-of'], flags: ['json'] });
 */
export function parseArgs(command: string, args: readonly string[], given: OptionSpec): ParsedArgs {
  // every key read as an own property: one the command does not give is not found on Object.prototype
  const spec = { values: ownValue(given, 'values'), repeated: ownValue(given, 'repeated'), flags: ownValue(given, 'flags'), maxPositionals: ownValue(given, 'maxPositionals') };
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (spec.flags?.includes(name) === true) {
      if (equals !== -1) throw new CliUsageError(`${command}: --${name} takes no value`);
      flags.add(name);
      continue;
    }
    const takesValue = spec.values?.includes(name) === true || spec.repeated?.includes(name) === true;
    if (!takesValue) throw new CliUsageError(`${command}: unknown option --${name}`);
    let value: string | undefined;
    if (equals === -1) {
      value = args[i + 1];
      i += 1;
    } else {
      value = arg.slice(equals + 1);
    }
    if (value === undefined || value === '') throw new CliUsageError(`${command}: --${name} needs a value`);
    if (spec.repeated?.includes(name) === true) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    else if (values.has(name)) {
      throw new CliUsageError(`${command}: --${name} given twice (${JSON.stringify(values.get(name))} and ${JSON.stringify(value)}); give it once`);
    } else values.set(name, value);
  }
  if (positionals.length > (spec.maxPositionals ?? 0)) {
    throw new CliUsageError(`${command}: unexpected argument ${JSON.stringify(positionals[spec.maxPositionals ?? 0])}`);
  }
  return { positionals, values, repeated, flags };
}
