/**
 * The layers of src/ (docs/architecture.md): a folder imports only from folders drawn below it,
 * so imports flow one way, and no module imports itself at run time through a cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each folder of src/ (and each file at its top) with its layer, bottom first. A folder may import
 * from a folder of a lower layer only; two folders of one layer do not import each other.
 */
const LAYERS: Readonly<Record<string, number>> = {
  'codes': 0,
  'describe-value.ts': 0,
  'own-data.ts': 1,
  'errors.ts': 1,
  'guard.ts': 2,
  'result.ts': 3,
  'version.ts': 3,
  'text': 4,
  'money': 4,
  'calendar': 4,
  'contract': 5,
  'format': 5,
  'records': 6,
  'outcomes': 7,
  'streaming': 7,
  'settlement': 8,
  'node': 8,
  'wording': 8,
  'simulation': 9,
  'spreadsheet': 9,
  'explain': 9,
  'statements': 9,
  'schema': 10,
  'report': 10,
  'cli': 11,
  'index.ts': 12,
  'schemas.ts': 12,
  'simulation.ts': 12,
  'streaming.ts': 12,
  'spreadsheets.ts': 12,
  'explain.ts': 12,
  'statements.ts': 12,
  'report.ts': 12,
  'codes.ts': 12,
  'readers.ts': 12,
  'internal.ts': 12,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

interface Import {
  readonly from: string;
  readonly to: string;
  /** Whether the statement imports types only (erased: no module is loaded for it). */
  readonly typeOnly: boolean;
}

/** Every relative import and re-export of src/, as paths relative to src/. */
function srcImports(): Import[] {
  return sources('src').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(import|export)( type)?\b([^'"]*?)from\s+'(\.[^']+)'/gm)].map((match) => {
      const names = (match[3] ?? '').replace(/[{}]/g, '').split(',').map((name) => name.trim()).filter((name) => name !== '');
      return {
        from: relative('src', file),
        to: relative('src', join(file, '..', (match[4] ?? '').replace(/\.js$/, '.ts'))),
        typeOnly: match[2] !== undefined || (names.length > 0 && names.every((name) => name.startsWith('type '))),
      };
    }),
  );
}

const top = (path: string): string => path.split(/[\\/]/)[0] ?? path;

describe('the layers of src/', () => {
  const imports = srcImports();

  it('every folder and top-level file of src/ has a layer', () => {
    const tops = [...new Set(sources('src').map((file) => top(relative('src', file))))].sort();
    expect(tops).toEqual(Object.keys(LAYERS).sort());
  });

  it('a folder imports only from lower layers', () => {
    expect(imports.length).toBeGreaterThan(500);
    const upward = imports
      .filter((edge) => top(edge.from) !== top(edge.to))
      .filter((edge) => (LAYERS[top(edge.to)] ?? Infinity) >= (LAYERS[top(edge.from)] ?? -Infinity))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(upward).toEqual([]);
  });

  it('the Node entry depends on streaming only (and the shared argument checks)', () => {
    const reached = new Set(imports.filter((edge) => top(edge.from) === 'node' && top(edge.to) !== 'node').map((edge) => top(edge.to)));
    expect([...reached].sort()).toEqual(['guard.ts', 'streaming']);
  });

  it('other folders reach streaming/ through its index', () => {
    const deep = imports
      .filter((edge) => top(edge.to) === 'streaming' && top(edge.from) !== 'streaming' && edge.to !== join('streaming', 'index.ts'))
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(deep).toEqual([]);
  });

  it('no module imports itself at run time through a cycle', () => {
    const graph = new Map<string, string[]>();
    for (const edge of imports) if (!edge.typeOnly) graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge.to]);
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const cycles: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });
});
