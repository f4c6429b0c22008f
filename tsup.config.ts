import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/** The package's entry points (package.json exports), by the name of their built file. */
const ENTRIES = { index: 'src/index.ts', node: 'src/node/index.ts', schemas: 'src/schemas.ts', simulation: 'src/simulation.ts', streaming: 'src/streaming.ts', spreadsheets: 'src/spreadsheets.ts', explain: 'src/explain.ts', statements: 'src/statements.ts', report: 'src/report.ts', codes: 'src/codes.ts', readers: 'src/readers.ts', internal: 'src/internal.ts' };

/**
 * The ES modules, one file per source module: dist/ mirrors src/ (src/money/format.ts is
 * dist/money/format.js), with the source's own `.js` relative specifiers, which Node resolves.
 * A web application's bundler then keeps only the modules an import reaches: importing
 * formatMoney alone no longer pulls the zod schemas built when other modules load
 * (docs/browser.md, Size). The command line is left out: it is bundled below. Exported for
 * test/browser/partial-import.test.ts, which builds them into a temporary directory.
 */
export function esmOptions(outDir: string): Options {
  return {
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    outDir,
    // <outDir>/node.js, the ES module entry of 'outcome-pay/node', re-exports node/index.js.
    onSuccess: async () => {
      await writeFile(join(outDir, 'node.js'), "export * from './node/index.js';\n");
    },
  };
}

/** Where scripts/build.mjs has tsc write the declarations of src/ (.types/src/*.d.ts). */
const DECLARATIONS = '.types';

/**
 * The type declarations, bundled per entry point from those tsc wrote: dist/<entry>.d.ts for
 * import, dist/<entry>.d.cts for require. tsc writes them in scripts/build.mjs (with the type check
 * in `npm test`), so tsup only bundles them instead of building a TypeScript program of its own.
 */
export function typesOptions(): Options {
  const entry = Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, join(DECLARATIONS, source.replace(/\.ts$/, '.d.ts'))]));
  return { entry, format: ['esm', 'cjs'], dts: { only: true }, clean: false, target: 'node20' };
}

/** The JavaScript: ES modules one per source module, CommonJS entries, the command line. */
export function codeOptions(): Options[] {
  return [
    esmOptions('dist'),
    // CommonJS, one file per entry point plus shared chunks (require cannot load the ES modules
    // above). Splitting puts each module reached by two entries in one chunk, so the entries share
    // it: an OutcomePayError thrown by require('outcome-pay/streaming') is an instance of
    // require('outcome-pay').OutcomePayError (test/package/cjs-shared-class.test.ts).
    {
      entry: ENTRIES,
      format: ['cjs'],
      dts: false,
      sourcemap: true,
      clean: false,
      target: 'node20',
      splitting: true,
      treeshake: true,
    },
    // The command line, one bundled ES module with a shebang. date-fns (an optional peer dependency
    // of the library, for outcome-pay/statements) is bundled in: the command works without it.
    {
      entry: { cli: 'src/cli/main.ts' },
      noExternal: [/^date-fns(\/|$)/],
      format: ['esm'],
      dts: false,
      sourcemap: true,
      clean: false,
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
    },
  ];
}

/**
 * What scripts/build.mjs (`npm run build`) asks for in OUTCOME_PAY_BUILD: `code` (the JavaScript)
 * or `types` (the declarations, once tsc has written them). tsup alone is not the build: the
 * script also writes the declarations, names their chunks and writes the JSON Schemas.
 */
export default defineConfig(() => {
  const part = process.env['OUTCOME_PAY_BUILD'];
  if (part === 'code') return codeOptions();
  if (part === 'types') {
    if (!existsSync(join(DECLARATIONS, 'src', 'index.d.ts'))) throw new Error(`tsup.config.ts: the declarations are not in ${DECLARATIONS}/: build with \`npm run build\` (scripts/build.mjs), which writes them first`);
    return [typesOptions()];
  }
  throw new Error(`tsup.config.ts: OUTCOME_PAY_BUILD must be code or types, not ${JSON.stringify(part)}; build with \`npm run build\` (scripts/build.mjs)`);
});
