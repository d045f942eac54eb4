import { computeDueDate, pausePeriod, resumePeriod } from '../src/index.js';

describe('pausePeriod / resumePeriod', () => {
  it('excludes appraisal time from a working-day period and recounts across Golden Week (MDR Art. 38)', () => {
    // 30 working days from Mon 7 Sep 2026; appraisal from Fri 18 Sep to Mon 12 Oct.
    const period = computeDueDate({ from: '2026-09-07', length: 30, unit: 'workingDay' });
    const remaining = pausePeriod({ endsOn: period.endsOn, unit: 'workingDay' }, '2026-09-18');
    expect(remaining).toEqual({ length: 21, unit: 'workingDay' }); // 9 of 30 used: 8–18 Sep
    expect(resumePeriod(remaining, '2026-10-12').dueOn).toBe('2026-11-10');
  });

  it('moves a calendar-day period by the days paused, then off a rest day (PC-Reg Art. 36)', () => {
    // 30 days from 2 Mar 2026 end 1 Apr; a hearing from 10 to 20 Mar (10 days) moves it to 11 Apr (Sat) → 13 Apr.
    const period = computeDueDate({ from: '2026-03-02', length: 30, unit: 'day' });
    const remaining = pausePeriod({ endsOn: period.endsOn, unit: 'day' }, '2026-03-10');
    expect(remaining).toEqual({ length: 22, unit: 'day' });
    const resumed = resumePeriod(remaining, '2026-03-20');
    expect(resumed.endsOn).toBe('2026-04-11');
    expect(resumed.dueOn).toBe('2026-04-13');
  });

  it('leaves no time, not negative time, when the pause starts after the last day', () => {
    expect(pausePeriod({ endsOn: '2026-04-01', unit: 'day' }, '2026-04-03')).toEqual({ length: 0, unit: 'day' });
    expect(pausePeriod({ endsOn: '2026-04-01', unit: 'workingDay' }, '2026-04-03')).toEqual({
      length: 0,
      unit: 'workingDay',
    });
  });

  it('counts from the nominal last day, not the rolled-over one, so a pause adds no holiday twice', () => {
    // 30 days from 1 Sep end on 1 Oct (holiday) → due 8 Oct; pausing 2 days on 10 Sep ends it on 3 Oct → 8 Oct.
    const period = computeDueDate({ from: '2026-09-01', length: 30, unit: 'day' });
    const remaining = pausePeriod({ endsOn: period.endsOn, unit: 'day' }, '2026-09-10');
    expect(resumePeriod(remaining, '2026-09-12')).toMatchObject({ endsOn: '2026-10-03', dueOn: '2026-10-08' });
  });
});
