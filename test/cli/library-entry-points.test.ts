/**
 * commander is the command line's dependency only: the library's entry points ('.' is
 * src/index.ts, './node' is src/node/index.ts, as tsup.config.ts builds them) reach no module of
 * src/cli and import no commander, so a bundle of the library never carries it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Options } from 'tsup';
import { describe, expect, it } from 'vitest';
import { codeOptions, typesOptions } from '../../tsup.config.js';

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
  it.each(['src/index.ts', 'src/node/index.ts', 'src/schemas.ts', 'src/explain.ts', 'src/statements.ts', 'src/internal.ts'])('%s reaches no file of src/cli and no commander', (entry) => {
    const { files, packages } = reached(entry);
    expect(files.size).toBeGreaterThan(3);
    expect([...files].filter((file) => file.startsWith(normalize('src/cli/')))).toEqual([]);
    expect([...packages]).not.toContain('commander');
    expect([...packages]).not.toContain('outcome-pay');
  });

  it.each(['src/index.ts', 'src/node/index.ts', 'src/schemas.ts', 'src/explain.ts', 'src/spreadsheets.ts', 'src/streaming.ts', 'src/simulation.ts', 'src/readers.ts'])(
    '%s reaches no date-fns (an optional peer dependency, for outcome-pay/statements and the command line only)',
    (entry) => {
      expect([...reached(entry).packages]).not.toContain('date-fns');
    },
  );

  it('the check sees date-fns where it is: the text for people of src/format', () => {
    expect([...reached('src/format/index.ts').packages]).toContain('date-fns');
    expect([...reached('src/statements.ts').packages]).toContain('date-fns');
    expect([...reached('src/cli/main.ts').packages]).toContain('date-fns');
  });

  it('the check sees packages: the library imports decimal.js, the command line commander', () => {
    expect([...reached('src/index.ts').packages]).toContain('decimal.js');
    expect([...reached('src/cli/main.ts').packages]).toContain('commander');
  });

  it('the build keeps the command line out of the library: per-file ES modules without src/cli, bundles per entry point, the command line alone', () => {
    const configs = codeOptions();
    const entriesOf = (options: Options | undefined): unknown => options?.entry;
    const esm = configs.find((options) => options.bundle === false);
    // the library's ES modules, one file per source module, every file of src but the command line's
    expect(entriesOf(esm)).toEqual(['src/**/*.ts', '!src/cli/**']);
    // the library's bundles (every entry point of the package, and the tools' internals): CommonJS
    const bundled = configs.filter((options) => options.bundle !== false && !('cli' in (options.entry as object)));
    expect(bundled.length).toBeGreaterThan(0);
    for (const options of bundled) {
      expect(entriesOf(options)).toMatchObject({ index: 'src/index.ts', node: 'src/node/index.ts', schemas: 'src/schemas.ts' });
      expect(JSON.stringify(entriesOf(options))).not.toContain('src/cli');
    }
    // and the types, bundled from the declarations tsc writes of the same entry points
    const types = entriesOf(typesOptions());
    expect(types).toMatchObject({ index: join('.types', 'src', 'index.d.ts'), node: join('.types', 'src', 'node', 'index.d.ts'), schemas: join('.types', 'src', 'schemas.d.ts') });
    expect(JSON.stringify(types)).not.toContain('cli');
    // the command line's bundle alone
    const cli = configs.filter((options) => options.bundle !== false && JSON.stringify(entriesOf(options)).includes('src/cli'));
    expect(cli.map(entriesOf)).toEqual([{ cli: 'src/cli/main.ts' }]);
  });
});
