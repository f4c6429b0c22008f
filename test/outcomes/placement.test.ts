import { describe, expect, it } from 'vitest';
import { placement, record, resolveText } from './helpers.js';

describe('placement', () => {
  it('is achieved on the start of a spell starting on the last day of the window (inclusive)', () => {
    // Enrolled 2024-01-01, window 90 days: last day = 2024-01-01 + 90 = 2024-03-31 (Jan 31 + Feb 29 = 60 days to
    // 2024-03-01, + 30 = 2024-03-31). A spell starting on 2024-03-31 qualifies.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-31' }] });
    expect(resolveText([placement()], rec, '2024-12-31')).toEqual([
      { status: 'achieved', on: '2024-03-31', anchor: '2024-03-31', reason: 'SPELL_IN_WINDOW' },
    ]);
  });

  it('fails on A + N + 1 when the only spell starts the day after the window', () => {
    // Last day 2024-03-31 (see above); a start on 2024-04-01 is outside; failed on 2024-03-31 + 1 = 2024-04-01.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-04-01' }] });
    expect(resolveText([placement()], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-04-01', reason: 'WINDOW_CLOSED' }]);
  });

  it('is pending while the window is open, failed once it closed', () => {
    const rec = record({ enrolledOn: '2024-01-01' });
    expect(resolveText([placement()], rec, '2024-03-31')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([placement()], rec, '2024-04-01')).toEqual([{ status: 'failed', on: '2024-04-01', reason: 'WINDOW_CLOSED' }]);
  });

  it('ignores spells starting after asOf', () => {
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-02-10' }] });
    expect(resolveText([placement()], rec, '2024-02-09')).toEqual([{ status: 'pending', reason: 'WINDOW_OPEN' }]);
    expect(resolveText([placement()], rec, '2024-02-10')).toEqual([
      { status: 'achieved', on: '2024-02-10', anchor: '2024-02-10', reason: 'SPELL_IN_WINDOW' },
    ]);
  });

  it('counts from exit, and waits for an exit that is not recorded (or dated after asOf)', () => {
    const o = placement({ window: { from: 'exit', days: 30 } });
    // Exit 2024-05-31; window [2024-05-31, 2024-06-30]; spell starting 2024-06-30 = 2024-05-31 + 30 qualifies.
    const rec = record({ enrolledOn: '2024-01-01', exitedOn: '2024-05-31', spells: [{ start: '2024-02-01', end: '2024-03-01' }, { start: '2024-06-30' }] });
    expect(resolveText([o], rec, '2024-07-31')).toEqual([{ status: 'achieved', on: '2024-06-30', anchor: '2024-06-30', reason: 'SPELL_IN_WINDOW' }]);
    expect(resolveText([o], rec, '2024-05-30')).toEqual([{ status: 'pending', reason: 'AWAITING_EXIT' }]);
    expect(resolveText([o], record({ enrolledOn: '2024-01-01' }), '2030-01-01')).toEqual([{ status: 'pending', reason: 'AWAITING_EXIT' }]);
  });

  it('requires minimum hours and contract type; unknown values do not qualify', () => {
    const o = placement({ minWeeklyHours: '24', contractTypes: ['permanent'] });
    const rec = record({
      enrolledOn: '2024-01-01',
      spells: [
        { start: '2024-01-05', end: '2024-01-09', hours: 23.5, type: 'permanent' }, // too few hours
        { start: '2024-01-10', end: '2024-01-14', type: 'permanent' }, // hours unknown
        { start: '2024-01-15', end: '2024-01-19', hours: 35 }, // type unknown
        { start: '2024-01-20', end: '2024-01-24', hours: 35, type: 'fixed-term' }, // wrong type
        { start: '2024-01-25', hours: 24, type: 'permanent' }, // exactly 24 hours: qualifies
      ],
    });
    expect(resolveText([o], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-01-25', anchor: '2024-01-25', reason: 'SPELL_IN_WINDOW' }]);
    // With "any", an unknown contract type is fine.
    const any = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-15', hours: 35 }] });
    expect(resolveText([placement({ minWeeklyHours: '24' })], any, '2024-12-31')[0]?.status).toBe('achieved');
  });

  it('with minSpellDays, is achieved on start + minSpellDays - 1, also for an ongoing spell', () => {
    // Start 2024-03-01, 30 days: 2024-03-01 + 29 = 2024-03-30 is the 30th day.
    const o = placement({ minSpellDays: 30 });
    const ongoing = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-01' }] });
    expect(resolveText([o], ongoing, '2024-03-29')).toEqual([{ status: 'pending', reason: 'SPELL_RUNNING' }]);
    expect(resolveText([o], ongoing, '2024-03-30')).toEqual([{ status: 'achieved', on: '2024-03-30', anchor: '2024-03-01', reason: 'SPELL_IN_WINDOW' }]);
    // Ending exactly on the 30th day is long enough (length = end - start + 1 = 30).
    const exact = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-01', end: '2024-03-30' }] });
    expect(resolveText([o], exact, '2024-12-31')[0]?.status).toBe('achieved');
  });

  it('with minSpellDays, a spell ending too short drops out the day after its end; failure is the later of that and A + N + 1', () => {
    const o = placement({ minSpellDays: 30 });
    // Window last day 2024-03-31. Spell 2024-03-20 .. 2024-04-15 lasts 27 days (< 30): drops on 2024-04-16,
    // later than the window close 2024-04-01, so failed on 2024-04-16.
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-03-20', end: '2024-04-15' }] });
    expect(resolveText([o], rec, '2024-04-15')).toEqual([{ status: 'pending', reason: 'SPELL_RUNNING' }]);
    expect(resolveText([o], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-04-16', reason: 'SPELL_TOO_SHORT' }]);
    // A short spell early in the window: drops 2024-01-20, but the window closes on 2024-04-01.
    const early = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-10', end: '2024-01-19' }] });
    expect(resolveText([o], early, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-04-01', reason: 'SPELL_TOO_SHORT' }]);
  });

  it('picks the spell that qualifies first, not the one that starts first', () => {
    // minSpellDays 10: spell A starts 2024-01-05, ends 2024-01-12 (8 days, drops); spell B starts 2024-01-20,
    // qualifies 2024-01-20 + 9 = 2024-01-29.
    const o = placement({ minSpellDays: 10 });
    const rec = record({ enrolledOn: '2024-01-01', spells: [{ start: '2024-01-05', end: '2024-01-12' }, { start: '2024-01-20' }] });
    expect(resolveText([o], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-01-29', anchor: '2024-01-20', reason: 'SPELL_IN_WINDOW' }]);
  });

  it('does not count a spell that started before the anchor, even if still running in the window', () => {
    const rec = record({ enrolledOn: '2024-01-10', spells: [{ start: '2024-01-09' }] });
    expect(resolveText([placement()], rec, '2024-12-31')[0]?.status).toBe('failed');
  });
});
