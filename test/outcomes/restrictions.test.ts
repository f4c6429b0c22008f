/**
 * Outcomes restricted to some jobs (sectors, employers) or some participants (groups), resolved
 * one participant at a time (docs/mechanics/sectors-and-groups.md). Every expected date and status
 * is worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { countsAsJob, inGroups, jobSpells } from '../../src/outcomes/spells.js';
import type { EmploymentSpell, OutcomeRecord } from '../../src/records/schema.js';
import { d, placement, record, resolveText } from './helpers.js';

/** A record whose spells carry a sector and an employer (or not), and whose participant is in `groups`. */
function withJobs(groups: readonly string[], spells: readonly { start: string; end?: string; sector?: string; employer?: string }[], enrolledOn = '2024-01-01'): OutcomeRecord {
  const base = record({ enrolledOn, spells: spells.map((spell) => ({ start: spell.start, ...(spell.end === undefined ? {} : { end: spell.end }) })) });
  const jobs: EmploymentSpell[] = base.spells.map((spell, index) => {
    const text = spells[index];
    return { ...spell, ...(text?.sector === undefined ? {} : { sector: text.sector }), ...(text?.employer === undefined ? {} : { employer: text.employer }) };
  });
  return { ...base, groups: [...groups], spells: jobs };
}

const spell = (extra: Partial<EmploymentSpell>): EmploymentSpell => ({ start: d('2024-02-01'), ...extra });

describe('which job counts', () => {
  it('a sector list counts a spell in a listed sector only; a spell with no sector is in no list', () => {
    const jobs = { sectors: new Set(['62.01Z']), employers: undefined };
    expect([countsAsJob(jobs, spell({ sector: '62.01Z' })), countsAsJob(jobs, spell({ sector: '86.10Z' })), countsAsJob(jobs, spell({}))]).toEqual([true, false, false]);
  });

  it('an employer list counts a spell with a listed employer only', () => {
    const jobs = { sectors: undefined, employers: new Set(['E1', 'E2']) };
    expect([countsAsJob(jobs, spell({ employer: 'E2' })), countsAsJob(jobs, spell({ employer: 'E3' })), countsAsJob(jobs, spell({ sector: '62.01Z' }))]).toEqual([true, false, false]);
  });

  it('both lists: a spell must match both', () => {
    const jobs = { sectors: new Set(['62.01Z']), employers: new Set(['E1']) };
    expect([
      countsAsJob(jobs, spell({ sector: '62.01Z', employer: 'E1' })),
      countsAsJob(jobs, spell({ sector: '62.01Z', employer: 'E2' })),
      countsAsJob(jobs, spell({ sector: '86.10Z', employer: 'E1' })),
      countsAsJob(jobs, spell({ sector: '62.01Z' })),
    ]).toEqual([true, false, false, false]);
    // no list at all: every job counts
    expect(countsAsJob({ sectors: undefined, employers: undefined }, spell({}))).toBe(true);
  });

  it('jobSpells keeps the spells that count, in order, and is the same list without a restriction', () => {
    const spells = [spell({ sector: 'A' }), spell({ sector: 'B', start: d('2024-03-01') }), spell({ sector: 'A', start: d('2024-04-01') })];
    expect(jobSpells(undefined, spells)).toBe(spells);
    expect(jobSpells({ sectors: new Set(['A']), employers: undefined }, spells)).toEqual([spells[0], spells[2]]);
    expect(jobSpells({ sectors: new Set(['C']), employers: undefined }, spells)).toEqual([]);
  });

  it('inGroups: no restriction admits everyone; else one shared group is enough', () => {
    expect([inGroups(undefined, []), inGroups(new Set(['women']), ['youth', 'women']), inGroups(new Set(['women']), ['youth']), inGroups(new Set(['women']), [])]).toEqual([true, true, false, false]);
  });
});

describe('restricted outcomes of one participant', () => {
  const inTech = placement({ id: 'placement', jobs: { sectors: ['62.01Z'] } });

  it('a placement counts the first job in a listed sector, not an earlier one outside', () => {
    // Window 2024-01-01 + 90 days = 2024-03-31. A job in 86.10Z from 2024-02-01 does not count; the
    // job in 62.01Z from 2024-03-15 does: achieved on 2024-03-15.
    const rec = withJobs([], [{ start: '2024-02-01', end: '2024-02-28', sector: '86.10Z' }, { start: '2024-03-15', sector: '62.01Z' }]);
    expect(resolveText([inTech], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-03-15', anchor: '2024-03-15', reason: 'SPELL_IN_WINDOW' }]);
    // Unrestricted, the first job counts: 2024-02-01.
    expect(resolveText([placement()], rec, '2024-12-31')).toEqual([{ status: 'achieved', on: '2024-02-01', anchor: '2024-02-01', reason: 'SPELL_IN_WINDOW' }]);
  });

  it('only jobs outside the list: the window closes, failed the day after (2024-03-31 + 1)', () => {
    const rec = withJobs([], [{ start: '2024-02-01', sector: '86.10Z' }]);
    expect(resolveText([inTech], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-04-01', reason: 'WINDOW_CLOSED' }]);
  });

  it('a participant outside the groups fails on the enrolment date, or is pending before it', () => {
    const forWomen = placement({ participants: { groups: ['women'] } });
    const rec = withJobs(['youth'], [{ start: '2024-02-01' }], '2024-01-10');
    expect(resolveText([forWomen], rec, '2024-12-31')).toEqual([{ status: 'failed', on: '2024-01-10', reason: 'NOT_IN_GROUPS' }]);
    // as of the enrolment day itself: decided (enrolledOn <= asOf)
    expect(resolveText([forWomen], rec, '2024-01-10')).toEqual([{ status: 'failed', on: '2024-01-10', reason: 'NOT_IN_GROUPS' }]);
    expect(resolveText([forWomen], rec, '2024-01-09')).toEqual([{ status: 'pending', reason: 'NOT_IN_GROUPS' }]);
    // in the group: the job counts (2024-02-01, inside the window)
    expect(resolveText([forWomen], withJobs(['youth', 'women'], [{ start: '2024-02-01' }], '2024-01-10'), '2024-12-31')).toEqual([
      { status: 'achieved', on: '2024-02-01', anchor: '2024-02-01', reason: 'SPELL_IN_WINDOW' },
    ]);
  });
});
