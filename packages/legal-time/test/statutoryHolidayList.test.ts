import { statutoryHolidays } from '../src/index.js';

describe('the statutory holidays of a year, as listed (全国年节及纪念日放假办法 Art. 2)', () => {
  it('放假办法 Art. 2 (Decree No. 513): 2010 has 11 statutory holidays, each named, Labour Day 1 May alone', () => {
    // Lunar new year 2010-02-14; Qingming 5 April; Dragon Boat 16 June; Mid-Autumn 22 September.
    expect(statutoryHolidays(2010)).toEqual({
      '2010-01-01': '元旦',
      '2010-02-13': '春节',
      '2010-02-14': '春节',
      '2010-02-15': '春节',
      '2010-04-05': '清明节',
      '2010-05-01': '劳动节',
      '2010-06-16': '端午节',
      '2010-09-22': '中秋节',
      '2010-10-01': '国庆节',
      '2010-10-02': '国庆节',
      '2010-10-03': '国庆节',
    });
  });

  it('放假办法 Art. 2(6), (7): lists the days in date order when Mid-Autumn falls after 1 October (2028, 2017)', () => {
    // 中秋节 is computed before 国庆节, so 3 October 2028 and 4 October 2017 come first until sorted.
    for (const year of [2028, 2017]) {
      const dates = Object.keys(statutoryHolidays(year));
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('放假办法 Art. 2: computes the years 1 to 9999, nothing before 2000 (no revision covers them)', () => {
    expect(statutoryHolidays(1)).toEqual({});
    expect(Object.keys(statutoryHolidays(9999))).toHaveLength(13);
  });
});
