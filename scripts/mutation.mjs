// Mutation testing (issue #14): `npm run test:mutation -- [folder...]`, folders among money,
// calendar, outcomes, settlement (all four when none is named; settlement takes hours).
//
// For each folder, Stryker mutates src/<folder>/**/*.ts and runs, for each mutant, the tests of
// test/<folder> that cover it (vitest.mutation.config.ts, coverage per test), one test runner at a
// time (the machine is shared). The run is incremental: the results of the last run are kept in
// reports/stryker-incremental-<folder>.json (committed), and only mutants whose code or covering
// tests changed since are run again. `--force` runs every mutant. Reports: reports/mutation/
// <folder>.html and .json (not committed). Then the folder's row of the score table in
// docs/testing.md is rewritten: score, counts, the date (UTC) and the hash of the source files
// that test/mutation/record.test.ts checks in CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_FOLDERS, RECORD_FILE, TARGET_SCORE, mutationScore, sourceHash, writeRecord } from './mutation-record.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((arg) => arg !== '--force').map((arg) => arg.replace(/^src\//, '').replace(/\/$/, ''));
for (const folder of named) {
  if (!MUTATION_FOLDERS.includes(folder)) {
    console.error(`unknown folder ${JSON.stringify(folder)}: mutation testing covers ${MUTATION_FOLDERS.join(', ')}`);
    process.exit(2);
  }
}
const folders = named.length > 0 ? named : MUTATION_FOLDERS;

async function mutate(folder) {
  process.env['MUTATION_TESTS'] = `test/${folder}`;
  const hashBefore = sourceHash('.', folder);
  const stryker = new Stryker({
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    concurrency: 1,
    mutate: [`src/${folder}/**/*.ts`],
    incremental: true,
    incrementalFile: `reports/stryker-incremental-${folder}.json`,
    force,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    htmlReporter: { fileName: `reports/mutation/${folder}.html` },
    jsonReporter: { fileName: `reports/mutation/${folder}.json` },
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
  if (sourceHash('.', folder) !== hashBefore) {
    throw new Error(`src/${folder} changed during the mutation run: not recorded, run it again`);
  }
  const score = mutationScore(counts);
  const date = new Date().toISOString().slice(0, 10);
  const markdown = readFileSync(RECORD_FILE, 'utf8');
  writeFileSync(
    RECORD_FILE,
    writeRecord(markdown, { folder, measured: true, score, killed: counts.killed, timeout: counts.timeout, survived: counts.survived, noCoverage: counts.noCoverage, errors: counts.errors, date, hash: hashBefore }),
  );
  console.log(`src/${folder}: ${score.toFixed(2)} % (killed ${counts.killed}, timed out ${counts.timeout}, survived ${counts.survived}, no coverage ${counts.noCoverage}, errors ${counts.errors}); recorded in ${RECORD_FILE}`);
  return score;
}

let below = 0;
for (const folder of folders) {
  const score = await mutate(folder);
  if (score < TARGET_SCORE) below++;
}
if (below > 0) {
  console.error(`${below} folder(s) below the target of ${TARGET_SCORE} %`);
  process.exitCode = 1;
}
