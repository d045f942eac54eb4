import type { HostFacts } from '../../src/index.js';
import { anIntake, CaseDriver } from './factories.js';

/** The host's answer when the named body sits above the handling body. */
export const ABOVE: HostFacts = { targetRelation: 'ancestor' };

/** A 申诉求决 petition received by letter at a street office on Mon 2 Mar 2026. */
export function aPetitionIntake(overrides: Record<string, unknown> = {}) {
  return anIntake({ petitionType: 'claim', channel: 'letter', ...overrides });
}

/** The days a petition's steps happen on, unless a test says otherwise (official 2026 calendar). */
export const PETITION_DAYS = {
  receivedOn: '2026-03-02',
  acceptedOn: '2026-03-10',
  opinionServedOn: '2026-05-06',
  reviewRequestedOn: '2026-06-01',
  reviewServedOn: '2026-06-25',
  rereviewRequestedOn: '2026-07-20',
  rereviewServedOn: '2026-08-10',
};
export type PetitionDays = typeof PETITION_DAYS;

type Stage = 'registered' | 'handling' | 'opinionIssued' | 'underReview' | 'reviewDecided' | 'underRereview';
const STAGES: Stage[] = ['registered', 'handling', 'opinionIssued', 'underReview', 'reviewDecided', 'underRereview'];

/**
 * A petition driven to `stage` along the usual path: accepted, opinion `opinionResult`, review
 * by org-district, re-review by org-city. Each step is sent on its own day.
 */
export function aPetitionAt(
  stage: Stage,
  {
    days = {},
    intake = {},
    opinionResult = 'notSupported',
    reviewResult = 'notSupported',
  }: {
    days?: Partial<PetitionDays>;
    intake?: Record<string, unknown>;
    opinionResult?: string;
    reviewResult?: string;
  } = {},
): CaseDriver {
  const d = { ...PETITION_DAYS, ...days };
  const c = CaseDriver.open('petition', aPetitionIntake({ receivedOn: d.receivedOn, ...intake }), d.receivedOn);
  const steps: [Stage, () => unknown][] = [
    ['handling', () => c.send('petition.accepted', { acceptedOn: d.acceptedOn }, d.acceptedOn)],
    [
      'opinionIssued',
      () => c.send('opinion.issued', { result: opinionResult, servedOn: d.opinionServedOn }, d.opinionServedOn),
    ],
    [
      'underReview',
      () =>
        c.send(
          'review.requested',
          { requestedOn: d.reviewRequestedOn, reviewOrganizationId: 'org-district-1' },
          d.reviewRequestedOn,
          ABOVE,
        ),
    ],
    [
      'reviewDecided',
      () => c.send('review.decided', { result: reviewResult, servedOn: d.reviewServedOn }, d.reviewServedOn),
    ],
    [
      'underRereview',
      () =>
        c.send(
          'rereview.requested',
          { requestedOn: d.rereviewRequestedOn, rereviewOrganizationId: 'org-city-1' },
          d.rereviewRequestedOn,
          ABOVE,
        ),
    ],
  ];
  for (const [reached, step] of steps) {
    if (STAGES.indexOf(reached) > STAGES.indexOf(stage)) break;
    step();
  }
  return c;
}
