// The record of the mutation scores in docs/testing.md: which folders are measured, the table the
// mutation run writes (scripts/mutation.mjs) and the check that each recorded score still describes
// the code (test/mutation/record.test.ts, run in CI). A score describes the source files of its
// folder as they were when it was measured; the record keeps a hash of those files, so any change to
// them makes the record stale until the mutation test is run again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What is mutation tested, in the order of the score table. A target is a set of source files of
 * one folder of src/ (`folder`), tried against the tests of test/<folder>: a whole folder, or, for
 * src/settlement (5,000 mutants, hours), a part of it small enough to be run, and re-run after a
 * change, on its own: a subfolder, or the files directly in the folder whose name starts with a
 * letter of a range. `name` is what the table shows and what `npm run test:mutation -- <name>`
 * takes (the `src/` may be left out); `slug` names its incremental file.
 */
export const MUTATION_TARGETS = [
  { name: 'money', folder: 'money', dir: 'money', recursive: true },
  { name: 'calendar', folder: 'calendar', dir: 'calendar', recursive: true },
  { name: 'outcomes', folder: 'outcomes', dir: 'outcomes', recursive: true },
  { name: 'settlement/rules', folder: 'settlement', dir: 'settlement/rules', recursive: true },
  { name: 'settlement/caps', folder: 'settlement', dir: 'settlement/caps', recursive: true },
  { name: 'settlement/[a-o]*.ts', folder: 'settlement', dir: 'settlement', recursive: false, letters: 'a-o' },
  { name: 'settlement/[p-r]*.ts', folder: 'settlement', dir: 'settlement', recursive: false, letters: 'p-r' },
  { name: 'settlement/[s-z]*.ts', folder: 'settlement', dir: 'settlement', recursive: false, letters: 's-z' },
].map((target) => ({ ...target, slug: target.name.replace(/\[([a-z])-([a-z])\]\*\.ts$/, '$1-$2').replace(/\//g, '-') }));

/** The folders of src/ that are mutation tested, each against the tests in test/<folder>. */
export const MUTATION_FOLDERS = [...new Set(MUTATION_TARGETS.map((target) => target.folder))];

/** The least mutation score (per cent) each folder must reach (issue #14). */
export const TARGET_SCORE = 85;

export const RECORD_FILE = 'docs/testing.md';
const START = '<!-- mutation-scores:start (written by `npm run test:mutation`) -->';
const END = '<!-- mutation-scores:end -->';
const HEADER = [
  '| files | score | killed | timed out | survived | no coverage | errors | measured on | source hash |',
  '|---|---|---|---|---|---|---|---|---|',
];
const NOT_MEASURED = 'not yet measured';

/** The target named `name` (`settlement/rules` or `src/settlement/rules`), or undefined. */
export function findTarget(name) {
  const bare = name.replace(/^src\//, '').replace(/\/$/, '');
  return MUTATION_TARGETS.find((target) => target.name === bare);
}

function inTarget(target, fileName) {
  if (target.letters === undefined) return true;
  const [from, to] = target.letters.split('-');
  return fileName[0] >= from && fileName[0] <= to;
}

/** The globs Stryker mutates for a target. */
export function mutateGlobs(target) {
  return target.recursive ? [`src/${target.dir}/**/*.ts`] : [`src/${target.dir}/[${target.letters}]*.ts`];
}

/**
 * The .ts files of a target (a folder name such as `money` is the whole folder), as sorted paths
 * relative to root (with `/`).
 */
export function sourceFiles(root, targetOrFolder) {
  const target = typeof targetOrFolder === 'string' ? { dir: targetOrFolder, recursive: true } : targetOrFolder;
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (target.recursive) walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.ts') && inTarget(target, entry.name)) files.push(path);
    }
  };
  walk(`src/${target.dir}`);
  return files.sort();
}

/**
 * SHA-256 of the source files of a target (each file's path and text, line ends made `\n`),
 * first 16 hex digits: changes when a file of the target is added, removed, renamed or edited.
 */
export function sourceHash(root, targetOrFolder) {
  const hash = createHash('sha256');
  for (const path of sourceFiles(root, targetOrFolder)) {
    const text = readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n');
    hash.update(`${path}\0${text}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

function section(markdown) {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${RECORD_FILE} has no mutation score table (between "${START}" and "${END}")`);
  return { start, end: end + END.length };
}

/**
 * The rows of the score table of docs/testing.md, one per target of MUTATION_TARGETS, in that
 * order: `{ name, folder, measured: false }` or `{ name, folder, measured: true, score, killed,
 * timeout, survived, noCoverage, errors, date, hash }`.
 */
export function readRecord(markdown) {
  const { start, end } = section(markdown);
  const rows = new Map();
  for (const line of markdown.slice(start, end).split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const name = /^`src\/(.+)`$/.exec(cells[0] ?? '')?.[1];
    if (name === undefined) continue;
    const target = findTarget(name);
    if (target === undefined) throw new Error(`${RECORD_FILE}: a mutation score row for files that are not a target: ${line}`);
    if (cells[1] === NOT_MEASURED) {
      rows.set(name, { name, folder: target.folder, measured: false });
      continue;
    }
    const score = /^(\d+\.\d\d) %$/.exec(cells[1] ?? '')?.[1];
    const count = (cell) => (/^\d+$/.test(cell ?? '') ? Number(cell) : Number.NaN);
    const hash = /^`([0-9a-f]{16})`$/.exec(cells[8] ?? '')?.[1];
    if (score === undefined || hash === undefined || !/^\d{4}-\d\d-\d\d$/.test(cells[7] ?? '')) {
      throw new Error(`${RECORD_FILE}: unreadable mutation score row: ${line}`);
    }
    rows.set(name, {
      name,
      folder: target.folder,
      measured: true,
      score: Number(score),
      killed: count(cells[2]),
      timeout: count(cells[3]),
      survived: count(cells[4]),
      noCoverage: count(cells[5]),
      errors: count(cells[6]),
      date: cells[7],
      hash,
    });
  }
  return MUTATION_TARGETS.map((target) => rows.get(target.name) ?? { name: target.name, folder: target.folder, measured: false });
}

function rowText(row) {
  if (!row.measured) return `| \`src/${row.name}\` | ${NOT_MEASURED} | | | | | | | |`;
  return `| \`src/${row.name}\` | ${row.score.toFixed(2)} % | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.errors} | ${row.date} | \`${row.hash}\` |`;
}

/** docs/testing.md with the row of `row.name` replaced (the other rows kept). */
export function writeRecord(markdown, row) {
  const { start, end } = section(markdown);
  const rows = readRecord(markdown).map((old) => (old.name === row.name ? { ...row, folder: old.folder } : old));
  const table = [START, ...HEADER, ...rows.map(rowText), END].join('\n');
  return markdown.slice(0, start) + table + markdown.slice(end);
}

/**
 * Mutation score as Stryker computes it: detected (killed + timed out) over valid mutants
 * (detected + survived + no coverage), in per cent rounded down to 2 decimals so that a recorded
 * 85.00 % is never a rounded-up 84.996 %.
 */
export function mutationScore(counts) {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return valid === 0 ? 100 : Math.floor((detected * 10000) / valid) / 100;
}

/**
 * The score of each folder from the rows of its targets: the counts added up, and the score they
 * give, once every target of the folder is measured (`measured: false` until then).
 */
export function folderScores(rows) {
  return MUTATION_FOLDERS.map((folder) => {
    const parts = rows.filter((row) => row.folder === folder);
    if (parts.some((row) => !row.measured)) return { folder, measured: false, parts: parts.length };
    const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
    for (const row of parts) for (const key of Object.keys(counts)) counts[key] += row[key];
    return { folder, measured: true, parts: parts.length, ...counts, score: mutationScore(counts) };
  });
}
