import { aParty, CaseDriver, CREDIT_CODE, ID_NUMBERS, refusal } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

/** A second valid unified social credit code (GB 32100 check character). */
const OTHER_CREDIT_CODE = '91110105MA01ABCD13';
const JOINT_APPLICATION_REQUIRED = {
  code: 'RULE_VIOLATED',
  rule: 'JOINT_APPLICATION_REQUIRED',
  basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
};

const open = (boundParties: Record<string, unknown>[], parties: Record<string, unknown>[]) => () =>
  CaseDriver.open(
    'judicial-confirmation',
    aConfirmationIntake({ agreement: anInlineAgreement({ boundParties }), parties }),
    '2026-03-16',
  );

const person = (name: string) => aParty({ name, idNumber: undefined });
const company = (name: string, creditCode: string) =>
  aParty({ kind: 'organization', name, idNumber: undefined, creditCode });

describe('confirmation: inline agreements bind the applicants (PML Art. 33; CPL Art. 205; CPL-Interp Art. 351)', () => {
  it('CPL Art. 205: a bound person without an ID number is matched to the applicant of that name, one each', () => {
    // 李四 is p1 and 张三 p2, the reverse of the agreement's order.
    const c = open([{ name: '张三' }, { name: '李四' }], [person('李四'), person('张三')])();
    expect(c.context.agreement?.boundPartyIds).toEqual(['p2', 'p1']);
  });

  it('CPL-Interp Art. 351: a bound person named unlike any applicant did not apply: JOINT_APPLICATION_REQUIRED', () => {
    const attempt = open([{ name: '张三' }, { name: '王五' }], [person('张三'), person('李四')]);
    expect(refusal(attempt)).toMatchObject(JOINT_APPLICATION_REQUIRED);
  });

  it('CPL Art. 205: a bound organisation is matched to the applicant with its credit code, whatever the order', () => {
    const c = open(
      [
        { name: '某某物业公司', creditCode: CREDIT_CODE },
        { name: '张三', idNumber: ID_NUMBERS.zhang },
      ],
      [aParty(), company('物业公司', CREDIT_CODE)],
    )();
    expect(c.context.agreement?.boundPartyIds).toEqual(['p2', 'p1']);
  });

  it('CPL-Interp Art. 351: same name, other credit code: another organisation — JOINT_APPLICATION_REQUIRED', () => {
    const attempt = open(
      [
        { name: '张三', idNumber: ID_NUMBERS.zhang },
        { name: '某某物业公司', creditCode: CREDIT_CODE },
      ],
      [aParty(), company('某某物业公司', OTHER_CREDIT_CODE)],
    );
    expect(refusal(attempt)).toMatchObject(JOINT_APPLICATION_REQUIRED);
  });
});
