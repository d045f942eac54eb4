import type { CaseSnapshot } from '../../src/index.js';
import { aParty, anIntake, CaseDriver, ID_NUMBERS } from './factories.js';

/** A people-mediation case between 张三 (p1) and 李四 (p2) whose written agreement took effect on `effectiveOn`. */
export function aLinkedAgreementCase(effectiveOn = '2026-03-10', { defaulted = false } = {}): CaseSnapshot {
  const c = CaseDriver.open('people-mediation', anIntake({ receivedOn: '2026-03-02' }), '2026-03-02')
    .send('application.accepted', {}, '2026-03-02')
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03')
    .send(
      'agreement.signed',
      {
        form: 'written',
        effectiveOn,
        terms: [{ obligorPartyId: 'p2', description: '赔偿修缮费用', amount: '3000.00', dueOn: '2026-04-30' }],
        signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
      },
      effectiveOn,
    );
  if (defaulted) c.send('performance.defaulted', { partyId: 'p2' }, effectiveOn);
  return c.snapshot;
}

/** A people-mediation case still being mediated: no agreement judicial confirmation could take up. */
export function aLinkedCaseWithoutAgreement(): CaseSnapshot {
  return CaseDriver.open('people-mediation', anIntake(), '2026-03-02')
    .send('application.accepted', {}, '2026-03-02')
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03').snapshot;
}

/** An agreement given inline with the application, binding 张三 and 李四. */
export function anInlineAgreement(overrides: Record<string, unknown> = {}) {
  return {
    effectiveOn: '2026-03-10',
    subject: 'propertyObligation',
    boundParties: [
      { name: '张三', idNumber: ID_NUMBERS.zhang },
      { name: '李四', idNumber: ID_NUMBERS.li },
    ],
    terms: [
      { obligorPartyId: 'p2', description: '分期支付货款', amount: '6000.00', dueOn: '2026-05-31' },
      { obligorPartyId: 'p2', description: '支付余款', amount: '6000.00', dueOn: '2026-06-30' },
    ],
    ...overrides,
  };
}

/** The joint application of 张三 and 李四 to a basic court; both are applicants (CPL Art. 205). */
export function aConfirmationIntake(overrides: Record<string, unknown> = {}) {
  return anIntake({
    category: 'contract',
    summary: '申请确认买卖合同纠纷调解协议效力',
    organizationId: 'court-basic-1',
    parties: [
      aParty({ linkedPartyId: 'p1' }),
      aParty({ name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000', linkedPartyId: 'p2' }),
    ],
    receivedOn: '2026-03-16',
    appliedOn: '2026-03-16',
    ...overrides,
  });
}
