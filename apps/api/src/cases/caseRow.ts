import { describeCase, type CaseDescription, type CaseSnapshot, type Party } from '@jiefen/flows';
import type { CaseLink } from './caseLink.js';

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
  organizationPath: string;
  courtId: string | null;
  partiesView: PartyView[];
}

/** A party as every response shows it: ID number and phone masked (PIPL Arts. 28, 51). */
export type PartyView = Omit<Party, 'linkedPartyId'>;

/** The columns derived from a snapshot, written with every change. */
export interface CaseColumns {
  state: string;
  status: string;
  final: boolean;
  organizationId: string;
  acceptedOn: string | null;
  endedOn: string | null;
  overdue: boolean;
  /** The court a case is before (delegating court, court a referral was submitted to), for the court's view. */
  courtId: string | null;
}

/** `description`, when the caller has it (sendEvent returns it), must be `describeCase(snapshot)`. */
export function columnsOf(snapshot: CaseSnapshot, description?: CaseDescription): CaseColumns {
  const d = description ?? describeCase(snapshot);
  return {
    state: d.state,
    status: d.status,
    final: d.final,
    organizationId: d.organizationId,
    acceptedOn: d.acceptedOn,
    endedOn: snapshot.context.endedOn,
    overdue: d.overdue,
    courtId: courtOf(snapshot),
  };
}

function courtOf(snapshot: CaseSnapshot): string | null {
  const { facts, records } = snapshot.context;
  const id = facts.courtId ?? records.courtId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
