import { anIntake, CaseDriver, refusal } from './support/factories.js';

// People's mediation, acceptance (受理): the rules its guards hold, one test each (issue 12, mutation pins).

const RECEIVED = '2026-03-02';
const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('people-mediation', anIntake(overrides), RECEIVED);

describe('people’s mediation: acceptance', () => {
  it('flows.md "Conventions": refuses an acceptedOn after today', () => {
    const c = open();
    const error = refusal(c.attempt('application.accepted', { acceptedOn: '2026-03-04' }, '2026-03-03'));
    expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    expect(c.state).toBe('pendingAcceptance');
  });

  it('MoJ-2002 Art. 33: counts the period from the acceptedOn given, not from the day it is recorded', () => {
    const c = open().send('application.accepted', { acceptedOn: '2026-03-03' }, '2026-03-05');
    expect(c.context.acceptedOn).toBe('2026-03-03');
    expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-03', basis: 'MoJ-2002 Art. 33' });
  });

  it('MoJ-2002 Art. 33: accepts on the day of receipt itself (not before it)', () => {
    const c = open().send('application.accepted', { acceptedOn: RECEIVED }, RECEIVED);
    expect(c.state).toBe('awaitingMediator');
  });

  it('MDR Art. 31: a dispute accepted elsewhere is refused automatically only when it is medical', () => {
    // Other categories: the committee decides and rejects with alreadyHandledByAuthority (MoJ-2002 Art. 22).
    const c = open().send('application.accepted', {}, RECEIVED, { acceptedElsewhere: true });
    expect(c.state).toBe('awaitingMediator');
    const medical = open({ category: 'medical' });
    const error = refusal(
      medical.attempt('application.accepted', { otherSideConsented: true }, RECEIVED, { acceptedElsewhere: true }),
    );
    expect(error).toMatchObject({ rule: 'MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE', basis: 'MDR Art. 31' });
  });

  it('MDR Art. 31: a medical dispute is accepted on the other side’s consent; other categories need none', () => {
    expect(open().send('application.accepted', {}, RECEIVED).state).toBe('awaitingMediator');
    const medical = open({ category: 'medical' }).send('application.accepted', { otherSideConsented: true }, RECEIVED);
    expect(medical.state).toBe('awaitingMediator');
    const error = refusal(
      open({ category: 'medical' }).attempt('application.accepted', { otherSideConsented: false }, RECEIVED),
    );
    expect(error).toMatchObject({ rule: 'MEDICAL_MEDIATION_NEEDS_BOTH_SIDES', basis: 'MDR Art. 31' });
  });

  it('PML Art. 25; MoJ-2002 Art. 22: a rejection issues the rejection notice with its reason', () => {
    const c = open().send('application.rejected', { reason: 'reservedToOtherBody' }, RECEIVED);
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'rejectionNotice',
      details: { reason: 'reservedToOtherBody' },
    });
  });

  it('PML Art. 19: a mediator assigned is recorded with who chose them, and the rights notice is issued', () => {
    const c = open()
      .send('application.accepted', {}, RECEIVED)
      .send('mediator.assigned', { mediatorId: 'm-7', chosenBy: 'parties' }, '2026-03-03');
    expect(c.state).toBe('mediating');
    expect(c.context.records).toMatchObject({ mediatorId: 'm-7', mediatorChosenBy: 'parties' });
    expect(c.effects).toContainEqual({ type: 'document.issued', document: 'rightsAndDutiesNotice' });
  });
});
