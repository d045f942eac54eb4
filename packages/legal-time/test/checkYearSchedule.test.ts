import { bundledCalendarFile, checkYearSchedule, statutoryHolidays, type ScheduleProblem } from '../src/index.js';

/** A 2027 schedule that satisfies every rule: the statutory days, one bridge day and one make-up Saturday. */
const valid2027 = () => ({
  holidays: { ...statutoryHolidays(2027), '2027-02-09': '春节' } as Record<string, string>,
  makeUpWorkdays: { '2027-02-20': '春节' } as Record<string, string>,
});

describe('checkYearSchedule', () => {
  it('accepts a schedule that keeps every rule', () => {
    expect(checkYearSchedule(2027, valid2027())).toEqual([]);
  });

  it.each([2025, 2026])('accepts the published (bundled) schedule of %i', (year) => {
    expect(checkYearSchedule(year, bundledCalendarFile.years[String(year)]!)).toEqual([]);
  });

  it('accepts every bundled schedule, 2004–2026: make-up working days only on weekends, no clash', () => {
    const problems = Object.entries(bundledCalendarFile.years).flatMap(([year, schedule]) =>
      checkYearSchedule(Number(year), schedule),
    );
    expect(problems).toEqual([]);
  });

  it('accepts lists of dates as well as objects from date to name', () => {
    const { holidays, makeUpWorkdays } = valid2027();
    expect(
      checkYearSchedule(2027, { holidays: Object.keys(holidays), makeUpWorkdays: Object.keys(makeUpWorkdays) }),
    ).toEqual([]);
  });

  it('refuses a date that does not exist, naming the field and the date', () => {
    const schedule = valid2027();
    schedule.holidays['2027-02-30'] = '春节';
    expect(checkYearSchedule(2027, schedule)).toEqual([
      { field: 'holidays["2027-02-30"]', date: '2027-02-30', message: expect.stringContaining('2027-02-30') },
    ]);
  });

  it('refuses a malformed date', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['27-2-20'] = '春节';
    expect(fields(checkYearSchedule(2027, schedule))).toEqual(['makeUpWorkdays["27-2-20"]']);
  });

  it('refuses a date outside the year', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['2026-12-26'] = '元旦';
    const problems = checkYearSchedule(2027, schedule);
    expect(problems).toEqual([
      {
        field: 'makeUpWorkdays["2026-12-26"]',
        date: '2026-12-26',
        message: expect.stringMatching(/2026-12-26 lies outside 2027/),
      },
    ]);
  });

  it('refuses a day listed both as a holiday and as a make-up working day', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['2027-02-06'] = '春节'; // a Saturday, so only the clash is wrong
    expect(checkYearSchedule(2027, schedule)).toEqual([
      {
        field: 'makeUpWorkdays["2027-02-06"]',
        date: '2027-02-06',
        message: expect.stringMatching(/both as a holiday and as a make-up/),
      },
    ]);
  });

  it('refuses a make-up working day on a weekday: only weekend rest days are swapped (职工工作时间规定 Art. 7)', () => {
    const schedule = valid2027();
    schedule.makeUpWorkdays['2027-02-10'] = '春节'; // a Wednesday
    expect(checkYearSchedule(2027, schedule)).toEqual([
      {
        field: 'makeUpWorkdays["2027-02-10"]',
        date: '2027-02-10',
        message: expect.stringMatching(/2027-02-10 is a Wednesday.*Saturday or Sunday.*Art\. 7/),
      },
    ]);
  });

  it('refuses a 2027 schedule that leaves out a statutory holiday (放假办法 Art. 2, Decree No. 795)', () => {
    const schedule = valid2027();
    delete schedule.holidays['2027-02-05']; // 除夕
    delete schedule.holidays['2027-05-02'];
    expect(checkYearSchedule(2027, schedule)).toEqual([
      {
        field: 'holidays',
        date: '2027-02-05',
        message: expect.stringMatching(/2027-02-05 \(春节\) is a statutory holiday.*Art\. 2.*Decree No\. 795/),
      },
      {
        field: 'holidays',
        date: '2027-05-02',
        message: expect.stringMatching(/2027-05-02 \(劳动节\) is a statutory holiday/),
      },
    ]);
  });

  it('applies the statutory check from 2025, the year Decree No. 795 came into force', () => {
    const schedule = bundledCalendarFile.years['2025']!;
    const { '2025-05-02': _labourDay, ...holidays } = schedule.holidays as Record<string, string>;
    expect(checkYearSchedule(2025, { ...schedule, holidays })).toEqual([
      { field: 'holidays', date: '2025-05-02', message: expect.stringContaining('statutory holiday') },
    ]);
  });

  it('does not apply the 2024 revision to a year before 2025: 2 May 2024 was not a statutory holiday', () => {
    expect(checkYearSchedule(2024, bundledCalendarFile.years['2024']!)).toEqual([]);
    expect(checkYearSchedule(2020, { holidays: [], makeUpWorkdays: [] })).toEqual([]);
  });

  it('refuses a schedule without holidays or make-up days, and a year that is not one', () => {
    expect(fields(checkYearSchedule(2027, { makeUpWorkdays: [] } as never))).toEqual(['holidays']);
    expect(fields(checkYearSchedule(2027, { holidays: valid2027().holidays } as never))).toEqual(['makeUpWorkdays']);
    expect(fields(checkYearSchedule(20270, valid2027()))).toEqual(['year']);
    expect(fields(checkYearSchedule(2027.5, valid2027()))).toEqual(['year']);
  });

  it('reports every problem at once, not only the first', () => {
    const schedule = valid2027();
    schedule.holidays['2027-13-01'] = 'x';
    schedule.makeUpWorkdays['2027-02-10'] = '春节';
    delete schedule.holidays['2027-10-03'];
    expect(fields(checkYearSchedule(2027, schedule))).toEqual([
      'holidays["2027-13-01"]',
      'makeUpWorkdays["2027-02-10"]',
      'holidays',
    ]);
  });
});

function fields(problems: ScheduleProblem[]): string[] {
  return problems.map((p) => p.field);
}
