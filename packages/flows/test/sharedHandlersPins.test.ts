import { anAdministrativeIntake } from './support/administrativeMediation.factories.js';
import { anIntake, CaseDriver } from './support/factories.js';

// The handlers several flows share (src/flows/shared/): rules the `shared` mutation run showed no
// test held, one test each (issue 12).

const RECEIVED = '2026-03-02'; // Monday
const peopleMediating = () =>
  CaseDriver.open('people-mediation', anIntake(), RECEIVED)
    .send('application.accepted', {}, RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');

describe('shared handlers: withdrawal (撤回申请)', () => {
  it('PML Art. 23: an applicant’s withdrawal ends the case with the reason withdrawnByApplicant', () => {
    const c = peopleMediating().send('case.withdrawn', { partyId: 'p1' }, '2026-03-05');
    expect(c.state).toBe('withdrawn');
    expect(c.context.outcome).toMatchObject({ reason: 'withdrawnByApplicant' });
  });
});

describe('shared handlers: the mediation record (调解笔录)', () => {
  it('PML Art. 27: the record issued for a session carries the day it was held', () => {
    const c = peopleMediating().send(
      'session.recorded',
      { heldOn: '2026-03-04', summary: '双方陈述了漏水经过。', presentPartyIds: ['p1', 'p2'] },
      '2026-03-05',
    );
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'mediationRecord',
      details: { heldOn: '2026-03-04' },
    });
  });
});

describe('shared handlers: appraisal (鉴定)', () => {
  it('RTSL-Reg Art. 95: a traffic appraisal, which leaves the 10 days running, is recorded when completed', () => {
    const c = CaseDriver.open('administrative-mediation', anAdministrativeIntake('trafficAccident'), RECEIVED)
      .send('application.accepted', {}, RECEIVED)
      .send('mediation.started', { startsOn: '2026-03-10' }, '2026-03-10')
      .send('appraisal.started', {}, '2026-03-12')
      .send('appraisal.completed', {}, '2026-03-16');
    expect(c.context.records.appraisals).toEqual([{ startedOn: '2026-03-12', completedOn: '2026-03-16' }]);
    expect(c.context.records).not.toHaveProperty('appraisalStartedOn');
    expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-03-20' });
  });
});
