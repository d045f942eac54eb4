import type { CaseContext, Effect } from '@jiefen/flows';
import type { OutboxRow } from '../cases/caseChange.js';

/**
 * The notifications an event causes (flows.md effects → outbox rows), written in the same
 * statement as the event: documents to the parties, notices to whom the flow names, a target or
 * window that passed to the handling organisation.
 */
export function notificationsFor(effects: readonly Effect[], context: CaseContext, caseNumber: string): OutboxRow[] {
  const rows: OutboxRow[] = [];
  for (const effect of effects) {
    if (effect.type === 'document.issued') {
      rows.push({
        kind: `document.${effect.document}`,
        recipient: { type: 'parties' },
        payload: { caseNumber, ...(effect.details ?? {}) },
      });
    } else if (effect.type === 'notice.sent') {
      rows.push({
        kind: `notice.${effect.notice}`,
        recipient: recipientOf(effect.to, context),
        payload: { caseNumber, ...(effect.details ?? {}) },
      });
    } else if (effect.type === 'deadline.overdue') {
      rows.push({
        kind: 'deadline.overdue',
        recipient: { type: 'organization', organizationId: context.organizationId },
        payload: { caseNumber, deadline: effect.kind, sort: effect.sort, dueOn: effect.dueOn },
      });
    }
  }
  return rows;
}

function recipientOf(
  to: Extract<Effect, { type: 'notice.sent' }>['to'],
  context: CaseContext,
): Record<string, unknown> {
  if (to === 'organization') return { type: 'organization', organizationId: context.organizationId };
  if (to === 'mediator') {
    // The case's own mediator once assigned; until then the organisation handling it.
    const mediatorId = context.records.mediatorId;
    return typeof mediatorId === 'string'
      ? { type: 'mediator', userId: mediatorId }
      : { type: 'organization', organizationId: context.organizationId };
  }
  if (to === 'court') return { type: 'court', organizationId: (context.facts.courtId as string | undefined) ?? null };
  return { type: to };
}
