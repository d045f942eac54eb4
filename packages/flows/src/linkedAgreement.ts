import type { Agreement, Party } from './caseContext.js';
import type { CaseSnapshot } from './caseSnapshot.js';
import { FlowError } from './FlowError.js';
// A load-time cycle (registry → judicial confirmation → here → registry) is harmless: the
// registry builds its table on first use.
import { getFlow } from './registry.js';

/**
 * The effective agreement on a linked case that judicial confirmation may take up, or null.
 * The linked case's own flow decides, through the `agreementConfirmable` tag on its current
 * state (people-mediation `agreementEffective`, delegated-mediation `agreed` …), so no state
 * name of another flow is compared here (STYLE.md "Names come from the glossary").
 */
export function confirmableAgreementOf(linked: CaseSnapshot | undefined): Agreement | null {
  if (!linked?.context?.agreement) return null;
  try {
    const flow = getFlow(linked.flowId, linked.flowVersion);
    const state = flow.machine.resolveState({ value: linked.state, context: linked.context });
    return state.hasTag('agreementConfirmable') ? linked.context.agreement : null;
  } catch (error) {
    // A snapshot of a flow (or version) this library does not know holds no agreement it can vouch for.
    if (error instanceof FlowError) return null;
    throw error;
  }
}

/**
 * The linked agreement with its party ids translated to this case's (matched by `linkedPartyId`).
 * An id no party of this case carries stays recognisable as the linked case's: `linked:p3`.
 */
export function localizeAgreement(agreement: Agreement, parties: readonly Party[]): Agreement {
  const local = (linkedId: string) => parties.find((p) => p.linkedPartyId === linkedId)?.id ?? `linked:${linkedId}`;
  return {
    form: agreement.form,
    effectiveOn: agreement.effectiveOn,
    terms: agreement.terms.map((t) => ({ ...t, obligorPartyId: local(t.obligorPartyId) })),
    boundPartyIds: agreement.boundPartyIds.map(local),
    ...(agreement.signatures
      ? { signatures: { ...agreement.signatures, partyIds: agreement.signatures.partyIds.map(local) } }
      : {}),
    // The agreement as a whole is what the court is asked to confirm (CPL-Interp Art. 353).
    ...(agreement.facts ? { facts: agreement.facts } : {}),
    ...(agreement.disputedIssues ? { disputedIssues: agreement.disputedIssues } : {}),
    ...(agreement.responsibilities
      ? { responsibilities: agreement.responsibilities.map((r) => ({ ...r, partyId: local(r.partyId) })) }
      : {}),
    ...(agreement.performance ? { performance: agreement.performance } : {}),
  };
}
