import { CaseDriver, refusal } from './support/factories.js';
import { ABOVE, aPetitionAt, aPetitionIntake } from './support/petition.factories.js';

// Petition: rules its full mutation run showed no test held, one test each (issue 12).

const referred = (intake: Record<string, unknown> = {}) =>
  aPetitionAt('handling', { intake }).send(
    'mediation.referred',
    { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1', 'p2'] },
    '2026-03-20',
  );

describe('petition: referral to people’s mediation (访调对接)', () => {
  it('PC-Reg Art. 33: the committee’s case carries the claim’s amount, and none when the petition has none', () => {
    expect(referred({ amount: '5000.00' }).linkedCaseInput()).toMatchObject({ amount: '5000.00', channel: 'petition' });
    expect(referred().linkedCaseInput()).not.toHaveProperty('amount');
  });
});

describe('petition: acceptance', () => {
  it('PC-Reg Art. 34: the 60 days to handle run from the acceptedOn given, not from the day it is recorded', () => {
    const c = CaseDriver.open('petition', aPetitionIntake(), '2026-03-02').send(
      'petition.accepted',
      { acceptedOn: '2026-03-10' },
      '2026-03-12',
    );
    // 10 Mar + 60 days is Sat 9 May, the make-up working day of Labour Day 2026.
    expect(c.deadline('handlingPeriod')).toMatchObject({ dueOn: '2026-05-09', basis: 'PC-Reg Art. 34' });
    expect(c.context.acceptedOn).toBe('2026-03-10');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'acceptanceNotice',
      details: { basis: 'PC-Reg Art. 23' },
    });
  });
});

describe('petition: assignment (交办)', () => {
  it('PC-Reg Art. 22: an assignment is kept in the hand-overs as assigned, from whom to whom', () => {
    const c = CaseDriver.open('petition', aPetitionIntake(), '2026-03-02').send(
      'petition.assigned',
      { organizationId: 'org-community-1', dueOn: '2026-03-31' },
      '2026-03-03',
      { targetRelation: 'descendant' },
    );
    expect(c.context.records.handOvers).toEqual([
      {
        how: 'assigned',
        on: '2026-03-03',
        fromOrganizationId: 'org-street-1',
        toOrganizationId: 'org-community-1',
        receivedOn: '2026-03-03',
      },
    ]);
  });
});

describe('petition: after acceptance', () => {
  it('PC-Reg Art. 22: an assignment while handling is kept as assigned, and starts no new acceptance decision', () => {
    const c = aPetitionAt('handling').send(
      'petition.assigned',
      { organizationId: 'org-community-1', dueOn: '2026-04-30' },
      '2026-03-12',
      { targetRelation: 'descendant' },
    );
    expect(c.context.records.handOvers).toEqual([expect.objectContaining({ how: 'assigned', on: '2026-03-12' })]);
    expect(c.deadline('acceptanceDecision')).toBeUndefined();
  });

  it('PC-Reg Art. 33: a mediation that failed comes back to handling with its outcome kept', () => {
    const c = referred().send('mediation.concluded', { outcome: 'failed' }, '2026-04-10');
    expect(c.state).toBe('handling');
    expect(c.context.records.mediations).toEqual([
      expect.objectContaining({ referredOn: '2026-03-20', concludedOn: '2026-04-10', outcome: 'failed' }),
    ]);
  });
});

describe('petition: review (复查)', () => {
  const opinionIssued = () => aPetitionAt('opinionIssued', { days: { opinionServedOn: '2026-05-06' } });

  it('PC-Reg Art. 35: the 30 days to decide a review run from the requestedOn given', () => {
    const c = opinionIssued().send(
      'review.requested',
      { requestedOn: '2026-06-01', reviewOrganizationId: 'org-district-1' },
      '2026-06-04',
      ABOVE,
    );
    expect(c.deadline('reviewDecision')).toMatchObject({
      startedOn: '2026-06-01',
      dueOn: '2026-07-01',
      basis: 'PC-Reg Art. 35',
    });
  });

  it('flows.md "Conventions": a review requestedOn after today is refused', () => {
    const error = refusal(
      opinionIssued().attempt(
        'review.requested',
        { requestedOn: '2026-06-05', reviewOrganizationId: 'org-district-1' },
        '2026-06-04',
        ABOVE,
      ),
    );
    expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
  });
});

describe('petition: the review opinion', () => {
  it('flows.md "Conventions": a review opinion servedOn after today is refused', () => {
    const error = refusal(
      aPetitionAt('underReview').attempt(
        'review.decided',
        { result: 'notSupported', servedOn: '2026-06-26' },
        '2026-06-25',
      ),
    );
    expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
  });
});

describe('petition: re-review (复核)', () => {
  const reviewDecided = () => aPetitionAt('reviewDecided', { days: { reviewServedOn: '2026-06-25' } });

  it('PC-Reg Art. 36: the 30 days to ask for a re-review run from the review opinion’s servedOn', () => {
    const c = aPetitionAt('underReview').send(
      'review.decided',
      { result: 'notSupported', servedOn: '2026-06-24' },
      '2026-06-26',
    );
    expect(c.deadline('rereviewRequestPeriod')).toMatchObject({
      startedOn: '2026-06-24',
      dueOn: '2026-07-24',
      basis: 'PC-Reg Art. 36',
    });
  });

  it('PC-Reg Art. 36: a re-review goes to the body above, which holds the case; a future request is refused', () => {
    const c = reviewDecided().send(
      'rereview.requested',
      { requestedOn: '2026-07-20', rereviewOrganizationId: 'org-city-1' },
      '2026-07-20',
      ABOVE,
    );
    expect(c.context.organizationId).toBe('org-city-1');
    expect(c.deadline('rereviewRequestPeriod')).toBeUndefined();
    const late = reviewDecided().send(
      'rereview.requested',
      { requestedOn: '2026-07-20', rereviewOrganizationId: 'org-city-1' },
      '2026-07-22',
      ABOVE,
    );
    expect(late.deadline('rereviewDecision')).toMatchObject({ startedOn: '2026-07-20' });
    const error = refusal(
      reviewDecided().attempt(
        'rereview.requested',
        { requestedOn: '2026-07-21', rereviewOrganizationId: 'org-city-1' },
        '2026-07-20',
        ABOVE,
      ),
    );
    expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
  });
});

describe('petition: the re-review opinion', () => {
  it('flows.md "Conventions": a re-review opinion servedOn after today is refused, and nothing changes', () => {
    const c = aPetitionAt('underRereview');
    const error = refusal(
      c.attempt('rereview.decided', { result: 'notSupported', servedOn: '2026-08-11' }, '2026-08-10'),
    );
    expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    expect(c.state).toBe('underRereview');
  });

  it('PC-Reg Art. 36: the re-review opinion is kept with its result and the day it was served', () => {
    const c = aPetitionAt('underRereview').send(
      'rereview.decided',
      { result: 'supported', servedOn: '2026-08-07' },
      '2026-08-10',
    );
    expect(c.context.records.rereviewOpinion).toEqual({ result: 'supported', servedOn: '2026-08-07' });
  });
});
