import type { CaseContext } from '@jiefen/flows';
import { documentData, type DocumentData } from '../../src/documents/documentData.js';

/**
 * A people's mediation case's document data without a database (for rendering templates alone):
 * an applicant person named `applicantName` and a respondent company.
 */
export function aDocumentData(options: {
  title: string;
  applicantName?: string;
  number?: string | null;
}): DocumentData {
  const context = {
    flowId: 'people-mediation',
    flowVersion: 1,
    category: 'neighbour',
    summary: '楼上卫生间漏水，双方就维修费用发生纠纷',
    channel: 'walkIn',
    receivedOn: '2026-02-20',
    openedOn: '2026-02-20',
    acceptedOn: '2026-02-21',
    endedOn: null,
    amount: null,
    parties: [],
    deadlines: [],
    agreement: null,
    outcome: null,
    records: {},
    facts: {},
  } as unknown as CaseContext;
  const person = (id: string, role: string, name: string, kind = 'person') => ({
    id,
    role,
    kind,
    name,
    idNumber: kind === 'person' ? '11010519491231002X' : null,
    creditCode: kind === 'person' ? null : '91320102MA1XXXXXX1',
    phone: '13800138000',
    address: '玄武区梅园新村17号502室',
    agent: null,
  });
  return documentData({
    caseId: 'c1',
    caseNumber: '（2026）玄梅人调字第00012号',
    context,
    parties: [
      person('p1', 'applicant', options.applicantName ?? '张三'),
      person('p2', 'respondent', '金陵某物业管理有限公司', 'organization'),
    ],
    organization: { name: '梅园新村街道人民调解委员会', shortName: '玄梅' },
    mediatorName: '赵调解',
    event: { type: 'application.accepted', seq: 2, today: '2026-02-21', payload: {} },
    details: {},
    title: options.title,
    number: options.number ?? null,
  } as Parameters<typeof documentData>[0]);
}
