import { isIsoDate, LegalCalendar, LegalTimeError } from '../src/index.js';

const EMPTY = { holidays: [], makeUpWorkdays: [] };

describe('what a calendar refuses, with stable error codes (LegalTimeErrorCode)', () => {
  it('refuses a year that is not a calendar year as INVALID_SCHEDULE', () => {
    const calendar = new LegalCalendar();
    for (const year of [2030.5, 1948, 10_000]) {
      expect(() => calendar.loadYear(year, EMPTY)).toThrow(
        expect.objectContaining({ code: 'INVALID_SCHEDULE', value: year }),
      );
    }
  });

  it('loads the first and last years it knows, 1949 and 9999', () => {
    const calendar = new LegalCalendar();
    calendar.loadYear(1949, EMPTY);
    calendar.loadYear(9999, EMPTY);
    expect(calendar.years()).toEqual([1949, 9999]);
  });

  it('refuses a day listed both as a holiday and as a make-up working day as INVALID_SCHEDULE, naming the day', () => {
    const attempt = () =>
      new LegalCalendar().loadYear(2030, { holidays: ['2030-01-05'], makeUpWorkdays: ['2030-01-05'] });
    expect(attempt).toThrow(LegalTimeError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE', value: '2030-01-05' }));
  });

  it('refuses a missing schedule as INVALID_SCHEDULE, not with a TypeError', () => {
    expect(() => new LegalCalendar().loadYear(2030, undefined as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEDULE' }),
    );
  });

  it('has no schedule for a year not loaded', () => {
    expect(new LegalCalendar().scheduleOf(2030)).toBeUndefined();
  });

  it('takes only strings for dates', () => {
    expect([isIsoDate(20_300_105), isIsoDate(null), isIsoDate(new Date('2030-01-05'))]).toEqual([false, false, false]);
    expect(isIsoDate('2030-01-05')).toBe(true);
  });
});
