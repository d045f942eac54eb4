import { intakeSpec, type FlowDefinition } from '@jiefen/flows';
import { DEMO } from '../demo/demoOrganizations.js';
import { exampleOf } from './payloadExample.js';

/** Where each flow's example case is opened: organisations of the demo data set. */
const ORGANIZATION: Record<string, string> = {
  'people-mediation': DEMO.meiyuanCommittee,
  'delegated-mediation': DEMO.meiyuanCommittee,
  'administrative-mediation': DEMO.xuanwu,
  'judicial-confirmation': DEMO.xuanwuCourt,
  'court-referral': DEMO.meiyuan,
  petition: DEMO.xuanwuPetitionOffice,
};

const SUMMARY: Record<string, string> = {
  'people-mediation': '楼上卫生间漏水，双方就维修费用发生纠纷',
  'delegated-mediation': '法院委派：买卖合同货款纠纷，诉前调解',
  'administrative-mediation': '交通事故损害赔偿，双方就赔偿数额申请调解',
  'judicial-confirmation': '申请司法确认人民调解协议',
  'court-referral': '调解不成，引导当事人起诉',
  petition: '反映小区物业收费问题，请求处理',
};

/** Two parties as the README tour gives them (valid GB 11643 ID numbers). */
const PARTIES = [
  { role: 'applicant', kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
  { role: 'respondent', kind: 'person', name: '李四', idNumber: '32010619850312123X' },
];

/**
 * A `POST /cases` body for the flow, valid as it stands (the default of Swagger's "Try it out" is people-mediation's).
 */
export function intakeExampleOf(flow: FlowDefinition): Record<string, unknown> {
  const schema = intakeSpec(flow.intake);
  const generated = exampleOf(schema);
  // The flow's own fields that are required, and an inline agreement where the flow takes one.
  const flowFields = Object.fromEntries(
    Object.entries(generated).filter(
      ([name]) =>
        name in flow.intake &&
        (schema.required?.includes(name) || (flow.intake[name] as { type?: string }).type === 'object'),
    ),
  );
  return {
    flow: flow.id,
    category: 'neighbour',
    summary: SUMMARY[flow.id] ?? '纠纷调解申请',
    channel: 'walkIn',
    organizationId: ORGANIZATION[flow.id] ?? DEMO.meiyuanCommittee,
    parties: flow.id === 'judicial-confirmation' ? PARTIES.map((p) => ({ ...p, role: 'applicant' })) : PARTIES,
    ...flowFields,
  };
}
