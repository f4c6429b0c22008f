/**
 * What the outcome resolver says when it refuses a value: the stable code, the path, and the
 * message a person reads (it names the function, the argument and the value), written out here;
 * and the compiled form of each kind of outcome, field by field.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/index.js';
import type { Outcome } from '../../src/contract/schema.js';
import { parseAmount } from '../../src/money/index.js';
import { compileOutcomes, resolveParticipant, retentionEnd, statusAt, type Resolution } from '../../src/outcomes/index.js';
import { expectCompiled } from '../../src/outcomes/compile.js';
import type { CompiledOutcomes } from '../../src/outcomes/compiled-form.js';
import { placedOrResolution } from '../../src/outcomes/dependent.js';
import { notApplicable } from '../../src/outcomes/resolution.js';
import { resolveRecord } from '../../src/outcomes/resolve.js';
import { thrown } from '../thrown.js';
import { d, placement, record, show } from './helpers.js';

const retention: Outcome = {
  kind: 'retention', id: 'ret', name: 'Retention', placementOutcome: 'placement', months: 6,
  measure: { kind: 'anniversary' }, endBoundary: 'inclusive',
};
const indicator: Outcome = { kind: 'cohortIndicator', id: 'sat', name: 'Satisfaction', unit: 'score' };
const milestone: Outcome = { kind: 'milestone', id: 'trained', name: 'Trained', event: 'training-completed', within: { from: 'exit', days: 30 } };
const invalid = (name: string, message: string): unknown => ({ code: 'ARGUMENT_INVALID', message, path: name.split('.') });

describe('compileOutcomes refuses what is not a parsed contract\'s outcomes', () => {
  it('names a list that is not an array', () => {
    expect(thrown(() => compileOutcomes('placement' as never))).toEqual(
      invalid('outcomes', 'compileOutcomes: outcomes must be an array of a parsed contract\'s outcomes, not the string "placement"'),
    );
  });

  it('names the first outcome that is not one, by its place in the list', () => {
    // outcomes[1] has no kind the schema knows: the schema's first issue (at kind) lists the kinds it knows;
    // the path is the argument as named in the message
    expect(thrown(() => compileOutcomes([placement(), { kind: 'bonus', id: 'b' } as never]))).toEqual({
      code: 'ARGUMENT_INVALID',
      message:
        'compileOutcomes: outcomes[1] must be an outcome of a parsed contract (kind: expected one of "placement", "retention", "wageProgression", "milestone", "cohortIndicator", "earningsThreshold", "quarterAfterExit", got the string "bonus"), not an object',
      path: ['outcomes[1]'],
    });
  });

  it('refuses an id used twice, at the second use', () => {
    expect(thrown(() => compileOutcomes([placement(), indicator, placement()]))).toEqual({
      code: 'OUTCOME_ID_DUPLICATE',
      message: 'outcome id "placement" is used twice',
      path: ['outcomes', 2, 'id'],
    });
  });

  it('refuses a retention or wage progression that counts from a missing or non-placement outcome', () => {
    expect(thrown(() => compileOutcomes([indicator, retention]))).toEqual({
      code: 'OUTCOME_PLACEMENT_REFERENCE',
      message: 'outcome "ret" counts from "placement", which is not a placement outcome of the contract',
      path: ['outcomes', 1, 'placementOutcome'],
    });
    const wage: Outcome = {
      kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'sat', months: 6,
      baseline: 'preProgramme', threshold: { kind: 'amount', amount: '100' },
    };
    expect(thrown(() => compileOutcomes([placement(), indicator, wage]))).toEqual({
      code: 'OUTCOME_PLACEMENT_REFERENCE',
      message: 'outcome "wage" counts from "sat", which is not a placement outcome of the contract',
      path: ['outcomes', 2, 'placementOutcome'],
    });
  });
});

describe('compileOutcomes: the compiled form of each kind', () => {
  it('keeps what resolution reads, and nothing of the contract\'s texts', () => {
    const wage: Outcome = {
      kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'placement', weeks: 26,
      baseline: 'placement', threshold: { kind: 'percent', percent: '12.5' },
    };
    const rise: Outcome = { ...wage, id: 'rise', days: 90, weeks: undefined, threshold: { kind: 'amount', amount: '150.50' } };
    const job = placement({ minWeeklyHours: '24.5', minSpellDays: 30, contractTypes: ['permanent', 'fixed-term'] });
    const compiled = compileOutcomes([milestone, indicator, retention, job, wage, rise, { ...milestone, id: 'any', within: undefined }]);
    expect(compiled.outcomes).toEqual([
      { kind: 'milestone', id: 'trained', event: 'training-completed', within: { from: 'exit', days: 30 } },
      { kind: 'cohortIndicator', id: 'sat' },
      { kind: 'retention', id: 'ret', placement: 3, duration: { unit: 'months', count: 6 }, measure: { kind: 'anniversary' }, endBoundary: 'inclusive' },
      {
        kind: 'placement', id: 'placement', window: { from: 'enrolment', days: 90 },
        contractTypes: new Set(['permanent', 'fixed-term']), minWeeklyHours: 24.5, minSpellDays: 30,
      },
      { kind: 'wageProgression', id: 'wage', placement: 3, duration: { unit: 'weeks', count: 26 }, baseline: 'placement', threshold: { kind: 'percent', percent: parseAmount('12.5') } },
      { kind: 'wageProgression', id: 'rise', placement: 3, duration: { unit: 'days', count: 90 }, baseline: 'placement', threshold: { kind: 'amount', amount: parseAmount('150.50') } },
      { kind: 'milestone', id: 'any', event: 'training-completed', within: undefined },
    ]);
    // the placement (index 3) first, then the others in contract order
    expect(compiled.order).toEqual([3, 0, 1, 2, 4, 5, 6]);
    expect([...compiled.indexById]).toEqual([['trained', 0], ['sat', 1], ['ret', 2], ['placement', 3], ['wage', 4], ['rise', 5], ['any', 6]]);
  });
});

describe('expectCompiled', () => {
  const good = compileOutcomes([placement(), retention, indicator, milestone]);
  const what = 'compiled outcomes (the value of compileOutcomes)';

  it('passes compiled outcomes of every kind', () => {
    const wage: Outcome = {
      kind: 'wageProgression', id: 'wage', name: 'Wage', placementOutcome: 'placement', months: 6,
      baseline: 'preProgramme', threshold: { kind: 'amount', amount: '100' },
    };
    const all = compileOutcomes([placement(), retention, wage, milestone, indicator]);
    expect(thrown(() => { expectCompiled('f', 'compiled', all); })).toBe('nothing thrown');
    // one kind at a time, so that each kind is known on its own
    for (const o of all.outcomes) {
      const one: CompiledOutcomes = { outcomes: [o], order: [0], indexById: new Map([[o.id, 0]]) };
      expect(thrown(() => { expectCompiled('f', 'compiled', one); }), o.kind).toBe('nothing thrown');
    }
  });

  it('refuses what is not an object', () => {
    expect(thrown(() => { expectCompiled('settle', 'plan.outcomes', 7); })).toEqual(invalid('plan.outcomes', `settle: plan.outcomes must be ${what}, not the number 7`));
  });

  it('names the first field that is wrong', () => {
    const at = (value: unknown): unknown => thrown(() => { expectCompiled('f', 'compiled', value); });
    expect(at({ ...good, outcomes: 'x' })).toEqual(invalid('compiled.outcomes', `f: compiled.outcomes must be an array of compiled outcomes in ${what}, not the string "x"`));
    const outcomesError = (value: unknown): unknown => at({ ...good, outcomes: [good.outcomes[0], value] });
    const badList = invalid('compiled.outcomes', `f: compiled.outcomes must be an array of compiled outcomes in ${what}, not an array`);
    expect(outcomesError('placement')).toEqual(badList); // not an object
    expect(outcomesError({ kind: 'bonus', id: 'b' })).toEqual(badList); // unknown kind
    expect(outcomesError({ id: 'b' })).toEqual(badList); // no kind
    expect(outcomesError({ kind: 'milestone', id: 3 })).toEqual(badList); // id not a string
    expect(outcomesError({ kind: 'milestone' })).toEqual(badList); // no id
    expect(at({ ...good, order: { 0: 0 } })).toEqual(invalid('compiled.order', `f: compiled.order must be an array of indexes in ${what}, not an object`));
    expect(at({ ...good, order: [0, -1] })).toEqual(invalid('compiled.order', `f: compiled.order must be an array of indexes in ${what}, not an array`));
    expect(at({ ...good, order: [1.5, 0] })).toEqual(invalid('compiled.order', `f: compiled.order must be an array of indexes in ${what}, not an array`));
    expect(at({ ...good, indexById: { get: 1 } })).toEqual(invalid('compiled.indexById', `f: compiled.indexById must be a Map in ${what}, not an object`));
    expect(at({ outcomes: good.outcomes, order: good.order })).toEqual(invalid('compiled.indexById', `f: compiled.indexById must be a Map in ${what}, not undefined`));
  });

  it('refuses an order that points past the outcomes (the last index is length - 1)', () => {
    // four outcomes: indexes 0 to 3
    expect(thrown(() => { expectCompiled('f', 'compiled', { ...good, order: [0, 1, 2, 3] }); })).toBe('nothing thrown');
    expect(thrown(() => { expectCompiled('f', 'compiled', { ...good, order: [3] }); })).toBe('nothing thrown');
    expect(thrown(() => { expectCompiled('f', 'compiled', { ...good, order: [0, 4] }); })).toEqual(
      invalid('compiled.order', 'f: compiled.order must be indexes of its outcomes, not an array'),
    );
    expect(thrown(() => { expectCompiled('f', 'compiled', { ...good, order: [4, 0] }); })).toEqual(
      invalid('compiled.order', 'f: compiled.order must be indexes of its outcomes, not an array'),
    );
  });
});

describe('statusAt refuses what is not a resolution or a day number', () => {
  const expected = 'a resolution (from resolveParticipant)';
  const ok: Resolution = { status: 'achieved', on: d('2024-03-01'), anchor: undefined, reason: 'EVENT_RECORDED' };

  it('names the resolution, its status, or its date', () => {
    expect(thrown(() => statusAt(null as never, d('2024-03-01')))).toEqual(invalid('resolution', `statusAt: resolution must be ${expected}, not null`));
    expect(thrown(() => statusAt({ status: 'won', on: d('2024-03-01') } as never, d('2024-03-01')))).toEqual(
      invalid('resolution.status', `statusAt: resolution.status must be the status of ${expected}, not the string "won"`),
    );
    // achieved and failed need a day number; pending and not applicable have none
    for (const status of ['achieved', 'failed'] as const) {
      expect(thrown(() => statusAt({ ...ok, status, on: '2024-03-01' } as never, d('2024-03-01'))), status).toEqual(
        invalid('resolution.on', `statusAt: resolution.on must be a day number in ${expected}, not the string "2024-03-01"`),
      );
      expect(thrown(() => statusAt({ ...ok, status, on: 19783.5 } as never, d('2024-03-01'))), status).toEqual(
        invalid('resolution.on', `statusAt: resolution.on must be a day number in ${expected}, not the number 19783.5`),
      );
      expect(thrown(() => statusAt({ ...ok, status, on: undefined } as never, d('2024-03-01'))), status).toEqual(
        invalid('resolution.on', `statusAt: resolution.on must be a day number in ${expected}, not undefined`),
      );
    }
    expect(statusAt({ status: 'pending', on: undefined, anchor: undefined, reason: 'WINDOW_OPEN' }, d('2024-03-01'))).toBe('pending');
    expect(statusAt(notApplicable(), d('2024-03-01'))).toBe('notApplicable');
  });

  it('says when the resolution cannot be read', () => {
    const hostile = Object.defineProperty({}, 'status', { get: () => { throw new Error('no status here'); } });
    expect(thrown(() => statusAt(hostile as never, d('2024-03-01')))).toEqual({
      code: 'ARGUMENT_INVALID',
      message: 'statusAt: resolution could not be read (no status here)',
      path: ['resolution'],
    });
  });

  it('refuses a date that is not a day number', () => {
    expect(thrown(() => statusAt(ok, '2024-03-01' as never))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'statusAt: date must be a day number (from parseDate), not the string "2024-03-01"',
      path: ['date'],
    });
  });
});

describe('resolveParticipant checks its arguments', () => {
  const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15' }] });
  // the fields expectContract reads; the outcomes are what is resolved
  const contract = {
    id: 'c', currency: 'EUR', rounding: 'perPayment', period: {}, parties: { payers: [] }, cohorts: [],
    outcomes: [retention, placement()], rules: [], tranches: [],
  } as unknown as Contract;

  it('resolves a valid record against the contract\'s outcomes', () => {
    // placement 2024-01-15; 6-month anniversary 2024-07-15, employed then
    expect(resolveParticipant(rec, contract, d('2024-12-31')).map(show)).toEqual([
      { status: 'achieved', on: '2024-07-15', anchor: '2024-01-15', reason: 'EMPLOYED_ON_END_DATE' },
      { status: 'achieved', on: '2024-01-15', anchor: '2024-01-15', reason: 'SPELL_IN_WINDOW' },
    ]);
  });

  it('names the record, the contract and the as-of date', () => {
    expect(thrown(() => resolveParticipant('P1' as never, contract, d('2024-12-31')))).toEqual(
      invalid('record', 'resolveParticipant: record must be a validated record (from validateRecords), not the string "P1"'),
    );
    expect(thrown(() => resolveParticipant(rec, [] as never, d('2024-12-31')))).toEqual(
      invalid('contract', 'resolveParticipant: contract must be a parsed contract (the value of parseContract), not an array'),
    );
    expect(thrown(() => resolveParticipant(rec, contract, '2024-12-31' as never))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'resolveParticipant: asOf must be a day number (from parseDate), not the string "2024-12-31"',
      path: ['asOf'],
    });
  });
});

describe('retentionEnd checks its arguments', () => {
  it('names the anchor, the months and the end boundary', () => {
    expect(thrown(() => retentionEnd('2024-01-01' as never, 6, 'inclusive'))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'retentionEnd: anchor must be a day number (from parseDate), not the string "2024-01-01"',
      path: ['anchor'],
    });
    expect(thrown(() => retentionEnd(d('2024-01-01'), 6.5, 'inclusive'))).toEqual({
      code: 'CALENDAR_ARGUMENT_INVALID',
      message: 'retentionEnd: months must be a whole number, not the number 6.5',
      path: ['months'],
    });
    expect(thrown(() => retentionEnd(d('2024-01-01'), 6, 'open' as never))).toEqual(
      invalid('endBoundary', 'retentionEnd: endBoundary must be one of "inclusive", "exclusive", not the string "open"'),
    );
  });
});

describe('states the resolver cannot be in are reported as OUTCOME_INTERNAL, not as a TypeError', () => {
  it('an achieved placement without an anchor, or a not applicable one', () => {
    const noAnchor: Resolution = { status: 'achieved', on: d('2024-03-01'), anchor: undefined, reason: 'SPELL_IN_WINDOW' };
    expect(thrown(() => placedOrResolution(noAnchor))).toEqual({ code: 'OUTCOME_INTERNAL', message: 'an achieved placement has no anchor', path: [] });
    expect(thrown(() => placedOrResolution(notApplicable()))).toEqual({ code: 'OUTCOME_INTERNAL', message: 'a placement cannot be not applicable', path: [] });
  });

  it('a dependent outcome evaluated before its placement', () => {
    const compiled = compileOutcomes([placement(), retention]);
    // the retention (index 1) first: its placement has no resolution yet
    const wrongOrder: CompiledOutcomes = { ...compiled, order: [1, 0] };
    expect(thrown(() => resolveRecord(record({ enrolledOn: '2024-01-01' }), wrongOrder, d('2024-12-31')))).toEqual({
      code: 'OUTCOME_INTERNAL',
      message: 'a placement was not resolved before its dependents',
      path: [],
    });
  });
});
