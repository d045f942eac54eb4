import { describeCase, type CaseSnapshot } from '@jiefen/flows';
import type { CaseLink } from './case.entity.js';

/** What the runner loads to apply an event: the snapshot and the columns it needs. */
export interface CaseRow {
  id: string;
  caseNumber: string;
  version: number;
  snapshot: CaseSnapshot;
  organizationId: string;
  parentCaseId: string | null;
  linkedCaseId: string | null;
  links: CaseLink[];
  openedAt: Date;
  receivingOrganizationId: string;
}

/** The columns derived from a snapshot, written with every change. */
export interface CaseColumns {
  state: string;
  status: string;
  final: boolean;
  organizationId: string;
  acceptedOn: string | null;
  endedOn: string | null;
  overdue: boolean;
}

export function columnsOf(snapshot: CaseSnapshot): CaseColumns {
  const d = describeCase(snapshot);
  return {
    state: d.state,
    status: d.status,
    final: d.final,
    organizationId: d.organizationId,
    acceptedOn: d.acceptedOn,
    endedOn: snapshot.context.endedOn,
    overdue: d.overdue,
  };
}
