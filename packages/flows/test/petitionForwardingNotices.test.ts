import type { HostFacts } from '../src/index.js';
import { aPetitionAt } from './support/petition.factories.js';

// PC-Reg Arts. 22, 23 (转送、交办): the body a petition goes to is sent the petition, and the body
// that takes it may object within 5 working days — until the petition leaves for mediation.

const SIDEWAYS: HostFacts = { targetRelation: 'other' };
const BELOW: HostFacts = { targetRelation: 'descendant' };

describe('petition: forwarding and what follows it (PC-Reg Arts. 22, 23, 33)', () => {
  it('PC-Reg Art. 23: forwarding sends the petition to the receiving body, with what the forwarding said', () => {
    const c = aPetitionAt('registered').send(
      'petition.forwarded',
      { organizationId: 'org-dept-1', receivedOn: '2026-03-06' },
      '2026-03-06',
      SIDEWAYS,
    );
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'petitionForwarded',
      to: 'organization',
      details: { organizationId: 'org-dept-1', receivedOn: '2026-03-06' },
    });
  });

  it('PC-Reg Arts. 23, 33: referring the claim to mediation ends the receiving body’s window to object', () => {
    const assigned = aPetitionAt('handling').send(
      'petition.assigned',
      { organizationId: 'org-community-1', dueOn: '2026-04-10' },
      '2026-03-12',
      BELOW,
    );
    expect(assigned.deadline('objectionWindow')).toMatchObject({ status: 'running' });
    const c = assigned.send(
      'mediation.referred',
      { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1', 'p2'] },
      '2026-03-13',
    );
    expect(c.deadline('objectionWindow')).toBeUndefined();
  });

  it('PC-Reg Arts. 28, 31: a claim for a legal procedure is answered with a routes notice naming the route', () => {
    const c = aPetitionAt('registered').send('petition.routedToLegalProcedure', { route: 'litigation' }, '2026-03-04');
    expect(c.effects).toContainEqual({
      type: 'document.issued',
      document: 'routesNotice',
      details: { route: 'litigation', basis: 'PC-Reg Arts. 28, 31' },
    });
  });

  it('PC-Reg Arts. 22, 23: an assignment (交办) is sent to the body it goes to, and the petitioner told where', () => {
    const payload = { organizationId: 'org-community-1', dueOn: '2026-04-10' };
    const c = aPetitionAt('handling').send('petition.assigned', payload, '2026-03-12', BELOW);
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'petitionAssigned',
      to: 'organization',
      details: payload,
    });
    expect(c.effects).toContainEqual({
      type: 'notice.sent',
      notice: 'forwardingDestination',
      to: 'parties',
      details: { organizationId: 'org-community-1' },
    });
  });
});
