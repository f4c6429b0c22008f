/**
 * Text from the input printed for a person (summary, issue lines, usage errors) cannot act on the
 * terminal: control and bidirectional characters are printed as escapes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';
import { run } from '../../src/cli/dispatch.js';
import { ACTING, fakeIo, type FakeIo } from './helpers.js';


function printed(io: FakeIo): string {
  return io.stdoutText() + io.stderrText();
}

describe('printable', () => {
  it.each([
    ['clear screen', 'A\u001b[2JB', 'A\\u001b[2JB'],
    ['NUL', '{\u0000"', '{\\u0000"'],
    ['newline, tab, carriage return', 'a\nb\tc\rd', 'a\\u000ab\\u0009c\\u000dd'],
    ['DEL and C1 CSI', 'x\u007fy\u009bz', 'x\\u007fy\\u009bz'],
    ['right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
  ])('escapes %s', (_, text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it('leaves printable text alone: accents, dashes, non-Latin scripts, emoji, backslashes', () => {
    const text = 'Région Sud — agence; Ελλάδα; 東京; 💶; C:\\data\\x.csv';
    expect(printable(text)).toBe(text);
  });
});

describe('what the command line prints for a person', () => {
  const contract = JSON.parse(readFileSync('examples/region-sud/contract.json', 'utf8')) as Record<string, unknown>;
  const records = readFileSync('examples/region-sud/records.csv', 'utf8');

  it('--summary: a contract name that would clear the terminal is printed escaped', async () => {
    const hostile = { ...contract, name: 'Convention \u001b[2J\u001b[H\u009b31m \u202eevil' };
    const io = fakeIo({ 'contract.json': JSON.stringify(hostile), 'records.csv': records });
    await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30', '--summary'], io);
    expect(io.stdoutText()).toContain(`Convention \\u001b[2J\\u001b[H\\u009b31m \\u202eevil (${String(contract['id'])})`);
    expect(printed(io)).not.toMatch(ACTING);
  });

  it('issue lines: a participant id and a message quoting it are printed escaped', async () => {
    const bad = 'id,cohort,enrolledOn\n"P\u001b[31m1",2023-A,2023-02-30\n';
    const io = fakeIo({ 'contract.json': JSON.stringify(contract), 'bad.csv': bad });
    expect(await run(['validate', 'contract.json', '--records', 'bad.csv'], io)).toBe(1);
    expect(io.stdoutText()).toContain('participant P\\u001b[31m1');
    expect(printed(io)).not.toMatch(ACTING);
  });

  it('usage and input errors: a file name or a UTF-16 file is printed escaped (no NUL byte on stderr)', async () => {
    const utf16 = Buffer.from(`\ufeff${JSON.stringify(contract)}`, 'utf16le').toString('utf8'); // what a UTF-8 reader makes of it
    const io = fakeIo({ 'c\u001b[2J.json': utf16, 'records.csv': records });
    expect(await run(['validate', 'c\u001b[2J.json'], io)).toBe(1);
    expect(io.stderrText()).toContain('c\\u001b[2J.json');
    expect(printed(io)).not.toMatch(ACTING);
    const usage = fakeIo({ 'x.json': JSON.stringify(contract) });
    expect(await run(['settle', '--contract', 'x.json', '--records', 'r\u009b2J.txt', '--as-of', '2025-06-30'], usage)).toBe(2);
    expect(usage.stderrText()).toContain('r\\u009b2J.txt');
    expect(printed(usage)).not.toMatch(ACTING);
  });
});
