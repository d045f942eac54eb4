import { DEMO } from '../../src/demo/demoOrganizations.js';

export { DEMO };

/**
 * The demo committee's mediator (梅园新村人民调解员): the one mediator.assigned may name on a case at the committee or its
 * street.
 */
export const DEMO_MEDIATOR = '00000000-0000-4000-8000-0000000000a2';

export const ID_NUMBERS = {
  zhang: '11010519491231002X',
  li: '32010619850312123X',
  wang: '440304199001015672',
} as const;

export function aParty(overrides: Record<string, unknown> = {}) {
  return {
    role: 'applicant',
    kind: 'person',
    name: '张三',
    idNumber: ID_NUMBERS.zhang,
    phone: '13800138000',
    ...overrides,
  };
}

/** A people's mediation intake at the demo committee. */
export function anIntake(overrides: Record<string, unknown> = {}) {
  return {
    flow: 'people-mediation',
    category: 'neighbour',
    summary: '楼上卫生间漏水，双方就维修费用发生纠纷',
    channel: 'walkIn',
    organizationId: DEMO.meiyuanCommittee,
    parties: [aParty(), aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000' })],
    ...overrides,
  };
}

export const writtenAgreement = (overrides: Record<string, unknown> = {}) => ({
  form: 'written',
  terms: [{ obligorPartyId: 'p2', description: '承担维修费用', amount: '3000.00', dueOn: '2026-04-30' }],
  signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
  ...overrides,
});
