import { anIntake, CaseDriver, refusal } from './support/factories.js';

// People's mediation, the agreement and what follows it: the rules its guards and actions hold,
// one test each (issue 12, mutation pins).

const RECEIVED = '2026-03-02';
const STREET_TARGET = { length: 20, unit: 'day' as const, basis: 'centre policy: street level (cfg)' };

const mediating = (category = 'neighbour', host = {}) =>
  CaseDriver.open('people-mediation', anIntake({ category }), RECEIVED, host)
    .send('application.accepted', category === 'medical' ? { otherSideConsented: true } : {}, RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');

const written = {
  form: 'written',
  effectiveOn: '2026-03-10',
  terms: [{ obligorPartyId: 'p2', description: '支付工资', amount: '3000.00', dueOn: '2026-04-30' }],
  signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
};
const oral = { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '支付工资' }] };

describe('people’s mediation: the agreement', () => {
  it('LDMAL Art. 14: refuses an oral agreement in a labour dispute', () => {
    const c = mediating('labour');
    const error = refusal(c.attempt('agreement.signed', oral, '2026-03-10'));
    expect(error).toMatchObject({
      rule: 'WRITTEN_AGREEMENT_REQUIRED',
      basis: 'MDR Art. 39 (medical); LDMAL Art. 14 (labour)',
    });
    expect(c.state).toBe('mediating');
  });

  it.each(['labour', 'medical'])(
    'MDR Art. 39; LDMAL Art. 14: a written agreement takes effect in a %s dispute',
    (category) => {
      const c = mediating(category).send('agreement.signed', written, '2026-03-10');
      expect(c.state).toBe('agreementEffective');
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'agreement',
        details: { form: 'written' },
      });
    },
  );

  it('PML Art. 30: an oral agreement takes effect in a neighbour dispute, its form on the document', () => {
    const c = mediating().send('agreement.signed', oral, '2026-03-11');
    expect(c.state).toBe('agreementEffective');
    expect(c.effects).toContainEqual({ type: 'document.issued', document: 'agreement', details: { form: 'oral' } });
  });

  it('flows.md "Conventions": refuses an agreement whose effectiveOn is after today', () => {
    const c = mediating();
    const error = refusal(c.attempt('agreement.signed', { ...written, effectiveOn: '2026-03-11' }, '2026-03-10'));
    expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    expect(c.state).toBe('mediating');
  });

  it('PML Arts. 28, 33: an agreement effective on the day of acceptance is accepted', () => {
    const c = mediating().send('agreement.signed', { ...written, effectiveOn: RECEIVED }, '2026-03-10');
    expect(c.state).toBe('agreementEffective');
    expect(c.deadline('confirmationWindow')).toMatchObject({ dueOn: '2026-04-01', basis: 'PML Art. 33; CPL Art. 205' });
  });

  it('docs/centres.md: an effective agreement meets the centre’s resolution target; a supervision order stays', () => {
    const c = mediating('neighbour', { resolutionTarget: STREET_TARGET }).send(
      'case.supervised',
      { instructions: '久调不决，限期反馈', dueOn: '2026-03-20' },
      '2026-03-05',
      { actorRelation: 'ancestor' },
    );
    expect(c.deadline('resolutionTarget')).toMatchObject({ status: 'running', dueOn: '2026-03-23' });
    c.send('agreement.signed', written, '2026-03-10');
    expect(c.deadline('resolutionTarget')).toBeUndefined();
    expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'resolutionTarget' });
    expect(c.deadline('supervision')).toMatchObject({ dueOn: '2026-03-20', basis: 'PC-Reg Art. 40 (督办)' });
  });
});

describe('people’s mediation: after the agreement', () => {
  const agreed = () => mediating().send('agreement.signed', written, '2026-03-10');

  it('PML Art. 31: a default ends the performance target; the confirmation window runs on (PML Art. 33)', () => {
    const c = agreed();
    expect(c.deadline('performanceDue')).toMatchObject({ dueOn: '2026-04-30', basis: 'PML Art. 31' });
    c.send('performance.defaulted', { partyId: 'p2' }, '2026-03-20');
    expect(c.deadline('performanceDue')).toBeUndefined();
    expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'performanceDue' });
    expect(c.deadline('confirmationWindow')).toMatchObject({ status: 'running', dueOn: '2026-04-09' });
  });

  it('PML Art. 33: after the window lapsed a default offers no confirmation, whatever else is running', () => {
    const c = mediating()
      .send('case.supervised', { instructions: '限期反馈', dueOn: '2026-05-29' }, '2026-03-05', {
        actorRelation: 'ancestor',
      })
      .send('agreement.signed', written, '2026-03-10')
      .send('deadline.expired', { kind: 'confirmationWindow' }, '2026-04-10');
    expect(c.deadline('supervision')).toMatchObject({ status: 'running' });
    c.send('performance.defaulted', { partyId: 'p2' }, '2026-05-02');
    expect(c.effects).toContainEqual(
      expect.objectContaining({ details: { defaultingPartyId: 'p2', routes: ['paymentOrder', 'litigation'] } }),
    );
  });

  it('PML Arts. 31, 33: a default tells the parties who defaulted and the routes left', () => {
    const c = agreed().send('performance.defaulted', { partyId: 'p2' }, '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'nonPerformanceRoutes',
      to: 'parties',
      details: { defaultingPartyId: 'p2', routes: ['judicialConfirmation', 'paymentOrder', 'litigation'] },
    });
  });

  it('PML Art. 31: after a default the committee still follows up, and a late performance ends the case', () => {
    const c = agreed().send('performance.defaulted', { partyId: 'p2' }, '2026-03-20');
    c.send('followUp.recorded', { note: '已催告履行' }, '2026-03-25');
    expect(c.context.records.followUps).toEqual([{ on: '2026-03-25', note: '已催告履行' }]);
    c.send('performance.confirmed', {}, '2026-04-02');
    expect(c.state).toBe('performed');
    expect(c.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
  });
});

describe('people’s mediation: ending without agreement', () => {
  it('PML Art. 25: a termination for risk reports it to the organisation, citing the article', () => {
    const c = mediating().send('mediation.terminated', { reason: 'riskReported' }, '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'riskReported',
      to: 'organization',
      details: { basis: 'PML Art. 25' },
    });
    expect(c.effects).not.toContainEqual(expect.objectContaining({ notice: 'mediationTerminated' }));
  });

  it('PML Art. 26: any other termination notifies the parties and records the reason', () => {
    const c = mediating().send('mediation.terminated', { reason: 'noAgreement' }, '2026-03-20');
    expect(c.effects).toContainEqual({ type: 'notice.sent', notice: 'mediationTerminated', to: 'parties' });
    expect(c.context.outcome).toEqual({ reason: 'noAgreement' });
  });

  it('PML Arts. 23, 26: a party refusing to go on ends mediation with a termination notice naming the routes', () => {
    const c = mediating().send('party.refused', { partyId: 'p2' }, '2026-03-05');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'terminationNotice',
      details: { reason: 'partyRefused', remainingRoutes: ['arbitration', 'administrative', 'litigation'] },
    });
  });

  it('MoJ-2002 Art. 33: an expired period ends mediation with a termination notice giving the expiry', () => {
    const c = mediating().send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-03');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'terminationNotice',
      details: { reason: 'expired', remainingRoutes: ['arbitration', 'administrative', 'litigation'] },
    });
  });

  it('LDMAL Art. 14: the arbitration notice cites the article', () => {
    const c = mediating('labour').send('deadline.expired', { kind: 'mediationPeriod' }, '2026-03-18');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'arbitrationNotice',
      details: { basis: 'LDMAL Art. 14' },
    });
  });
});
