import { describeCase, EventNotAllowedError, getFlow, RuleViolatedError } from '../src/index.js';
import { aDelegation, aSignedAgreement } from './support/delegatedMediation.factories.js';
import { CaseDriver, refusal } from './support/factories.js';

const RECEIVED = '2026-03-02'; // Monday
const ASSIGNED = '2026-03-03';
const CONFIRMED = '2026-03-05'; // Thursday: 30 days end on Sat 4 Apr, inside Qingming (4–6 Apr)

const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('delegated-mediation', aDelegation(overrides), RECEIVED);
const assigned = () => open().send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'parties' }, ASSIGNED);
const contacting = () => assigned().send('mediator.confirmed', { confirmedOn: CONFIRMED }, CONFIRMED);
const mediating = () => contacting().send('parties.reached', {}, '2026-03-06');
const paused = () => mediating().send('appraisal.started', {}, '2026-03-20');
const suspended = () => mediating().send('falseMediation.suspected', { note: '双方疑似串通虚构债务' }, '2026-03-20');

describe('delegatedMediation', () => {
  describe('opening', () => {
    it('opens in awaitingMediator, counted as accepted at opening, with the court on the case', () => {
      const c = open();
      expect(c.state).toBe('awaitingMediator');
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'open', final: false, acceptedOn: RECEIVED });
      expect(c.context.facts).toEqual({ courtId: 'court-district-1', courtReference: '（2026）京0105民诉前调1234号' });
    });

    it('gives the parties 2 working days to choose a mediator jointly (SPC-Online Art. 10)', () => {
      const c = open();
      expect(c.deadline('mediatorChoice')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-04',
        basis: 'SPC-Online Art. 10',
        unit: 'workingDay',
      });
      expect(c.effects).toContainEqual({ type: 'deadline.set', deadline: c.deadline('mediatorChoice') });
    });

    it('counts the make-up Saturday and skips the Spring Festival in the 2 working days (SPC-Online Art. 10)', () => {
      // Fri 13 Feb; Sat 14 Feb is a make-up working day; 15–23 Feb are off.
      const c = CaseDriver.open('delegated-mediation', aDelegation({ receivedOn: '2026-02-13' }), '2026-02-13');
      expect(c.deadline('mediatorChoice')?.dueOn).toBe('2026-02-24');
    });

    it('requires the delegating court', () => {
      const attempt = () => CaseDriver.open('delegated-mediation', aDelegation({ courtId: undefined }), RECEIVED);
      expect(refusal(attempt)).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'courtId' })],
      });
    });

    it('opens without a court reference', () => {
      const c = CaseDriver.open('delegated-mediation', aDelegation({ courtReference: undefined }), RECEIVED);
      expect(c.context.facts).toEqual({ courtId: 'court-district-1' });
    });
  });

  describe('when awaitingMediator', () => {
    it('moves to awaitingMediatorConfirmation: 3 working days to confirm (SPC-Online Art. 12)', () => {
      const c = assigned();
      expect(c.state).toBe('awaitingMediatorConfirmation');
      expect(c.deadline('mediatorChoice')).toBeUndefined();
      expect(c.deadline('mediatorConfirmation')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-06',
        basis: 'SPC-Online Art. 12',
      });
      expect(c.context.records).toMatchObject({ mediatorId: 'm-1', mediatorChosenBy: 'parties' });
    });

    it('marks the case overdue but keeps waiting when the 2 working days pass (SPC-Online Art. 10)', () => {
      const c = open().send('deadline.expired', { kind: 'mediatorChoice' }, '2026-03-05');
      expect(c.state).toBe('awaitingMediator');
      expect(describeCase(c.snapshot).overdue).toBe(true);
      expect(c.effects).toContainEqual({
        type: 'deadline.overdue',
        kind: 'mediatorChoice',
        sort: 'target',
        dueOn: '2026-03-04',
      });
      c.send('mediator.assigned', { mediatorId: 'm-2', chosenBy: 'court' }, '2026-03-05');
      expect(c.deadline('mediatorChoice')).toBeUndefined();
    });

    it('treats a party rejecting the designation as refusing mediation: to the court (SPC-Invited Art. 12)', () => {
      const c = open().send('party.refused', { partyId: 'p2' }, ASSIGNED);
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'partyUnwilling' });
      expect(c.documents()).toEqual(['failureReport']);
    });

    it('refuses a mediator confirmation before any mediator is assigned, with 409 and the allowed events', () => {
      const error = refusal(open().attempt('mediator.confirmed', {}));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining(['mediator.assigned', 'party.refused', 'case.withdrawn', 'case.escalated']),
      );
      expect(error.allowedEvents).not.toContain('mediator.confirmed');
    });
  });

  describe('when awaitingMediatorConfirmation', () => {
    it('starts 30 days from confirmedOn, moved past Qingming (SPC-Invited Art. 27; SPC-Online Art. 24)', () => {
      const c = contacting();
      expect(c.state).toBe('contactingParties');
      expect(c.deadline('mediatorConfirmation')).toBeUndefined();
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        startedOn: CONFIRMED,
        endsOn: '2026-04-04',
        dueOn: '2026-04-07',
        basis: 'SPC-Invited Art. 27; SPC-Online Art. 24',
      });
      expect(c.context.records.mediatorConfirmedOn).toBe(CONFIRMED);
    });

    it('gives the mediator 3 working days from confirmation to reach the other side (SPC-Online Art. 15)', () => {
      expect(contacting().deadline('partyContact')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-10',
        basis: 'SPC-Online Art. 15',
      });
    });

    it('counts the period from today when confirmedOn is left out (SPC-Online Art. 24)', () => {
      const c = assigned().send('mediator.confirmed', {}, '2026-03-04');
      expect(c.deadline('mediationPeriod')).toMatchObject({ startedOn: '2026-03-04', dueOn: '2026-04-03' });
    });

    it('refuses a confirmation dated in the future', () => {
      const error = refusal(assigned().attempt('mediator.confirmed', { confirmedOn: '2026-03-09' }, '2026-03-04'));
      expect(error).toBeInstanceOf(RuleViolatedError);
      expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    });

    it('refuses a confirmation dated before assignment: 30 days would start early (SPC-Online Arts. 12, 24)', () => {
      expect(
        refusal(assigned().attempt('mediator.confirmed', { confirmedOn: '2026-03-02' }, '2026-03-04')),
      ).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'CONFIRMATION_BEFORE_ASSIGNMENT',
        basis: 'SPC-Online Arts. 12, 24',
      });
      // Confirmed the day it was assigned is fine.
      const c = assigned().send('mediator.confirmed', { confirmedOn: ASSIGNED }, '2026-03-04');
      expect(c.deadline('mediationPeriod')).toMatchObject({ startedOn: ASSIGNED });
    });

    it('goes back to awaitingMediator when the mediator declines, and the choice restarts (SPC-Online Art. 12)', () => {
      const c = assigned().send('mediator.declined', { reason: '超出调解员擅长领域' }, '2026-03-04');
      expect(c.state).toBe('awaitingMediator');
      expect(c.deadline('mediatorConfirmation')).toBeUndefined();
      expect(c.deadline('mediatorChoice')).toMatchObject({ startedOn: '2026-03-04', dueOn: '2026-03-06' });
      expect(c.context.records.mediatorId).toBeUndefined();
      expect(c.context.records.declines).toEqual([
        { on: '2026-03-04', mediatorId: 'm-1', reason: '超出调解员擅长领域' },
      ]);
    });

    it('marks the case overdue when the mediator stays silent for 3 working days (SPC-Online Art. 12)', () => {
      const c = assigned().send('deadline.expired', { kind: 'mediatorConfirmation' }, '2026-03-07');
      expect(c.state).toBe('awaitingMediatorConfirmation');
      expect(c.deadline('mediatorConfirmation')).toMatchObject({ status: 'expired', expiredOn: '2026-03-07' });
    });

    it('refuses an expiry of the confirmation target before its last day is over (CPL Art. 85)', () => {
      expect(
        refusal(assigned().attempt('deadline.expired', { kind: 'mediatorConfirmation' }, '2026-03-06')),
      ).toMatchObject({
        rule: 'DEADLINE_NOT_DUE',
      });
    });

    it('returns the case if a party rejects the designated mediator (SPC-Invited Art. 12; SPC-Online Art. 14)', () => {
      const c = assigned().send('party.refused', { partyId: 'p1' }, '2026-03-04');
      expect(c.state).toBe('returnedForFiling');
    });
  });

  describe('when contactingParties', () => {
    it('moves to mediating once the parties are reached and told (SPC-Online Art. 15; SPC-Invited Art. 14)', () => {
      const c = mediating();
      expect(c.state).toBe('mediating');
      expect(c.deadline('partyContact')).toBeUndefined();
      expect(c.deadline('mediationPeriod')?.status).toBe('running');
      expect(c.documents()).toEqual(['rightsAndDutiesNotice']);
    });

    it('returns the file to the court when the other side cannot be reached (SPC-Online Art. 15)', () => {
      const c = contacting().send('party.unreachable', { partyId: 'p2' }, '2026-03-10');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'unreachable' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'failureReport',
        details: { reason: 'unreachable', courtId: 'court-district-1', courtReference: '（2026）京0105民诉前调1234号' },
      });
      expect(c.effects).toContainEqual(
        expect.objectContaining({ type: 'notice.sent', notice: 'returnedForFiling', to: 'court' }),
      );
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'unresolved', final: true, deadlines: [] });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'unresolved', outcome: 'failed' });
    });

    it('returns the file to the court when the other side refuses (SPC-Online Art. 15)', () => {
      const c = contacting().send('party.refused', { partyId: 'p2' }, '2026-03-09');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'partyUnwilling' });
    });

    it('refuses an unreachable party who is not a party of the case', () => {
      expect(refusal(contacting().attempt('party.unreachable', { partyId: 'p9' }, '2026-03-09'))).toMatchObject({
        rule: 'UNKNOWN_PARTY',
        basis: 'flows.md "Intake"',
      });
    });

    it('marks the contact target overdue without leaving the state (SPC-Online Art. 15)', () => {
      const c = contacting().send('deadline.expired', { kind: 'partyContact' }, '2026-03-11');
      expect(c.state).toBe('contactingParties');
      expect(c.deadline('partyContact')?.status).toBe('expired');
    });

    it('returns the case when the period runs out before the parties are reached (SPC-Online Art. 25)', () => {
      const c = contacting().send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-08');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'expired' });
    });

    it('refuses a session before the parties are reached with 409', () => {
      const error = refusal(
        contacting().attempt('session.recorded', { heldOn: '2026-03-06', summary: 'x' }, '2026-03-06'),
      );
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
    });
  });

  describe('when mediating', () => {
    it('records a session (SPC-Online Art. 22)', () => {
      const c = mediating().send('session.recorded', { heldOn: '2026-03-09', summary: '双方陈述' }, '2026-03-09');
      expect(c.context.records.sessions).toEqual([{ on: '2026-03-09', heldOn: '2026-03-09', summary: '双方陈述' }]);
      expect(c.documents()).toEqual(['mediationRecord']);
    });

    it('refuses a session dated in the future', () => {
      expect(
        refusal(mediating().attempt('session.recorded', { heldOn: '2026-03-12', summary: 'x' }, '2026-03-09')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('ends as agreed once all and the mediator signed, filed with the court (SPC-Invited Arts. 19, 24)', () => {
      const c = mediating().send('agreement.signed', aSignedAgreement(), '2026-03-20');
      expect(c.state).toBe('agreed');
      expect(c.context.agreement).toMatchObject({
        form: 'written',
        effectiveOn: '2026-03-20',
        boundPartyIds: ['p1', 'p2'],
      });
      expect(c.documents()).toEqual(['agreement']);
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'agreementFiledForRecord',
        to: 'court',
        details: {
          basis: 'SPC-Invited Art. 19',
          courtId: 'court-district-1',
          courtReference: '（2026）京0105民诉前调1234号',
        },
      });
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'resolved', final: true, deadlines: [] });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
    });

    it('leaves the agreement open to confirmation, recording until when (SPC-Invited Art. 19; CPL Art. 205)', () => {
      const c = mediating().send('agreement.signed', aSignedAgreement(), '2026-03-20');
      const flow = getFlow('delegated-mediation');
      expect(
        flow.machine
          .resolveState({ value: c.snapshot.state, context: c.snapshot.context })
          .hasTag('agreementConfirmable'),
      ).toBe(true);
      expect(c.context.records.confirmableUntil).toBe('2026-04-20'); // 19 Apr is a Sunday
    });

    it.each([
      ['a bound party', { partyIds: ['p1'], mediator: true }],
      ['the mediator', { partyIds: ['p1', 'p2'], mediator: false }],
    ])('refuses an agreement without %s (SPC-Invited Art. 24)', (_missing, signatures) => {
      const c = mediating();
      const error = refusal(c.attempt('agreement.signed', aSignedAgreement({ signatures }), '2026-03-20'));
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'AGREEMENT_UNSIGNED',
        basis: 'SPC-Invited Art. 24; SPC-Online Art. 19',
      });
      expect(c.state).toBe('mediating');
    });

    it('does not need the organisation’s seal for the agreement to take effect (SPC-Invited Art. 24)', () => {
      const c = mediating().send(
        'agreement.signed',
        aSignedAgreement({ signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: false } }),
        '2026-03-20',
      );
      expect(c.state).toBe('agreed');
    });

    it('refuses an agreement binding someone who is not a party', () => {
      expect(
        refusal(
          mediating().attempt('agreement.signed', aSignedAgreement({ boundPartyIds: ['p1', 'p9'] }), '2026-03-20'),
        ),
      ).toMatchObject({
        rule: 'UNKNOWN_PARTY',
      });
    });

    it('refuses an agreement that takes effect in the future', () => {
      expect(
        refusal(mediating().attempt('agreement.signed', aSignedAgreement({ effectiveOn: '2026-03-25' }), '2026-03-20')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('terminates with a report of the reason and undisputed facts (SPC-Invited Art. 21; SPC-Online Art. 21)', () => {
      const undisputedFacts = ['双方于2025年6月签订买卖合同', '货物已交付'];
      const c = mediating().send('mediation.terminated', { reason: 'gapTooWide', undisputedFacts }, '2026-03-25');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'gapTooWide' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'failureReport',
        details: {
          reason: 'gapTooWide',
          undisputedFacts,
          courtId: 'court-district-1',
          courtReference: '（2026）京0105民诉前调1234号',
        },
      });
    });

    it('returns the case when a party can no longer be reached within the period (SPC-Online Art. 25)', () => {
      const c = mediating().send('party.unreachable', { partyId: 'p2' }, '2026-03-20');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'unreachable' });
    });

    it('terminates when a party refuses to continue (SPC-Online Art. 25)', () => {
      const c = mediating().send('party.refused', { partyId: 'p1' }, '2026-03-12');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'partyUnwilling' });
    });

    it('extends the period with every party’s consent, counted from its last day (SPC-Online Art. 24)', () => {
      const c = mediating().send(
        'period.extended',
        { length: 15, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
        '2026-03-25',
      );
      // 4 Apr + 15 days = Sun 19 Apr → Mon 20 Apr.
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-20', extensions: 1 });
      expect(c.context.records.extensions).toEqual([
        { on: '2026-03-25', length: 15, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
      ]);
    });

    it('refuses an extension one party did not consent to (SPC-Online Art. 24)', () => {
      const error = refusal(
        mediating().attempt('period.extended', { length: 15, unit: 'day', consentingPartyIds: ['p1'] }, '2026-03-25'),
      );
      expect(error).toMatchObject({
        rule: 'ALL_PARTIES_MUST_CONSENT',
        basis: expect.stringContaining('SPC-Online Art. 24'),
      });
    });

    it('refuses an extension naming someone who is not a party', () => {
      const error = refusal(
        mediating().attempt(
          'period.extended',
          { length: 15, unit: 'day', consentingPartyIds: ['p1', 'p2', 'p7'] },
          '2026-03-25',
        ),
      );
      expect(error).toMatchObject({ rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });

    it('returns the case for filing when the 30 days expire (SPC-Invited Art. 27; SPC-Online Art. 25)', () => {
      const c = mediating().send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-08');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'expired' });
      expect(c.documents()).toEqual(['failureReport']);
    });

    it('refuses an expiry before the moved last day is over (SPC-Invited Art. 27; CPL Art. 85)', () => {
      expect(refusal(mediating().attempt('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-07'))).toMatchObject(
        { rule: 'DEADLINE_NOT_DUE', basis: 'CPL Art. 85; CC Art. 203' },
      );
    });

    it('refuses an expiry of a deadline the case does not have', () => {
      expect(refusal(mediating().attempt('deadline.expired', { kind: 'partyContact' }, '2026-04-08'))).toMatchObject({
        rule: 'DEADLINE_NOT_RUNNING',
        basis: 'flows.md "Deadlines"',
      });
    });
  });

  describe('when paused for appraisal (SPC-Online Art. 26)', () => {
    it('pauses the mediation period while the appraisal runs (SPC-Online Art. 26)', () => {
      const c = paused();
      expect(c.state).toBe('paused');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        status: 'paused',
        dueOn: null,
        remaining: { length: 15, unit: 'day' },
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'mediationPeriod' });
    });

    it('resumes with the days that were left, moved past Labour Day (SPC-Online Art. 26)', () => {
      const c = paused().send('appraisal.completed', {}, '2026-04-20');
      expect(c.state).toBe('mediating');
      // 20 Apr + 15 days = 5 May, inside the Labour Day holiday (1–5 May) → Wed 6 May.
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-06' });
      expect(c.context.records.appraisals).toEqual([{ startedOn: '2026-03-20', completedOn: '2026-04-20' }]);
    });

    it('never expires the period during the appraisal (SPC-Online Art. 26)', () => {
      expect(refusal(paused().attempt('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-10'))).toMatchObject({
        rule: 'DEADLINE_NOT_RUNNING',
        basis: 'flows.md "Deadlines"',
      });
    });

    it('keeps an extension granted during the appraisal and applies it on resumption (SPC-Online Art. 24)', () => {
      const c = paused().send(
        'period.extended',
        { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
        '2026-04-01',
      );
      c.send('appraisal.completed', {}, '2026-04-20');
      // 5 May (not moved) + 10 days = Fri 15 May.
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-05-15', extensions: 1 });
    });

    it('terminates during the appraisal (SPC-Online Art. 25)', () => {
      expect(paused().send('mediation.terminated', { reason: 'partyUnwilling' }, '2026-04-01').state).toBe(
        'returnedForFiling',
      );
    });

    it('refuses an agreement while the appraisal runs with 409', () => {
      expect(refusal(paused().attempt('agreement.signed', aSignedAgreement(), '2026-03-20'))).toBeInstanceOf(
        EventNotAllowedError,
      );
    });
  });

  describe('when suspended for suspected false mediation (SPC-Invited Art. 18)', () => {
    it('suspends and reports to the court (SPC-Invited Art. 18)', () => {
      const c = suspended();
      expect(c.state).toBe('suspended');
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'falseMediationSuspected',
        to: 'court',
        details: {
          note: '双方疑似串通虚构债务',
          basis: 'SPC-Invited Art. 18',
          courtId: 'court-district-1',
          courtReference: '（2026）京0105民诉前调1234号',
        },
      });
    });

    it('stops the mediation period while the court examines the suspicion (SPC-Invited Art. 18)', () => {
      const c = suspended();
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'paused', remaining: { length: 15, unit: 'day' } });
      c.send('falseMediation.cleared', {}, '2026-04-20');
      expect(c.state).toBe('mediating');
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-06' });
      expect(c.context.records.suspensions).toEqual([{ suspendedOn: '2026-03-20', clearedOn: '2026-04-20' }]);
    });

    it('returns to the appraisal when the suspicion arose during it (SPC-Online Art. 26)', () => {
      const c = paused().send('falseMediation.suspected', { note: '疑似虚假调解' }, '2026-03-25');
      expect(c.state).toBe('suspended');
      c.send('falseMediation.cleared', {}, '2026-04-01');
      expect(c.state).toBe('paused');
      expect(c.deadline('mediationPeriod')?.status).toBe('paused');
      c.send('appraisal.completed', {}, '2026-04-20');
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-06' });
    });

    it('returns the case for filing on false mediation (SPC-Invited Art. 26; SPC-Online Art. 25)', () => {
      const c = suspended().send('mediation.terminated', { reason: 'falseMediation' }, '2026-04-01');
      expect(c.state).toBe('returnedForFiling');
      expect(c.context.outcome).toEqual({ reason: 'falseMediation' });
    });

    it('refuses an agreement while suspended with 409 (SPC-Invited Art. 18)', () => {
      const error = refusal(suspended().attempt('agreement.signed', aSignedAgreement(), '2026-03-20'));
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining(['falseMediation.cleared', 'mediation.terminated', 'case.withdrawn']),
      );
    });
  });

  describe('withdrawal (SPC-Online Art. 25)', () => {
    it.each([
      ['awaitingMediator', open],
      ['awaitingMediatorConfirmation', assigned],
      ['contactingParties', contacting],
      ['mediating', mediating],
      ['paused', paused],
      ['suspended', suspended],
    ])('ends as withdrawn from %s and tells the court (SPC-Online Art. 25; SPC-Invited Art. 26)', (_state, reach) => {
      const c = reach().send('case.withdrawn', { partyId: 'p1' }, '2026-03-25');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'withdrawn',
        status: 'withdrawn',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'settledByParties' });
      expect(c.effects).toContainEqual(
        expect.objectContaining({ type: 'notice.sent', notice: 'delegationWithdrawn', to: 'court' }),
      );
    });

    it('lets only an applicant withdraw, citing the delegation rules (SPC-Online Art. 25; SPC-Invited Art. 26)', () => {
      expect(refusal(mediating().attempt('case.withdrawn', { partyId: 'p2' }, '2026-03-25'))).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'WITHDRAWAL_BY_APPLICANT',
        basis: 'SPC-Online Art. 25; SPC-Invited Art. 26',
      });
    });
  });

  describe('after the end', () => {
    it('accepts no event in a final state', () => {
      const c = mediating().send('agreement.signed', aSignedAgreement(), '2026-03-20');
      const error = refusal(c.attempt('case.withdrawn', { partyId: 'p1' }, '2026-03-21'));
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED', allowedEvents: [] });
    });
  });

  describe('payload validation', () => {
    it('names every bad field', () => {
      const error = refusal(
        mediating().attempt('mediation.terminated', { reason: 'tired', undisputedFacts: [], extra: 1 }, '2026-03-25'),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual([
        'payload.extra',
        'payload.reason',
        'payload.undisputedFacts',
      ]);
    });

    it('refuses an unknown way of choosing the mediator', () => {
      const error = refusal(open().attempt('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'lottery' }));
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'payload.chosenBy' })],
      });
    });

    it('refuses a form field: written or oral, parties sign the agreement or record (SPC-Invited Arts. 23-24)', () => {
      const error = refusal(
        mediating().attempt('agreement.signed', { ...aSignedAgreement(), form: 'oral' }, '2026-03-20'),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'payload.form' })],
      });
    });
  });
});
