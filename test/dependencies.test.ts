/**
 * The runtime dependencies are exactly what the source imports: a package in `dependencies` that
 * no file of src imports is weight every consumer installs for nothing (date-fns was 28 MB of a
 * consumer's 42 MB while only the tests used it), and a package src imports must be in
 * `dependencies`, never only in `devDependencies` — or be an optional peer dependency, which an
 * importer of the core never installs: date-fns, for the dates of src/format, imported only by the
 * optional entry point `outcome-pay/statements` and the command line (which bundles it); vega and
 * vega-lite, loaded on demand by the report's charts (`outcome-pay/report`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The package a bare import names: `@scope/name` or `name`. */
const packageOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

describe('runtime dependencies', () => {
  it('are exactly the packages src imports', () => {
    const builtins = new Set(builtinModules);
    const imported = new Set(
      sources('src').flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)]
          .map((match) => match[1] ?? '')
          .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtins.has(spec))
          .map(packageOf),
      ),
    );
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const optionalPeers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => manifest.peerDependenciesMeta?.[name]?.optional === true);
    // date-fns, imported statically by src/format; vega and vega-lite, loaded by dynamic import by the report (below)
    expect(optionalPeers).toEqual(['date-fns', 'vega', 'vega-lite']);
    expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(optionalPeers);
    const staticPeers = optionalPeers.filter((name) => !name.startsWith('vega'));
    expect([...Object.keys(manifest.dependencies ?? {}), ...staticPeers].sort()).toEqual([...imported].sort());
  });

  it('the packages src loads by dynamic import are optional peer dependencies, pinned as development dependencies, and loaded in one module', () => {
    const dynamic = sources('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bimport\('([^'.][^']*)'\)/g)].map((match) => ({ file, name: packageOf(match[1] ?? '') })),
    );
    expect(dynamic.map((entry) => entry.name).sort()).toEqual(['vega', 'vega-lite']);
    expect([...new Set(dynamic.map((entry) => entry.file))]).toEqual([join('src', 'report', 'render.ts')]);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      devDependencies?: Record<string, string>;
    };
    for (const { name } of dynamic) {
      expect(manifest.peerDependencies?.[name], name).toMatch(/^~6\.4\.0$/);
      expect(manifest.peerDependenciesMeta?.[name]?.optional, name).toBe(true);
      expect(manifest.devDependencies?.[name], name).toMatch(/^6\.4\.[0-9]+$/);
    }
  });
});
