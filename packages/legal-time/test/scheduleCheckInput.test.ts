import { checkYearSchedule, statutoryHolidays, type ScheduleProblem } from '../src/index.js';

// What `checkYearSchedule` answers for input a State Council notice cannot mean: years outside
// the calendar, missing lists, and dates that do not exist or lie in another year. Each answer is a
// list of problems naming the field, never an exception (the console shows them all at once).

const EMPTY = { holidays: [], makeUpWorkdays: [] };

/** A 2027 schedule that keeps every rule: the statutory days and no make-up working day. */
const valid2027 = () => ({
  holidays: { ...statutoryHolidays(2027) } as Record<string, string>,
  makeUpWorkdays: {} as Record<string, string>,
});

function fields(problems: ScheduleProblem[]): string[] {
  return problems.map((p) => p.field);
}

describe('checkYearSchedule: the years and lists it takes', () => {
  it('takes the years LegalCalendar#loadYear takes, 1949 to 9999, and refuses 1948 and 10000', () => {
    expect(checkYearSchedule(1949, EMPTY)).toEqual([]);
    expect(checkYearSchedule(9999, { holidays: statutoryHolidays(9999), makeUpWorkdays: [] })).toEqual([]);
    expect(fields(checkYearSchedule(1948, EMPTY))).toEqual(['year']);
    expect(fields(checkYearSchedule(10_000, EMPTY))).toEqual(['year']);
  });

  it('answers a missing schedule with a problem for each list, not with a TypeError', () => {
    expect(fields(checkYearSchedule(2027, undefined as never))).toEqual(['holidays', 'makeUpWorkdays']);
  });

  it('answers a list given as null with a problem naming that list, not with a TypeError', () => {
    expect(fields(checkYearSchedule(2027, { holidays: valid2027().holidays, makeUpWorkdays: null as never }))).toEqual([
      'makeUpWorkdays',
    ]);
  });
});

describe('checkYearSchedule: make-up working days that are not days of the year (国务院关于职工工作时间的规定 Art. 7)', () => {
  it('reports a make-up working day that does not exist once, as not a date, and checks no weekday for it', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['2027-02-30'] = '春节';
    expect(checkYearSchedule(2027, schedule)).toEqual([
      { field: 'makeUpWorkdays["2027-02-30"]', date: '2027-02-30', message: expect.stringContaining('not a date') },
    ]);
  });

  it('reports a weekday of another year listed as a make-up day only as outside the year, not as a weekday', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['2026-12-30'] = '元旦'; // a Wednesday, but of 2026
    expect(checkYearSchedule(2027, schedule)).toEqual([
      {
        field: 'makeUpWorkdays["2026-12-30"]',
        date: '2026-12-30',
        message: expect.stringMatching(/2026-12-30 lies outside 2027/),
      },
    ]);
  });
});

describe('checkYearSchedule: the weekday a make-up working day falls on, named (国务院关于职工工作时间的规定 Art. 7)', () => {
  it.each([
    ['2027-03-01', 'Monday'],
    ['2027-03-02', 'Tuesday'],
    ['2027-03-03', 'Wednesday'],
    ['2027-03-04', 'Thursday'],
    ['2027-03-05', 'Friday'],
  ])('names %s a %s: only a Saturday or Sunday is swapped', (date, weekday) => {
    const schedule = valid2027();
    schedule.makeUpWorkdays[date] = '调休';
    expect(checkYearSchedule(2027, schedule)).toEqual([
      { field: `makeUpWorkdays["${date}"]`, date, message: expect.stringContaining(`${date} is a ${weekday}:`) },
    ]);
  });
});
