import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { tempFileStorage } from '../../src/node/index.js';
import type { Settlement } from '../../src/settlement/index.js';
import { fakeIo } from './helpers.js';

const contract = readFileSync('examples/contracts/region-agency-convention.json', 'utf8');
const files = {
  'contract.json': contract,
  'records.csv': readFileSync('examples/records/sample.csv', 'utf8'),
  'records.ndjson': readFileSync('examples/records/sample.ndjson', 'utf8'),
  'records.json': readFileSync('examples/records/sample.json', 'utf8'),
  'broken.json': '{ "schemaVersion": ',
  'typo.json': contract.replace('"currency"', '"curency"'),
  'records.txt': 'id\n',
  'truncated.ndjson': '{"id":"P1","cohort":"2023-A","enrolledOn":"2023-02-01"}\n{"id":"P2","coh',
};

describe('outcome-pay validate', () => {
  it('accepts a valid contract and records and exits 0', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'records.csv'], io)).toBe(0);
    expect(io.stdoutText()).toMatch(/valid contract; records.csv: 9 valid records/);
  });

  it('lists every problem with code and path and exits 1', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', 'typo.json'], io)).toBe(1);
    const text = io.stdoutText();
    expect(text).toContain('CONTRACT_UNKNOWN_KEY');
    expect(text).toContain('CONTRACT_REQUIRED');
    expect(text).toMatch(/\d+ problems? found/);
  });

  it('prints { valid, issues } with --json', async () => {
    const io = fakeIo(files);
    expect(await run(['validate', 'typo.json', '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdoutText()) as { valid: boolean; issues: { code: string; path: unknown[] }[] };
    expect(report.valid).toBe(false);
    expect(report.issues.some((issue) => issue.code === 'CONTRACT_UNKNOWN_KEY' && issue.path[0] === 'curency')).toBe(true);
  });

  it('reports unreadable JSON as data (1), a missing file or unknown format as usage (2)', async () => {
    const broken = fakeIo(files);
    expect(await run(['validate', 'broken.json'], broken)).toBe(1);
    expect(broken.stderrText()).toContain('not valid JSON');
    const missing = fakeIo(files);
    expect(await run(['validate', 'missing.json'], missing)).toBe(2);
    expect(missing.stderrText()).toContain('cannot read contract file "missing.json"');
    const format = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'records.txt'], format)).toBe(2);
    expect(format.stderrText()).toContain('cannot tell the format');
    for (const io of [broken, missing, format]) expect(io.stderrText() + io.stdoutText()).not.toMatch(/\n\s+at /);
  });
});

describe('outcome-pay reads every file strictly (issue #13: input text)', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  const regionSud = {
    'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
    'records.csv': readFileSync('examples/region-sud/records.csv', 'utf8'),
  };
  /** region-sud's CSV with a quote opened on line 7 and never closed (the file has no other quote). */
  const unclosed = regionSud['records.csv'].split('\n').map((line, k) => (k === 6 ? line.replace(',rsa,', ',"rsa,') : line)).join('\n');
  /** Files also openable as streams (bytes, in chunks of 7), as the real command line opens them. */
  function streaming(files: Readonly<Record<string, string | Uint8Array>>): ReturnType<typeof fakeIo> {
    return Object.assign(fakeIo(files), {
      streamFile: (path: string) => {
        const content = files[path];
        if (content === undefined) return Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' }));
        const bytes = typeof content === 'string' ? utf8(content) : content;
        return Promise.resolve(async function* chunks(): AsyncGenerator<Uint8Array> {
          for (let at = 0; at < bytes.length; at += 7) yield await Promise.resolve(bytes.subarray(at, at + 7));
        });
      },
    });
  }

  it('the issue: validate and settle report an unclosed CSV quote on the same line, where it opens', async () => {
    const files = { ...regionSud, 'records.csv': unclosed };
    const validate = fakeIo(files);
    expect(await run(['validate', 'contract.json', '--records', 'records.csv'], validate)).toBe(1);
    const settle = streaming(files);
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30'], settle)).toBe(1);
    const line = /CSV_SYNTAX at \(root\) \(line (\d+)\)/;
    expect(line.exec(validate.stderrText())?.[1]).toBe('7');
    expect(line.exec(settle.stderrText())?.[1]).toBe('7');
  });

  it('the issue: validate --json answers on stdout also when a file cannot be read', async () => {
    const missing = fakeIo(regionSud);
    expect(await run(['validate', 'contract.json', '--records', 'missing.csv', '--json'], missing)).toBe(2);
    expect(JSON.parse(missing.stdoutText())).toEqual({
      valid: false,
      issues: [{ code: 'FILE_UNREADABLE', path: [], message: `cannot read records file "missing.csv": ENOENT: no such file or directory, open 'missing.csv'` }],
    });
    expect(missing.stderrText()).toContain('cannot read records file "missing.csv"');
    const cut = fakeIo({ ...regionSud, 'records.csv': unclosed });
    expect(await run(['validate', 'contract.json', '--records', 'records.csv', '--json'], cut)).toBe(1);
    expect(JSON.parse(cut.stdoutText())).toMatchObject({ valid: false, issues: [{ code: 'CSV_SYNTAX', line: 7 }] });
    const broken = fakeIo({ 'contract.json': '{\n  "schemaVersion": \n}' });
    expect(await run(['validate', 'contract.json', '--json'], broken)).toBe(1);
    expect(JSON.parse(broken.stdoutText())).toMatchObject({ valid: false, issues: [{ code: 'JSON_SYNTAX', line: 3 }] });
  });

  it('a contract with a key twice is refused (JSON_DUPLICATE_KEY with its path and line), with or without a byte-order mark', async () => {
    // line 11 of the contract gives the region's share; a second share on the same line would be kept silently by JSON.parse
    const twice = contract.replace('"share": "0.6" }', '"share": "0.6", "share": "0.1" }');
    for (const content of [twice, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(twice)])]) {
      const io = fakeIo({ ...files, 'contract.json': content });
      expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30'], io)).toBe(1);
      expect(io.stderrText()).toContain('contract file contract.json holds JSON that would not be read as written');
      expect(io.stderrText()).toContain('JSON_DUPLICATE_KEY at parties.payers[0].share (line 11): key "share" appears twice');
    }
    const bom = fakeIo({ ...files, 'contract.json': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(contract)]) });
    expect(await run(['validate', 'contract.json'], bom)).toBe(0);
  });

  it('a previous settlement with a number a double cannot hold is refused (JSON_NUMBER_INEXACT)', async () => {
    const first = fakeIo(files);
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30'], first)).toBe(0);
    const previous = first.stdoutText().replace('"recordsRead": 9', '"recordsRead": 9.000000000000001');
    expect(previous).not.toBe(first.stdoutText());
    const io = fakeIo({ ...files, 'previous.json': previous });
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30', '--previous', 'previous.json'], io)).toBe(1);
    expect(io.stderrText()).toMatch(/JSON_NUMBER_INEXACT at dataQuality\.recordsRead \(line \d+\): the number 9\.000000000000001/);
  });

  it('a records file that is not UTF-8 is refused with the line and byte offset, whole and streamed', async () => {
    // Latin-1 "é" in the id of line 3: lines 1 and 2 of the sample CSV are read first
    const csvText = files['records.csv'];
    const lines = csvText.split('\n');
    const offset = utf8(`${lines[0] ?? ''}\n${lines[1] ?? ''}\nP`).length;
    const bytes = Uint8Array.from(csvText.replace('P002', 'P\u00e902'), (c) => c.charCodeAt(0));
    const expected = `TEXT_NOT_UTF8 at (root) (line 3): line 3, byte offset ${offset}: byte 0xE9 is not valid UTF-8`;
    const whole = fakeIo({ ...files, 'records.csv': bytes });
    expect(await run(['validate', 'contract.json', '--records', 'records.csv'], whole)).toBe(1);
    expect(whole.stderrText()).toContain(expected);
    const streamed = streaming({ ...files, 'records.csv': bytes });
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-06-30'], streamed)).toBe(1);
    expect(streamed.stderrText()).toContain(expected);
  });
});

describe('outcome-pay schema', () => {
  it('prints the contract, records and assumptions schemas', async () => {
    for (const which of ['contract', 'records', 'assumptions']) {
      const io = fakeIo();
      expect(await run(['schema', which], io)).toBe(0);
      const schema = JSON.parse(io.stdoutText()) as Record<string, unknown>;
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    }
    const io = fakeIo();
    expect(await run(['schema', 'settlement'], io)).toBe(2);
  });
});

describe('outcome-pay settle', () => {
  const args = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

  it('prints the same settlement for the CSV, NDJSON and JSON records', async () => {
    const outputs: string[] = [];
    for (const records of ['records.csv', 'records.ndjson', 'records.json']) {
      const io = fakeIo(files);
      expect(await run([...args, '--records', records], io)).toBe(0);
      outputs.push(io.stdoutText());
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    const settlement = JSON.parse(outputs[0] ?? '') as Settlement;
    expect(settlement.asOf).toBe('2025-06-30');
    expect(settlement.format).toBe('outcome-pay/settlement');
  });

  it('prints a readable summary whose totals match the JSON', async () => {
    const json = fakeIo(files);
    await run([...args, '--records', 'records.csv'], json);
    const settlement = JSON.parse(json.stdoutText()) as Settlement;
    const io = fakeIo(files);
    expect(await run([...args, '--records', 'records.csv', '--summary'], io)).toBe(0);
    const text = io.stdoutText();
    expect(text).toContain('Settlement as of 2025-06-30, amounts in EUR');
    expect(text).toMatch(new RegExp(`^Total .* ${settlement.totals.due.replace('.', '\\.')}$`, 'm'));
  });

  it('settling again with the first settlement as previous owes nothing more', async () => {
    const first = fakeIo(files);
    await run([...args, '--records', 'records.csv'], first);
    const io = fakeIo({ ...files, 'paid.json': first.stdoutText() });
    expect(await run([...args, '--records', 'records.csv', '--previous', 'paid.json'], io)).toBe(0);
    const again = JSON.parse(io.stdoutText()) as Settlement;
    expect(again.totals.due).toBe('0.00');
    expect(again.adjustments).toEqual([]);
  });

  it('--evidence-fingerprint: the settlement carries fingerprint.recordsEvidence, the same for CSV and NDJSON', async () => {
    const evidence: unknown[] = [];
    for (const records of ['records.csv', 'records.ndjson']) {
      const io = fakeIo(files);
      expect(await run([...args, '--records', records, '--evidence-fingerprint'], io)).toBe(0);
      evidence.push((JSON.parse(io.stdoutText()) as Settlement).fingerprint.recordsEvidence);
    }
    expect(evidence[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(evidence[1]).toBe(evidence[0]);
    const plain = fakeIo(files);
    await run([...args, '--records', 'records.csv'], plain);
    expect((JSON.parse(plain.stdoutText()) as Settlement).fingerprint.recordsEvidence).toBeNull();
  });

  it('--previous: the same settlement twice is refused (exit 1, PREVIOUS_DUPLICATE), nothing printed', async () => {
    const first = fakeIo(files);
    await run(['settle', '--contract', 'contract.json', '--as-of', '2024-12-31', '--records', 'records.csv'], first);
    const io = fakeIo({ ...files, 'paid.json': first.stdoutText() });
    expect(await run([...args, '--records', 'records.csv', '--previous', 'paid.json', '--previous', 'paid.json'], io)).toBe(1);
    expect(io.stderrText()).toContain('PREVIOUS_DUPLICATE');
    expect(io.stdoutText()).toBe('');
  });

  it('--amended-from accepts a settlement of an earlier version of the contract; --allow-full-recovery confirms recovering all', async () => {
    const first = fakeIo(files);
    await run([...args, '--records', 'records.csv'], first);
    const paid = JSON.parse(first.stdoutText()) as Settlement;
    const renamed = JSON.stringify({ ...(JSON.parse(contract) as object), name: 'Amended convention' });
    expect(paid.totals.due).not.toBe('0.00');
    const withFiles = { ...files, 'amended.json': renamed, 'paid.json': first.stdoutText(), 'none.csv': 'id,cohort,enrolledOn\nX,2023-A,2023-02-01\n' };
    const changed = ['settle', '--contract', 'amended.json', '--as-of', '2025-06-30', '--records', 'records.csv', '--previous', 'paid.json'];
    const refused = fakeIo(withFiles);
    expect(await run(changed, refused)).toBe(1);
    expect(refused.stderrText()).toContain('PREVIOUS_CONTRACT_CHANGED');
    const accepted = fakeIo(withFiles);
    expect(await run([...changed, '--amended-from', paid.fingerprint.contract], accepted)).toBe(0);
    expect((JSON.parse(accepted.stdoutText()) as Settlement).previous.amendedFrom).toEqual([paid.fingerprint.contract]);
    const nothing = [...args, '--records', 'none.csv', '--previous', 'paid.json'];
    const recovery = fakeIo(withFiles);
    expect(await run(nothing, recovery)).toBe(1);
    expect(recovery.stderrText()).toContain('PREVIOUS_RECOVERS_ALL');
    const confirmed = fakeIo(withFiles);
    expect(await run([...nothing, '--allow-full-recovery'], confirmed)).toBe(0);
    const settlement = JSON.parse(confirmed.stdoutText()) as Settlement;
    expect(settlement.totals.earned).toBe('0.00');
    expect(settlement.totals.due).toBe(`-${paid.totals.due}`);
  });

  it('exits 1 with every problem and no stack trace for bad input', async () => {
    const badDate = fakeIo(files);
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv', '--as-of', '2025-02-30'], badDate)).toBe(1);
    expect(badDate.stderrText()).toContain('DATE_IMPOSSIBLE');
    const truncated = fakeIo(files);
    expect(await run([...args, '--records', 'truncated.ndjson'], truncated)).toBe(1);
    expect(truncated.stderrText()).toContain('NDJSON');
    const typo = fakeIo(files);
    expect(await run(['settle', '--contract', 'typo.json', '--records', 'records.csv', '--as-of', '2025-06-30'], typo)).toBe(1);
    expect(typo.stderrText()).toContain('CONTRACT_UNKNOWN_KEY');
    for (const io of [badDate, truncated, typo]) {
      expect(io.stdoutText()).toBe('');
      expect(io.stderrText()).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 for a missing option', async () => {
    const io = fakeIo(files);
    expect(await run(['settle', '--contract', 'contract.json', '--records', 'records.csv'], io)).toBe(2);
    expect(io.stderrText()).toContain("settle: required option '--as-of <YYYY-MM-DD>' not specified");
  });
});

describe('outcome-pay settle streams NDJSON and CSV files', () => {
  const programme = {
    'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
    'records.csv': readFileSync('examples/region-sud/records.csv', 'utf8'),
    'records.ndjson': readFileSync('examples/region-sud/records.ndjson', 'utf8'),
  };
  /** The same files, also openable as streams of 7-character chunks (cut anywhere, mid-line too). */
  function streamingIo(): ReturnType<typeof fakeIo> {
    const io = fakeIo(programme);
    const texts: Readonly<Record<string, string>> = programme;
    return Object.assign(io, {
      streamFile: (path: string) => {
        const text = texts[path];
        if (text === undefined) return Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' }));
        return Promise.resolve(async function* chunks(): AsyncGenerator<string> {
          for (let at = 0; at < text.length; at += 7) {
            await Promise.resolve(); // each chunk arrives asynchronously, as from a file
            yield text.slice(at, at + 7);
          }
        });
      },
    });
  }
  const args = ['settle', '--contract', 'contract.json', '--as-of', '2025-06-30'];

  it('prints byte for byte what the whole-file path prints, invalid records included', async () => {
    for (const records of ['records.csv', 'records.ndjson']) {
      const whole = fakeIo(programme);
      expect(await run([...args, '--records', records], whole)).toBe(3); // settled, records excluded
      const streamed = streamingIo();
      expect(await run([...args, '--records', records], streamed)).toBe(3); // settled, records excluded
      expect(streamed.stdoutText()).toBe(whole.stdoutText());
      const settlement = JSON.parse(streamed.stdoutText()) as Settlement;
      expect(settlement.dataQuality.recordsExcluded).toBeGreaterThan(0);
      expect(settlement.dataQuality.issues.every((issue) => issue.line !== undefined)).toBe(true);
    }
  });

  /** Files written through `createFile`, by path, with what happened to each. */
  function withFiles<T extends object>(io: T): T & { written: Map<string, { text: string; state: 'open' | 'closed' | 'discarded' }> } {
    const written = new Map<string, { text: string; state: 'open' | 'closed' | 'discarded' }>();
    return Object.assign(io, {
      written,
      createFile: (path: string) => {
        if (path.startsWith('/nonexistent/')) return Promise.reject(Object.assign(new Error('no such directory'), { code: 'ENOENT' }));
        const file = { text: '', state: 'open' as 'open' | 'closed' | 'discarded' };
        written.set(path, file);
        return Promise.resolve({
          write: (text: string) => {
            file.text += text;
          },
          close: () => Promise.resolve(void (file.state = 'closed')),
          discard: () => Promise.resolve(void (file.state = 'discarded')),
        });
      },
    });
  }

  it('--issues: the issues go to the file, one JSON object per line; the settlement counts them; whole and streamed files alike', async () => {
    for (const records of ['records.csv', 'records.ndjson']) {
      const listed = fakeIo(programme);
      expect(await run([...args, '--records', records], listed)).toBe(3); // settled, records excluded
      const expected = JSON.parse(listed.stdoutText()) as Settlement;
      const { issues, ...counts } = expected.dataQuality;
      expect(issues.length).toBeGreaterThan(0);
      const outputs: string[] = [];
      for (const io of [withFiles(fakeIo(programme)), withFiles(streamingIo())]) {
        expect(await run([...args, '--records', records, '--issues', 'issues.ndjson'], io)).toBe(3); // settled, records excluded
        const file = io.written.get('issues.ndjson');
        expect(file?.state).toBe('closed');
        expect(file?.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown)).toEqual(issues);
        const settlement = JSON.parse(io.stdoutText()) as Settlement;
        expect(settlement).toEqual({ ...expected, dataQuality: { ...counts, issues: [], issuesDelivered: issues.length } });
        outputs.push(io.stdoutText());
      }
      expect(outputs[1]).toBe(outputs[0]); // the streamed document is the whole-file one, byte for byte
    }
  });

  it('--issues: a refused settlement removes the file; a file that cannot be created is a usage error', async () => {
    const strict = withFiles(streamingIo());
    expect(await run([...args, '--records', 'records.ndjson', '--strict', '--issues', 'issues.ndjson'], strict)).toBe(1);
    expect(strict.written.get('issues.ndjson')?.state).toBe('discarded');
    expect(strict.stderrText()).toContain('nothing was settled');
    const nowhere = withFiles(streamingIo());
    expect(await run([...args, '--records', 'records.ndjson', '--issues', '/nonexistent/issues.ndjson'], nowhere)).toBe(2);
    expect(nowhere.stderrText()).toContain('cannot write issues file "/nonexistent/issues.ndjson" (ENOENT)');
    const noFiles = streamingIo();
    expect(await run([...args, '--records', 'records.ndjson', '--issues', 'issues.ndjson'], noFiles)).toBe(2);
    expect(noFiles.stderrText()).toContain('--issues needs a file system');
  });

  it('spills the ids and issues of a streamed file to temporary files under --temp-dir: the same output, nothing left behind', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'outcome-pay-cli-spill-'));
    try {
      const dirs: (string | undefined)[] = [];
      for (const records of ['records.csv', 'records.ndjson']) {
        const whole = fakeIo(programme);
        expect(await run([...args, '--records', records], whole)).toBe(3); // settled, records excluded
        const streamed = Object.assign(streamingIo(), {
          spillStorage: (dir: string | undefined) => {
            dirs.push(dir);
            return tempFileStorage({ ...(dir === undefined ? {} : { dir }), bufferIds: 3, issueBlockBytes: 64 });
          },
        });
        expect(await run([...args, '--records', records, '--temp-dir', parent], streamed)).toBe(3); // settled, records excluded
        expect(streamed.stdoutText()).toBe(whole.stdoutText());
        expect(readdirSync(parent)).toEqual([]);
      }
      expect(dirs).toEqual([parent, parent]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('exits 1 with STREAM_SPILL_FAILED when the temporary directory cannot be used', async () => {
    const io = Object.assign(streamingIo(), {
      spillStorage: (dir: string | undefined) => tempFileStorage({ ...(dir === undefined ? {} : { dir }), bufferIds: 3 }),
    });
    expect(await run([...args, '--records', 'records.csv', '--temp-dir', '/nonexistent/outcome-pay'], io)).toBe(1);
    expect(io.stderrText()).toContain('STREAM_SPILL_FAILED');
    expect(io.stderrText()).toContain('cannot create a temporary directory in /nonexistent/outcome-pay');
    expect(io.stderrText()).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a records file it cannot open', async () => {
    const io = streamingIo();
    expect(await run([...args, '--records', 'missing.csv'], io)).toBe(2);
    expect(io.stderrText()).toContain('cannot read records file "missing.csv" (ENOENT)');
  });
});
