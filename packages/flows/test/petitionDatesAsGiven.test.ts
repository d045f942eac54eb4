import type { HostFacts } from '../src/index.js';
import { refusal } from './support/factories.js';
import { ABOVE, aPetitionAt } from './support/petition.factories.js';

// The petition's periods run from the days the payload gives — when the receiving body got it, when
// an opinion was served, when a review was asked for — not from the day someone recorded them.

const SIDEWAYS: HostFacts = { targetRelation: 'other' };

describe('petition: periods from the dates given, not the day recorded (PC-Reg Arts. 23, 35)', () => {
  it('PC-Reg Art. 23: a forwarded petition’s 15 days and 5 working days run from the new body’s receipt', () => {
    // Received Mon 9 Mar, recorded Wed 11 Mar: 15 days end Tue 24 Mar; 5 working days end Mon 16 Mar.
    const c = aPetitionAt('registered').send(
      'petition.forwarded',
      { organizationId: 'org-dept-1', receivedOn: '2026-03-09' },
      '2026-03-11',
      SIDEWAYS,
    );
    expect(c.deadline('acceptanceDecision')).toMatchObject({ startedOn: '2026-03-09', dueOn: '2026-03-24' });
    expect(c.deadline('objectionWindow')).toMatchObject({ dueOn: '2026-03-16', basis: 'PC-Reg Art. 23' });
  });

  it('PC-Reg Arts. 22, 23: forwarding to a body the host knows as the holder itself is refused', () => {
    const attempt = aPetitionAt('registered').attempt(
      'petition.forwarded',
      { organizationId: 'org-street-1-alias' },
      '2026-03-06',
      { targetRelation: 'self' },
    );
    expect(refusal(attempt)).toMatchObject({ rule: 'FORWARDING_TO_ANOTHER_BODY', basis: 'PC-Reg Arts. 22, 23' });
  });

  it('PC-Reg Art. 35: the 30 days to ask for review run from the day the opinion was served', () => {
    // Served Wed 6 May, recorded Fri 8 May: 30 days end Fri 5 Jun.
    const c = aPetitionAt('handling').send(
      'opinion.issued',
      { result: 'notSupported', servedOn: '2026-05-06' },
      '2026-05-08',
    );
    expect(c.context.records.handlingOpinion).toEqual({ result: 'notSupported', servedOn: '2026-05-06' });
    expect(c.deadline('reviewRequestPeriod')).toMatchObject({ startedOn: '2026-05-06', dueOn: '2026-06-05' });
  });

  it('PC-Reg Art. 35: a review asked for on the last day is in time, even when recorded after it', () => {
    const c = aPetitionAt('opinionIssued', { days: { opinionServedOn: '2026-05-06' } }).send(
      'review.requested',
      { requestedOn: '2026-06-05', reviewOrganizationId: 'org-district-1' },
      '2026-06-08',
      ABOVE,
    );
    expect(c.state).toBe('underReview');
  });
});
