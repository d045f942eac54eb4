import type { CaseDescription, CaseSnapshot, Party } from '@jiefen/flows';
import type { CaseLink } from './caseLink.js';
import type { PartyView } from './caseRow.js';
import { maskDeep, maskEthnicity, maskIdNumber, maskPhone } from './masking.js';

export interface CaseIdentity {
  id: string;
  caseNumber: string;
  version: number;
  receivingOrganizationId: string;
  openedAt: Date;
  updatedAt: Date;
  links: CaseLink[];
  /** Parties with their personal data already masked (kept on the case row). */
  parties: PartyView[];
}

/** The case as the API shows it: flow state, deadlines, what may happen next, masked parties. */
export function caseView(identity: CaseIdentity, snapshot: CaseSnapshot, description: CaseDescription) {
  const c = snapshot.context;
  return {
    id: identity.id,
    caseNumber: identity.caseNumber,
    version: identity.version,
    flow: { id: snapshot.flowId, version: snapshot.flowVersion },
    state: description.state,
    stateDescription: description.stateDescription,
    status: description.status,
    final: description.final,
    overdue: description.overdue,
    organizationId: c.organizationId,
    receivingOrganizationId: identity.receivingOrganizationId,
    category: c.category,
    channel: c.channel,
    riskLevel: c.riskLevel,
    amount: c.amount,
    summary: c.summary,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    endedOn: c.endedOn,
    openedAt: identity.openedAt.toISOString(),
    updatedAt: identity.updatedAt.toISOString(),
    deadlines: description.deadlines.map(
      ({ kind, sort, basis, status, dueOn, provisional, provisionalReason, remindOn, startedOn }) => ({
        kind,
        sort,
        basis,
        status,
        dueOn,
        provisional,
        ...(provisionalReason ? { provisionalReason } : {}),
        startedOn,
        ...(remindOn ? { remindOn } : {}),
      }),
    ),
    /** Narrowed to the caller's role by `viewForCaller` before it leaves the service. */
    allowedEvents: description.allowedEvents,
    /** Every event the flow accepts in this state, whoever may send it. */
    flowAllowedEvents: description.allowedEvents,
    parties: identity.parties,
    agreement: maskDeep(c.agreement),
    outcome: c.outcome,
    supervision: c.supervision,
    warnings: c.warnings,
    records: maskDeep(c.records),
    facts: maskDeep(c.facts),
    linkedCases: identity.links,
  };
}

export type CaseView = ReturnType<typeof caseView>;

/** The masked view of a party, built once at opening from the clear values the intake carried. */
export function partyView(p: Party & { phone?: string }): PartyView {
  return {
    id: p.id,
    role: p.role,
    kind: p.kind,
    name: p.name,
    ...(p.idNumber ? { idNumber: maskIdNumber(p.idNumber) } : {}),
    ...(p.creditCode ? { creditCode: p.creditCode } : {}),
    ...(p.phone ? { phone: maskPhone(p.phone) } : {}),
    ...(p.address ? { address: p.address } : {}),
    ...(p.agent ? { agent: p.agent } : {}),
    ...(p.ethnicity ? { ethnicity: maskEthnicity(p.ethnicity) } : {}),
    ...(p.occupation ? { occupation: p.occupation } : {}),
  };
}
