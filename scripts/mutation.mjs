// Mutation testing (issue #14): `npm run test:mutation -- [target...] [--force]`. A target is a
// folder among money, calendar, outcomes, or a part of settlement (settlement/rules,
// settlement/caps, settlement/[a-o]*.ts, settlement/[p-r]*.ts, settlement/[s-z]*.ts; `settlement`
// names all five; the whole of settlement takes hours). Nothing named: every target.
//
// For each target, Stryker mutates its files and runs, for each mutant, the tests of
// test/<folder> that cover it (vitest.mutation.config.ts, coverage per test), one test runner at a
// time (the machine is shared). The run is incremental: the results of the last run are kept in
// reports/stryker-incremental-<slug>.json (committed), and only mutants whose code or covering
// tests changed since are run again; a static mutant (one in code run when a module loads, which
// Stryker runs against every test, with no coverage per test) it never runs again when only tests
// changed, so one that was not killed is taken out of the file first and tried afresh (a few
// minutes each run). `--force` runs every mutant. Reports: reports/mutation/
// <slug>.html and .json (not committed). Then the target's row of the score table in
// docs/testing.md is rewritten: score, counts, the date (UTC) and the hash of the source files
// that test/mutation/record.test.ts checks in CI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_TARGETS, RECORD_FILE, TARGET_SCORE, findTarget, folderScores, mutateGlobs, mutationScore, readRecord, sourceHash, writeRecord } from './mutation-record.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
// --properties: settlement's property files run too (vitest.mutation.config.ts; hours a part).
if (args.includes('--properties')) process.env['MUTATION_PROPERTIES'] = '1';
// A fixed fast-check seed (unless one is given): a mutant's verdict must not depend on the cases a
// random seed draws (a random seed once failed the dry run on a case of its own).
process.env['FC_SEED'] ??= '20261124';
// --concurrency N: test runners side by side (default 1: the machine is shared; 2 on an idle
// 2-core machine halves the run).
const concurrencyAt = args.indexOf('--concurrency');
const concurrency = concurrencyAt === -1 ? 1 : Number(args[concurrencyAt + 1]);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error('--concurrency: a whole number of test runners, at least 1');
  process.exit(2);
}
const named = args.filter((arg, at) => arg !== '--force' && arg !== '--properties' && arg !== '--concurrency' && (concurrencyAt === -1 || at !== concurrencyAt + 1));
const targets = [];
for (const name of named) {
  const bare = name.replace(/^src\//, '').replace(/\/$/, '');
  const found = findTarget(bare) === undefined ? MUTATION_TARGETS.filter((target) => target.folder === bare && target.name !== bare) : [findTarget(bare)];
  if (found.length === 0) {
    console.error(`unknown target ${JSON.stringify(name)}: mutation testing covers ${MUTATION_TARGETS.map((target) => target.name).join(', ')} (settlement: all its parts)`);
    process.exit(2);
  }
  for (const target of found) if (!targets.includes(target)) targets.push(target);
}
if (targets.length === 0) targets.push(...MUTATION_TARGETS);

/**
 * Takes the static mutants that were not killed out of an incremental file, so that Stryker tries
 * them again: its incremental mode reuses a static mutant's result until its code changes, even
 * when tests that would kill it were added since (stryker-js issues #4372 and #6119). Returns how
 * many were taken out.
 */
function retryStaticSurvivors(file) {
  if (!existsSync(file)) return 0;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let taken = 0;
  for (const entry of Object.values(report.files ?? {})) {
    const kept = entry.mutants.filter((mutant) => !(mutant.static === true && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')));
    taken += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  if (taken > 0) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return taken;
}

async function mutate(target) {
  process.env['MUTATION_TESTS'] = `test/${target.folder}`;
  const incrementalFile = `reports/stryker-incremental-${target.slug}.json`;
  const retried = force ? 0 : retryStaticSurvivors(incrementalFile);
  if (retried > 0) console.log(`src/${target.name}: ${retried} static mutant(s) not killed last time are tried again`);
  const hashBefore = sourceHash('.', target);
  const stryker = new Stryker({
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    concurrency,
    mutate: mutateGlobs(target),
    incremental: true,
    incrementalFile,
    force,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    htmlReporter: { fileName: `reports/mutation/${target.slug}.html` },
    jsonReporter: { fileName: `reports/mutation/${target.slug}.json` },
    // The sandbox is a copy of the project: leave out what no test reads.
    ignorePatterns: ['dist', 'coverage', 'bench/data', '.ci-out', '*.tgz', 'reports'],
    tempDirName: '.stryker-tmp',
    // A loaded shared machine runs a test slower than the dry run measured; a mutant is timed out
    // only well past that (a time-out counts as detected, so a generous limit is the honest one).
    timeoutMS: 15_000,
    dryRunTimeoutMinutes: 30,
    thresholds: { high: 90, low: TARGET_SCORE, break: null },
  });
  const results = await stryker.runMutationTest();
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 };
  for (const result of results) {
    if (result.status === 'Killed') counts.killed++;
    else if (result.status === 'Timeout') counts.timeout++;
    else if (result.status === 'Survived') counts.survived++;
    else if (result.status === 'NoCoverage') counts.noCoverage++;
    else if (result.status === 'Ignored') counts.ignored++;
    else counts.errors++; // CompileError, RuntimeError: not valid mutants, not in the score
  }
  if (sourceHash('.', target) !== hashBefore) {
    throw new Error(`src/${target.name} changed during the mutation run: not recorded, run it again`);
  }
  const score = mutationScore(counts);
  const date = new Date().toISOString().slice(0, 10);
  const markdown = readFileSync(RECORD_FILE, 'utf8');
  writeFileSync(
    RECORD_FILE,
    writeRecord(markdown, { name: target.name, folder: target.folder, measured: true, score, killed: counts.killed, timeout: counts.timeout, survived: counts.survived, noCoverage: counts.noCoverage, errors: counts.errors, date, hash: hashBefore }),
  );
  console.log(`src/${target.name}: ${score.toFixed(2)} % (killed ${counts.killed}, timed out ${counts.timeout}, survived ${counts.survived}, no coverage ${counts.noCoverage}, errors ${counts.errors}); recorded in ${RECORD_FILE}`);
  return score;
}

for (const target of targets) await mutate(target);
// The issue's target is per folder: a folder in parts is scored from all its parts' counts.
let below = 0;
for (const folder of folderScores(readRecord(readFileSync(RECORD_FILE, 'utf8')))) {
  if (!folder.measured) {
    console.log(`src/${folder.folder}: not every part measured yet`);
    continue;
  }
  console.log(`src/${folder.folder}: ${folder.score.toFixed(2)} %${folder.parts > 1 ? ` over its ${folder.parts} parts` : ''}`);
  if (folder.score < TARGET_SCORE) below++;
}
if (below > 0) {
  console.error(`${below} folder(s) below the target of ${TARGET_SCORE} %`);
  process.exitCode = 1;
}
