// The record of the mutation scores in docs/testing.md: which folders are measured, the table the
// mutation run writes (scripts/mutation.mjs) and the check that each recorded score still describes
// the code (test/mutation/record.test.ts, run in CI). A score describes the source files of its
// folder as they were when it was measured; the record keeps a hash of those files, so any change to
// them makes the record stale until the mutation test is run again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of src/ that are mutation tested, each against the tests in test/<folder>. */
export const MUTATION_FOLDERS = ['money', 'calendar', 'outcomes', 'settlement'];

/** The least mutation score (per cent) each folder must reach (issue #14). */
export const TARGET_SCORE = 85;

export const RECORD_FILE = 'docs/testing.md';
const START = '<!-- mutation-scores:start (written by `npm run test:mutation`) -->';
const END = '<!-- mutation-scores:end -->';
const HEADER = [
  '| folder | score | killed | timed out | survived | no coverage | errors | measured on | source hash |',
  '|---|---|---|---|---|---|---|---|---|',
];
const NOT_MEASURED = 'not yet measured';

/** The .ts files of src/<folder>, recursively, as sorted paths relative to root (with `/`). */
export function sourceFiles(root, folder) {
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(`src/${folder}`);
  return files.sort();
}

/**
 * SHA-256 of the source files of src/<folder> (each file's path and text, line ends made `\n`),
 * first 16 hex digits: changes when a file of the folder is added, removed, renamed or edited.
 */
export function sourceHash(root, folder) {
  const hash = createHash('sha256');
  for (const path of sourceFiles(root, folder)) {
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
 * The rows of the score table of docs/testing.md, one per folder of MUTATION_FOLDERS, in that
 * order: `{ folder, measured: false }` or `{ folder, measured: true, score, killed, timeout,
 * survived, noCoverage, errors, date, hash }`.
 */
export function readRecord(markdown) {
  const { start, end } = section(markdown);
  const rows = new Map();
  for (const line of markdown.slice(start, end).split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const folder = /^`src\/([a-z-]+)`$/.exec(cells[0] ?? '')?.[1];
    if (folder === undefined) continue;
    if (cells[1] === NOT_MEASURED) {
      rows.set(folder, { folder, measured: false });
      continue;
    }
    const score = /^(\d+\.\d\d) %$/.exec(cells[1] ?? '')?.[1];
    const count = (cell) => (/^\d+$/.test(cell ?? '') ? Number(cell) : Number.NaN);
    const hash = /^`([0-9a-f]{16})`$/.exec(cells[8] ?? '')?.[1];
    if (score === undefined || hash === undefined || !/^\d{4}-\d\d-\d\d$/.test(cells[7] ?? '')) {
      throw new Error(`${RECORD_FILE}: unreadable mutation score row: ${line}`);
    }
    rows.set(folder, {
      folder,
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
  return MUTATION_FOLDERS.map((folder) => rows.get(folder) ?? { folder, measured: false });
}

function rowText(row) {
  if (!row.measured) return `| \`src/${row.folder}\` | ${NOT_MEASURED} | | | | | | | |`;
  return `| \`src/${row.folder}\` | ${row.score.toFixed(2)} % | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.errors} | ${row.date} | \`${row.hash}\` |`;
}

/** docs/testing.md with the row of `row.folder` replaced (the other rows kept). */
export function writeRecord(markdown, row) {
  const { start, end } = section(markdown);
  const rows = readRecord(markdown).map((old) => (old.folder === row.folder ? row : old));
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
