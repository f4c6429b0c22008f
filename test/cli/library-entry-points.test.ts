/**
 * commander is the command line's dependency only: the library's entry points ('.' is
 * src/index.ts, './node' is src/node/index.ts, as tsup.config.ts builds them) reach no module of
 * src/cli and import no commander, so a bundle of the library never carries it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every import and re-export of a module: `import ... from '...'`, `export ... from '...'`, `import '...'`, `import('...')`. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // the doc comments' examples import 'outcome-pay'
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)].map((match) => match[1] ?? '');
}

/** Every module a file reaches, its own file included: relative imports followed (`.js` is the `.ts` file), packages named. */
function reached(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [normalize(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('node:') ? 'node' : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
        continue;
      }
      const target = normalize(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      const resolved = existsSync(target) ? target : join(target.replace(/\.ts$/, ''), 'index.ts');
      expect(existsSync(resolved), `${file} imports ${spec}`).toBe(true);
      pending.push(resolved);
    }
  }
  return { files, packages };
}

describe('the library entry points do not import the command line', () => {
  it.each(['src/index.ts', 'src/node/index.ts', 'src/schemas.ts', 'src/internal.ts'])('%s reaches no file of src/cli and no commander', (entry) => {
    const { files, packages } = reached(entry);
    expect(files.size).toBeGreaterThan(3);
    expect([...files].filter((file) => file.startsWith(normalize('src/cli/')))).toEqual([]);
    expect([...packages]).not.toContain('commander');
    expect([...packages]).not.toContain('outcome-pay');
  });

  it('the check sees packages: the library imports decimal.js, the command line commander', () => {
    expect([...reached('src/index.ts').packages]).toContain('decimal.js');
    expect([...reached('src/cli/main.ts').packages]).toContain('commander');
  });

  it('the build makes the library and the command line separate bundles', () => {
    const config = readFileSync('tsup.config.ts', 'utf8');
    const entries = [...config.matchAll(/entry: \{([^}]*)\}/g)].map((match) => match[1] ?? '');
    expect(entries).toHaveLength(2);
    // the library's bundles (every entry point of the package, and the tools' internals), then the command line's alone
    expect(entries[0]).toContain("index: 'src/index.ts'");
    expect(entries[0]).toContain("node: 'src/node/index.ts'");
    expect(entries[0]).toContain("schemas: 'src/schemas.ts'");
    expect(entries[0]).not.toContain('src/cli');
    expect(entries[1]?.trim()).toBe("cli: 'src/cli/main.ts'");
  });
});
