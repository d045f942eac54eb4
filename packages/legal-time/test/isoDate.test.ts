import {
  addDays,
  chinaDateOf,
  daysBetween,
  fromDayNumber,
  isoWeekday,
  toDayNumber,
  yearOfDayNumber,
} from '../src/isoDate.js';

describe('isoDate', () => {
  it('finds the year of a day number by the Gregorian leap rules, at every year boundary 1899–2401', () => {
    for (let year = 1899; year <= 2401; year++) {
      const first = toDayNumber(`${year}-01-01`);
      expect([yearOfDayNumber(first - 1), yearOfDayNumber(first)]).toEqual([year - 1, year]);
    }
  });

  it('counts 29 February in 2000 and 2400 but not in 1900 or 2100', () => {
    expect(['1900', '2000', '2100', '2400'].map((y) => yearOfDayNumber(toDayNumber(`${y}-02-28`) + 1))).toEqual([
      1900, 2000, 2100, 2400,
    ]);
    expect(['1900', '2100'].map((y) => fromDayNumber(toDayNumber(`${y}-02-28`) + 1))).toEqual([
      '1900-03-01',
      '2100-03-01',
    ]);
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'].map((d) => isoWeekday(toDayNumber(d)))).toEqual([
      5, 6, 7, 1,
    ]);
  });

  it('moves across a year end and back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2027-01-01', '2026-12-01')).toBe(-31);
  });

  it('takes the date in China Standard Time (UTC+8)', () => {
    expect(chinaDateOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
