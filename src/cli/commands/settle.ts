/**
 * `outcome-pay settle`: the settlement of a contract at a date, as JSON or as a readable summary.
 *
 * @module
 */
import type { Issue } from '../../errors.js';
import { ok, type Result } from '../../result.js';
import { settle, settleStream, type Settlement, type SettleOptions } from '../../settlement/index.js';
import { parseArgs } from '../args.js';
import { openRecordsStream, readJsonFile, readRecordsFile } from '../input.js';
import { openIssuesFile } from '../issues-file.js';
import { CliUsageError, EXIT } from '../io.js';
import { exclusionNotice } from '../excluded-warning.js';
import { issueLines } from '../print-issues.js';
import { printableLines } from '../printable.js';
import { settlementSummary } from '../summary.js';
import type { Command } from './command.js';

const USAGE = `Usage: outcome-pay settle --contract <file> --records <file> --as-of <YYYY-MM-DD>
                        [--previous <settlement.json>]... [--indicators <file>]
                        [--detail participants] [--strict] [--max-excluded <n|p%>]
                        [--allow-empty] [--summary] [--temp-dir <dir>] [--issues <file>]
                        [--evidence-fingerprint] [--amended-from <contract fingerprint>]...
                        [--allow-full-recovery]

Computes what is owed under the contract as of the date: every tranche, split among payers, each
amount explained (docs/settlement.md). Records: .json, .ndjson/.jsonl or .csv (docs/records.md).
  --previous     a settlement already paid (repeatable): only the difference is due now. Give
                 every settlement of the contract made so far: each records those it deducted,
                 and a missing one, one given twice or two made without each other are refused
  --amended-from the fingerprint.contract of an earlier version of this contract (repeatable):
                 previous settlements made with it are accepted; without it they are refused
  --allow-full-recovery   confirm a settlement that earns nothing and so recovers everything
                 paid before (refused otherwise: usually the records given are not complete)
  --indicators   JSON file: { "<indicator id>": { "<cohort id>": "<value>" } }
  --detail participants   list the participant ids behind every line
  --strict       fail on any invalid record (default: exclude it and report it)
  --max-excluded how many invalid records may be excluded: a number of records (10) or a share
                 of the records read (2%); beyond it nothing is settled (default 5%: a mistake
                 in the format of the file excludes most records, and must not settle the rest)
  --allow-empty  settle a records file with no records at all (refused by default)
  --summary      print a readable summary instead of the JSON document
  --issues       write the data-quality issues to this file, one JSON object per line, instead
                 of listing them in the settlement (which then gives their number as
                 issuesDelivered): with a streamed file, memory then does not grow with them
  --evidence-fingerprint  also give fingerprint.recordsEvidence: SHA-256 of every record, sorted
                 and hashed again, a fingerprint to rely on in a dispute (slower: a hash per record)
  --temp-dir     where a streamed NDJSON or CSV file keeps its participant id hashes (beyond
                 about a million records) and its invalid records' issue text (beyond 256 KB)
                 until the end (default: the system's temporary directory; the files are
                 removed when done)
Exit codes: 0 settled, every record valid; 3 settled, but invalid records were excluded (a warning
on stderr, or at the top of --summary, with the decisions they could change); 1 invalid input,
nothing settled (every problem is printed); 2 bad command line or a file that cannot be read or
written (named, with the system's reason).`;

function required(values: ReadonlyMap<string, string>, name: string): string {
  const value = values.get(name);
  if (value === undefined) throw new CliUsageError(`settle: missing --${name}`);
  return value;
}

/** The `settle` command. */
export const settleCommand: Command = {
  name: 'settle',
  summary: 'Compute what is owed at a date, per tranche and payer, with the audit trail.',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs('settle', args, {
      values: ['contract', 'records', 'as-of', 'indicators', 'detail', 'temp-dir', 'issues', 'max-excluded'],
      repeated: ['previous', 'amended-from'],
      flags: ['strict', 'summary', 'allow-empty', 'evidence-fingerprint', 'allow-full-recovery'],
    });
    const contractPath = required(parsed.values, 'contract');
    const recordsPath = required(parsed.values, 'records');
    const asOf = required(parsed.values, 'as-of');
    const detail = parsed.values.get('detail');
    if (detail !== undefined && detail !== 'participants' && detail !== 'totals') {
      throw new CliUsageError('settle: --detail takes "participants" or "totals"');
    }
    const contract = await readJsonFile(io, contractPath, 'contract');
    // NDJSON and CSV files are streamed: memory stays flat however many records they hold.
    const stream = await openRecordsStream(io, recordsPath);
    const records = stream === undefined ? await readRecordsFile(io, recordsPath) : undefined;
    const previous: unknown[] = [];
    for (const path of parsed.repeated.get('previous') ?? []) previous.push(await readJsonFile(io, path, 'previous settlement'));
    const maxExcluded = parsed.values.get('max-excluded');
    const indicatorsPath = parsed.values.get('indicators');
    const indicators = indicatorsPath === undefined ? undefined : await readJsonFile(io, indicatorsPath, 'indicators');
    const amendedFrom = parsed.repeated.get('amended-from');
    const options: SettleOptions = {
      asOf,
      previous,
      ...(indicators === undefined ? {} : { indicators: indicators as Record<string, Record<string, string>> }),
      ...(detail === undefined ? {} : { detail }),
      records: parsed.flags.has('strict') ? 'strict' : 'lenient',
      ...(parsed.flags.has('evidence-fingerprint') ? { evidenceFingerprint: true } : {}),
      ...(amendedFrom === undefined ? {} : { amendedFrom }),
      ...(parsed.flags.has('allow-full-recovery') ? { allowFullRecovery: true } : {}),
      ...(maxExcluded === undefined ? {} : { maxExcluded }),
      ...(parsed.flags.has('allow-empty') ? { allowEmpty: true } : {}),
    };
    const storage = io.spillStorage?.(parsed.values.get('temp-dir'));
    const issuesPath = parsed.values.get('issues');
    const issuesFile = issuesPath === undefined ? undefined : await openIssuesFile(io, issuesPath);
    let result: Result<Settlement>;
    try {
      if (stream !== undefined) {
        const settings = { ...(storage === undefined ? {} : { storage }), ...(issuesFile === undefined ? {} : { onIssue: issuesFile.onIssue }) };
        result = await settleStream(contract, stream, options, settings);
      } else {
        const whole = settle(contract, records ?? [], options);
        result = whole.ok && issuesFile !== undefined ? ok(issuesFile.moveFrom(whole.value)) : whole;
      }
    } catch (error) {
      await issuesFile?.discard();
      throw error;
    }
    if (!result.ok) {
      await issuesFile?.discard(); // issues already written belong to no settlement
      io.stderr(printProblems(result.issues));
      return EXIT.DATA;
    }
    await issuesFile?.close();
    const summary = parsed.flags.has('summary');
    io.stdout(summary ? settlementSummary(result.value) : `${JSON.stringify(result.value, null, 2)}\n`);
    if (result.value.dataQuality.recordsExcluded === 0) return EXIT.OK;
    if (!summary) io.stderr(printableLines([`outcome-pay: ${exclusionNotice(result.value)}`]));
    return EXIT.EXCLUDED;
  },
};

/** Every problem, one per line; the one about the records as a whole last, where it is seen. */
function printProblems(issues: readonly Issue[]): string {
  const whole = issues.filter((issue) => issue.code === 'RECORDS_EXCLUDED_LIMIT');
  const ordered = [...issues.filter((issue) => !whole.includes(issue)), ...whole];
  return `${issueLines(ordered)}settle: ${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was settled\n`;
}
