import { anIntake } from './factories.js';

/** What each domain needs to open (RTSL-Reg Art. 94; PSAPL Art. 9); received on Monday 2 March 2026. */
const DOMAIN_INTAKE: Record<string, Record<string, unknown>> = {
  trafficAccident: {
    category: 'trafficAccident',
    summary: '机动车与非机动车碰撞，损害赔偿争议',
    determinationReceivedOn: '2026-02-26',
    jointWrittenApplication: true,
  },
  medical: { category: 'medical', summary: '术后并发症赔偿争议' },
  consumer: { category: 'consumer', summary: '购买的冰箱存在质量问题，要求退货' },
  publicSecurity: {
    category: 'damages',
    summary: '邻里口角引发推搡，损坏手机',
    minorCivilMatter: true,
    partiesConsent: true,
  },
  general: { category: 'property', summary: '物业服务费争议' },
};

export function anAdministrativeIntake(domain: string, overrides: Record<string, unknown> = {}) {
  return anIntake({ domain, organizationId: 'org-admin-1', ...DOMAIN_INTAKE[domain], ...overrides });
}

/** A mediation statement every party and the mediator signed (RTSL-Reg Art. 95; MDR Art. 41). */
export function aSignedStatement(overrides: Record<string, unknown> = {}) {
  return {
    effectiveOn: '2026-03-16',
    terms: [{ obligorPartyId: 'p2', description: '赔偿医疗费、误工费', amount: '26000.00', dueOn: '2026-04-15' }],
    signatures: { partyIds: ['p1', 'p2'], mediator: true },
    ...overrides,
  };
}
