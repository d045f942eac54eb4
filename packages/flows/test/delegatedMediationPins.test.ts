import { aDelegation, aSignedAgreement } from './support/delegatedMediation.factories.js';
import { CaseDriver, refusal } from './support/factories.js';

// Delegated mediation: rules its mutation run showed no test held, one test each (issue 12).

const RECEIVED = '2026-03-02'; // Monday
const STREET_TARGET = { length: 20, unit: 'day' as const, basis: 'centre policy: street level (cfg)' };

const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('delegated-mediation', aDelegation(overrides), RECEIVED, { resolutionTarget: STREET_TARGET });

describe('delegated mediation: the court’s delegation', () => {
  it('SPC-Invited Art. 11: the court’s reference (诉前调解案号) is kept up to 100 characters, counted as people read', () => {
    expect(open({ courtReference: '号'.repeat(99) + '𠮷' }).context.facts).toMatchObject({
      courtReference: '号'.repeat(99) + '𠮷',
    });
    const error = refusal(() => open({ courtReference: '号'.repeat(101) }));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [expect.objectContaining({ path: 'courtReference' })],
    });
  });
});

describe('delegated mediation: choosing the mediator', () => {
  it('SPC-Online Arts. 10, 12, 24: the mediator’s deadlines come and go; the centre’s 化解时限 runs throughout', () => {
    const c = open().send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'parties' }, '2026-03-03');
    const target = { kind: 'resolutionTarget', status: 'running', dueOn: '2026-03-23' };
    expect(c.deadline('resolutionTarget')).toMatchObject(target);
    expect(c.deadline('mediatorChoice')).toBeUndefined();
    c.send('mediator.declined', { reason: '回避' }, '2026-03-04');
    expect(c.deadline('resolutionTarget')).toMatchObject(target);
    expect(c.deadline('mediatorConfirmation')).toBeUndefined();
    c.send('mediator.assigned', { mediatorId: 'm-2', chosenBy: 'court' }, '2026-03-05');
    c.send('mediator.confirmed', { confirmedOn: '2026-03-05' }, '2026-03-05');
    expect(c.deadline('resolutionTarget')).toMatchObject(target);
    expect(c.deadline('mediationPeriod')).toMatchObject({
      status: 'running',
      basis: 'SPC-Invited Art. 27; SPC-Online Art. 24',
    });
  });
});

describe('delegated mediation: back to the court', () => {
  it('SPC-Invited Arts. 21, 26: a failure returns the case, telling the court why and under which articles', () => {
    const c = open()
      .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'parties' }, '2026-03-03')
      .send('mediator.confirmed', { confirmedOn: '2026-03-05' }, '2026-03-05')
      .send('parties.reached', {}, '2026-03-06')
      .send('mediation.terminated', { reason: 'gapTooWide' }, '2026-03-25');
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'returnedForFiling',
      to: 'court',
      details: {
        reason: 'gapTooWide',
        basis: 'SPC-Invited Arts. 21, 26',
        courtId: 'court-district-1',
        courtReference: '（2026）京0105民诉前调1234号',
      },
    });
  });
});

describe('delegated mediation: the agreement and a suspicion of false mediation', () => {
  const mediating = () =>
    open()
      .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'parties' }, '2026-03-03')
      .send('mediator.confirmed', { confirmedOn: '2026-03-05' }, '2026-03-05')
      .send('parties.reached', {}, '2026-03-06');

  it('SPC-Invited Arts. 19, 24: a signed agreement is served on the parties and the case ends as agreed', () => {
    const c = mediating().send('agreement.signed', aSignedAgreement(), '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'agreement',
      details: { servedOn: 'parties' },
    });
    expect(c.context.outcome).toEqual({ reason: 'agreed' });
  });

  it('SPC-Invited Art. 18; SPC-Online Art. 26: cleared, the case returns to an appraisal under way', () => {
    const c = mediating()
      .send('appraisal.started', {}, '2026-03-10')
      .send('falseMediation.suspected', { note: '疑似虚假调解' }, '2026-03-12')
      .send('falseMediation.cleared', {}, '2026-03-16');
    expect(c.state).toBe('paused');
    expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'paused' });
    expect(c.context.records.suspensions).toEqual([{ suspendedOn: '2026-03-12', clearedOn: '2026-03-16' }]);
    const without = mediating()
      .send('falseMediation.suspected', { note: '疑似虚假调解' }, '2026-03-12')
      .send('falseMediation.cleared', {}, '2026-03-16');
    expect(without.state).toBe('mediating');
    expect(without.deadline('mediationPeriod')).toMatchObject({ status: 'running' });
  });
});

describe('delegated mediation: the parties settle', () => {
  it('SPC-Invited Art. 26; SPC-Online Art. 25: a withdrawal tells the court, under which articles', () => {
    const c = open().send('case.withdrawn', { partyId: 'p1' }, '2026-03-04');
    expect(c.state).toBe('withdrawn');
    expect(c.context.outcome).toEqual({ reason: 'settledByParties' });
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'delegationWithdrawn',
      to: 'court',
      details: {
        basis: 'SPC-Invited Art. 26; SPC-Online Art. 25',
        courtId: 'court-district-1',
        courtReference: '（2026）京0105民诉前调1234号',
      },
    });
  });
});
