import type { CaseContext, CaseMachineInput, HostFacts, Party } from './caseContext.js';
import { RESOLUTION_TARGET } from './centreDeadlines.js';
import { startDeadline, type DeadlineRule } from './deadlines.js';

/** The context every case opens with; a flow adds its own `facts`, warnings and records. */
export function baseContext({ flowId, flowVersion, input, today, host }: CaseMachineInput): CaseContext {
  return {
    flowId,
    flowVersion,
    category: input.category,
    summary: input.summary,
    channel: input.channel,
    organizationId: input.organizationId,
    receivingOrganizationId: input.organizationId,
    receivedOn: input.receivedOn ?? today,
    openedOn: today,
    acceptedOn: null,
    endedOn: null,
    riskLevel: input.riskLevel ?? 'none',
    amount: input.amount ?? null,
    linkedCaseId: input.linkedCaseId ?? null,
    parties: assignPartyIds(input.parties),
    deadlines: host.resolutionTarget
      ? startDeadline([], resolutionTargetRule(host.resolutionTarget), input.receivedOn ?? today)
      : [],
    agreement: null,
    outcome: null,
    supervision: null,
    records: {},
    warnings: [],
    policy: host.policy ?? {},
    facts: {},
  };
}

function assignPartyIds(parties: Omit<Party, 'id'>[]): Party[] {
  return parties.map((party, i) => ({ id: `p${i + 1}`, ...party }));
}

/** The centre's resolution target as a deadline rule: a target, so it only marks the case overdue. */
export function resolutionTargetRule(target: NonNullable<HostFacts['resolutionTarget']>): DeadlineRule {
  return {
    kind: RESOLUTION_TARGET.kind,
    sort: RESOLUTION_TARGET.sort,
    basis: target.basis,
    length: target.length,
    unit: target.unit,
  };
}
