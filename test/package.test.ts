import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

interface PackageJson {
  version?: unknown;
  license?: unknown;
  sideEffects?: unknown;
  engines?: { node?: unknown };
  bin?: unknown;
  exports?: unknown;
  type?: unknown;
  files?: unknown;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the exports map that has condition keys (not subpath keys). */
function conditionObjects(value: unknown, path: string, out: { path: string; keys: string[] }[]): void {
  if (!isRecord(value)) return;
  const keys = Object.keys(value);
  if (keys.length > 0 && !keys.some((k) => k.startsWith('.'))) out.push({ path, keys });
  for (const key of keys) conditionObjects(value[key], `${path}.${key}`, out);
}

describe('package.json', () => {
  it('version matches VERSION in src/version.ts', () => {
    expect(typeof pkg.version).toBe('string');
    expect(VERSION).toBe(pkg.version);
  });

  it('is ESM with no side effects', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
  });

  it('requires node >=20.19', () => {
    expect(pkg.engines?.node).toBe('>=20.19');
  });

  it('bin outcome-pay points at dist/cli.js, which is published', () => {
    expect(pkg.bin).toEqual({ 'outcome-pay': './dist/cli.js' });
    expect(pkg.files).toContain('dist');
  });

  it('exports "." has import and require conditions, each with types first and default last', () => {
    expect(isRecord(pkg.exports)).toBe(true);
    const root = (pkg.exports as Record<string, unknown>)['.'];
    expect(isRecord(root)).toBe(true);
    const conditions = root as Record<string, unknown>;
    expect(Object.keys(conditions)).toEqual(['import', 'require']);
    for (const name of ['import', 'require'] as const) {
      const condition = conditions[name];
      expect(isRecord(condition)).toBe(true);
      expect(Object.keys(condition as object)).toEqual(['types', 'default']);
    }
    expect(conditions['import']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(conditions['require']).toEqual({ types: './dist/index.d.cts', default: './dist/index.cjs' });
  });

  it('exports "./node" like ".", and a node/ directory for resolvers that ignore exports', () => {
    const node = (pkg.exports as Record<string, unknown>)['./node'];
    expect(node).toEqual({
      import: { types: './dist/node.d.ts', default: './dist/node.js' },
      require: { types: './dist/node.d.cts', default: './dist/node.cjs' },
    });
    expect(pkg.files).toContain('node');
    expect(JSON.parse(readFileSync(new URL('../node/package.json', import.meta.url), 'utf8'))).toEqual({ main: '../dist/node.cjs', types: '../dist/node.d.cts' });
  });

  it('every condition object anywhere in exports lists types first', () => {
    const found: { path: string; keys: string[] }[] = [];
    conditionObjects(pkg.exports, 'exports', found);
    expect(found.length).toBeGreaterThan(0);
    for (const { path, keys } of found) {
      if (keys.includes('types')) expect({ path, first: keys[0] }).toEqual({ path, first: 'types' });
    }
  });

  it('has a LICENSE file with the license package.json names (MIT), and a CHANGELOG with an Unreleased section', () => {
    expect(pkg.license).toBe('MIT');
    const license = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    expect(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')).toMatch(/^## \[Unreleased\]$/m);
  });
});
