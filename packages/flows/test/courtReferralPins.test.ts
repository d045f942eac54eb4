import { anIntake, CaseDriver } from './support/factories.js';

// Court referral: rules its mutation run showed no test held, one test each (issue 12). The dates
// the payloads give differ from the day they are recorded, so a date taken from the wrong one shows.

const OPENED = '2026-03-02'; // Monday
const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('court-referral', anIntake({ linkedCaseId: 'case-pm-9', amount: '8000.00', ...overrides }), OPENED);

describe('court referral: the dates as given', () => {
  it('CPL Art. 126: the 7 days to register run from the submittedOn given, which is kept', () => {
    const c = open().send('referral.submitted', { courtId: 'court-basic-1', submittedOn: '2026-03-03' }, '2026-03-05');
    expect(c.context.records).toMatchObject({ courtId: 'court-basic-1', submittedOn: '2026-03-03' });
    expect(c.deadline('registrationDecision')).toMatchObject({ dueOn: '2026-03-10', basis: 'CPL Art. 126' });
  });

  it('CPL Art. 126: without a submittedOn the submission counts from the day it is recorded', () => {
    const c = open().send('referral.submitted', { courtId: 'court-basic-1' }, '2026-03-05');
    expect(c.context.records).toMatchObject({ submittedOn: '2026-03-05' });
    expect(c.deadline('registrationDecision')).toMatchObject({ dueOn: '2026-03-12' });
  });

  it('CPL Art. 126: the registration keeps the registeredOn given and the court’s case number as the outcome', () => {
    const c = open()
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('filing.registered', { courtCaseNo: '(2026)京0105民初88号', registeredOn: '2026-03-05' }, '2026-03-09');
    expect(c.context.records).toMatchObject({ courtCaseNo: '(2026)京0105民初88号', registeredOn: '2026-03-05' });
    expect(c.context.outcome).toEqual({ courtCaseNo: '(2026)京0105民初88号' });
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'filingReceipt',
      details: { courtCaseNo: '(2026)京0105民初88号', registeredOn: '2026-03-05' },
    });
    // Only a registration during a delegated mediation tells the mediating organisation.
    expect(c.effects).not.toContainEqual(expect.objectContaining({ notice: 'filingRegistered' }));
  });

  it('CPL Arts. 126, 127: a refusal to register is an appealable ruling with its number and reason', () => {
    const c = open()
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('filing.rejected', { reason: 'arbitrationAgreement', rulingNo: '(2026)京0105民初89号' }, '2026-03-06');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'ruling',
      details: {
        ruling: 'notAccepted',
        rulingNo: '(2026)京0105民初89号',
        reason: 'arbitrationAgreement',
        appealable: true,
        basis: 'CPL Art. 126',
      },
    });
  });
});

describe('court referral: completing the filing', () => {
  it('CPL-Interp Art. 126: each request to complete the filing is kept with its items and due day', () => {
    const c = open()
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('materials.requested', { items: ['被告住所证明'], dueOn: '2026-03-13' }, '2026-03-05');
    expect(c.context.records.materialsRequests).toEqual([
      { on: '2026-03-05', items: ['被告住所证明'], dueOn: '2026-03-13' },
    ]);
    c.send('materials.provided', { providedOn: '2026-03-09' }, '2026-03-10');
    expect(c.context.records.materialsProvided).toEqual([{ on: '2026-03-10', providedOn: '2026-03-09' }]);
    expect(c.deadline('registrationDecision')).toMatchObject({
      dueOn: '2026-03-16',
      basis: 'CPL Art. 126; CPL-Interp Art. 126',
    });
  });
});

describe('court referral: delegation before filing (SPC-Invited Art. 11)', () => {
  const submitted = (overrides: Record<string, unknown> = {}) =>
    open(overrides).send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED);

  it('SPC-Invited Art. 11: each delegation is recorded with its organisation, day and the court’s reference', () => {
    const c = submitted().send(
      'mediation.delegated',
      { organizationId: 'org-street-1', courtReference: '(2026)京0105民诉前调1号' },
      '2026-03-04',
    );
    expect(c.context.records.delegations).toEqual([
      { organizationId: 'org-street-1', delegatedOn: '2026-03-04', courtReference: '(2026)京0105民诉前调1号' },
    ]);
  });

  it('SPC-Invited Art. 11: without a reference, neither the delegation nor the case it asks for carries one', () => {
    const c = submitted().send('mediation.delegated', { organizationId: 'org-street-1' }, '2026-03-04');
    expect(c.context.records.delegations).toEqual([{ organizationId: 'org-street-1', delegatedOn: '2026-03-04' }]);
    expect(c.effects).toContainEqual(
      expect.objectContaining({ type: 'linkedCase.requested', flowId: 'delegated-mediation' }),
    );
    expect(c.linkedCaseInput()).not.toHaveProperty('courtReference');
  });

  it('SPC-Invited Art. 11: a claim without an amount asks for a delegated case without one', () => {
    const c = CaseDriver.open('court-referral', anIntake({ linkedCaseId: 'case-pm-9' }), OPENED)
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('mediation.delegated', { organizationId: 'org-street-1' }, '2026-03-04');
    expect(c.linkedCaseInput()).not.toHaveProperty('amount');
    const withAmount = submitted().send('mediation.delegated', { organizationId: 'org-street-1' }, '2026-03-04');
    expect(withAmount.linkedCaseInput()).toMatchObject({ amount: '8000.00' });
  });
});

describe('court referral: a delegated mediation that failed', () => {
  it('SPC-Invited Art. 21: the case goes back to the court to register, each delegation’s outcome kept', () => {
    const c = open()
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('mediation.delegated', { organizationId: 'org-street-1' }, '2026-03-04')
      .send('mediation.concluded', { outcome: 'failed' }, '2026-04-10');
    expect(c.state).toBe('submitted');
    expect(c.context.records.delegatedMediationOutcomes).toEqual([{ on: '2026-04-10', outcome: 'failed' }]);
    expect(c.deadline('registrationDecision')).toMatchObject({
      dueOn: '2026-04-17',
      basis: 'CPL Art. 126; SPC-Invited Art. 21; SPC-Online Art. 21',
    });
  });
});

describe('court referral: registered while a delegated mediation runs', () => {
  it('SPC-Invited Art. 26: the mediating organisation is told the case number and its delegation', () => {
    const c = open()
      .send('referral.submitted', { courtId: 'court-basic-1', submittedOn: OPENED }, OPENED)
      .send('mediation.delegated', { organizationId: 'org-street-1' }, '2026-03-04')
      .send('filing.registered', { courtCaseNo: '(2026)京0105民初90号' }, '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'filingRegistered',
      to: 'organization',
      details: {
        courtCaseNo: '(2026)京0105民初90号',
        delegations: [{ organizationId: 'org-street-1', delegatedOn: '2026-03-04' }],
      },
    });
  });
});
