import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { CliUsageError } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './helpers.js';

const spec = { values: ['as-of', 'records'], repeated: ['previous'], flags: ['json'] };

describe('parseArgs', () => {
  it('takes each single-value option once, repeatable options in order, and flags', () => {
    const parsed = parseArgs('settle', ['--as-of', '2025-06-30', '--records=r.csv', '--previous', 'a', '--previous=b', '--json'], spec);
    expect(parsed.values.get('as-of')).toBe('2025-06-30');
    expect(parsed.values.get('records')).toBe('r.csv');
    expect(parsed.repeated.get('previous')).toEqual(['a', 'b']);
    expect(parsed.flags.has('json')).toBe(true);
  });

  it.each([
    [['--as-of', '2025-06-30', '--as-of', '2024-06-30']],
    [['--as-of=2025-06-30', '--as-of', '2025-06-30']],
    [['--records', 'a.csv', '--json', '--records=b.csv']],
  ])('refuses a single-value option given twice: %j', (args) => {
    expect(() => parseArgs('settle', args, spec)).toThrow(CliUsageError);
    expect(() => parseArgs('settle', args, spec)).toThrow(/given twice/);
  });
});

describe('outcome-pay settle with an option given twice', () => {
  it.each(['--as-of', '--records', '--contract'])('%s twice is a usage error (exit 2), whatever the values', async (option) => {
    const values: Record<string, [string, string]> = {
      '--as-of': ['2025-06-30', '2024-06-30'],
      '--records': ['a.csv', 'b.csv'],
      '--contract': ['a.json', 'b.json'],
    };
    const args = new Map([
      ['--contract', 'c.json'],
      ['--records', 'r.csv'],
      ['--as-of', '2025-06-30'],
    ]);
    const argv = ['settle'];
    for (const [name, value] of args) {
      if (name === option) argv.push(name, values[option]?.[0] ?? '', name, values[option]?.[1] ?? '');
      else argv.push(name, value);
    }
    const io = fakeIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.stderrText()).toContain(`settle: ${option} given twice`);
    expect(io.stdoutText()).toBe('');
  });
});
