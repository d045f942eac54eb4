import { defaultCalendar, isWorkingDay, LegalTimeError, statutoryHolidays } from '../src/index.js';

// 全国年节及纪念日放假办法 Art. 2 as revised by State Council Decree No. 795 (2024-11-10, in force
// 2025-01-01). The 2027 lunar dates below were computed with tyme4ts and checked against the
// published lunar calendar: lunar new year 2027-02-06, the twelfth month of the previous lunar year
// has 29 days, 清明 on 5 April, 端午 on 9 June, 中秋 on 15 September.
describe('statutoryHolidays', () => {
  describe('in 2027 (Decree No. 795, Art. 2)', () => {
    const days = statutoryHolidays(2027);

    it('gives New Year’s Day, 1 January, 1 day (Art. 2(1))', () => {
      expect(namesIn(days, '2027-01')).toEqual({ '2027-01-01': '元旦' });
    });

    it('gives the Spring Festival 4 days: 除夕 (lunar 12-29, the month’s last) and lunar 1-1 to 1-3 (Art. 2(2))', () => {
      expect(namesIn(days, '2027-02')).toEqual({
        '2027-02-05': '春节',
        '2027-02-06': '春节',
        '2027-02-07': '春节',
        '2027-02-08': '春节',
      });
    });

    it('gives Qingming 1 day, the day of the solar term, 5 April 2027 (Art. 2(3))', () => {
      expect(namesIn(days, '2027-04')).toEqual({ '2027-04-05': '清明节' });
    });

    it('gives Labour Day 2 days, 1–2 May (Art. 2(4))', () => {
      expect(namesIn(days, '2027-05')).toEqual({ '2027-05-01': '劳动节', '2027-05-02': '劳动节' });
    });

    it('gives the Dragon Boat Festival 1 day, the 5th of the 5th lunar month: 9 June 2027 (Art. 2(5))', () => {
      expect(namesIn(days, '2027-06')).toEqual({ '2027-06-09': '端午节' });
    });

    it('gives the Mid-Autumn Festival 1 day, the 15th of the 8th lunar month: 15 September 2027 (Art. 2(6))', () => {
      expect(namesIn(days, '2027-09')).toEqual({ '2027-09-15': '中秋节' });
    });

    it('gives National Day 3 days, 1–3 October (Art. 2(7))', () => {
      expect(namesIn(days, '2027-10')).toEqual({
        '2027-10-01': '国庆节',
        '2027-10-02': '国庆节',
        '2027-10-03': '国庆节',
      });
    });

    it('gives 13 days in all and nothing else (Art. 2, Decree No. 795)', () => {
      expect(Object.keys(days)).toHaveLength(13);
    });
  });

  it('takes 除夕 as the 30th of a long 12th lunar month: 2030-02-02, before new year 2030-02-03 (Art. 2(2))', () => {
    expect(namesIn(statutoryHolidays(2030), '2030-02')).toEqual({
      '2030-02-02': '春节',
      '2030-02-03': '春节',
      '2030-02-04': '春节',
      '2030-02-05': '春节',
    });
  });

  it('keeps both names when Mid-Autumn falls inside National Day: 3 October 2028 (Art. 2(6), (7))', () => {
    const days = statutoryHolidays(2028);
    expect(namesIn(days, '2028-10')).toEqual({
      '2028-10-01': '国庆节',
      '2028-10-02': '国庆节',
      '2028-10-03': '中秋节、国庆节',
    });
    expect(Object.keys(days)).toHaveLength(12);
  });

  it.each([2025, 2026])(
    'gives for %i a subset of the holidays the State Council published (Decree No. 795; bundled schedule)',
    (year) => {
      const published = defaultCalendar.scheduleOf(year)!.holidays;
      expect(published).toEqual(expect.arrayContaining(Object.keys(statutoryHolidays(year))));
      expect(Object.keys(statutoryHolidays(year))).toHaveLength(13);
    },
  );

  describe('before Decree No. 795 was in force', () => {
    it('uses Decree 644 in 2014–2024: Spring Festival lunar 1-1 to 1-3, Labour Day 1 May (Art. 2, 2013 rev.)', () => {
      const days = statutoryHolidays(2024);
      expect(namesIn(days, '2024-02')).toEqual({ '2024-02-10': '春节', '2024-02-11': '春节', '2024-02-12': '春节' });
      expect(namesIn(days, '2024-05')).toEqual({ '2024-05-01': '劳动节' });
      expect(Object.keys(days)).toHaveLength(11);
    });

    it('uses Decree 513 in 2008–2013: Spring Festival 除夕 and lunar 1-1 to 1-2 (Art. 2, 2007 revision)', () => {
      // Lunar new year 2013-02-10.
      expect(namesIn(statutoryHolidays(2013), '2013-02')).toEqual({
        '2013-02-09': '春节',
        '2013-02-10': '春节',
        '2013-02-11': '春节',
      });
      expect(Object.keys(statutoryHolidays(2008))).toHaveLength(11);
    });

    it('uses Decree 270 in 2000–2007: no Qingming, Dragon Boat or Mid-Autumn; 1–3 May off (Art. 2, 1999 rev.)', () => {
      const days = statutoryHolidays(2006);
      // The 2006 notice (国办发明电〔2005〕35号) names 29–31 January as the statutory Spring Festival days.
      expect(namesIn(days, '2006-01')).toEqual({
        '2006-01-01': '元旦',
        '2006-01-29': '春节',
        '2006-01-30': '春节',
        '2006-01-31': '春节',
      });
      expect(namesIn(days, '2006-05')).toEqual({
        '2006-05-01': '劳动节',
        '2006-05-02': '劳动节',
        '2006-05-03': '劳动节',
      });
      expect(Object.keys(days)).toHaveLength(10);
    });

    it('is a rest day in each bundled year 2004–2024 under the revision in force (older rules cross-check)', () => {
      for (let year = 2004; year <= 2024; year++) {
        const working = Object.keys(statutoryHolidays(year)).filter((date) => isWorkingDay(date));
        expect({ year, working }).toEqual({ year, working: [] });
      }
    });

    it('switches rule the day each revision took effect: 2000, 2008, 2014, 2025 (Decrees 270, 513, 644, 795)', () => {
      const count = (year: number) => Object.keys(statutoryHolidays(year)).length;
      expect([1999, 2000, 2007, 2008, 2013, 2014, 2024, 2025].map(count)).toEqual([0, 10, 10, 11, 11, 11, 11, 13]);
      // 2014 is the first year of the 1st–3rd rule again: lunar new year 2014-01-31, no 除夕 (2014-01-30).
      expect(namesIn(statutoryHolidays(2014), '2014-0')).toMatchObject({
        '2014-01-31': '春节',
        '2014-02-01': '春节',
        '2014-02-02': '春节',
      });
      expect(statutoryHolidays(2014)['2014-01-30']).toBeUndefined();
    });

    it('gives nothing before 2000, a year no rule here covers', () => {
      expect(statutoryHolidays(1999)).toEqual({});
    });
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => statutoryHolidays(2027.5)).toThrow(LegalTimeError);
  });

  it('returns the same frozen answer each time (computed once per year)', () => {
    expect(statutoryHolidays(2027)).toBe(statutoryHolidays(2027));
    expect(Object.isFrozen(statutoryHolidays(2027))).toBe(true);
  });
});

function namesIn(days: Readonly<Record<string, string>>, monthPrefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(days).filter(([date]) => date.startsWith(monthPrefix)));
}
