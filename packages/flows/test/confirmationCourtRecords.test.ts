import { CaseDriver } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

// What the court's events leave on the case: the documents they issue, with the basis each cites,
// and the lists the file keeps (flows.md "Records").

const ACCEPTED = '2026-03-18';
const underReview = () =>
  CaseDriver.open('judicial-confirmation', aConfirmationIntake({ agreement: anInlineAgreement() }), '2026-03-16').send(
    'application.accepted',
    { acceptedOn: ACCEPTED },
    ACCEPTED,
  );

describe('judicial confirmation: what the court’s events leave on record', () => {
  it('SPC-Confirm-2011 Art. 4: acceptance issues the acceptance notice, citing Art. 4', () => {
    expect(underReview().effects).toContainEqual({
      type: 'document.issued',
      document: 'acceptanceNotice',
      details: { basis: 'SPC-Confirm-2011 Art. 4' },
    });
  });

  it('CPL-Interp Arts. 354, 356: each request for statements or evidence is kept, with its items and day', () => {
    const c = underReview()
      .send('supplement.requested', { items: ['调解组织主持调解的证明'], dueOn: '2026-03-25' }, '2026-03-19')
      .send('supplement.provided', { providedOn: '2026-03-24' }, '2026-03-24')
      .send('supplement.requested', { items: ['履行能力证明', '身份证明'], dueOn: '2026-04-01' }, '2026-03-26');
    expect(c.context.records.supplementRequests).toEqual([
      { on: '2026-03-19', items: ['调解组织主持调解的证明'], dueOn: '2026-03-25' },
      { on: '2026-03-26', items: ['履行能力证明', '身份证明'], dueOn: '2026-04-01' },
    ]);
  });

  it('CPL Art. 206: the ruling that the agreement is valid is issued as such and kept as the outcome', () => {
    const ruling = { rulingNo: '(2026)京0105民特123号', ruledOn: '2026-03-20', servedOn: '2026-03-20' };
    const c = underReview().send('agreement.confirmed', ruling, '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'ruling',
      details: { ruling: 'agreementValid', rulingNo: '(2026)京0105民特123号' },
    });
    expect(c.context.outcome).toEqual({ rulingNo: '(2026)京0105民特123号' });
  });

  it('CPL-Interp Art. 357: a withdrawal, allowed or deemed, is issued as a withdrawal ruling', () => {
    const c = underReview().send('application.withdrawn', { rulingNo: 'R-3', deemed: true }, '2026-03-19');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'ruling',
      details: { ruling: 'withdrawal', rulingNo: 'R-3' },
    });
  });
});
