import { anIntake, CaseDriver, refusal } from './support/factories.js';

// People's mediation, appraisal (鉴定): only a medical dispute's period leaves appraisal time out
// (MDR Art. 38); one appraisal at a time (issue 12, mutation pins).

const RECEIVED = '2026-03-02';
const mediating = (category: string) =>
  CaseDriver.open('people-mediation', anIntake({ category }), RECEIVED)
    .send('application.accepted', category === 'medical' ? { otherSideConsented: true } : {}, RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');

describe('people’s mediation: appraisal', () => {
  it('MDR Art. 38: an appraisal in a neighbour dispute leaves its period running (only medical periods pause)', () => {
    const c = mediating('neighbour');
    const before = c.deadline('mediationPeriod');
    c.send('appraisal.started', {}, '2026-03-13');
    expect(c.deadline('mediationPeriod')).toEqual(before);
    expect(c.context.records.appraisalStartedOn).toBe('2026-03-13');
    c.send('appraisal.completed', {}, '2026-03-20');
    expect(c.deadline('mediationPeriod')).toEqual(before);
  });

  it('MDR Art. 38: refuses a second appraisal while one is under way', () => {
    const c = mediating('medical').send('appraisal.started', {}, '2026-03-13');
    const error = refusal(c.attempt('appraisal.started', {}, '2026-03-14'));
    expect(error).toMatchObject({ rule: 'APPRAISAL_ALREADY_STARTED', basis: 'MDR Art. 38' });
  });

  it('MDR Art. 38: refuses an appraisal’s completion when none has started', () => {
    const error = refusal(mediating('medical').attempt('appraisal.completed', {}, '2026-03-14'));
    expect(error).toMatchObject({ rule: 'NO_APPRAISAL_UNDER_WAY', basis: 'MDR Art. 38' });
  });
});
