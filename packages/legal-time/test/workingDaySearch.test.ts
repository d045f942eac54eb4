import { addDays, LegalCalendar, LegalTimeError, nextWorkingDay } from '../src/index.js';

/** Every weekday from `first` to `last` as a holiday: a schedule no State Council notice would publish. */
function calendarOff(first: string, last: string): LegalCalendar {
  const holidays: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) holidays.push(day);
  }
  const calendar = new LegalCalendar();
  calendar.loadYear(2031, { holidays, makeUpWorkdays: [] });
  return calendar;
}

describe('moving a last day to the next working day (CC Art. 203; CPL Art. 85)', () => {
  // Friday 3 January 2031; the 60th day from it is Monday 3 March, the 61st Tuesday 4 March.
  const LAST_DAY = '2031-01-03';

  it('CC Art. 203: finds the next working day when it is the 60th day, the furthest a schedule may push it', () => {
    expect(nextWorkingDay(LAST_DAY, calendarOff(LAST_DAY, '2031-02-28')).dueOn).toBe('2031-03-03');
  });

  it('refuses a schedule with no working day in 60 days from a last day as INVALID_SCHEDULE, not search on', () => {
    const attempt = () => nextWorkingDay(LAST_DAY, calendarOff(LAST_DAY, '2031-03-03'));
    expect(attempt).toThrow(LegalTimeError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE' }));
  });
});
