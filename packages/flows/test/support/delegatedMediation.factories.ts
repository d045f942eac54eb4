import { anIntake } from './factories.js';

/** A delegated-mediation intake: the court's delegation received on a Monday. */
export function aDelegation(overrides: Record<string, unknown> = {}) {
  return anIntake({
    category: 'contract',
    summary: '买卖合同货款纠纷，法院诉前委派调解',
    channel: 'courtDelegation',
    organizationId: 'org-centre-1',
    courtId: 'court-district-1',
    courtReference: '（2026）京0105民诉前调1234号',
    ...overrides,
  });
}

/** An agreement every party and the mediator signed (SPC-Invited Art. 24). */
export function aSignedAgreement(overrides: Record<string, unknown> = {}) {
  return {
    effectiveOn: '2026-03-20',
    terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '48000.00', dueOn: '2026-04-30' }],
    signatures: { partyIds: ['p1', 'p2'], mediator: true },
    ...overrides,
  };
}
