import { CaseDriver } from './support/factories.js';
import { aConfirmationIntake, anInlineAgreement } from './support/judicialConfirmation.factories.js';

describe('judicial confirmation: the application document (CPL Art. 205; CPL-Interp Arts. 353-354)', () => {
  it('CPL-Interp Art. 353: opening the case issues the 司法确认申请书 for the applicants to sign, once', () => {
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({ agreement: anInlineAgreement({}) }),
      '2026-03-16',
    );
    expect(c.effects.filter((e) => e.type === 'document.issued')).toEqual([
      {
        type: 'document.issued',
        document: 'application',
        details: { basis: 'CPL Art. 205; CPL-Interp Arts. 353-354' },
      },
    ]);
    c.send('application.accepted', {}, '2026-03-16');
    expect(c.documents()).not.toContain('application');
  });
});
