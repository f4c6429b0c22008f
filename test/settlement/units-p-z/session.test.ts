/**
 * The settlement session (src/settlement/session.ts), for the mutants of the 2026-12-07 run that
 * survived: the inputs fingerprint with and without the records evidence (recomputed with
 * node:crypto from its parts), the issues a caller delivers elsewhere counted and hashed, the
 * data quality without `issuesDelivered` when none were delivered, and openSession's refusals.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OutcomePayError } from '../../../src/errors.js';
import { parseContract, settle, validateRecords, type Issue, type Settlement } from '../../../src/index.js';
import { checkOptions, openSession, readPrevious } from '../../../src/internal.js';

const minimal: unknown = JSON.parse(readFileSync('test/corpus/contracts/bases/minimal.json', 'utf8'));
const records = [{ id: 'P1', cohort: '2024-A', enrolledOn: '2024-01-02', spells: [{ start: '2024-02-01' }] }];
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function settled(options: Record<string, unknown>): Settlement {
  const result = settle(minimal, records, { asOf: '2025-06-30', ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 2)));
  return result.value;
}

function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof OutcomePayError) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error('nothing thrown');
}

function parts() {
  const parsed = parseContract(minimal);
  if (!parsed.ok) throw new Error('contract');
  const checked = checkOptions({ asOf: '2025-06-30' }, parsed.value);
  if (checked.options === undefined) throw new Error('options');
  const validated = validateRecords(records, { cohortIds: new Set(['2024-A']), groupIds: new Set(['youth']) });
  if (!validated.ok) throw new Error('records');
  return { contract: parsed.value, options: checked.options, previous: readPrevious([], parsed.value, checked.options.asOf).value, records: validated.value.records };
}

describe('the inputs fingerprint', () => {
  it('without the records evidence: the version and the three hashes, joined by |', () => {
    const s = settled({});
    const f = s.fingerprint;
    expect(f.recordsEvidence).toBeNull();
    expect(f.inputs).toBe(sha256(`outcome-pay ${s.library.version}|${f.contract}|${f.records}|${f.options}`));
  });

  it('with it: the evidence hash appended after one more |', () => {
    const s = settled({ evidenceFingerprint: true });
    const f = s.fingerprint;
    expect(f.recordsEvidence).toMatch(/^[0-9a-f]{64}$/);
    expect(f.inputs).toBe(sha256(`outcome-pay ${s.library.version}|${f.contract}|${f.records}|${f.options}|${String(f.recordsEvidence)}`));
  });
});

describe('finishDelivering and finish', () => {
  const quality = { recordsRead: 1, recordsSettled: 1, recordsExcluded: 0, issues: [] };
  const issue = (n: number): Issue => ({ code: 'RECORD_INVALID', path: [n, 'id'], message: `issue ${String(n)}` }) as unknown as Issue;

  it('the issues delivered elsewhere are counted, one each, and change the records hash', async () => {
    const { contract, options, previous, records: valid } = parts();
    const session = (): ReturnType<typeof openSession> => {
      const one = openSession(contract, options, previous);
      for (const record of valid) one.add(record);
      return one;
    };
    const none = await session().finishDelivering(quality, 'o', { each: () => Promise.resolve() });
    const two = await session().finishDelivering(quality, 'o', {
      each: (visit: (issue: Issue) => void) => {
        visit(issue(1));
        visit(issue(2));
        return Promise.resolve();
      },
    });
    if (!none.ok || !two.ok) throw new Error('not finished');
    expect([none.value.dataQuality.issuesDelivered, two.value.dataQuality.issuesDelivered]).toEqual([0, 2]);
    expect(two.value.fingerprint.records).not.toBe(none.value.fingerprint.records);
    // finish, with no issues delivered elsewhere, writes no issuesDelivered at all
    const finished = session().finish(quality, 'o');
    if (!finished.ok) throw new Error('not finished');
    expect(Object.keys(finished.value.dataQuality)).toEqual(['recordsRead', 'recordsSettled', 'recordsExcluded', 'issues']);
  });
});

describe('finish with what the caller gives', () => {
  it('the issues a caller says it delivered elsewhere are written as given', () => {
    const { contract, options, previous, records: valid } = parts();
    const session = openSession(contract, options, previous);
    for (const record of valid) session.add(record);
    const finished = session.finish({ recordsRead: 1, recordsSettled: 1, recordsExcluded: 0, issues: [], issuesDelivered: 3 }, 'o');
    if (!finished.ok) throw new Error('not finished');
    expect(finished.value.dataQuality.issuesDelivered).toBe(3);
  });

  it('records excluded without their cohorts: the decisions at risk are still weighed (none in this contract)', () => {
    const { contract, options, previous, records: valid } = parts();
    const session = openSession(contract, options, previous);
    for (const record of valid) session.add(record);
    const finished = session.finish({ recordsRead: 2, recordsSettled: 1, recordsExcluded: 1, issues: [] }, 'o');
    if (!finished.ok) throw new Error('not finished');
    expect(finished.value.dataQuality.decisionsAtRisk).toEqual([]);
  });
});

describe('openSession refuses what is not its arguments', () => {
  it('names the function, the argument and what it must be', () => {
    const { contract, options, previous } = parts();
    expect(thrown(() => openSession({} as never, options, previous))).toMatch(/^ARGUMENT_INVALID openSession: contract\.\w+ must be /);
    expect(thrown(() => openSession(contract, { ...options, asOf: 'x' } as never, previous))).toBe(
      'ARGUMENT_INVALID openSession: options.asOf must be a day number in checked options (the options of checkOptions), not the string "x"',
    );
    expect(thrown(() => openSession(contract, options, { ...previous, paid: {} } as never))).toBe(
      'ARGUMENT_INVALID openSession: previous.paid must be a Map in previous payments (the value of readPrevious), not an object',
    );
  });
});
