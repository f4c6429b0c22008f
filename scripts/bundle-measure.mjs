// How much of outcome-pay (and of its dependencies) a web application's bundler includes for a
// given import, shared by `npm run size` (scripts/bundle-sizes.mjs) and the test that holds the
// limits (test/browser/partial-import.test.ts).
//
// bundleImports bundles with esbuild (platform browser, ES module, minified), as a web
// application would, a module that imports names from the package's ES module entry, and gives
// the bundle's size minified and gzipped (node:zlib, default level), the minified bytes of each
// package in it (esbuild's metafile) and the files it was made of. The entry must be a file of a
// directory whose package.json declares `sideEffects: false` (the package's own, or a copy), so
// the bundler may drop the modules nothing imported uses, as it would in node_modules.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** 1 KB, as the sizes are written (docs/browser.md). */
export const KB = 1024;

/**
 * What `npm run size` measures, and the targets of issue #15 (gzip bytes) where there is one.
 * `imports: '*'` is everything the main entry exports.
 */
export const SIZE_CASES = [
  { name: 'core', imports: '*', targetGzip: 100 * KB },
  { name: 'money', imports: ['formatMoney'], targetGzip: 15 * KB },
  { name: 'calendar', imports: ['parseDate', 'addMonths', 'formatDate'], targetGzip: 15 * KB },
  { name: 'settle', imports: ['settle'] },
];

/**
 * The package an input of esbuild's metafile belongs to: the dependency whose node_modules
 * folder holds it, or `ownName` for the files of the package itself.
 */
export function packageOf(input, ownName) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || parts[at + 1] === ownName) return ownName;
  return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * Bundles `export { ...imports } from entry` (or `export * from entry` for '*') for a browser.
 *
 * @param {object} options
 * @param {string} options.entry - absolute path of the package's ES module entry (dist/index.js)
 * @param {string[] | '*'} options.imports - the names imported
 * @param {string} options.resolveDir - where the bundled module is taken to live
 * @param {string} [options.ownName] - the package's name, for the sizes by package
 * @param {string[]} [options.nodePaths] - further node_modules folders to find dependencies in
 * @returns {Promise<{ code: Uint8Array, minified: number, gzip: number, byPackage: Record<string, number>, inputs: string[] }>}
 *   `inputs` are the files that put at least one byte in the bundle, as esbuild names them.
 */
export async function bundleImports({ entry, imports, resolveDir, ownName = 'outcome-pay', nodePaths = [] }) {
  const contents = imports === '*' ? `export * from ${JSON.stringify(entry)};` : `export { ${imports.join(', ')} } from ${JSON.stringify(entry)};`;
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: 'app.js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
    nodePaths,
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  const inputs = [];
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      inputs.push(input);
      const owner = packageOf(input, ownName);
      byPackage[owner] = (byPackage[owner] ?? 0) + bytesInOutput;
    }
  }
  return {
    code,
    minified: code.length,
    gzip: gzipSync(code).length,
    byPackage: Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1])),
    inputs,
  };
}
