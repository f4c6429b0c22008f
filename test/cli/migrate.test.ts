import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/cli/node-io.js';
import { run } from '../../src/cli/dispatch.js';
import { fakeIo } from './helpers.js';

const v1 = readFileSync('test/fixtures/v1/examples/region-sud/contract.json', 'utf8');
const v2 = readFileSync('examples/region-sud/contract.json', 'utf8');
const files = {
  'v1.json': v1,
  'v2.json': v2,
  'invalid-v1.json': v1.replace('"mode": "flat"', '"mode": "flatt"'),
  'broken.json': '{ "schemaVersion": ',
  'records.ndjson': readFileSync('examples/region-sud/records.ndjson', 'utf8'),
};

/** A fake io whose createFile keeps what is written, by path. */
function writing(): ReturnType<typeof fakeIo> & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return Object.assign(fakeIo(files), {
    written,
    createFile: (path: string) => {
      if (path.startsWith('/nonexistent/')) return Promise.reject(Object.assign(new Error('no such directory'), { code: 'ENOENT' }));
      written.set(path, '');
      return Promise.resolve({
        write: (text: string) => void written.set(path, (written.get(path) ?? '') + text),
        close: () => Promise.resolve(),
        discard: () => Promise.resolve(),
      });
    },
  });
}

describe('outcome-pay migrate', () => {
  it('prints a 1.0 contract in 2.0 (the committed 2.0 example, byte for byte) and says what it renamed on stderr', async () => {
    const io = fakeIo(files);
    expect(await run(['migrate', '--contract', 'v1.json'], io)).toBe(0);
    expect(io.stdoutText()).toBe(v2);
    expect(io.stderrText()).toMatch(/^v1\.json: schemaVersion "1\.0" rewritten as "2\.0": 7 discriminators renamed "kind" \(outcomes\[2\]\.measure\.mode, .*and 3 more\)\n$/);
  });

  it('--out writes the file and reports on stdout; a 2.0 contract is given back unchanged', async () => {
    const io = writing();
    expect(await run(['migrate', '--contract', 'v1.json', '--out', 'new.json'], io)).toBe(0);
    expect(io.written.get('new.json')).toBe(v2);
    expect(io.stdoutText()).toMatch(/^v1\.json: schemaVersion "1\.0" rewritten as "2\.0": .*; written to new\.json\n$/);
    const again = writing();
    expect(await run(['migrate', '--contract', 'v2.json', '--out', 'same.json'], again)).toBe(0);
    expect(again.written.get('same.json')).toBe(v2);
    expect(again.stdoutText()).toBe('v2.json: already schemaVersion "2.0": nothing to change; written to same.json\n');
  });

  it('rewrites a file in place on the file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-pay-migrate-'));
    try {
      const path = join(dir, 'contract.json');
      writeFileSync(path, v1);
      const io = Object.assign(fakeIo(), { readFile: nodeIo().readFile, createFile: nodeIo().createFile });
      expect(await run(['migrate', '--contract', path, '--out', path], io)).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe(v2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an invalid contract: every problem on stderr with its path as written, nothing written, exit 1', async () => {
    const io = writing();
    expect(await run(['migrate', '--contract', 'invalid-v1.json', '--out', 'new.json'], io)).toBe(1);
    expect(io.stderrText()).toMatch(/^CONTRACT_UNKNOWN_KIND at rules\[3\]\.groupPricing\.mode: .*\nmigrate: 1 problem found; nothing was written\n$/);
    expect(io.written.size).toBe(0);
    expect(io.stdoutText()).toBe('');
    const broken = writing();
    expect(await run(['migrate', '--contract', 'broken.json'], broken)).toBe(1);
    expect(broken.stderrText()).toContain('JSON_SYNTAX');
  });

  it('a file that cannot be read or written is a usage error naming it (exit 2); --contract is required', async () => {
    const missing = writing();
    expect(await run(['migrate', '--contract', 'nope.json'], missing)).toBe(2);
    expect(missing.stderrText()).toContain('cannot read contract file "nope.json"');
    const unwritable = writing();
    expect(await run(['migrate', '--contract', 'v1.json', '--out', '/nonexistent/x.json'], unwritable)).toBe(2);
    expect(unwritable.stderrText()).toContain('cannot write contract file "/nonexistent/x.json" (ENOENT)');
    const none = writing();
    expect(await run(['migrate'], none)).toBe(2);
    expect(none.stderrText()).toContain("required option '--contract <file>' not specified");
  });
});

describe('validate and settle read a 1.0 contract, with a notice on stderr', () => {
  const notice = /^outcome-pay: v1\.json: schemaVersion "1\.0" read as "2\.0": 7 discriminators renamed "kind" \(.*\); outcome-pay migrate rewrites the file\n/;

  it('validate: valid, the notice on stderr (also with --json, whose answer is unchanged)', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', '--contract', 'v1.json'], io)).toBe(0);
    expect(io.stdoutText()).toBe('v1.json: valid contract\n');
    expect(io.stderrText()).toMatch(notice);
    const json = fakeIo(files);
    expect(await run(['validate', '--contract', 'v1.json', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdoutText())).toEqual({ valid: true, issues: [] });
    const current = fakeIo(files);
    expect(await run(['validate', '--contract', 'v2.json'], current)).toBe(0);
    expect(current.stderrText()).toBe('');
  });

  it('settle: the same settlement as with the 2.0 file, the notice on stderr', async () => {
    const args = ['--records', 'records.ndjson', '--as-of', '2025-06-30'];
    const old = fakeIo(files);
    const current = fakeIo(files);
    expect(await run(['settle', '--contract', 'v1.json', ...args], old)).toBe(3); // three records invalid on purpose
    expect(await run(['settle', '--contract', 'v2.json', ...args], current)).toBe(3);
    expect(old.stdoutText()).toBe(current.stdoutText());
    expect(old.stderrText()).toMatch(notice);
    expect(current.stderrText()).not.toContain('schemaVersion');
  });
});
