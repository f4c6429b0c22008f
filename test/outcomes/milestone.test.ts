import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/schema.js';
import { record, resolveText } from './helpers.js';

type Milestone = Extract<Outcome, { kind: 'milestone' }>;
const windowed: Milestone = { kind: 'milestone', id: 'trained', name: 'Trained', event: 'training-completed', within: { from: 'enrolment', days: 60 } };
const open: Milestone = { kind: 'milestone', id: 'cert', name: 'Certified', event: 'certified' };

describe('milestone', () => {
  it('is achieved on the earliest event of its kind in the window', () => {
    // Enrolled 2024-01-01; window [2024-01-01, 2024-03-01] (2024-01-01 + 60: 31 days to Feb 1, 29 more to Mar 1).
    const rec = record({ enrolledOn: '2024-01-01', events: [['other', '2024-01-05'], ['training-completed', '2024-03-01'], ['training-completed', '2024-02-01']] });
    expect(resolveText([windowed], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-02-01', reason: 'EVENT_RECORDED' }]);
    expect(resolveText([windowed], rec, '2024-01-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
  });

  it('fails the day after the window when no event fell in it', () => {
    const rec = record({ enrolledOn: '2024-01-01', events: [['training-completed', '2024-03-02'], ['training-completed', '2023-12-31']] });
    expect(resolveText([windowed], rec, '2024-03-01')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([windowed], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-03-02', reason: 'WINDOW_CLOSED' }]);
  });

  it('without a window, never fails', () => {
    const rec = record({ enrolledOn: '2024-01-01', events: [['certified', '2029-05-01']] });
    expect(resolveText([open], rec, '2029-04-30')).toEqual([{ status: 'pending', reason: 'AWAITING_EVENT' }]);
    expect(resolveText([open], rec, '2029-05-01')).toEqual([{ status: 'achieved', on: '2029-05-01', reason: 'EVENT_RECORDED' }]);
  });

  it('waits for an exit anchor', () => {
    const fromExit: Milestone = { ...windowed, within: { from: 'exit', days: 10 } };
    expect(resolveText([fromExit], record({ enrolledOn: '2024-01-01', events: [['training-completed', '2024-01-02']] }), '2024-12-31')).toEqual([
      { status: 'pending', reason: 'AWAITING_EXIT' },
    ]);
  });
});
