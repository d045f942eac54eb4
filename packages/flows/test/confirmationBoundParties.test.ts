import { aParty, CaseDriver, ID_NUMBERS } from './support/factories.js';
import {
  aConfirmationIntake,
  aLinkedAgreementCase,
  anInlineAgreement,
} from './support/judicialConfirmation.factories.js';

describe('judicial confirmation: the record of who the agreement binds (PML Art. 33; CPL Art. 205)', () => {
  it('CPL Art. 205: a linked agreement’s bound parties keep their linked-case names, each with its applicant', () => {
    // Here 李四 is p1 and 张三 p2: the reverse of the linked case, where 张三 is p1.
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({
        linkedCaseId: 'case-pm-1',
        parties: [
          aParty({ name: '李四', idNumber: ID_NUMBERS.li, linkedPartyId: 'p2' }),
          aParty({ linkedPartyId: 'p1' }),
        ],
      }),
      '2026-03-16',
      { linkedCase: aLinkedAgreementCase() },
    );
    expect(c.context.facts.boundParties).toEqual([
      { name: '张三', partyId: 'p2' },
      { name: '李四', partyId: 'p1' },
    ]);
  });

  it('CPL Art. 205: an inline agreement’s bound parties are recorded as named, each with its matched applicant', () => {
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({ agreement: anInlineAgreement() }),
      '2026-03-16',
    );
    expect(c.context.facts.boundParties).toEqual([
      { name: '张三', partyId: 'p1' },
      { name: '李四', partyId: 'p2' },
    ]);
  });
});
