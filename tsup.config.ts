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

export default defineConfig([
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
  // Types, bundled per entry point: dist/<entry>.d.ts for import, dist/<entry>.d.cts for require.
  {
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'node20',
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
]);
