import { describeCase } from '../src/index.js';
import { anIntake, CaseDriver } from './support/factories.js';

// People's mediation: every way a case ends leaves it final, with no deadline and no event left
// (issue 12, mutation pins: a final state that loses `type: 'final'` keeps taking events).

const RECEIVED = '2026-03-02';
const open = () => CaseDriver.open('people-mediation', anIntake(), RECEIVED);
const mediating = () =>
  open()
    .send('application.accepted', {}, RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');
const agreed = () =>
  mediating().send(
    'agreement.signed',
    { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '道歉' }] },
    '2026-03-05',
  );

describe('people’s mediation: endings', () => {
  it.each([
    ['PML Art. 23: withdrawn before acceptance', () => open().send('case.withdrawn', { partyId: 'p1' }), 'withdrawn'],
    [
      'PML Art. 23: withdrawn while mediating',
      () => mediating().send('case.withdrawn', { partyId: 'p1' }),
      'withdrawn',
    ],
    ['PML Art. 17: not accepted', () => open().send('party.refused', { partyId: 'p2' }), 'notAccepted'],
    [
      'PML Art. 26: terminated',
      () => mediating().send('mediation.terminated', { reason: 'noAgreement' }, '2026-03-20'),
      'unresolved',
    ],
    ['PML Art. 31: performed', () => agreed().send('performance.confirmed', {}, '2026-03-20'), 'resolved'],
    [
      'PML Art. 33: closed after a default',
      () =>
        agreed()
          .send('performance.defaulted', { partyId: 'p2' }, '2026-03-20')
          .send('case.closed', { route: 'litigation' }, '2026-03-21'),
      'resolved',
    ],
  ])('%s: the case is final, with no deadline and no event left', (_ending, reach, status) => {
    const c = reach();
    expect(describeCase(c.snapshot)).toMatchObject({ status, final: true, deadlines: [], allowedEvents: [] });
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'case.ended', status }));
  });
});
