/**
 * `settle --issues <file>`: the data-quality issues written to a file, one JSON object per line,
 * instead of being listed in the settlement document.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import type { Settlement } from '../settlement/index.js';
import { fileError } from './file-error.js';
import { CliUsageError, type CliFile, type CliIo } from './io.js';

/**
 * An issues file being written: `onIssue` appends one issue as a line of JSON; `moveFrom` takes
 * the issues a settlement lists out into the file (the whole-file path); `close` keeps the file,
 * `discard` removes it (the settlement failed: its issues belong to nothing).
 *
 * @example
 * const out = await openIssuesFile(io, 'issues.ndjson');
 * const result = await settleStream(contract, source, options, { onIssue: out.onIssue });
 */
export interface IssuesFile {
  readonly onIssue: (issue: Issue) => void;
  moveFrom(settlement: Settlement): Settlement;
  close(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Creates the issues file (emptied if it exists). A file that cannot be created is a usage
 * error naming it.
 *
 * @example
 * const out = await openIssuesFile(io, 'issues.ndjson');
 */
export async function openIssuesFile(io: CliIo, path: string): Promise<IssuesFile> {
  if (io.createFile === undefined) throw new CliUsageError('settle: --issues needs a file system to write to');
  let file: CliFile;
  try {
    file = await io.createFile(path);
  } catch (error) {
    throw fileError('write', 'issues', path, error);
  }
  const onIssue = (issue: Issue): void => {
    file.write(`${JSON.stringify(issue)}\n`);
  };
  return {
    onIssue,
    moveFrom(settlement) {
      const { issues, ...counts } = settlement.dataQuality;
      for (const issue of issues) onIssue(issue);
      return { ...settlement, dataQuality: { ...counts, issues: [], issuesDelivered: issues.length } };
    },
    close: () => file.close(),
    discard: () => file.discard(),
  };
}
