import { readFileSync } from 'node:fs';
import { computeDueDate, isWorkingDay } from '../src/index.js';
import {
  applyCorrections,
  buildBundledCalendar,
  CALENDAR_FILE,
  crossCheck,
  serialise,
  type Correction,
  type Source,
} from '../scripts/calendarCrossCheck.mjs';

const aCorrection = (overrides: Partial<Correction> = {}): Correction => ({
  date: '2005-12-31',
  kind: 'makeUpWorkday',
  name: '元旦',
  notice: '国办发明电〔2005〕35号',
  reason: 'Saturday 31 December 2005 worked',
  ...overrides,
});
/** Both sources of a test list National Day 2005, so 2005 is a year they both cover. */
const source = (holidays: string[], makeUpWorkdays: string[]): Source => ({
  holidays: Object.fromEntries(['2005-10-03', ...holidays].map((d) => [d, 'x'])),
  makeUpWorkdays: Object.fromEntries(makeUpWorkdays.map((d) => [d, 'x'])),
});

describe('the bundled calendar', () => {
  it('2005-12-31 is a make-up working day (国办发明电〔2005〕35号)', () => {
    // New Year 2006: 1–3 January off, Saturday 31 December 2005 worked.
    expect(isWorkingDay('2005-12-31')).toBe(true);
    expect(['2006-01-01', '2006-01-02', '2006-01-03'].map(isWorkingDay)).toEqual([false, false, false]);
    // A 1-day period from Friday 30 December 2005 ends on that Saturday, not on 4 January.
    expect(computeDueDate({ from: '2005-12-30', length: 1, unit: 'day' }).dueOn).toBe('2005-12-31');
  });

  it('2013-04-07 and 2013-10-12 are make-up working days (国办发明电〔2012〕33号)', () => {
    expect([isWorkingDay('2013-04-07'), isWorkingDay('2013-10-12')]).toEqual([true, true]);
  });

  it('is the import of chinese-days, cross-checked with tyme4ts, every difference settled by a correction', () => {
    const { file, report } = buildBundledCalendar();
    expect(report).toMatchObject({ differences: [], stale: [], problems: [] });
    expect(report.years).toHaveLength(23);
    expect(readFileSync(CALENDAR_FILE, 'utf8')).toBe(serialise(file));
  });
});

describe('crossCheck', () => {
  it('reports a day one source works and the other does not, when no correction settles it', () => {
    const report = crossCheck(source([], []), source([], ['2005-12-31']), []);
    expect(report.differences).toEqual([{ date: '2005-12-31', chineseDays: 'ordinary', tyme4ts: 'makeUpWorkday' }]);
  });

  it('reports a weekday holiday only one source lists', () => {
    const report = crossCheck(source(['2005-10-07'], []), source(['2005-10-01'], []), []);
    expect(report.differences).toEqual([{ date: '2005-10-07', chineseDays: 'holiday', tyme4ts: 'ordinary' }]);
  });

  it('accepts the difference once a correction with its notice settles it', () => {
    const report = crossCheck(source([], []), source([], ['2005-12-31']), [aCorrection()]);
    expect(report).toMatchObject({ differences: [], stale: [], problems: [] });
  });

  it('ignores listings that change no working day: a holiday on a Saturday, a "work" mark on a weekday', () => {
    // 2014-05-31 is a Saturday, 2012-05-02 a Wednesday.
    expect(
      crossCheck(source(['2014-06-02'], []), source(['2014-05-31', '2014-06-02'], ['2012-05-02']), []).differences,
    ).toEqual([]);
  });

  it('reports a stale correction, one where the sources agree', () => {
    const report = crossCheck(source([], ['2005-12-31']), source([], ['2005-12-31']), [aCorrection()]);
    expect(report.stale.map((c) => c.date)).toEqual(['2005-12-31']);
  });

  it('reports a correction without a notice, or a make-up working day on a weekday', () => {
    const report = crossCheck(source([], []), source([], []), [
      aCorrection({ notice: '' }),
      aCorrection({ date: '2005-12-30' }),
    ]);
    expect(report.problems).toEqual([
      'correction 2005-12-31: notice is required',
      'correction 2005-12-30: a make-up working day falls on a weekend',
    ]);
  });

  it('compares only the years both sources cover', () => {
    expect(crossCheck(source(['2005-10-03'], []), source(['2003-10-03', '2005-10-03'], []), []).years).toEqual([
      '2005',
    ]);
  });

  it('applies a correction by setting the day to what the notice says', () => {
    const corrected = applyCorrections(source(['2005-12-31'], []), [aCorrection()]);
    expect(corrected).toEqual({ holidays: { '2005-10-03': 'x' }, makeUpWorkdays: { '2005-12-31': '元旦' } });
    expect(
      applyCorrections(source(['2005-12-30'], []), [aCorrection({ date: '2005-12-30', kind: 'ordinary' })]),
    ).toEqual(source([], []));
  });
});
