import { CaseDriver, ID_NUMBERS, refusal } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

// CPL-Interp Art. 354: an agreement given with the application names the parties it binds; they are
// matched to the applicants by ID number or credit code (CPL Art. 205), so those numbers are checked
// as the intake's own parties' are, and a name is held to the length of any party's name.

const LI = { name: '李四', idNumber: ID_NUMBERS.li };

const open = (bound: Record<string, unknown>) => () =>
  CaseDriver.open(
    'judicial-confirmation',
    aConfirmationIntake({ agreement: anInlineAgreement({ boundParties: [bound, LI] }) }),
    '2026-03-16',
  );

describe('judicial confirmation: the bound parties of an inline agreement (CPL-Interp Art. 354; CPL Art. 205)', () => {
  it('GB 32100: a bound party’s unified social credit code with a wrong check digit is refused', () => {
    expect(refusal(open({ name: '某某物业公司', creditCode: '91320100MA1M9Y8P09' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'agreement.boundParties[0].creditCode' }],
    });
  });

  it('GB 11643: a bound party’s citizen ID number with a wrong check digit is refused', () => {
    const wrong = `${ID_NUMBERS.zhang.slice(0, 17)}${ID_NUMBERS.zhang.endsWith('0') ? '1' : '0'}`;
    expect(refusal(open({ name: '张三', idNumber: wrong }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'agreement.boundParties[0].idNumber' }],
    });
  });

  it('a bound party’s name is held to the length of a party’s name (NAME_MAX, 200 characters)', () => {
    expect(refusal(open({ name: '张'.repeat(201), idNumber: ID_NUMBERS.zhang }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'agreement.boundParties[0].name' }],
    });
    expect(open({ name: '张'.repeat(200), idNumber: ID_NUMBERS.zhang })().state).toBe('applied');
  });
});
