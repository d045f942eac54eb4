import { aParty, CaseDriver, ID_NUMBERS } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

const confirmedWith = (parties: Record<string, unknown>[], payload: Record<string, unknown>) =>
  CaseDriver.open(
    'judicial-confirmation',
    aConfirmationIntake({ agreement: anInlineAgreement(), parties }),
    '2026-03-16',
  )
    .send('application.accepted', { acceptedOn: '2026-03-17' }, '2026-03-17')
    .send(
      'agreement.confirmed',
      { rulingNo: '(2026)京0105民特123号', ruledOn: '2026-03-23', ...payload },
      '2026-03-24',
    );

const APPLICANTS = [aParty(), aParty({ name: '李四', idNumber: ID_NUMBERS.li })];

describe('judicial confirmation: what the ruling leaves on record (CPL-Interp Art. 372; CPL Art. 250)', () => {
  it('CPL-Interp Art. 372: the 15-day objection period is the parties’; a third party (案外人) gets none', () => {
    const thirdParty = aParty({ role: 'thirdParty', name: '王五', idNumber: ID_NUMBERS.wang });
    const c = confirmedWith([...APPLICANTS, thirdParty], { servedOn: '2026-03-24' });
    // Served Tue 24 Mar: 15 days end Thu 8 Apr, a working day.
    const period = { from: '2026-03-24', dueOn: '2026-04-08', basis: 'CPL-Interp Art. 372', provisional: false };
    expect(c.context.records.objectionUntil).toEqual({ p1: period, p2: period });
  });

  it('CPL-Interp Art. 372: a party served on its own day counts 15 days from it, others from the common one', () => {
    const c = confirmedWith(APPLICANTS, {
      servedOn: '2026-03-23',
      partyServices: [{ partyId: 'p2', servedOn: '2026-03-24' }],
    });
    expect(c.context.records.objectionUntil).toMatchObject({
      p1: { from: '2026-03-23', dueOn: '2026-04-07', basis: 'CPL-Interp Art. 372' },
      p2: { from: '2026-03-24', dueOn: '2026-04-08', basis: 'CPL-Interp Art. 372' },
    });
  });
});
