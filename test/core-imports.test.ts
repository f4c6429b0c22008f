import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1] ?? '');

describe('the core is platform-neutral', () => {
  const core = sources('src').filter((file) => !/^src[\\/](cli|node)[\\/]/.test(file));

  it('no file outside src/cli and src/node imports a Node built-in module', () => {
    const builtins = new Set(builtinModules);
    const offending = core.flatMap((file) => imports(file).filter((spec) => spec.startsWith('node:') || builtins.has(spec)).map((spec) => `${file}: ${spec}`));
    expect(core.length).toBeGreaterThan(50);
    expect(offending).toEqual([]);
  });

  it('no core file imports the command line or the Node entry', () => {
    const offending = core.flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative('src', join(file, '..', spec)))
        .filter((target) => /^(cli|node)[\\/]/.test(target))
        .map((target) => `${file}: ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('no entry point but outcome-pay/report reaches src/report/ (which alone loads vega)', () => {
    const graph = new Map<string, string[]>();
    for (const file of sources('src')) {
      graph.set(file, imports(file).filter((spec) => spec.startsWith('.')).map((spec) => join(file, '..', spec).replace(/\.js$/, '.ts')));
    }
    const reached = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const next of graph.get(file) ?? []) visit(next);
      };
      visit(entry);
      return seen;
    };
    const entries = ['index', 'schemas', 'simulation', 'streaming', 'spreadsheets', 'explain', 'codes', 'readers'].map((name) => join('src', `${name}.ts`));
    const reaching = entries.filter((entry) => [...reached(entry)].some((file) => file.startsWith(join('src', 'report'))));
    expect(reaching).toEqual([]);
    expect([...reached(join('src', 'report.ts'))]).toContain(join('src', 'report', 'render.ts'));
  });
});
