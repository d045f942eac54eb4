import { Injectable } from '@nestjs/common';
import type { CaseResult, Deadline, EventResult, FlowEvent } from '@jiefen/flows';
import { notificationsFor } from '../notifications/notificationsFor.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { forAuditTrail } from '../security/personalData.js';
import type { Actor } from './actor.js';
import type { CaseChange } from './caseChange.js';
import { columnsOf, type CaseRow } from './caseRow.js';

export interface ChangeContext {
  event: FlowEvent;
  actor: Actor;
  at: Date;
  today: string;
  meta?: Record<string, unknown> | undefined;
}

/**
 * What an event's result becomes in the database: the case row's columns, the event for the trail
 * (personal data digested), the deadline rows that changed or went, the notifications.
 */
@Injectable()
export class CaseChanges {
  constructor(private readonly organizations: OrganizationsService) {}

  async of(row: CaseRow, result: CaseResult, o: ChangeContext): Promise<CaseChange> {
    const organization = await this.organizations.get(result.snapshot.context.organizationId);
    const before = row.snapshot.context.deadlines;
    const after = result.snapshot.context.deadlines;
    return {
      caseId: row.id,
      expectedVersion: row.version,
      snapshot: result.snapshot,
      columns: columnsOf(result.snapshot, 'description' in result ? (result as EventResult).description : undefined),
      organizationPath: organization.path,
      event: {
        type: o.event.type,
        payload: forAuditTrail((o.event.payload ?? {}) as Record<string, unknown>),
        actor: o.actor,
        today: o.today,
        idempotencyKey: null,
        meta: o.meta ?? null,
      },
      upsertDeadlines: after.filter(
        (d) =>
          !sameDeadline(
            d,
            before.find((b) => b.kind === d.kind),
          ),
      ),
      removedDeadlineKinds: before.filter((b) => !after.some((d) => d.kind === b.kind)).map((b) => b.kind),
      links: null,
      idempotency: null,
      outbox: notificationsFor(result.effects, result.snapshot.context, row.caseNumber),
      at: o.at,
    };
  }
}

function sameDeadline(a: Deadline, b: Deadline | undefined): boolean {
  return (
    !!b &&
    a.status === b.status &&
    a.dueOn === b.dueOn &&
    a.remindOn === b.remindOn &&
    a.provisional === b.provisional &&
    a.provisionalReason === b.provisionalReason &&
    countedFrom(a) === countedFrom(b)
  );
}

function countedFrom(d: Deadline): string {
  return d.steps?.[0]?.from ?? d.startedOn;
}
