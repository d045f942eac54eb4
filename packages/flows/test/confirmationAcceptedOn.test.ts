import { describeCase } from '../src/index.js';
import { CaseDriver } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

// Accepted on Tue 17 March, recorded by the clerk a day later: the review periods run from the
// court's own acceptance date, not from the day it was typed in. No holiday lies near either end.
const ACCEPTED_ON = '2026-03-17';
const RECORDED_ON = '2026-03-18';

const acceptedLate = () =>
  CaseDriver.open('judicial-confirmation', aConfirmationIntake({ agreement: anInlineAgreement() }), '2026-03-16').send(
    'application.accepted',
    { acceptedOn: ACCEPTED_ON },
    RECORDED_ON,
  );

describe('judicial confirmation: periods run from acceptedOn (SPC-Confirm-2011 Art. 5; CPL Art. 187)', () => {
  it('SPC-Confirm-2011 Art. 5: the 15-day review target counts from acceptedOn, not the day it was recorded', () => {
    const c = acceptedLate();
    expect(describeCase(c.snapshot).acceptedOn).toBe(ACCEPTED_ON);
    // 17 Mar + 15 days = Wed 1 Apr (from the recording day it would be Thu 2 Apr).
    expect(c.deadline('reviewDecision')).toMatchObject({
      startedOn: ACCEPTED_ON,
      dueOn: '2026-04-01',
      basis: 'SPC-Confirm-2011 Art. 5',
    });
  });

  it('CPL Art. 187: the 30-day special-procedure period counts from acceptedOn, not the day it was recorded', () => {
    // 17 Mar + 30 days = Thu 16 Apr (from the recording day it would be Fri 17 Apr).
    expect(acceptedLate().deadline('specialProcedurePeriod')).toMatchObject({
      startedOn: ACCEPTED_ON,
      dueOn: '2026-04-16',
      basis: 'CPL Art. 187',
    });
  });
});
