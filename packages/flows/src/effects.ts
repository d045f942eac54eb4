import type { IsoDate } from '@jiefen/legal-time';
import type { Deadline } from './deadlines.js';
import type { MediationOutcome } from './vocabulary.js';

/** Documents a flow asks the host to issue (文书). */
export const DOCUMENT_KINDS = [
  'application', // 司法确认申请书 (the joint application as the court received it)
  'acceptanceNotice', // 受理通知书
  'rejectionNotice', // 不予受理通知书
  'rightsAndDutiesNotice', // 权利义务告知书
  'mediationRecord', // 调解笔录
  'agreement', // 调解协议书 / 口头协议登记
  'terminationNotice', // 终止调解通知书 (PML Art. 26: names the routes left)
  'mediationStatement', // 调解书 (administrative)
  'terminationStatement', // 调解终结书 (administrative)
  'ruling', // 裁定书 (court)
  'failureReport', // 调解不成报告 (delegated mediation back to the court)
  'filingReceipt', // 立案 / 移送材料回执
  'handlingOpinion', // 信访处理意见书
  'reviewOpinion', // 复查意见书
  'rereviewOpinion', // 复核意见书
  'routesNotice', // 告知其他途径
  'arbitrationNotice', // 可申请仲裁告知 (LDMAL Art. 14)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Routes a party still has when mediation ends without agreement (PML Art. 26). */
export const REMAINING_ROUTES = ['arbitration', 'administrative', 'litigation'] as const;
export type RemainingRoute = (typeof REMAINING_ROUTES)[number];

/**
 * What the host must do after it has saved the new snapshot. Flows never do IO themselves.
 */
export type Effect =
  | { type: 'deadline.set'; deadline: Deadline }
  | { type: 'deadline.cleared'; kind: string }
  | { type: 'deadline.overdue'; kind: string; sort: Deadline['sort']; dueOn: IsoDate | null }
  | { type: 'document.issued'; document: DocumentKind; details?: Record<string, unknown> }
  | {
      type: 'notice.sent';
      notice: string;
      to: 'parties' | 'court' | 'organization' | 'supervisor' | 'mediator';
      details?: Record<string, unknown>;
    }
  | { type: 'linkedCase.requested'; flowId: string; organizationId: string; input: Record<string, unknown> }
  | { type: 'case.ended'; status: string; outcome: MediationOutcome };

export type EffectType = Effect['type'];
