/**
 * Printing issues for people (one line each, in English or French) or machines (JSON).
 *
 * @module
 */
import { ownValue } from '../own-data.js';
import { formatPath, type Issue } from '../errors.js';
import type { Lang } from '../format/index.js';
import { printableLines } from './printable.js';
import { STDERR_MESSAGES, type Undone } from './stderr-messages.js';

/**
 * One line per issue: `CODE at path (record 3, participant P-17, line 5): message`, in French
 * `Erreur CODE à path (enregistrement 3, participant P-17, ligne 5) : message` (the code, the path
 * and the engine's message as they are), made {@link printableLines | printable} (a participant id
 * or a message quoting the input cannot act on the terminal).
 *
 * @example
 * issueLines([{ code: 'DATE_IMPOSSIBLE', path: ['period', 'start'], message: '...' }]);
 */
export function issueLines(issues: readonly Issue[], lang: Lang = 'en'): string {
  const m = STDERR_MESSAGES[lang];
  return printableLines(
    issues.map((issue) => {
      const where: string[] = [];
      const recordIndex = ownValue(issue, 'recordIndex');
      const participantId = ownValue(issue, 'participantId');
      const line = ownValue(issue, 'line');
      if (recordIndex !== undefined) where.push(m.record(String(recordIndex)));
      if (participantId !== undefined) where.push(m.participant(participantId));
      if (line !== undefined) where.push(m.line(String(line)));
      return m.issue(issue.code, formatPath(issue.path), where, issue.message);
    }),
  );
}

/**
 * The problems that stopped a command, one line each, then `<command>: 3 problems found; nothing
 * was settled` (in French `3 problèmes trouvés ; rien n’a été réglé`).
 *
 * @example
 * problemsFound('settle', issues, 'settled'); // '...\nsettle: 1 problem found; nothing was settled\n'
 */
export function problemsFound(command: string, issues: readonly Issue[], undone: Undone, lang: Lang = 'en'): string {
  return `${issueLines(issues, lang)}${command}: ${STDERR_MESSAGES[lang].problemsFound(issues.length, undone)}\n`;
}
