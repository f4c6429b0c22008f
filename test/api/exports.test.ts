/**
 * The public API is deliberate: the runtime exports of each entry point are exactly the names
 * docs/api.md lists for it (each with what it is for), so an export added without a doc and a
 * decision fails here, and so does a documented name that is gone. The internals of
 * src/internal.ts are built for the repository's tools but are not an entry point of the package.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';
import * as schemas from '../../src/schemas.js';
import * as simulation from '../../src/simulation.js';
import * as spreadsheets from '../../src/spreadsheets.js';
import * as explain from '../../src/explain.js';
import * as statements from '../../src/statements.js';
import * as report from '../../src/report.js';
import * as codes from '../../src/codes.js';
import * as streaming from '../../src/streaming.js';
import * as readers from '../../src/readers.js';

/** The names of the table rows (`| \`name\` | ... |`) under each `## \`entry\`` heading of docs/api.md. */
function documented(): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readFileSync('docs/api.md', 'utf8').split('\n')) {
    const heading = /^## `([^`]+)`/.exec(line);
    if (heading !== null) {
      current = [];
      sections.set(heading[1] ?? '', current);
      continue;
    }
    if (line.startsWith('## ')) current = undefined;
    const row = /^\| `([A-Za-z_]+)` \| (.+) \|$/.exec(line);
    if (row !== null && current !== undefined) {
      expect((row[2] ?? '').trim().length, `${row[1] ?? ''} has no description`).toBeGreaterThan(10);
      current.push(row[1] ?? '');
    }
  }
  return sections;
}

describe('the public API', () => {
  const docs = documented();

  it.each([
    ['outcome-pay', core],
    ['outcome-pay/schemas', schemas],
    ['outcome-pay/simulation', simulation],
    ['outcome-pay/streaming', streaming],
    ['outcome-pay/spreadsheets', spreadsheets],
    ['outcome-pay/explain', explain],
    ['outcome-pay/statements', statements],
    ['outcome-pay/report', report],
    ['outcome-pay/codes', codes],
    ['outcome-pay/readers', readers],
    ['outcome-pay/node', node],
  ] as const)('%s exports exactly what docs/api.md lists', (entry, module) => {
    expect(Object.keys(module).sort()).toEqual([...(docs.get(entry) ?? [])].sort());
  });

  it('keeps zod schemas and engine internals out of the main entry point', () => {
    const names = Object.keys(core);
    expect(names.filter((name) => /^[A-Z]\w*Schema$/.test(name))).toEqual([]);
    expect(names.filter((name) => ['checkOptions', 'readPrevious', 'openSession', 'compileOutcomes', 'FORBIDDEN_KEYS', 'DEFAULT_SPILL_BUFFER_IDS'].includes(name))).toEqual([]);
  });

  it('the package maps each entry point, and not the internals', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(Object.keys(manifest.exports).filter((key) => !key.endsWith('.json'))).toEqual(['.', './node', './schemas', './simulation', './streaming', './spreadsheets', './explain', './statements', './report', './codes', './readers']);
    expect(manifest.files).toContain('!dist/internal.*');
  });
});
