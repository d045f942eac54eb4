import { computeDueDate, defaultCalendar, LegalCalendar } from '../src/index.js';

describe('LegalCalendar#clone (CPL Art. 85; CC Art. 203)', () => {
  it('CC Art. 203: a copy keeps the original’s holidays and make-up working days, so moves a last day alike', () => {
    const copy = defaultCalendar.clone();
    // National Day 2026 is a holiday (off on Thursday 1 October); Sunday 4 January 2026 a make-up working day.
    expect([copy.isWorkingDay('2026-10-01'), copy.isWorkingDay('2026-01-04')]).toEqual([false, true]);
    // 28 Sep + 3 days = Thu 1 Oct, inside Golden Week → Thu 8 Oct, on the copy as on the original.
    const period = { from: '2026-09-28', length: 3, unit: 'day' } as const;
    expect(computeDueDate(period, copy).dueOn).toBe('2026-10-08');
    expect(computeDueDate(period, copy)).toEqual(computeDueDate(period, defaultCalendar));
  });

  it('lists the loaded years in ascending order, whatever the order they were loaded in', () => {
    const calendar = new LegalCalendar();
    for (const year of [2031, 2029, 2030]) calendar.loadYear(year, { holidays: [], makeUpWorkdays: [] });
    expect(calendar.years()).toEqual([2029, 2030, 2031]);
    expect(calendar.clone().years()).toEqual([2029, 2030, 2031]);
  });
});
