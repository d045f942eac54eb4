import type { HostFacts } from '../src/index.js';
import { anAdministrativeIntake, aSignedStatement } from './support/administrativeMediation.factories.js';
import { CaseDriver, refusal } from './support/factories.js';

// Administrative mediation: rules its mutation run showed no test held, one test each (issue 12).

const RECEIVED = '2026-03-02'; // Monday

const open = (domain: string, overrides: Record<string, unknown> = {}, host?: HostFacts) =>
  CaseDriver.open('administrative-mediation', anAdministrativeIntake(domain, overrides), RECEIVED, host);
const accepted = (domain: string) =>
  open(domain).send('application.accepted', domain === 'medical' ? { otherSideConsented: true } : {}, RECEIVED);
const mediating = (domain: string) =>
  domain === 'trafficAccident'
    ? accepted(domain).send('mediation.started', { startsOn: '2026-03-10' }, '2026-03-10')
    : accepted(domain);

describe('administrative mediation: opening', () => {
  it('RTSL-Reg Art. 94: only a traffic case checks the determination date against the application', () => {
    const medical = open('medical', { receivedOn: '2026-02-27', determinationReceivedOn: '2026-03-01' });
    expect(medical.state).toBe('pendingAcceptance');
    const error = refusal(() =>
      open('trafficAccident', { receivedOn: '2026-02-27', determinationReceivedOn: '2026-03-01' }),
    );
    expect(error).toMatchObject({ rule: 'TRAFFIC_DETERMINATION_AFTER_APPLICATION', basis: 'RTSL-Reg Art. 94' });
  });

  it('RTSL-Reg Art. 94; CPL Art. 85: only a traffic case has the 10-day window after the determination', () => {
    const late = { receivedOn: '2026-02-27', determinationReceivedOn: '2026-01-05' };
    expect(open('consumer', late).state).toBe('pendingAcceptance');
    expect(refusal(() => open('trafficAccident', late))).toMatchObject({
      rule: 'TRAFFIC_APPLICATION_OUT_OF_TIME',
      basis: 'RTSL-Reg Art. 94; CPL Art. 85',
    });
  });
});

describe('administrative mediation: acceptance', () => {
  it('MDR Art. 40; SAMR rules Art. 21: an acceptance on the day of receipt is taken, an earlier one refused', () => {
    const c = open('consumer').send('application.accepted', { acceptedOn: RECEIVED }, '2026-03-03');
    expect(c.state).toBe('mediating');
    expect(c.context.acceptedOn).toBe(RECEIVED);
    const error = refusal(open('consumer').attempt('application.accepted', { acceptedOn: '2026-03-01' }, '2026-03-03'));
    expect(error).toMatchObject({
      rule: 'ACCEPTANCE_BEFORE_RECEIPT',
      basis: 'RTSL-Reg Art. 94; MDR Art. 40; SAMR rules Art. 21',
    });
  });
});

describe('administrative mediation: acceptance ends the acceptance target only', () => {
  it('MDR Art. 40: acceptance clears the 5-day acceptance target; the centre’s resolution target runs on', () => {
    const target = { length: 20, unit: 'day' as const, basis: 'centre policy: street level (cfg)' };
    const c = open('medical', {}, { resolutionTarget: target });
    expect(c.deadline('acceptanceDecision')).toMatchObject({ basis: 'MDR Art. 40' });
    c.send('application.accepted', { otherSideConsented: true }, '2026-03-04');
    expect(c.deadline('acceptanceDecision')).toBeUndefined();
    expect(c.deadline('resolutionTarget')).toMatchObject({ status: 'running', dueOn: '2026-03-23' });
    expect(c.deadline('mediationPeriod')).toMatchObject({ basis: 'MDR Art. 40' });
  });
});

describe('administrative mediation: the statement and its notices', () => {
  it('PSAPL Art. 9: only a public-security agreement tells the case-handling unit that no penalty follows', () => {
    const traffic = mediating('trafficAccident').send('agreement.signed', aSignedStatement(), '2026-03-16');
    expect(traffic.state).toBe('agreementSigned');
    expect(traffic.effects).not.toContainEqual(expect.objectContaining({ notice: 'noPenalty' }));
  });

  it('RTSL-Reg Art. 95; MDR Art. 41: a signed statement is served on the parties and ends the case as agreed', () => {
    const c = mediating('medical').send('agreement.signed', aSignedStatement(), '2026-03-16');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'mediationStatement',
      details: { servedOn: 'parties' },
    });
    expect(c.context.outcome).toEqual({ reason: 'agreed' });
  });

  it('local policy (cfg): a general-domain failure names arbitration and litigation as the routes left', () => {
    const c = mediating('general').send('mediation.failed', { reason: 'noAgreement' }, '2026-03-20');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'terminationStatement',
      details: { reason: 'noAgreement', remainingRoutes: ['arbitration', 'litigation'] },
    });
  });
});

describe('administrative mediation: the period’s expiry', () => {
  it('CPL Art. 85: a public-security period cannot be expired before its last day is over', () => {
    const c = mediating('publicSecurity');
    const error = refusal(c.attempt('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-01'));
    expect(error).toMatchObject({ rule: 'DEADLINE_NOT_DUE', basis: 'CPL Art. 85; CC Art. 203' });
    expect(c.state).toBe('mediating');
  });

  it('PSAPL Art. 9: a consumer period that runs out fails the mediation without a notice to a police unit', () => {
    const c = mediating('consumer').send('deadline.expired', { kind: 'mediationPeriod' }, '2026-05-09');
    expect(c.state).toBe('failed');
    expect(c.effects).not.toContainEqual(expect.objectContaining({ notice: 'penaltyProcedureResumes' }));
  });
});

describe('administrative mediation: a lawsuit ends it', () => {
  it('RTSL-Reg Art. 96; MDR Art. 40: a suit tells the parties, naming the court, and records why it ended', () => {
    const c = mediating('medical').send('lawsuit.filed', { courtId: 'court-1', filedOn: '2026-03-12' }, '2026-03-13');
    expect(c.state).toBe('terminatedByLitigation');
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'mediationTerminatedByLitigation',
      to: 'parties',
      details: { courtId: 'court-1', basis: 'RTSL-Reg Art. 96; MDR Art. 40' },
    });
    expect(c.context.outcome).toEqual({ reason: 'lawsuitFiled' });
    expect(c.context.records.lawsuit).toEqual({ courtId: 'court-1', filedOn: '2026-03-12' });
  });
});
