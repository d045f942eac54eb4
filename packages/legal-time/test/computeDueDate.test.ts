import {
  computeDueDate,
  isWorkingDay,
  LegalCalendar,
  LegalTimeError,
  loadCalendarYear,
  workingDaysBetween,
  workingDaysBefore,
  defaultCalendar,
} from '../src/index.js';

const due = (from: string, length: number, unit: 'day' | 'workingDay' | 'month' | 'year') =>
  computeDueDate({ from, length, unit });

describe('computeDueDate', () => {
  describe('day periods', () => {
    it('does not count the start day (CC Art. 201; CPL Art. 85)', () => {
      expect(due('2026-03-02', 1, 'day').dueOn).toBe('2026-03-03');
      expect(due('2026-03-02', 10, 'day').dueOn).toBe('2026-03-12');
    });

    it('moves a last day that falls on a weekend to the next working day (CPL Art. 85; CC Art. 203)', () => {
      const result = due('2026-03-01', 20, 'day');
      expect(result.endsOn).toBe('2026-03-21'); // Saturday
      expect(result.dueOn).toBe('2026-03-23'); // Monday
    });

    it('moves a last day that falls on a public holiday past the holiday (CPL Art. 85; CC Art. 203)', () => {
      // 30 days from 1 Sep 2026 ends on National Day; the holiday runs 1–7 Oct.
      const result = due('2026-09-01', 30, 'day');
      expect(result.endsOn).toBe('2026-10-01');
      expect(result.dueOn).toBe('2026-10-08');
    });

    it('keeps a last day that falls on an official make-up Saturday (调休; CPL Art. 85)', () => {
      // 14 Feb 2026 is a Saturday worked in exchange for the Spring Festival holiday.
      expect(due('2026-01-15', 30, 'day')).toEqual({
        dueOn: '2026-02-14',
        endsOn: '2026-02-14',
        provisional: false,
        yearsTouched: [2026],
      });
    });

    it('is not provisional inside loaded years', () => {
      expect(due('2026-03-02', 30, 'day').provisional).toBe(false);
    });
  });

  describe('month and year periods', () => {
    it('ends on the corresponding day of the last month (CC Art. 202)', () => {
      expect(due('2026-03-16', 1, 'month').dueOn).toBe('2026-04-16');
    });

    it('ends on the last day of a month with no corresponding day: Jan 31 + 1 month (CC Art. 202)', () => {
      expect(due('2025-01-31', 1, 'month').dueOn).toBe('2025-02-28');
      // 28 Feb 2026 is a Saturday, but an official make-up working day: no roll-over.
      expect(due('2026-01-31', 1, 'month').dueOn).toBe('2026-02-28');
    });

    it('ends on 29 February in a leap year (CC Art. 202)', () => {
      expect(due('2024-01-31', 1, 'month').dueOn).toBe('2024-02-29');
    });

    it('ends a year period from 29 February on 28 February of a common year (CC Art. 202)', () => {
      expect(due('2024-02-29', 1, 'year').dueOn).toBe('2025-02-28');
    });

    it('rolls a month period ending on a public holiday to the next working day (CC Art. 203)', () => {
      // 1 month from 1 Apr 2026 ends on 1 May (Labour Day, off 1–5 May).
      const result = due('2026-04-01', 1, 'month');
      expect(result.endsOn).toBe('2026-05-01');
      expect(result.dueOn).toBe('2026-05-06');
    });

    it('counts 2 years for enforcement from the last performance day (CPL Art. 250)', () => {
      expect(due('2026-06-30', 2, 'year').dueOn).toBe('2028-06-30');
    });
  });

  describe('working-day periods', () => {
    it('counts only working days, skipping Golden Week and counting the make-up Saturday (MDR Art. 38)', () => {
      // Mon 28 Sep: Tue 29, Wed 30 count; 1–7 Oct are off; Thu 8, Fri 9, Sat 10 (make-up) count.
      expect(due('2026-09-28', 5, 'workingDay').dueOn).toBe('2026-10-10');
    });

    it('counts across the Spring Festival holiday (SPC-Online Art. 10)', () => {
      // Thu 12 Feb: Fri 13, Sat 14 (make-up); 15–23 Feb off; Tue 24.
      expect(due('2026-02-12', 3, 'workingDay').dueOn).toBe('2026-02-24');
    });

    it('counts 30 working days for medical mediation (MDR Art. 38)', () => {
      expect(due('2026-03-02', 30, 'workingDay').dueOn).toBe('2026-04-14');
    });

    it('counts working days between two dates, the first not counted', () => {
      expect(workingDaysBetween('2026-09-28', '2026-10-10')).toBe(5);
      expect(workingDaysBetween('2026-10-10', '2026-09-28')).toBe(0);
    });
  });

  describe('years with no official schedule', () => {
    it('marks a period reaching a year with no schedule provisional', () => {
      const result = due('2026-12-15', 30, 'day');
      expect(result.dueOn).toBe('2027-01-14');
      expect(result.provisional).toBe(true);
    });

    it('marks a working-day period counting through a year with no schedule provisional', () => {
      expect(due('2026-12-28', 5, 'workingDay').provisional).toBe(true);
    });

    it('is exact again once that year is loaded at run time, without a release', () => {
      const calendar = new LegalCalendar();
      calendar.loadYear(2026, defaultCalendar.scheduleOf(2026)!);
      const before = computeDueDate({ from: '2026-12-15', length: 30, unit: 'day' }, calendar);
      expect(before).toEqual({
        dueOn: '2027-01-14',
        endsOn: '2027-01-14',
        provisional: true,
        provisionalReason: 'calendar year 2027 not published; statutory holidays applied',
        yearsTouched: [2026, 2027],
      });
      // A hypothetical 2027 notice making 14 Jan a holiday.
      calendar.loadYear(2027, { holidays: ['2027-01-14', '2027-01-15'], makeUpWorkdays: ['2027-01-16'] });
      expect(computeDueDate({ from: '2026-12-15', length: 30, unit: 'day' }, calendar)).toEqual({
        dueOn: '2027-01-16',
        endsOn: '2027-01-14',
        provisional: false,
        yearsTouched: [2026, 2027],
      });
    });
  });

  describe('length bounds', () => {
    // Upper bounds that keep a typo from becoming a long loop: the bound itself is a period, one more is not.
    it.each([
      ['day', 36_500],
      ['workingDay', 25_000],
      ['month', 1_200],
      ['year', 100],
    ] as const)('accepts exactly the longest %s period (%i) and refuses one more', (unit, max) => {
      expect(computeDueDate({ from: '2026-03-02', length: max, unit }).dueOn).toMatch(/^21\d\d-/);
      expect(() => computeDueDate({ from: '2026-03-02', length: max + 1, unit })).toThrow(
        expect.objectContaining({ code: 'INVALID_LENGTH', message: `length ${max + 1} exceeds ${max} ${unit}s` }),
      );
    });

    it('accepts a length of 0: the period ends on its start day, moved off a rest day (CC Art. 203)', () => {
      expect(due('2026-03-02', 0, 'day')).toMatchObject({ endsOn: '2026-03-02', dueOn: '2026-03-02' });
      expect(due('2026-03-01', 0, 'day')).toMatchObject({ endsOn: '2026-03-01', dueOn: '2026-03-02' });
    });
  });

  describe('bad input', () => {
    it.each([
      ['an impossible date', { from: '2026-02-30', length: 1, unit: 'day' }, 'INVALID_DATE'],
      ['a malformed date', { from: '2026/03/01', length: 1, unit: 'day' }, 'INVALID_DATE'],
      ['a negative length', { from: '2026-03-01', length: -1, unit: 'day' }, 'INVALID_LENGTH'],
      ['a fractional length', { from: '2026-03-01', length: 1.5, unit: 'day' }, 'INVALID_LENGTH'],
      ['an absurd length', { from: '2026-03-01', length: 5_000_000, unit: 'day' }, 'INVALID_LENGTH'],
      ['an unknown unit', { from: '2026-03-01', length: 1, unit: 'fortnight' }, 'INVALID_UNIT'],
      ['a date instead of a period', '2026-03-01', 'INVALID_LENGTH'],
      ['no period at all', null, 'INVALID_LENGTH'],
    ])('throws a typed error for %s', (_what, period, code) => {
      const attempt = () => computeDueDate(period as never);
      expect(attempt).toThrow(LegalTimeError);
      try {
        attempt();
      } catch (error) {
        expect((error as LegalTimeError).code).toBe(code);
        expect((error as LegalTimeError).message).toMatch(/\S/);
      }
    });
  });
});

describe('isWorkingDay', () => {
  it('treats public holidays as rest days and make-up days as working days (2026 State Council notice)', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday, make-up
    expect(isWorkingDay('2026-03-21')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-03-23')).toBe(true);
  });

  it('matches the official 2026 schedule day by day (State Council notice of 2025-11-04)', () => {
    const offDays = [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
    ];
    const workedWeekends = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
    expect(defaultCalendar.scheduleOf(2026)).toEqual({ holidays: offDays, makeUpWorkdays: workedWeekends });
  });

  it('ships the official schedules of 2004 to 2026', () => {
    for (let year = 2004; year <= 2026; year++) expect(defaultCalendar.hasYear(year)).toBe(true);
  });
});

describe('loadCalendarYear', () => {
  it('refuses a schedule whose dates lie in another year', () => {
    expect(() => loadCalendarYear(2030, { holidays: ['2031-01-01'], makeUpWorkdays: [] })).toThrow(/another year/);
  });

  it('refuses a day listed both as holiday and as make-up day', () => {
    expect(() => loadCalendarYear(2030, { holidays: ['2030-01-01'], makeUpWorkdays: ['2030-01-01'] })).toThrow(
      LegalTimeError,
    );
  });

  it('refuses a year that is not a whole number, and a schedule without its lists, with a typed error', () => {
    expect(() => loadCalendarYear(2030.5, { holidays: [], makeUpWorkdays: [] })).toThrow(
      /2030\.5 is not a calendar year/,
    );
    expect(() => loadCalendarYear(2030, { holidays: null, makeUpWorkdays: [] } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEDULE', message: 'the schedule for 2030 has no holidays' }),
    );
  });

  it('refuses an impossible date in a schedule', () => {
    expect(() => loadCalendarYear(2030, { holidays: ['2030-02-30'], makeUpWorkdays: [] })).toThrow(/does not exist/);
  });
});

describe('workingDaysBefore', () => {
  it('steps back over Golden Week to give a reminder 3 working days before a last day', () => {
    // 8 Oct 2026 (Thu): 30 Sep (Wed), 29 Sep (Tue), 28 Sep (Mon).
    expect(workingDaysBefore('2026-10-08', 3)).toBe('2026-09-28');
  });

  it('refuses a count that is not a whole number of working days', () => {
    expect(() => workingDaysBefore('2026-10-08', 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_LENGTH' }));
    expect(() => workingDaysBefore('2026-10-08', -1)).toThrow(expect.objectContaining({ code: 'INVALID_LENGTH' }));
  });
});
