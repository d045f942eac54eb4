import { CaseDriver, refusal } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

const open = (agreement: Record<string, unknown>) => () =>
  CaseDriver.open(
    'judicial-confirmation',
    aConfirmationIntake({ agreement: anInlineAgreement(agreement) }),
    '2026-03-16',
  );

describe('judicial confirmation: what the application itself must hold (PML Art. 33; CPL Art. 205)', () => {
  it('PML Art. 33: an agreement effective on the day of the application is taken (only a later day is refused)', () => {
    expect(open({ effectiveOn: '2026-03-16' })().state).toBe('applied');
  });

  it('flows.md "Intake": one of several terms whose obligor is not a party refuses it — UNKNOWN_PARTY', () => {
    const terms = [
      { obligorPartyId: 'p2', description: '分期支付货款', amount: '6000.00', dueOn: '2026-05-31' },
      { obligorPartyId: 'p9', description: '支付余款', amount: '6000.00', dueOn: '2026-06-30' },
    ];
    expect(refusal(open({ terms }))).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'UNKNOWN_PARTY',
      basis: 'flows.md "Intake"',
    });
  });
});
