// The build (`npm run build`), and with --typecheck the first step of `npm test`:
//
//   node scripts/build.mjs [--typecheck] [--verbose]
//
// Two chains side by side, on two cores about as long as the longer one:
//
// - the declarations: tsc writes the `.d.ts` of src/ to .types/ (scripts/tsconfig.declarations.json,
//   src/ alone), or with --typecheck the type check of the whole project (tsconfig.json: src/,
//   test/, bench/, ...) writes them as it checks, so `npm test` builds one TypeScript program
//   instead of two; then tsup bundles them per entry point (`OUTCOME_PAY_BUILD=types`,
//   tsup.config.ts): dist/<entry>.d.ts and .d.cts, and their shared chunks renamed as tsup names
//   them (`errors-<hash>.d.ts`, not `errors.d-<hash>.d.ts`). Bundling written declarations takes a few
//   seconds; tsup's own declaration build made a second program of src/ (about 30 s of processor);
// - the code: tsup builds the ES modules, the CommonJS entries and the command line
//   (`OUTCOME_PAY_BUILD=code`), then scripts/build-schemas.mjs writes the JSON Schemas from
//   dist/schemas.js.
//
// dist/, .types/ and the schema files are removed first. A step that succeeds prints one line (its
// name and time), and its whole output too with `--verbose` or when the output warns of something; a
// step that fails prints its whole output,
// when its chain ends, so the two chains never interleave. The exit status is the first failure's,
// or 0.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const typecheck = process.argv.includes('--typecheck');
const verbose = process.argv.includes('--verbose');
const unknown = process.argv.slice(2).filter((a) => a !== '--typecheck' && a !== '--verbose');
if (unknown.length > 0) {
  console.error(`usage: node scripts/build.mjs [--typecheck] [--verbose] (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}

/** Where tsc writes the declarations that tsup bundles (tsup.config.ts reads them there). */
const DECLARATIONS = '.types';
/**
 * The tools' own scripts, run by this Node with no shell between (a shell would split a path with a
 * space in it, as Windows' C:\Program Files): the `bin` of typescript and of tsup.
 */
const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const TSUP = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js');

/** Runs a program in the project root, its output kept; resolves with its status, output and time. */
function step(label, command, args, env = {}) {
  const started = Date.now();
  return new Promise((resolveStep) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolveStep({ label, status: 1, output: Buffer.from(`${String(error)}\n`), ms: Date.now() - started }));
    child.on('close', (status, signal) => resolveStep({ label, status: status ?? (signal === null ? 1 : 128), output: Buffer.concat(output), ms: Date.now() - started }));
  });
}

/**
 * Names the shared declaration chunks as tsup names them when it builds the declarations itself
 * (`errors-<hash>.d.ts`): bundled from `errors.d.ts`, rollup calls the chunk `errors.d-<hash>.d.ts`.
 * Renames each such file of dist/ and rewrites the specifiers that name it in dist/'s declarations.
 */
function renameDeclarationChunks() {
  const label = 'declaration chunk names';
  const started = Date.now();
  const dist = join(root, 'dist');
  try {
    for (const file of readdirSync(dist)) {
      const named = /^([\w-]+)\.d-([\w-]+\.d\.c?ts)$/.exec(file);
      if (named !== null) renameSync(join(dist, file), join(dist, `${named[1]}-${named[2]}`));
    }
    const left = [];
    for (const file of readdirSync(dist)) {
      if (!/\.d\.c?ts$/.test(file)) continue;
      const text = readFileSync(join(dist, file), 'utf8');
      const renamed = text.replace(/(["']\.\/[\w-]+)\.d-([\w-]+\.c?js["'])/g, '$1-$2');
      if (renamed !== text) writeFileSync(join(dist, file), renamed);
      // a name this did not recognise (tsup or rollup naming chunks otherwise) is a failure, not a
      // half-renamed dist/
      if (file.includes('.d-') || /["']\.\/[^"']*\.d-/.test(renamed)) left.push(file);
    }
    if (left.length > 0) return { label, status: 1, output: Buffer.from(`chunk names left with ".d-" in dist/: ${left.join(', ')}\n`), ms: Date.now() - started };
    return { label, status: 0, output: Buffer.alloc(0), ms: Date.now() - started };
  } catch (error) {
    return { label, status: 1, output: Buffer.from(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`), ms: Date.now() - started };
  }
}

/** Runs the steps one after another, stopping at the first that fails; resolves with what ran. */
async function chain(...steps) {
  const done = [];
  for (const next of steps) {
    const result = await next();
    done.push(result);
    if (result.status !== 0) break;
  }
  return done;
}

for (const path of ['dist', DECLARATIONS, 'contract.schema.json', 'records.schema.json']) rmSync(join(root, path), { recursive: true, force: true });

const declarations = typecheck
  ? () => step('type check (tsconfig.json), writing the declarations', process.execPath, [TSC, '-p', 'tsconfig.json', '--noEmit', 'false', '--emitDeclarationOnly', '--rootDir', '.', '--outDir', DECLARATIONS])
  : () => step('declarations of src/ (scripts/tsconfig.declarations.json)', process.execPath, [TSC, '-p', 'scripts/tsconfig.declarations.json']);

const chains = [
  chain(declarations, () => step('tsup: types', process.execPath, [TSUP], { OUTCOME_PAY_BUILD: 'types' }), renameDeclarationChunks),
  chain(
    () => step('tsup: code', process.execPath, [TSUP], { OUTCOME_PAY_BUILD: 'code' }),
    () => step('JSON Schemas', process.execPath, ['scripts/build-schemas.mjs']),
  ),
];
let failed = 0;
for (const results of chains) {
  for (const { label, status, output, ms } of await results) {
    if (status !== 0) process.stderr.write(output);
    else if (verbose || /warn/i.test(output.toString('utf8'))) process.stdout.write(output);
    if (status !== 0) {
      console.error(`build: ${label} failed (status ${status})`);
      failed ||= status;
    } else {
      console.log(`build: ${label} (${(ms / 1000).toFixed(1)} s)`);
    }
  }
}
process.exitCode = failed;
