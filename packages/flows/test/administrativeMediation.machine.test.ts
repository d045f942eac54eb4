import { describeCase, EventNotAllowedError, getFlow, RuleViolatedError, type HostFacts } from '../src/index.js';
import { anAdministrativeIntake, aSignedStatement } from './support/administrativeMediation.factories.js';
import { CaseDriver, refusal } from './support/factories.js';

const RECEIVED = '2026-03-02'; // Monday

const open = (domain: string, overrides: Record<string, unknown> = {}, host?: HostFacts) =>
  CaseDriver.open('administrative-mediation', anAdministrativeIntake(domain, overrides), RECEIVED, host);
const acceptedPayload = (domain: string) => (domain === 'medical' ? { otherSideConsented: true } : {});
const accepted = (domain: string, overrides: Record<string, unknown> = {}, host?: HostFacts) =>
  open(domain, overrides, host).send('application.accepted', acceptedPayload(domain), RECEIVED);
/** Mediating: traffic starts on Tue 10 March, when the treatment ended. */
const mediating = (domain: string, overrides: Record<string, unknown> = {}, host?: HostFacts) =>
  domain === 'trafficAccident'
    ? accepted(domain, overrides, host).send('mediation.started', { startsOn: '2026-03-10' }, '2026-03-10')
    : accepted(domain, overrides, host);
const openingRefusal = (domain: string, overrides: Record<string, unknown> = {}, host?: HostFacts) =>
  refusal(() => open(domain, overrides, host));

describe('administrativeMediation', () => {
  describe('opening', () => {
    it.each(['trafficAccident', 'medical', 'consumer', 'publicSecurity', 'general'])(
      'opens a %s case in pendingAcceptance, not yet accepted',
      (domain) => {
        const c = open(domain);
        expect(c.state).toBe('pendingAcceptance');
        expect(describeCase(c.snapshot)).toMatchObject({ status: 'open', final: false, acceptedOn: null });
        expect(c.context.facts.domain).toBe(domain);
      },
    );

    it('requires a known domain', () => {
      const error = refusal(() =>
        CaseDriver.open('administrative-mediation', anAdministrativeIntake('land'), RECEIVED),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'domain' })],
      });
    });
  });

  describe('trafficAccident (RTSL-Reg Arts. 94-96)', () => {
    it('refuses to open without a joint written application (RTSL-Reg Art. 94)', () => {
      const error = openingRefusal('trafficAccident', { jointWrittenApplication: false });
      expect(error).toBeInstanceOf(RuleViolatedError);
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'TRAFFIC_JOINT_WRITTEN_APPLICATION_REQUIRED',
        basis: 'RTSL-Reg Art. 94',
      });
    });

    it('refuses to open without the day the accident determination was received (RTSL-Reg Art. 94)', () => {
      expect(openingRefusal('trafficAccident', { determinationReceivedOn: undefined })).toMatchObject({
        rule: 'TRAFFIC_DETERMINATION_DATE_REQUIRED',
        basis: 'RTSL-Reg Art. 94',
      });
    });

    it('accepts an application on the 10th day, moved past the Spring Festival (RTSL-Reg Art. 94; CPL Art. 85)', () => {
      // 10 Feb + 10 days = 20 Feb, inside the holiday (15–23 Feb) → Tue 24 Feb.
      const c = CaseDriver.open(
        'administrative-mediation',
        anAdministrativeIntake('trafficAccident', { determinationReceivedOn: '2026-02-10', receivedOn: '2026-02-24' }),
        '2026-02-24',
      );
      expect(c.state).toBe('pendingAcceptance');
    });

    it('refuses a determination received after the application: a late one would pass (RTSL-Reg Art. 94)', () => {
      const attempt = () =>
        CaseDriver.open(
          'administrative-mediation',
          // Registered two days after the application arrived; the determination date typed a day after it.
          anAdministrativeIntake('trafficAccident', {
            determinationReceivedOn: '2026-02-26',
            receivedOn: '2026-02-25',
          }),
          '2026-02-27',
        );
      expect(refusal(attempt)).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'TRAFFIC_DETERMINATION_AFTER_APPLICATION',
        basis: 'RTSL-Reg Art. 94',
      });
      // Received the same day as the application is fine.
      const sameDay = anAdministrativeIntake('trafficAccident', {
        determinationReceivedOn: '2026-02-25',
        receivedOn: '2026-02-25',
      });
      expect(CaseDriver.open('administrative-mediation', sameDay, '2026-02-25').state).toBe('pendingAcceptance');
    });

    it('refuses an application made more than 10 days after the determination was received (RTSL-Reg Art. 94)', () => {
      const attempt = () =>
        CaseDriver.open(
          'administrative-mediation',
          anAdministrativeIntake('trafficAccident', {
            determinationReceivedOn: '2026-02-10',
            receivedOn: '2026-02-25',
          }),
          '2026-02-25',
        );
      expect(refusal(attempt)).toMatchObject({
        rule: 'TRAFFIC_APPLICATION_OUT_OF_TIME',
        basis: 'RTSL-Reg Art. 94; CPL Art. 85',
      });
    });

    it('sets no acceptance target: the regulation gives none (RTSL-Reg Art. 94)', () => {
      expect(open('trafficAccident').context.deadlines).toEqual([]);
    });

    it('waits in awaitingStart after acceptance, with no period running yet (RTSL-Reg Art. 94)', () => {
      const c = accepted('trafficAccident');
      expect(c.state).toBe('awaitingStart');
      expect(c.context.acceptedOn).toBe(RECEIVED);
      expect(c.context.deadlines).toEqual([]);
      expect(c.documents()).toEqual(['acceptanceNotice']);
    });

    it('starts the 10-day period when mediation can start (RTSL-Reg Arts. 94-95)', () => {
      const c = mediating('trafficAccident');
      expect(c.state).toBe('mediating');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        startedOn: '2026-03-10',
        dueOn: '2026-03-20',
        basis: 'RTSL-Reg Arts. 94-95',
      });
      expect(c.context.records.mediationStartsOn).toBe('2026-03-10');
    });

    it('counts from acceptance when the loss was fixed before the case was accepted (RTSL-Reg Art. 94)', () => {
      const c = accepted('trafficAccident').send('mediation.started', { startsOn: '2026-02-20' }, '2026-03-03');
      expect(c.deadline('mediationPeriod')).toMatchObject({ startedOn: RECEIVED, dueOn: '2026-03-12' });
    });

    it('refuses a start dated in the future (RTSL-Reg Art. 94)', () => {
      expect(
        refusal(accepted('trafficAccident').attempt('mediation.started', { startsOn: '2026-03-20' }, '2026-03-10')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('keeps the 10 days running during an appraisal and fails when they end (RTSL-Reg Art. 95)', () => {
      const c = mediating('trafficAccident').send('appraisal.started', {}, '2026-03-12');
      expect(c.state).toBe('paused');
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-03-20' });
      c.send('deadline.expired', { kind: 'mediationPeriod' }, '2026-03-21');
      expect(c.state).toBe('failed');
      expect(c.context.outcome).toEqual({ reason: 'expired' });
    });

    it('ends in failed after 10 days, the statement naming litigation (RTSL-Reg Art. 95; RTSL Art. 74)', () => {
      const c = mediating('trafficAccident').send('deadline.expired', { kind: 'mediationPeriod' }, '2026-03-21');
      expect(c.state).toBe('failed');
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'terminationStatement',
        details: { reason: 'expired', remainingRoutes: ['litigation'] },
      });
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'unresolved', final: true, deadlines: [] });
    });

    it('ends mediation when a party sues while waiting for the start (RTSL-Reg Art. 96)', () => {
      const c = accepted('trafficAccident').send(
        'lawsuit.filed',
        { courtId: 'court-1', filedOn: '2026-03-05' },
        '2026-03-06',
      );
      expect(c.state).toBe('terminatedByLitigation');
      expect(c.context.records.lawsuit).toEqual({ courtId: 'court-1', filedOn: '2026-03-05' });
    });

    it('refuses an extension of the 10 days (RTSL-Reg Art. 95)', () => {
      const error = refusal(
        mediating('trafficAccident').attempt(
          'period.extended',
          { length: 5, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
          '2026-03-15',
        ),
      );
      expect(error).toMatchObject({
        rule: 'PERIOD_NOT_EXTENDABLE',
        basis: 'RTSL-Reg Art. 95; MDR Art. 40; SAMR rules Art. 21',
      });
    });

    it('refuses mediation.started outside awaitingStart with 409', () => {
      const error = refusal(mediating('medical').attempt('mediation.started', {}, '2026-03-05'));
      expect(error).toBeInstanceOf(EventNotAllowedError);
    });
  });

  describe('medical (MDR Arts. 31, 40-41)', () => {
    it('refuses to open a dispute a court or a medical mediation committee already accepted (MDR Art. 40)', () => {
      const error = openingRefusal('medical', {}, { acceptedElsewhere: true });
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE',
        basis: 'MDR Art. 40',
      });
    });

    it('gives the health department 5 working days to decide on acceptance (MDR Art. 40)', () => {
      expect(open('medical').deadline('acceptanceDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-09',
        basis: 'MDR Art. 40',
        unit: 'workingDay',
      });
    });

    it('refuses acceptance once another body has accepted meanwhile (MDR Art. 40)', () => {
      const error = refusal(
        open('medical').attempt('application.accepted', { otherSideConsented: true }, '2026-03-04', {
          acceptedElsewhere: true,
        }),
      );
      expect(error).toMatchObject({ rule: 'MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE' });
    });

    it('refuses acceptance without both sides’ application or consent (MDR Arts. 31, 40)', () => {
      expect(refusal(open('medical').attempt('application.accepted', {}, '2026-03-04'))).toMatchObject({
        rule: 'MEDICAL_MEDIATION_NEEDS_BOTH_SIDES',
        basis: 'MDR Arts. 31, 40',
      });
    });

    it('counts 30 working days from acceptance (MDR Art. 40)', () => {
      const c = accepted('medical');
      expect(c.state).toBe('mediating');
      expect(c.deadline('acceptanceDecision')).toBeUndefined();
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        unit: 'workingDay',
        dueOn: '2026-04-14',
        basis: 'MDR Art. 40',
      });
      expect(describeCase(c.snapshot).acceptedOn).toBe(RECEIVED);
    });

    it('ignores a local period: the 30 working days are statutory (MDR Art. 40)', () => {
      const c = accepted('medical', {}, { policy: { mediationPeriod: { length: 10, unit: 'day' } } });
      expect(c.deadline('mediationPeriod')?.dueOn).toBe('2026-04-14');
    });

    it('pauses the period for appraisal and resumes it across Labour Day (MDR Art. 40)', () => {
      const c = accepted('medical').send('appraisal.started', {}, '2026-03-13');
      expect(c.state).toBe('paused');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        status: 'paused',
        dueOn: null,
        remaining: { length: 21, unit: 'workingDay' },
      });
      c.send('appraisal.completed', {}, '2026-04-20');
      expect(c.state).toBe('mediating');
      // 21 working days from Mon 20 Apr, skipping 1–5 May and counting the make-up Saturday 9 May.
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-21' });
      expect(c.context.records.appraisals).toEqual([{ startedOn: '2026-03-13', completedOn: '2026-04-20' }]);
    });

    it('refuses any extension of the 30 working days (MDR Art. 40)', () => {
      const error = refusal(
        accepted('medical').attempt(
          'period.extended',
          { length: 10, unit: 'workingDay', consentingPartyIds: ['p1', 'p2'] },
          '2026-04-01',
        ),
      );
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'PERIOD_NOT_EXTENDABLE' });
      expect(error.basis).toContain('MDR Art. 40');
    });

    it('counts the expiry as failed mediation (视为调解不成, MDR Art. 40)', () => {
      const c = accepted('medical').send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-15');
      expect(c.state).toBe('failed');
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'terminationStatement',
        details: { reason: 'expired', remainingRoutes: ['peopleMediation', 'litigation'] },
      });
    });

    it('ends when a party sues during an appraisal (MDR Art. 40)', () => {
      const c = accepted('medical')
        .send('appraisal.started', {}, '2026-03-13')
        .send('lawsuit.filed', { courtId: 'court-1' }, '2026-03-20');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'terminatedByLitigation',
        status: 'referred',
        final: true,
        deadlines: [],
      });
      expect(c.context.records.lawsuit).toEqual({ courtId: 'court-1', filedOn: '2026-03-20' });
    });
  });

  describe('consumer (CRPL Art. 46; SAMR rules Arts. 14, 21)', () => {
    it('gives the department 7 working days to decide on acceptance (CRPL Art. 46)', () => {
      expect(open('consumer').deadline('acceptanceDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-11',
        basis: 'CRPL Art. 46; SAMR rules Art. 14',
      });
    });

    it('marks the case overdue when the 7 working days pass, still pending (CRPL Art. 46)', () => {
      const c = open('consumer').send('deadline.expired', { kind: 'acceptanceDecision' }, '2026-03-12');
      expect(c.state).toBe('pendingAcceptance');
      expect(describeCase(c.snapshot).overdue).toBe(true);
    });

    it('counts 45 working days from acceptance, past Qingming and Labour Day (SAMR rules Art. 21)', () => {
      expect(accepted('consumer').deadline('mediationPeriod')).toMatchObject({
        unit: 'workingDay',
        dueOn: '2026-05-08',
        basis: 'SAMR rules Art. 21',
      });
    });

    it('refuses an extension of the 45 working days (SAMR rules Art. 21)', () => {
      const error = refusal(
        accepted('consumer').attempt(
          'period.extended',
          { length: 5, unit: 'workingDay', consentingPartyIds: ['p1', 'p2'] },
          '2026-04-01',
        ),
      );
      expect(error).toMatchObject({
        rule: 'PERIOD_NOT_EXTENDABLE',
        basis: 'RTSL-Reg Art. 95; MDR Art. 40; SAMR rules Art. 21',
      });
    });

    it('names the consumer association, arbitration and litigation when mediation fails (CRPL Art. 39)', () => {
      const c = accepted('consumer').send('mediation.failed', { reason: 'noAgreement' }, '2026-04-01');
      expect(c.state).toBe('failed');
      expect(c.context.outcome).toEqual({ reason: 'noAgreement' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'terminationStatement',
        details: { reason: 'noAgreement', remainingRoutes: ['consumerAssociation', 'arbitration', 'litigation'] },
      });
    });
  });

  describe('publicSecurity (PSAPL Arts. 9, 99)', () => {
    it('refuses to open a matter that is not a minor violation of civil origin (PSAPL Art. 9)', () => {
      expect(openingRefusal('publicSecurity', { minorCivilMatter: false })).toMatchObject({
        rule: 'PUBLIC_SECURITY_MATTER_NOT_MEDIABLE',
        basis: 'PSAPL Art. 9',
      });
    });

    it('refuses to open without every party’s consent (PSAPL Art. 9)', () => {
      expect(openingRefusal('publicSecurity', { partiesConsent: undefined })).toMatchObject({
        rule: 'PUBLIC_SECURITY_CONSENT_REQUIRED',
        basis: 'PSAPL Art. 9',
      });
    });

    it('sets no acceptance target: the police decide within the case-handling period (PSAPL Art. 99)', () => {
      expect(open('publicSecurity').context.deadlines).toEqual([]);
    });

    it('defaults to 30 days from acceptance, within the case-handling period (PSAPL Art. 99, cfg)', () => {
      const c = accepted('publicSecurity');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        dueOn: '2026-04-01',
        basis: 'PSAPL Art. 99 (cfg)',
      });
    });

    it('uses the organisation’s configured period, citing local policy rather than PSAPL Art. 99 (cfg)', () => {
      const c = accepted('publicSecurity', {}, { policy: { mediationPeriod: { length: 15, unit: 'day' } } });
      expect(c.deadline('mediationPeriod')).toMatchObject({
        dueOn: '2026-03-17',
        unit: 'day',
        basis: 'local policy (cfg)',
      });
    });

    it('pauses the period while an injury appraisal runs (PSAPL Art. 99)', () => {
      const c = accepted('publicSecurity').send('appraisal.started', {}, '2026-03-10');
      expect(c.deadline('mediationPeriod')?.status).toBe('paused');
    });

    it('tells the police unit that no penalty follows an agreement (PSAPL Art. 9)', () => {
      const c = accepted('publicSecurity').send('agreement.signed', aSignedStatement(), '2026-03-16');
      expect(c.state).toBe('agreementSigned');
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'noPenalty',
        to: 'organization',
        details: { basis: 'PSAPL Art. 9' },
      });
    });

    it('tells the police unit the penalty procedure resumes when mediation fails (PSAPL Art. 9)', () => {
      const c = accepted('publicSecurity').send('mediation.failed', { reason: 'noAgreement' }, '2026-03-16');
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'penaltyProcedureResumes',
        to: 'organization',
        details: { basis: 'PSAPL Art. 9' },
      });
      expect(c.effects).toContainEqual(
        expect.objectContaining({
          document: 'terminationStatement',
          details: { reason: 'noAgreement', remainingRoutes: ['litigation'] },
        }),
      );
    });

    it('tells the police unit the penalty procedure resumes when the period expires (PSAPL Art. 9)', () => {
      const c = accepted('publicSecurity').send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-02');
      expect(c.state).toBe('failed');
      expect(c.effects).toContainEqual(expect.objectContaining({ notice: 'penaltyProcedureResumes' }));
    });

    it('extends a configured period with every party’s consent (cfg)', () => {
      const c = accepted('publicSecurity').send(
        'period.extended',
        { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
        '2026-03-20',
      );
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-13', extensions: 1 });
    });
  });

  describe('general (cfg)', () => {
    it('gives every organisation 5 working days to accept, citing local policy, not SZ-DR Art. 46 (cfg)', () => {
      expect(open('general').deadline('acceptanceDecision')).toMatchObject({
        dueOn: '2026-03-09',
        basis: 'local policy (cfg)',
      });
    });

    it('uses the organisation’s acceptance period, citing local policy when it names no rule (cfg)', () => {
      const c = open('general', {}, { policy: { acceptanceDecision: { length: 10, unit: 'workingDay' } } });
      expect(c.deadline('acceptanceDecision')).toMatchObject({ dueOn: '2026-03-16', basis: 'local policy (cfg)' });
    });

    it('cites the rule a Shenzhen organisation’s policy names for its acceptance decision (SZ-DR Art. 46; cfg)', () => {
      const c = open(
        'general',
        {},
        { policy: { acceptanceDecision: { length: 5, unit: 'workingDay', basis: 'SZ-DR Art. 46' } } },
      );
      expect(c.deadline('acceptanceDecision')).toMatchObject({ dueOn: '2026-03-09', basis: 'SZ-DR Art. 46' });
    });

    it('cites the rule the organisation’s policy names for its mediation period (cfg)', () => {
      const basis = '深圳市行政调解规定 (深府规〔2024〕7号)';
      const c = accepted('general', {}, { policy: { mediationPeriod: { length: 20, unit: 'day', basis } } });
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-03-23', basis });
    });

    it('defaults to 30 days from acceptance (cfg)', () => {
      expect(accepted('general').deadline('mediationPeriod')).toMatchObject({
        dueOn: '2026-04-01',
        basis: 'local policy (cfg)',
      });
    });

    it('uses a configured period in months, moved past Labour Day (cfg; CPL Art. 85)', () => {
      const c = accepted('general', {}, { policy: { mediationPeriod: { length: 2, unit: 'month' } } });
      expect(c.deadline('mediationPeriod')).toMatchObject({ endsOn: '2026-05-02', dueOn: '2026-05-06' });
    });

    it('refuses an extension one party did not consent to (cfg)', () => {
      const error = refusal(
        accepted('general').attempt(
          'period.extended',
          { length: 10, unit: 'day', consentingPartyIds: ['p1'] },
          '2026-03-20',
        ),
      );
      expect(error).toMatchObject({
        rule: 'ALL_PARTIES_MUST_CONSENT',
        basis: 'PML Art. 23; MDR Art. 38; SPC-Online Art. 24',
      });
    });

    it('refuses an extension naming someone who is not a party', () => {
      const error = refusal(
        accepted('general').attempt(
          'period.extended',
          { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2', 'p5'] },
          '2026-03-20',
        ),
      );
      expect(error).toMatchObject({ rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });
  });

  describe('when pendingAcceptance', () => {
    it('moves to notAccepted on application.rejected with the reason', () => {
      const c = open('consumer').send('application.rejected', { reason: 'acceptedElsewhere' }, '2026-03-05');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'notAccepted',
        status: 'notAccepted',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'acceptedElsewhere' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'rejectionNotice',
        details: { reason: 'acceptedElsewhere' },
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'acceptanceDecision' });
    });

    it('records the acceptance date given (acceptance sets acceptedOn)', () => {
      const c = open('general').send('application.accepted', { acceptedOn: '2026-03-04' }, '2026-03-05');
      expect(c.context.acceptedOn).toBe('2026-03-04');
      expect(c.deadline('mediationPeriod')).toMatchObject({ startedOn: '2026-03-04', dueOn: '2026-04-03' });
    });

    it.each([
      ['medical', 'MDR Art. 40'],
      ['consumer', 'SAMR rules Art. 21'],
    ])(
      'refuses a %s acceptance dated before the application was received: it would start the period early (%s)',
      (domain, article) => {
        const c = open(domain);
        const error = refusal(
          c.attempt('application.accepted', { ...acceptedPayload(domain), acceptedOn: '2026-02-27' }, '2026-03-04'),
        );
        expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'ACCEPTANCE_BEFORE_RECEIPT' });
        expect(error.basis).toContain(article);
        expect(c.state).toBe('pendingAcceptance');
      },
    );

    it('refuses a traffic acceptance dated before receipt: the 10 days would start early (RTSL-Reg Art. 94)', () => {
      const error = refusal(
        open('trafficAccident').attempt('application.accepted', { acceptedOn: '2026-02-27' }, '2026-03-04'),
      );
      expect(error).toMatchObject({ rule: 'ACCEPTANCE_BEFORE_RECEIPT' });
      expect(error.basis).toContain('RTSL-Reg Art. 94');
    });

    it('refuses an acceptance dated in the future', () => {
      expect(
        refusal(open('general').attempt('application.accepted', { acceptedOn: '2026-03-09' }, '2026-03-05')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('ends when a party has already sued: the body no longer accepts (RTSL-Reg Art. 96)', () => {
      const c = open('trafficAccident').send(
        'lawsuit.filed',
        { courtId: 'court-1', filedOn: '2026-03-01' },
        '2026-03-02',
      );
      expect(c.state).toBe('terminatedByLitigation');
      expect(c.effects).toContainEqual(
        expect.objectContaining({
          type: 'notice.sent',
          notice: 'mediationTerminatedByLitigation',
          details: { courtId: 'court-1', basis: 'RTSL-Reg Art. 96; MDR Art. 40' },
        }),
      );
    });

    it('refuses a lawsuit dated in the future', () => {
      expect(
        refusal(open('general').attempt('lawsuit.filed', { courtId: 'court-1', filedOn: '2026-03-09' }, '2026-03-05')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('refuses an agreement before acceptance with 409 and the allowed events', () => {
      const error = refusal(open('general').attempt('agreement.signed', aSignedStatement(), '2026-03-03'));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining([
          'application.accepted',
          'application.rejected',
          'lawsuit.filed',
          'case.withdrawn',
          'case.escalated',
        ]),
      );
      expect(error.allowedEvents).not.toContain('agreement.signed');
    });
  });

  describe('when mediating', () => {
    it('ends as agreementSigned with the statement when every party signed (RTSL-Reg Art. 95; MDR Art. 41)', () => {
      const c = mediating('trafficAccident').send('agreement.signed', aSignedStatement(), '2026-03-16');
      expect(c.state).toBe('agreementSigned');
      expect(c.context.agreement).toMatchObject({ effectiveOn: '2026-03-16', boundPartyIds: ['p1', 'p2'] });
      expect(c.documents()).toEqual(['mediationStatement']);
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'resolved', final: true, deadlines: [] });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'mediationPeriod' });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
    });

    it('leaves the statement open to judicial confirmation and records until when (CPL Art. 205)', () => {
      const c = mediating('medical').send('agreement.signed', aSignedStatement(), '2026-03-16');
      const flow = getFlow('administrative-mediation');
      expect(
        flow.machine
          .resolveState({ value: c.snapshot.state, context: c.snapshot.context })
          .hasTag('agreementConfirmable'),
      ).toBe(true);
      expect(c.context.records.confirmableUntil).toBe('2026-04-15');
    });

    it.each([
      ['a bound party', { partyIds: ['p1'], mediator: true }],
      ['the mediator', { partyIds: ['p1', 'p2'], mediator: false }],
    ])('refuses a statement without %s (RTSL-Reg Art. 95; MDR Art. 41)', (_missing, signatures) => {
      const c = mediating('trafficAccident');
      const error = refusal(c.attempt('agreement.signed', aSignedStatement({ signatures }), '2026-03-16'));
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'MEDIATION_STATEMENT_UNSIGNED',
        basis: 'RTSL-Reg Art. 95; MDR Art. 41',
      });
      expect(c.state).toBe('mediating');
    });

    it('requires the signature of every party it binds, a third party named bound included (RTSL-Reg Art. 95)', () => {
      const intake = {
        parties: [
          ...anAdministrativeIntake('trafficAccident').parties,
          { role: 'thirdParty', kind: 'organization', name: '某保险公司' },
        ],
      };
      const c = mediating('trafficAccident', intake);
      const statement = aSignedStatement({ boundPartyIds: ['p1', 'p2', 'p3'] });
      expect(refusal(c.attempt('agreement.signed', statement, '2026-03-16'))).toMatchObject({
        rule: 'MEDIATION_STATEMENT_UNSIGNED',
        basis: 'RTSL-Reg Art. 95; MDR Art. 41',
      });
      c.send(
        'agreement.signed',
        { ...statement, signatures: { partyIds: ['p1', 'p2', 'p3'], mediator: true } },
        '2026-03-16',
      );
      expect(c.state).toBe('agreementSigned');
    });

    it('refuses a statement binding someone who is not a party', () => {
      expect(
        refusal(
          mediating('general').attempt(
            'agreement.signed',
            aSignedStatement({ boundPartyIds: ['p1', 'p9'] }),
            '2026-03-16',
          ),
        ),
      ).toMatchObject({
        rule: 'UNKNOWN_PARTY',
      });
    });

    it('refuses a statement that takes effect in the future', () => {
      expect(
        refusal(
          mediating('general').attempt(
            'agreement.signed',
            aSignedStatement({ effectiveOn: '2026-03-20' }),
            '2026-03-16',
          ),
        ),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('refuses a statement dated before acceptance: it shortens the 30-day confirmation window (CPL Art. 205)', () => {
      const c = mediating('medical');
      const error = refusal(
        c.attempt('agreement.signed', aSignedStatement({ effectiveOn: '2026-02-27' }), '2026-03-16'),
      );
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'STATEMENT_BEFORE_ACCEPTANCE' });
      expect(error.basis).toContain('CPL Art. 205');
      expect(c.state).toBe('mediating');
    });

    it('takes a statement effective on the day of acceptance (CPL Art. 205)', () => {
      const c = mediating('general').send(
        'agreement.signed',
        aSignedStatement({ effectiveOn: RECEIVED }),
        '2026-03-16',
      );
      expect(c.state).toBe('agreementSigned');
      expect(c.context.records.confirmableUntil).toBe('2026-04-01');
    });

    it('refuses an expiry before the period’s last day is over (CPL Art. 85)', () => {
      expect(
        refusal(mediating('trafficAccident').attempt('deadline.expired', { kind: 'mediationPeriod' }, '2026-03-20')),
      ).toMatchObject({
        rule: 'DEADLINE_NOT_DUE',
      });
    });

    it('refuses an expiry of a deadline the case does not have', () => {
      expect(
        refusal(mediating('general').attempt('deadline.expired', { kind: 'acceptanceDecision' }, '2026-04-10')),
      ).toMatchObject({
        rule: 'DEADLINE_NOT_RUNNING',
      });
    });

    it('ends when a party sues during mediation (RTSL-Reg Art. 96)', () => {
      const c = mediating('trafficAccident').send('lawsuit.filed', { courtId: 'court-1' }, '2026-03-12');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'terminatedByLitigation',
        status: 'referred',
        deadlines: [],
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'mediationPeriod' });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'referred', outcome: 'failed' });
    });

    it('refuses appraisal.completed with 409 when no appraisal runs', () => {
      expect(refusal(mediating('medical').attempt('appraisal.completed', {}, '2026-03-10'))).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
      });
    });
  });

  describe('when paused', () => {
    it('fails during the appraisal with the termination statement', () => {
      const c = accepted('medical')
        .send('appraisal.started', {}, '2026-03-13')
        .send('mediation.failed', { reason: 'partyAbsent' }, '2026-03-20');
      expect(c.state).toBe('failed');
      expect(c.context.outcome).toEqual({ reason: 'partyAbsent' });
    });

    it('refuses an agreement while the appraisal runs with 409', () => {
      const c = accepted('medical').send('appraisal.started', {}, '2026-03-13');
      expect(refusal(c.attempt('agreement.signed', aSignedStatement(), '2026-03-16'))).toBeInstanceOf(
        EventNotAllowedError,
      );
    });
  });

  describe('withdrawal', () => {
    it.each([
      ['pendingAcceptance', () => open('consumer')],
      ['awaitingStart', () => accepted('trafficAccident')],
      ['mediating', () => mediating('general')],
      ['paused', () => accepted('medical').send('appraisal.started', {}, '2026-03-13')],
    ])('ends as withdrawn from %s', (_state, reach) => {
      const c = reach().send('case.withdrawn', { partyId: 'p1' }, '2026-03-20');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'withdrawn',
        status: 'withdrawn',
        final: true,
        deadlines: [],
      });
    });

    it('lets only an applicant withdraw', () => {
      expect(refusal(mediating('general').attempt('case.withdrawn', { partyId: 'p2' }, '2026-03-20'))).toMatchObject({
        rule: 'WITHDRAWAL_BY_APPLICANT',
      });
    });

    it('refuses a withdrawal by someone who is not a party', () => {
      expect(refusal(mediating('general').attempt('case.withdrawn', { partyId: 'p8' }, '2026-03-20'))).toMatchObject({
        rule: 'UNKNOWN_PARTY',
        basis: 'flows.md "Intake"',
      });
    });
  });

  describe('payload validation', () => {
    it('names every bad field', () => {
      const error = refusal(
        mediating('general').attempt('mediation.failed', { reason: 'tired', note: '', extra: true }, '2026-03-20'),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual(['payload.extra', 'payload.note', 'payload.reason']);
    });

    it('refuses an intake with a malformed determination date', () => {
      const error = refusal(() => open('trafficAccident', { determinationReceivedOn: '2026-02-30' }));
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'determinationReceivedOn' })],
      });
    });

    it('refuses a lawsuit without the court', () => {
      const error = refusal(open('general').attempt('lawsuit.filed', {}, '2026-03-05'));
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'payload.courtId' })],
      });
    });
  });
});
