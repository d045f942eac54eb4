import { aParty, ID_NUMBERS } from './support/factories.js';
import { aPetitionAt } from './support/petition.factories.js';

// PC-Reg Arts. 33, 37 (访调对接): a civil claim goes to a people's mediation committee only when both
// sides — the petitioner and the other side — agree; a third party named in the petition is neither.

const WITH_A_THIRD_PARTY = [
  aParty(),
  aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li }),
  aParty({ role: 'thirdParty', name: '王五', idNumber: ID_NUMBERS.wang }),
];

describe('petition: referral to people’s mediation (PC-Reg Arts. 33, 37)', () => {
  it('PC-Reg Art. 33: both sides consenting is enough — a third party’s consent is not asked for', () => {
    const c = aPetitionAt('handling', { intake: { parties: WITH_A_THIRD_PARTY } }).send(
      'mediation.referred',
      { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1', 'p2'] },
      '2026-03-20',
    );
    expect(c.state).toBe('inMediation');
  });
});
