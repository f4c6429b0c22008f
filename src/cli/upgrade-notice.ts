/**
 * The notice the command line gives, on stderr, when it reads a contract written in an earlier
 * version of the format: it was upgraded on read, and `outcome-pay migrate` rewrites the file.
 *
 * @module
 */
import { upgradeContract, upgradeNotice } from '../contract/migrate.js';
import type { Lang } from '../format/index.js';
import type { CliIo } from './io.js';
import { printableLines } from './printable.js';
import { STDERR_MESSAGES } from './stderr-messages.js';

/**
 * Prints the notice on stderr for a contract read from `path` (its JSON value), when it is in an
 * earlier version of the format; nothing otherwise. In French (`lang` `fr`), the notice's code
 * named in a French sentence before its English message.
 *
 * @example
 * printUpgradeNotice(io, 'old.json', contractJson);
 * // stderr: 'outcome-pay: old.json: schemaVersion "1.0" read as "2.0": ...; outcome-pay migrate rewrites the file\n'
 */
export function printUpgradeNotice(io: CliIo, path: string, contract: unknown, lang: Lang = 'en'): void {
  const upgrade = upgradeContract(contract);
  if (upgrade.from === undefined) return;
  const notice = upgradeNotice(upgrade, 'read');
  io.stderr(printableLines([`outcome-pay: ${path}: ${STDERR_MESSAGES[lang].notice(notice.code, notice.message)}`]));
}
