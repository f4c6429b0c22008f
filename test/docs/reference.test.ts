/**
 * The API reference (`npm run docs`, typedoc.json) documents exactly the package's entry points and
 * is built strictly. Building it takes 15 to 40 s, so the build itself is a step of .ci/run
 * ("docs (API reference)"), run once rather than in each time zone's suite; these checks keep its
 * configuration honest: every entry point of package.json exports is a typedoc entry point (and
 * nothing else is), a warning fails the build, the output is git-ignored and not published, and
 * typedoc is pinned exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface TypedocConfig {
  entryPoints: string[];
  out: string;
  treatWarningsAsErrors?: boolean;
  validation?: Record<string, boolean>;
}

const config = JSON.parse(readFileSync('typedoc.json', 'utf8')) as TypedocConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  license: string;
};

/** tsup's ENTRIES: the source file of each built entry file (`index` -> `src/index.ts`). */
function tsupEntries(): Map<string, string> {
  const text = readFileSync('tsup.config.ts', 'utf8');
  const block = /const ENTRIES = \{([^}]*)\}/.exec(text)?.[1] ?? '';
  return new Map([...block.matchAll(/(\w+): '([^']+)'/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

describe('the API reference (npm run docs)', () => {
  it('has one typedoc entry point per code entry point of package.json exports', () => {
    const entries = tsupEntries();
    const sources = Object.entries(pkg.exports)
      .filter(([subpath]) => !subpath.endsWith('.json'))
      .map(([subpath]) => {
        const built = subpath === '.' ? 'index' : subpath.slice(2);
        const source = entries.get(built);
        expect(source, `${subpath} has no entry in tsup.config.ts`).toBeDefined();
        return source ?? '';
      });
    expect(sources.length).toBe(11);
    expect([...config.entryPoints].sort()).toEqual(sources.sort());
  });

  it('names each module after its import specifier', () => {
    for (const [subpath] of Object.entries(pkg.exports).filter(([key]) => !key.endsWith('.json'))) {
      const built = subpath === '.' ? 'index' : subpath.slice(2);
      const source = tsupEntries().get(built) ?? '';
      const name = subpath === '.' ? 'outcome-pay' : `outcome-pay/${subpath.slice(2)}`;
      expect(readFileSync(source, 'utf8'), source).toContain(` * @module ${name}\n`);
    }
  });

  it('fails on any warning: an unexported type, a broken link, an undocumented export', () => {
    expect(config.treatWarningsAsErrors).toBe(true);
    expect(config.validation).toMatchObject({ notExported: true, invalidLink: true, notDocumented: true });
    expect(pkg.scripts['docs']).toBe('typedoc');
  });

  it('writes to a git-ignored folder that is not published', () => {
    const out = config.out.replace(/^\.\//, '').replace(/\/$/, '');
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain(`${out}/`);
    expect(pkg.files).toContain(`!${out}`);
  });

  it('pins typedoc exactly, in package.json and package-lock.json', () => {
    const version = pkg.devDependencies['typedoc'] ?? '';
    expect(version).toMatch(/^0\.28\.\d+$/);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string }> };
    expect(lock.packages['node_modules/typedoc']?.version).toBe(version);
  });
});

describe('LICENSE', () => {
  it('is the licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8').split('\n')[0]).toBe('MIT License');
  });
});
