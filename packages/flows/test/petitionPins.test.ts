import { aPetitionAt } from './support/petition.factories.js';

// Petition: rules its full mutation run showed no test held, one test each (issue 12).

const referred = (intake: Record<string, unknown> = {}) =>
  aPetitionAt('handling', { intake }).send(
    'mediation.referred',
    { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1', 'p2'] },
    '2026-03-20',
  );
const mediationRequest = (c: ReturnType<typeof referred>) => {
  const request = c.effects.find((e) => e.type === 'linkedCase.requested');
  return request && 'input' in request ? request.input : undefined;
};

describe('petition: referral to people’s mediation (访调对接)', () => {
  it('PC-Reg Art. 33: the committee’s case carries the claim’s amount, and none when the petition has none', () => {
    expect(mediationRequest(referred({ amount: '5000.00' }))).toMatchObject({ amount: '5000.00', channel: 'petition' });
    expect(mediationRequest(referred())).not.toHaveProperty('amount');
  });
});
