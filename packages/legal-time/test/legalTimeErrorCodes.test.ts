import { computeDueDate, isIsoDate, LegalCalendar, LegalTimeError, statutoryHolidays } from '../src/index.js';

// The stable codes (LegalTimeErrorCode) the service maps to HTTP, and the answers callers branch on:
// each refusal below was reachable with a different code, name or answer and every test green.

describe('legal-time refusals and their stable codes', () => {
  it('names its errors LegalTimeError, the name logs and stack traces show', () => {
    const error = new LegalTimeError('INVALID_DATE', 'x is not a date', 'x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LegalTimeError');
  });

  it('refuses a schedule that lists a day of another year as INVALID_SCHEDULE, naming the day', () => {
    const attempt = () => new LegalCalendar().loadYear(2030, { holidays: [], makeUpWorkdays: ['2029-12-29'] });
    expect(attempt).toThrow(LegalTimeError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE', value: '2029-12-29' }));
  });

  it('refuses statutory holidays for a year that is not one as INVALID_DATE (放假办法 Art. 2 is by year)', () => {
    for (const year of [0, 10_000, 2027.5]) {
      expect(() => statutoryHolidays(year)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', value: year }));
    }
  });

  it('answers false, not another falsy value, for a string that is no real date', () => {
    expect(isIsoDate('2030-02-30')).toBe(false);
    expect(isIsoDate('30-2-1')).toBe(false);
  });

  it('refuses a date with anything before or after YYYY-MM-DD as INVALID_DATE', () => {
    for (const from of [' 2030-01-07', 'x2030-01-07', '2030-01-07x', '2030-01-077']) {
      expect(isIsoDate(from)).toBe(false);
      expect(() => computeDueDate({ from, length: 10, unit: 'day' })).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', value: from }),
      );
    }
  });

  it('refuses a start day that is not a string, even one that prints as a date, as INVALID_DATE', () => {
    const from = ['2030-01-07'] as never; // String(['2030-01-07']) is '2030-01-07'
    expect(() => computeDueDate({ from, length: 10, unit: 'day' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('refuses a date of the years 0000–0099 as INVALID_DATE rather than reading it as 1900–1999', () => {
    // Date.UTC reads the years 0–99 as 1900–1999: 0050-01-01 would become 1950-01-01.
    expect(isIsoDate('0050-01-01')).toBe(false);
    expect(() => computeDueDate({ from: '0050-01-01', length: 10, unit: 'day' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', value: '0050-01-01' }),
    );
  });

  it('refuses a schedule whose list is neither a list nor an object as INVALID_SCHEDULE, naming the list', () => {
    const calendar = new LegalCalendar();
    expect(() => calendar.loadYear(2030, { holidays: 5 as never, makeUpWorkdays: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEDULE', value: 5 }),
    );
    expect(() => calendar.loadYear(2030, { holidays: [], makeUpWorkdays: undefined as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEDULE', message: expect.stringContaining('makeUpWorkdays') }),
    );
  });
});
