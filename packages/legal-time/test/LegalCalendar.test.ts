import {
  computeDueDate,
  defaultCalendar,
  LegalCalendar,
  nextWorkingDay,
  provisionalReasonFor,
  resumePeriod,
  type DueDate,
} from '../src/index.js';

const REASON_2027 = 'calendar year 2027 not published; statutory holidays applied';

describe('LegalCalendar', () => {
  describe('a year with no loaded schedule', () => {
    it('a month from 2026-12-01 ends 2027-01-04, provisional (New Year, weekend; 放假办法 Art. 2(1); CC Art. 203)', () => {
      // 2027-01-01 is a Friday and a statutory holiday; Saturday and Sunday follow.
      expect(computeDueDate({ from: '2026-12-01', length: 1, unit: 'month' })).toEqual({
        dueOn: '2027-01-04',
        endsOn: '2027-01-01',
        provisional: true,
        provisionalReason: REASON_2027,
        yearsTouched: [2026, 2027],
      });
    });

    it('makes each statutory holiday of 2027 a rest day and the days around them working days (放假办法 Art. 2)', () => {
      const calendar = new LegalCalendar();
      expect(
        ['2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01'].map((d) =>
          calendar.isWorkingDay(d),
        ),
      ).toEqual([false, false, false, false, false, false]);
      expect(
        ['2027-02-04', '2027-02-09', '2027-04-06', '2027-06-08', '2027-09-16', '2027-10-04'].map((d) =>
          calendar.isWorkingDay(d),
        ),
      ).toEqual([true, true, true, true, true, true]);
    });

    it('counts no make-up working day: a Saturday next to the Spring Festival stays a rest day', () => {
      // 2027-02-06/07 are Saturday/Sunday inside the statutory days; 2027-02-13 is a plain Saturday.
      expect(new LegalCalendar().isWorkingDay('2027-02-13')).toBe(false);
    });

    it('counts working days over the statutory Spring Festival of 2027 (放假办法 Art. 2(2))', () => {
      // Thu 4 Feb: Fri 5 is 除夕, 6–7 weekend, Mon 8 is the 3rd day; Tue 9, Wed 10, Thu 11.
      const result = computeDueDate({ from: '2027-02-04', length: 3, unit: 'workingDay' }, new LegalCalendar());
      expect(result.dueOn).toBe('2027-02-11');
    });

    it('stops applying statutory holidays once the year is loaded: the schedule decides', () => {
      const calendar = new LegalCalendar();
      calendar.loadYear(2027, { holidays: [], makeUpWorkdays: [] });
      expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    });
  });

  describe('provisionalReason', () => {
    const cases: Array<[string, () => DueDate]> = [
      ['a day period inside a loaded year', () => computeDueDate({ from: '2026-03-02', length: 10, unit: 'day' })],
      ['a day period into 2027', () => computeDueDate({ from: '2026-12-15', length: 30, unit: 'day' })],
      ['a working-day period into 2027', () => computeDueDate({ from: '2026-12-28', length: 5, unit: 'workingDay' })],
      ['nextWorkingDay in 2026', () => nextWorkingDay('2026-10-01')],
      ['nextWorkingDay in 2027', () => nextWorkingDay('2027-01-01')],
      ['a resumed period in 2026', () => resumePeriod({ length: 3, unit: 'day' }, '2026-05-01')],
      ['a resumed period into 2027', () => resumePeriod({ length: 40, unit: 'day' }, '2026-12-01')],
    ];

    it.each(cases)('is present exactly when the result is provisional: %s', (_what, compute) => {
      const result = compute();
      expect('provisionalReason' in result).toBe(result.provisional);
      if (result.provisional) expect(result.provisionalReason).toMatch(/^calendar year \d{4} not published; /);
    });

    it('names New Year’s Day 2027 as the reason nextWorkingDay moves off it', () => {
      expect(nextWorkingDay('2027-01-01')).toEqual({
        dueOn: '2027-01-04',
        endsOn: '2027-01-01',
        provisional: true,
        provisionalReason: REASON_2027,
        yearsTouched: [2027],
      });
    });

    it('joins the clauses of several unloaded years with "; "', () => {
      const calendar = new LegalCalendar();
      calendar.loadYear(2026, defaultCalendar.scheduleOf(2026)!);
      const result = computeDueDate({ from: '2026-12-01', length: 300, unit: 'workingDay' }, calendar);
      expect(result.provisionalReason).toBe(
        `${REASON_2027}; calendar year 2028 not published; statutory holidays applied`,
      );
      expect(result.yearsTouched).toEqual([2026, 2027, 2028]);
    });

    it('says "weekends only" for a year before 2000, which no statutory rule here covers; lists a year once', () => {
      expect(provisionalReasonFor(new LegalCalendar(), [2000, 1999, 1999])).toBe(
        'calendar year 1999 not published; weekends only; calendar year 2000 not published; statutory holidays applied',
      );
    });

    it('is undefined when every year is loaded', () => {
      expect(provisionalReasonFor(defaultCalendar, [2025, 2026])).toBeUndefined();
    });
  });

  describe('yearsTouched', () => {
    it('runs from the start day’s year to the due day’s year, even when no day of the first year is counted', () => {
      expect(computeDueDate({ from: '2025-12-31', length: 1, unit: 'day' }).yearsTouched).toEqual([2025, 2026]);
      expect(computeDueDate({ from: '2026-03-02', length: 2, unit: 'year' }).yearsTouched).toEqual([2026, 2027, 2028]);
    });

    it('includes the year a roll-over reaches: 31 December 2028 (Sunday) moves into 2029', () => {
      expect(computeDueDate({ from: '2028-12-30', length: 1, unit: 'day' }).yearsTouched).toEqual([2028, 2029]);
    });
  });

  describe('loadYear', () => {
    it('forgets the old holidays and make-up days when a year is loaded again (a reload replaces the year)', () => {
      const calendar = new LegalCalendar();
      calendar.loadYear(2030, { holidays: ['2030-03-04'], makeUpWorkdays: ['2030-03-09'] });
      expect([calendar.isWorkingDay('2030-03-04'), calendar.isWorkingDay('2030-03-09')]).toEqual([false, true]);
      calendar.loadYear(2030, { holidays: ['2030-03-05'], makeUpWorkdays: [] });
      expect([
        calendar.isWorkingDay('2030-03-04'),
        calendar.isWorkingDay('2030-03-09'),
        calendar.isWorkingDay('2030-03-05'),
      ]).toEqual([true, false, false]);
      expect(calendar.scheduleOf(2030)).toEqual({ holidays: ['2030-03-05'], makeUpWorkdays: [] });
    });
  });

  describe('clone', () => {
    it('gives an independent copy: loading a year into the copy leaves the original as it was, and back', () => {
      const original = new LegalCalendar();
      original.loadYear(2026, defaultCalendar.scheduleOf(2026)!);
      const copy = original.clone();
      expect(copy.years()).toEqual([2026]);
      expect(copy.scheduleOf(2026)).toEqual(original.scheduleOf(2026));

      copy.loadYear(2027, { holidays: ['2027-01-01', '2027-01-04'], makeUpWorkdays: [] });
      copy.loadYear(2026, { holidays: [], makeUpWorkdays: [] });
      expect(original.years()).toEqual([2026]);
      expect(original.isWorkingDay('2026-10-01')).toBe(false);
      expect(copy.isWorkingDay('2026-10-01')).toBe(true);

      original.loadYear(2026, { holidays: ['2026-03-02'], makeUpWorkdays: [] });
      expect(copy.isWorkingDay('2026-03-02')).toBe(true);
      expect(computeDueDate({ from: '2026-12-01', length: 1, unit: 'month' }, copy).dueOn).toBe('2027-01-05');
    });
  });
});
