import { workingDaysBefore } from '../src/index.js';

describe('workingDaysBefore: the day a reminder is due (e.g. 3 working days before a last day)', () => {
  it('gives the day itself for 0 working days before, and the Friday for 1 working day before a Monday', () => {
    expect(workingDaysBefore('2026-03-16', 0)).toBe('2026-03-16');
    expect(workingDaysBefore('2026-03-16', 1)).toBe('2026-03-13');
  });
});
