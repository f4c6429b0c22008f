#!/usr/bin/env node
// Checks the package as it would be published.
//
//   node scripts/check-package.mjs [--no-build]
//
// 1. `npm run build` (skipped with --no-build; dist/ must then already exist),
// 2. `npm pack` into a temporary directory, and checks the tarball lists the files package.json
//    points at (dist/index.{js,cjs,d.ts,d.cts}, dist/cli.js executable with a shebang),
// 3. publint on the tarball (strict: any warning or error fails; suggestions are printed only),
// 4. @arethetypeswrong/cli on the tarball (strict profile; any problem fails, and so does a
//    package with no types at all, which attw itself would let pass),
// 5. every relative import of every JavaScript file in the tarball (dist/ holds the ES modules one
//    file per source module) names a file of the tarball exactly, as Node's ES module resolution
//    wants it (extension written, no directory index), read from esbuild's metafile; and each
//    entry point of exports, unpacked, loads in Node by import and by require with the same names,
//    and the OutcomePayError any of its functions throws when misused is the main entry's class,
// 6. runs the built CLI (`node dist/cli.js --version`) and compares with package.json.
//
// Prints every tool's output and exits 1 if any check reported a problem, 2 for a bad command
// line. Needs no network: publint and attw are local devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failures = [];

function heading(text) {
  process.stdout.write(`\n== ${text} ==\n`);
}

function fail(step, message) {
  failures.push(step);
  process.stdout.write(`FAIL ${step}: ${message}\n`);
}

function pass(step, message = 'ok') {
  process.stdout.write(`ok   ${step}: ${message}\n`);
}

const args = process.argv.slice(2);
let build = true;
for (const arg of args) {
  if (arg === '--no-build') build = false;
  else if (arg === '--help' || arg === '-h') {
    process.stdout.write('Usage: node scripts/check-package.mjs [--no-build]\n');
    process.exit(0);
  } else {
    process.stderr.write(`check-package: unknown argument ${JSON.stringify(arg)}\nUsage: node scripts/check-package.mjs [--no-build]\n`);
    process.exit(2);
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'outcome-pay-pack-'));

try {
  await main();
} catch (error) {
  fail('check-package', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  process.stdout.write(`\ncheck-package: FAILED (${failures.join(', ')})\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('\ncheck-package: all checks passed\n');
}

async function main() {
  if (build) {
    heading('npm run build');
    const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      fail('build', `npm run build exited with ${result.status ?? result.signal}`);
      return;
    }
    pass('build');
  }
  if (!existsSync(join(root, 'dist'))) {
    fail('build', 'dist/ does not exist (run without --no-build, or run `npm run build` first)');
    return;
  }

  heading('npm pack');
  const packed = spawnSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
  });
  if (packed.status !== 0) {
    process.stdout.write(packed.stdout ?? '');
    process.stdout.write(packed.stderr ?? '');
    fail('pack', `npm pack exited with ${packed.status ?? packed.signal}`);
    return;
  }
  let info;
  try {
    // npm may print warnings before the JSON; the JSON array starts at the first '[' line.
    const text = packed.stdout.slice(packed.stdout.search(/^\[/m));
    info = JSON.parse(text)[0];
  } catch {
    process.stdout.write(packed.stdout);
    fail('pack', 'could not read the output of npm pack --json');
    return;
  }
  const tarball = join(work, info.filename);
  const files = new Map(info.files.map((f) => [f.path, f]));
  process.stdout.write(`${info.filename}: ${info.files.length} files, ${info.size} bytes packed\n`);
  for (const f of info.files) process.stdout.write(`  ${f.path}\n`);
  checkPackedFiles(files);

  heading('publint');
  await runPublint(tarball);

  heading('attw (@arethetypeswrong/cli)');
  runAttw(tarball);

  heading('relative imports and entry points (unpacked tarball)');
  await checkUnpacked(tarball, info.files.map((f) => f.path));

  heading('CLI smoke test');
  const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
  if (cli.status === 0 && cli.stdout.trim() === pkg.version) pass('cli', `dist/cli.js --version printed ${pkg.version}`);
  else {
    process.stdout.write(cli.stdout ?? '');
    process.stdout.write(cli.stderr ?? '');
    fail('cli', `dist/cli.js --version exited ${cli.status} and printed ${JSON.stringify(cli.stdout?.trim())}, expected ${pkg.version}`);
  }
}

function checkPackedFiles(files) {
  const required = new Set();
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) required.add(value.slice(2));
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(pkg.exports);
  collect(pkg.bin);
  for (const field of ['main', 'module', 'types']) collect(pkg[field]);
  const missing = [...required].filter((p) => !files.has(p));
  if (missing.length > 0) fail('pack-contents', `the tarball lacks ${missing.join(', ')}`);
  else pass('pack-contents', `all ${required.size} files named in package.json are in the tarball`);

  const stray = [...files.keys()].filter((p) => /^(src|test|bench|scripts|examples|\.ci)\//.test(p));
  if (stray.length > 0) fail('pack-contents', `the tarball includes development files: ${stray.join(', ')}`);

  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  for (const bin of bins) {
    const path = bin.replace(/^\.\//, '');
    const entry = files.get(path);
    if (entry === undefined) continue;
    if ((entry.mode & 0o111) === 0) fail('bin', `${path} is not executable in the tarball`);
    const first = readFileSync(join(root, path), 'utf8').split('\n', 1)[0];
    if (first !== '#!/usr/bin/env node') fail('bin', `${path} does not start with "#!/usr/bin/env node"`);
    else pass('bin', `${path} is executable and has a node shebang`);
  }
}

/** The files a relative specifier may name: exact paths only, as Node's ES module resolution. */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function checkUnpacked(tarball, paths) {
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  const tar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked], { encoding: 'utf8' });
  if (tar.status !== 0) {
    fail('unpack', `tar exited with ${tar.status ?? tar.signal}: ${tar.stderr}`);
    return;
  }
  const pkgDir = join(unpacked, 'package');

  // Every relative import of every JavaScript file, through esbuild's metafile (which keeps each
  // import's specifier as written); the dependencies stay external.
  const scripts = paths.filter((p) => /\.(c|m)?js$/.test(p));
  const { build } = await import('esbuild');
  let metafile;
  try {
    ({ metafile } = await build({
      entryPoints: scripts.map((p) => join(pkgDir, p)),
      absWorkingDir: pkgDir,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      write: false,
      outdir: join(work, 'esbuild-out'),
      entryNames: '[dir]/[name]-[hash]', // dist/index.js and dist/index.cjs apart
      metafile: true,
      logLevel: 'silent',
    }));
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => `${e.location?.file ?? '?'}: ${e.text}`);
    for (const m of messages) process.stdout.write(`  ${m}\n`);
    fail('relative-imports', `esbuild could not follow the imports of the tarball's files (${messages.length} error(s))`);
    return;
  }
  let count = 0;
  const broken = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const { original } of imports) {
      if (original === undefined || !/^\.\.?\//.test(original)) continue;
      count += 1;
      const target = resolve(pkgDir, dirname(input), original);
      if (!isFile(target) || relative(pkgDir, target).startsWith('..')) broken.push(`${input}: ${original}`);
    }
  }
  for (const b of broken) process.stdout.write(`  ${b}\n`);
  if (broken.length > 0) fail('relative-imports', `${broken.length} relative import(s) name no file of the tarball`);
  else if (count === 0) fail('relative-imports', `no relative import found in ${scripts.length} files: the check saw nothing`);
  else pass('relative-imports', `${count} relative imports in ${scripts.length} JavaScript files, each names a file of the tarball`);

  // Each entry point of exports loads by import and by require, with the same names. The
  // dependencies come from this checkout's node_modules (a symlink beside the unpacked package).
  symlinkSync(join(root, 'node_modules'), join(unpacked, 'node_modules'), 'dir');
  const entries = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && target.import && target.require);
  const probe = `
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(join(pkgDir, 'package.json'))});
    const out = {};
    const list = ${JSON.stringify(entries.map(([name, target]) => [name, join(pkgDir, target.import.default), join(pkgDir, target.require.default)]))};
    for (const [name, esm, cjs] of list) {
      const a = Object.keys(await import(esm)).sort();
      const b = Object.keys(require(cjs)).filter((k) => k !== '__esModule').sort();
      out[name] = { esm: a.length, cjs: b.length, same: JSON.stringify(a) === JSON.stringify(b), foreign: [] };
      // Every function of the entry, called with no argument, misuses the API: whatever
      // OutcomePayError it throws must be the class the main entry exports, loaded the same way
      // (an entry bundling its own copy of the class breaks instanceof for its users).
      for (const [loader, mod, main] of [['import', await import(esm), await import(list[0][1])], ['require', require(cjs), require(list[0][2])]]) {
        for (const [key, value] of Object.entries(mod)) {
          if (typeof value !== 'function' || /^[A-Z]/.test(key)) continue;
          let thrown;
          try { await value(); } catch (error) { thrown = error; }
          if (thrown?.name === 'OutcomePayError') {
            out[name].probed = (out[name].probed ?? 0) + 1;
            if (!(thrown instanceof main.OutcomePayError)) out[name].foreign.push(loader + ' ' + key);
          }
        }
      }
    }
    console.log(JSON.stringify(out));`;
  const loaded = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: unpacked, encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(loaded.stdout);
  } catch {
    process.stdout.write(loaded.stdout ?? '');
    process.stdout.write(loaded.stderr ?? '');
    fail('entry-points', `loading the unpacked entry points exited ${loaded.status ?? loaded.signal}`);
    return;
  }
  const bad = Object.entries(report).filter(([, r]) => !r.same || r.esm === 0);
  for (const [name, r] of Object.entries(report)) process.stdout.write(`  ${name}: ${r.esm} exports by import, ${r.cjs} by require${r.same ? '' : ' (NOT the same names)'}; ${r.probed ?? 0} misuse errors probed${r.foreign.length > 0 ? `, NOT the main entry's OutcomePayError: ${r.foreign.join(', ')}` : ''}\n`);
  if (bad.length > 0) fail('entry-points', `${bad.map(([name]) => name).join(', ')}: import and require do not give the same exports`);
  else pass('entry-points', `${entries.length} entry points load in Node by import and by require, with the same exports`);
  const foreign = Object.entries(report).filter(([, r]) => r.foreign.length > 0);
  const probed = Object.values(report).reduce((n, r) => n + (r.probed ?? 0), 0);
  if (foreign.length > 0) fail('shared-error-class', `${foreign.map(([name]) => name).join(', ')} throw an OutcomePayError that is not an instance of the main entry's class`);
  else if (probed === 0) fail('shared-error-class', 'no entry point threw an OutcomePayError when misused: the check saw nothing');
  else pass('shared-error-class', `${probed} misuse errors from every entry point are instances of the main entry's OutcomePayError, by import and by require`);
}

async function runPublint(tarball) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const buffer = readFileSync(tarball);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const { messages, pkg: linted } = await publint({ pack: { tarball: arrayBuffer }, level: 'suggestion', strict: true });
  for (const type of ['error', 'warning', 'suggestion']) {
    const ofType = messages.filter((m) => m.type === type);
    if (ofType.length === 0) continue;
    process.stdout.write(`${type}s:\n`);
    for (const m of ofType) {
      process.stdout.write(`  [${m.code}] ${formatMessage(m, linted, { color: false }) ?? m.code}\n`);
    }
  }
  const problems = messages.filter((m) => m.type === 'error' || m.type === 'warning');
  if (problems.length > 0) fail('publint', `${problems.length} warning(s)/error(s)`);
  else {
    const suggestions = messages.length;
    pass('publint', suggestions === 0 ? 'no messages' : `no warnings or errors (${suggestions} suggestion(s) shown above)`);
  }
}

function runAttw(tarball) {
  const require = createRequire(join(root, 'package.json'));
  let bin;
  try {
    const attwPkgPath = require.resolve('@arethetypeswrong/cli/package.json');
    const attwPkg = JSON.parse(readFileSync(attwPkgPath, 'utf8'));
    bin = join(dirname(attwPkgPath), typeof attwPkg.bin === 'string' ? attwPkg.bin : attwPkg.bin.attw);
  } catch {
    fail('attw', '@arethetypeswrong/cli is not installed (it is a devDependency: run npm ci)');
    return;
  }
  // Run from the temporary directory so no .attw.json can silence rules; strict profile.
  const common = [bin, tarball, '--profile', 'strict', '--no-emoji'];
  const shown = spawnSync(process.execPath, [...common, '--format', 'table-flipped', '--no-color'], {
    cwd: work,
    encoding: 'utf8',
  });
  process.stdout.write(shown.stdout ?? '');
  process.stdout.write(shown.stderr ?? '');

  const json = spawnSync(process.execPath, [...common, '--format', 'json'], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  let analysis;
  try {
    analysis = JSON.parse(json.stdout).analysis;
  } catch {
    process.stdout.write(json.stderr ?? '');
    fail('attw', `could not read attw --format json output (exit ${json.status})`);
    return;
  }
  const problems = Array.isArray(analysis?.problems) ? analysis.problems : [];
  if (shown.status !== 0 || json.status !== 0 || problems.length > 0) {
    for (const p of problems) {
      process.stdout.write(`  ${p.kind}${p.entrypoint ? ` at ${p.entrypoint}` : ''}${p.resolutionKind ? ` (${p.resolutionKind})` : ''}\n`);
    }
    fail('attw', `${problems.length} problem(s); attw exited ${shown.status}`);
  } else if (!analysis?.types || analysis.types.kind !== 'included') {
    fail('attw', `the package does not ship its own types (types: ${JSON.stringify(analysis?.types ?? false)})`);
  } else {
    pass('attw', 'no problems');
  }
}
