/**
 * Printing issues for people (one line each) or machines (JSON).
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { formatPath, type Issue } from '../errors.js';
import { printableLines } from './printable.js';

/**
 * One line per issue: `CODE at path (record 3, participant P-17, line 5): message`, made
 * {@link printableLines | printable} (a participant id or a message quoting the input cannot act
 * on the terminal).
 *
 * @example
 * issueLines([{ code: 'DATE_IMPOSSIBLE', path: ['period', 'start'], message: '...' }]);
 */
export function issueLines(issues: readonly Issue[]): string {
  return printableLines(
    issues.map((issue) => {
      const where: string[] = [];
      const recordIndex = ownValue(issue, 'recordIndex');
      const participantId = ownValue(issue, 'participantId');
      const line = ownValue(issue, 'line');
      if (recordIndex !== undefined) where.push(`record ${recordIndex}`);
      if (participantId !== undefined) where.push(`participant ${participantId}`);
      if (line !== undefined) where.push(`line ${line}`);
      const context = where.length > 0 ? ` (${where.join(', ')})` : '';
      return `${issue.code} at ${formatPath(issue.path)}${context}: ${issue.message}`;
    }),
  );
}
