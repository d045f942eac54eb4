import { loadCalendarYear, statutoryHolidays } from '@jiefen/legal-time';
import { getFlow, recomputeDeadline, type Deadline } from '../src/index.js';
import { anIntake, CaseDriver, refusal } from './support/factories.js';

/*
 * `deadline.recomputed` (issue 11): a State Council schedule loaded after a deadline started moves or
 * confirms it. 2045 is a year no other test of this file's process loads, so it starts unpublished.
 */
const TARGET = { length: 20, unit: 'day' as const, basis: 'centre policy: street level (cfg)' };
const open = () =>
  CaseDriver.open('people-mediation', anIntake({ receivedOn: '2045-09-11' }), '2045-09-11', {
    resolutionTarget: TARGET,
  });
// The notice as published: National Day 1–7 October off, Sunday 8 October a make-up working day.
const publish2045 = () =>
  loadCalendarYear(2045, {
    holidays: {
      ...statutoryHolidays(2045),
      '2045-10-04': '国庆节',
      '2045-10-05': '国庆节',
      '2045-10-06': '国庆节',
      '2045-10-07': '国庆节',
    },
    makeUpWorkdays: { '2045-10-08': '国庆节' },
  });

describe('deadline.recomputed (CPL Art. 85; CC Art. 203)', () => {
  let before: CaseDriver;
  let beforeTimer: Deadline;
  let fixed: Deadline;
  let extended: Deadline;
  beforeAll(() => {
    before = open();
    beforeTimer = before.deadline('resolutionTarget')!;
    fixed = {
      ...beforeTimer,
      kind: 'supervision',
      dueOn: '2045-10-04',
      endsOn: '2045-10-04',
      startedOn: '2045-09-11',
      steps: undefined,
    } as Deadline;
    delete (fixed as Partial<Deadline>).steps;
    extended = {
      ...beforeTimer,
      steps: [
        { from: '2045-09-11', length: 20, unit: 'day' },
        { length: 5, unit: 'workingDay' },
      ],
    };
    publish2045();
  });

  it('counts a period ending on National Day to after its statutory days before the notice, provisionally', () => {
    // 20 days after 2045-09-11 is Sunday 1 October; 1–3 October are statutory holidays.
    expect(beforeTimer).toMatchObject({
      dueOn: '2045-10-04',
      provisional: true,
      provisionalReason: expect.stringContaining('calendar year 2045 not published'),
    });
  });

  it('recounts a running deadline on the published schedule, make-up working days included', () => {
    expect(recomputeDeadline(beforeTimer)).toMatchObject({
      dueOn: '2045-10-08',
      endsOn: '2045-10-01',
      provisional: false,
    });
    expect(recomputeDeadline(beforeTimer)).not.toHaveProperty('provisionalReason');
  });

  it('recounts every step of an extended deadline, the working days of an extension on the new schedule', () => {
    // After 1 October: 8 (make-up), 9, 10, 11, 12 October are the five working days.
    expect(recomputeDeadline(extended)).toMatchObject({
      dueOn: '2045-10-12',
      endsOn: '2045-10-12',
      provisional: false,
    });
  });

  it('keeps a last day someone fixed (a supervision order) and only settles whether it is provisional', () => {
    expect(recomputeDeadline(fixed)).toMatchObject({ dueOn: '2045-10-04', provisional: false });
  });

  it('moves the deadline on the case, and tells the mediator, when the engine sends the recomputed date', () => {
    const c = open();
    c.snapshot.context.deadlines = c.snapshot.context.deadlines.map((d) =>
      d.kind === 'resolutionTarget' ? beforeTimer : d,
    );
    c.send(
      'deadline.recomputed',
      {
        kind: 'resolutionTarget',
        from: '2045-10-04',
        to: '2045-10-08',
        basis: '国办发明电〔2044〕1号',
        provisional: false,
      },
      '2045-09-20',
    );
    expect(c.deadline('resolutionTarget')).toMatchObject({ dueOn: '2045-10-08', provisional: false });
    expect(c.effects).toContainEqual(
      expect.objectContaining({ type: 'notice.sent', notice: 'deadlineMoved', to: 'mediator' }),
    );
    expect(c.state).toBe('pendingAcceptance');
  });

  it('refuses a recomputation from another due date (DEADLINE_RECOMPUTATION_STALE, CPL Art. 85; CC Art. 203)', () => {
    const c = open();
    c.snapshot.context.deadlines = c.snapshot.context.deadlines.map((d) =>
      d.kind === 'resolutionTarget' ? beforeTimer : d,
    );
    const payload = { kind: 'resolutionTarget', from: '2045-10-05', to: '2045-10-08', basis: 'x', provisional: false };
    expect(refusal(c.attempt('deadline.recomputed', payload, '2045-09-20'))).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'DEADLINE_RECOMPUTATION_STALE',
      basis: 'CPL Art. 85; CC Art. 203',
    });
    // …or to a date the calendar does not give.
    expect(
      refusal(c.attempt('deadline.recomputed', { ...payload, from: '2045-10-04', to: '2045-10-09' }, '2045-09-20')),
    ).toMatchObject({ rule: 'DEADLINE_RECOMPUTATION_STALE', basis: 'CPL Art. 85; CC Art. 203' });
  });

  it('refuses a recomputation that would change nothing, so a repeated one is never written twice', () => {
    const c = open(); // opened after the notice: already counted on it
    expect(c.deadline('resolutionTarget')).toMatchObject({ dueOn: '2045-10-08', provisional: false });
    const error = refusal(
      c.attempt(
        'deadline.recomputed',
        { kind: 'resolutionTarget', from: '2045-10-08', to: '2045-10-08', basis: 'x', provisional: false },
        '2045-09-20',
      ),
    );
    expect(error).toMatchObject({ rule: 'DEADLINE_RECOMPUTATION_STALE', basis: 'CPL Art. 85; CC Art. 203' });
  });

  it('is the engine’s alone', () => {
    expect(before.snapshot.flowId).toBe('people-mediation');
    expect(getFlow('people-mediation').events['deadline.recomputed']!.by).toEqual(['engine']);
  });
});

describe('a deadline counted over two unpublished years', () => {
  it('names each year in its provisional reason, in the library’s wording (CPL Art. 85)', () => {
    const base = CaseDriver.open('people-mediation', anIntake({ receivedOn: '2046-12-20' }), '2046-12-20', {
      resolutionTarget: TARGET,
    }).deadline('resolutionTarget')!;
    // Counted to 2046-12-25, then extended by 10 days into 2047.
    const extended = recomputeDeadline({
      ...base,
      steps: [
        { from: '2046-12-20', length: 5, unit: 'day' },
        { length: 10, unit: 'day' },
      ],
    });
    expect(extended).toMatchObject({ endsOn: '2047-01-04', provisional: true });
    expect(extended.provisionalReason).toBe(
      'calendar year 2046 not published; statutory holidays applied; calendar year 2047 not ' +
        'published; statutory holidays applied',
    );
  });
});
