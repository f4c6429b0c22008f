/**
 * `--lang fr`: what the command line itself writes on stderr is in French too (#18, the new user's
 * trial: under --lang fr the warnings and problems came in English). The codes and paths stay as
 * they are; a message written by the engine stays in English after a French sentence naming its
 * code; the JSON and the files written do not change with the language. Every expected text is
 * written out by hand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/dispatch.js';
import { EXIT } from '../../src/cli/io.js';
import { stderrLang } from '../../src/cli/stderr-messages.js';
import { capturedNodeIo } from './captured-node-io.js';
import { fakeIo } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'outcome-pay-stderr-lang-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const files = {
  'v1.json': readFileSync('test/fixtures/v1/examples/region-sud/contract.json', 'utf8'),
  'contract.json': readFileSync('examples/region-sud/contract.json', 'utf8'),
  'records.csv': readFileSync('examples/region-sud/records.csv', 'utf8'),
  'not-a-contract.json': '{ "schemaVersion": "2.0" }',
};
const RECORDS = ['--records', 'records.csv', '--as-of', '2025-06-30'];

describe('stderr under --lang fr', () => {
  it('the problems that stopped a command: each with its code and path, in a French sentence, the count in French', async () => {
    const io = fakeIo(files);
    expect(await run(['settle', '--contract', 'not-a-contract.json', ...RECORDS, '--summary', '--lang', 'fr'], io)).toBe(EXIT.DATA);
    const lines = io.stderrText().trimEnd().split('\n');
    // every problem line: "Erreur <CODE> à <path> : <the engine's English message>"
    expect(lines.slice(0, -1).every((line) => /^Erreur [A-Z_]+ à \S* : \S/.test(line))).toBe(true);
    const count = lines.length - 1;
    expect(count).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(`settle: ${String(count)} problèmes trouvés ; rien n’a été réglé`);
    expect(io.stdoutText()).toBe('');
  });

  it('one problem in English and in French: singular', async () => {
    const en = fakeIo(files);
    // no --participant value known: PARTICIPANT_UNKNOWN, the one problem
    expect(await run(['explain', '--contract', 'contract.json', ...RECORDS, '--participant', 'NOBODY'], en)).toBe(EXIT.DATA);
    expect(en.stderrText()).toMatch(/^PARTICIPANT_UNKNOWN at .*\nexplain: nothing to explain\n$/);
    const fr = fakeIo(files);
    expect(await run(['explain', '--contract', 'contract.json', ...RECORDS, '--participant', 'NOBODY', '--format', 'text', '--lang', 'fr'], fr)).toBe(EXIT.DATA);
    expect(fr.stderrText()).toMatch(/^Erreur PARTICIPANT_UNKNOWN à .* : .*\nexplain: rien à expliquer\n$/);
  });

  it('the warning of records excluded, in French for a report and in English by default; the report written either way', async () => {
    const args = ['report', '--contract', 'examples/region-sud/contract.json', '--records', 'examples/region-sud/records.csv', '--as-of', '2025-06-30', '--overwrite'];
    const fr = capturedNodeIo();
    expect(await run([...args, '--out', join(work, 'fr.html'), '--lang', 'fr'], fr)).toBe(EXIT.EXCLUDED);
    // Région Sud: 3 of 94 records are invalid on purpose, no decision at risk (its README)
    expect(fr.stderrText()).toBe("outcome-pay: attention : 3 enregistrements sur 94 ont été exclus car invalides (dataQuality.issues) ; aucune décision ne changerait s’ils étaient comptés ; code de sortie 3\n");
    const en = capturedNodeIo();
    expect(await run([...args, '--out', join(work, 'en.html')], en)).toBe(EXIT.EXCLUDED);
    expect(en.stderrText()).toBe('outcome-pay: warning: 3 of 94 records were excluded as invalid (dataQuality.issues); no decision would change with them counted; exit status 3\n');
  });

  it('a contract upgraded on read: the notice names its code in French, its message in English', async () => {
    const io = fakeIo(files);
    expect(await run(['settle', '--contract', 'v1.json', ...RECORDS, '--summary', '--lang', 'fr'], io)).toBe(EXIT.EXCLUDED);
    expect(io.stderrText()).toMatch(/^outcome-pay: v1\.json: avis CONTRACT_UPGRADED \(message en anglais\) : schemaVersion "1\.0" read as "2\.0": /);
  });

  it('a usage error: the French frame, the command line\'s sentence, where to find the help', async () => {
    const missing = fakeIo(files);
    expect(await run(['settle', '--contract', 'absent.json', ...RECORDS, '--summary', '--lang', 'fr'], missing)).toBe(EXIT.USAGE);
    expect(missing.stderrText()).toMatch(/^outcome-pay: erreur d’utilisation \(message en anglais\) : cannot read contract file "absent\.json".*\nVoir « outcome-pay settle --help » pour l’usage \(en anglais\)\.\n$/);
    const unknown = fakeIo(files);
    expect(await run(['report', '--lang', 'fr'], unknown)).toBe(EXIT.USAGE);
    expect(unknown.stderrText()).toBe("outcome-pay: erreur d’utilisation (message en anglais) : report: required option '--contract <file>' not specified\nVoir « outcome-pay report --help » pour l’usage (en anglais).\n");
    const english = fakeIo(files);
    expect(await run(['report'], english)).toBe(EXIT.USAGE);
    expect(english.stderrText()).toBe("outcome-pay: report: required option '--contract <file>' not specified\nRun 'outcome-pay report --help' for usage.\n");
  });

  it('the language of stderr is read from the arguments: the last --lang wins, anything but fr is English', () => {
    expect(stderrLang(['report', '--lang', 'fr'])).toBe('fr');
    expect(stderrLang(['report', '--lang=fr'])).toBe('fr');
    expect(stderrLang(['report', '--lang', 'fr', '--lang', 'en'])).toBe('en');
    expect(stderrLang(['report', '--lang', 'de'])).toBe('en');
    expect(stderrLang(['settle', '--summary'])).toBe('en');
  });
});
