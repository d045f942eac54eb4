import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  describeCase,
  EventNotAllowedError,
  getFlow,
  RuleViolatedError,
  sendEvent,
  startCase,
  type CaseResult,
  type CaseSnapshot,
  type Deadline,
  type Effect,
  type EventResult,
  type FlowEvent,
  type HostFacts,
} from '@jiefen/flows';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError, caseNotFound, validationFailed, versionConflict } from '../common/errors/DomainError.js';
import { KeyedMutex } from '../common/keyedMutex.js';
import { poolOf } from '../database/dataSource.js';
import { ancestorIds, autoEscalates, RED_RISK_REPORT_LEVEL, resolutionTargetFor } from '../centres/centrePolicy.js';
import { notificationsFor } from '../notifications/notificationsFor.js';
import { formatCaseNumber } from '../organizations/caseNumberPattern.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CaseLink } from './case.entity.js';
import type { Actor } from './case-event.entity.js';
import { columnsOf, type CaseRow } from './caseRow.js';
import {
  applyChange,
  applyChanges,
  findIdempotentResponse,
  insertCase,
  loadCase,
  loadCases,
  nextCaseSequence,
  withTransaction,
  type CaseChange,
  type NewCase,
  type OutboxRow,
  type Queryable,
} from './caseStore.js';
import { caseView, type CaseView } from './caseView.js';
import { inScope, scopeOf } from '../auth/caseScope.js';
import { forbidden, mayOpenCase, maySendEvent } from '../auth/permissions.js';
import type { UserRole } from '../users/user.entity.js';
import { DataProtection } from '../security/dataProtection.js';
import { forAuditTrail, protectCase } from '../security/personalData.js';
import { FlowInputValidator } from './flowInputValidator.js';
import { recordLink } from './recordLink.js';
import { checkMediators, MEDIATOR_FIELDS } from './mediatorCheck.js';

/** The engine itself, as the sender of `deadline.expired` and `mediation.concluded`. */
export const ENGINE_ACTOR: Actor = { userId: 'engine', role: 'engine', organizationId: null };

export interface ApplyOptions {
  actor: Actor;
  /** From `If-Match`: refuse with VERSION_CONFLICT unless the case is at this version. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Engine metadata stored with the event (e.g. how late a deadline fired). */
  meta?: Record<string, unknown>;
}

export interface ApplyResult {
  view: CaseView;
  replayed: boolean;
}

/** A version race lost to another instance is retried on the new version this many times. */
const MAX_ATTEMPTS = 25;
/** Thrown inside a transaction to roll it back when one of its changes lost a version race. */
const LOST_RACE = new Error('lost a version race');
const ORGANIZATION_FIELDS = ['toOrganizationId', 'organizationId', 'reviewOrganizationId', 'rereviewOrganizationId', 'committeeId', 'courtId'];
const TARGET_FIELDS = ['toOrganizationId', 'organizationId', 'reviewOrganizationId', 'rereviewOrganizationId'];
/** Centre events that hand a case to another organisation, whose own resolution target then applies. */
const CHANGES_HANDS = ['case.escalated', 'case.assigned', 'case.transferred'];

/**
 * The one place the service calls the flows library. It loads a case, restores its pinned flow
 * version, applies the event, and writes the event, snapshot and deadlines atomically, guarded by
 * the case version; linked cases opened or notified by the event are written in the same transaction.
 */
@Injectable()
export class CaseRunner {
  private readonly logger = new Logger('CaseRunner');
  private readonly mutex = new KeyedMutex();
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly validator: FlowInputValidator,
    private readonly protection: DataProtection,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** Opens a case (flows.md "Intake"); returns its view at version 1. */
  async open(flowId: string, intake: Record<string, unknown>, actor: Actor): Promise<CaseView> {
    const organization = await this.organizations.get(String(intake.organizationId));
    await this.checkOrganizationsExist(intake, '');
    await this.checkMayOpen(actor, flowId, organization);
    // The linked case is read before the transaction; if it changes before the link lands, read it again.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const opened = await this.openOnce(flowId, intake, actor, organization);
      if (opened) return opened;
    }
    throw new DomainError('SERVICE_UNAVAILABLE', `case ${String(intake.linkedCaseId)} is changing too fast; try again`);
  }

  private async openOnce(flowId: string, intake: Record<string, unknown>, actor: Actor, organization: Organization): Promise<CaseView | undefined> {
    const linked = intake.linkedCaseId ? await this.linkedCase(String(intake.linkedCaseId), actor) : undefined;
    const today = this.clock.today();
    const result = startCase(flowId, intake, {
      today,
      host: { ...this.hostFactsForOrganization(organization), ...(linked ? { linkedCase: linked.snapshot } : {}) },
    });
    const links: CaseLink[] = linked ? [{ id: linked.id, caseNumber: linked.caseNumber, flowId: linked.snapshot.flowId, relation: 'continuesFrom' }] : [];
    const at = this.clock.now();
    const created = await withTransaction(this.pool, async (client) => {
      const newCase = await this.prepareNewCase(client, result, organization, { intake, actor, at, today, links, parentCaseId: null });
      result.snapshot = newCase.snapshot;
      await insertCase(client, newCase);
      if (linked) {
        // A link is a change of the linked case too: its own trail records it (case.linked), version bumped.
        const link: CaseLink = { id: newCase.id, caseNumber: newCase.caseNumber, flowId, relation: 'continuedBy' };
        if (!(await recordLink(client, { caseId: linked.id, expectedVersion: linked.version, link, actor, at, today }))) throw LINKED_CASE_MOVED;
      }
      await this.cascade(client, newCase.id, newCase.caseNumber, result, today, at);
      return newCase;
    }).catch((error: unknown) => {
      if (error === LINKED_CASE_MOVED) return undefined;
      throw error;
    });
    if (!created) return undefined;
    this.afterCommit(created.id, result.effects);
    return caseView(
      { id: created.id, caseNumber: created.caseNumber, version: 1, receivingOrganizationId: organization.id, openedAt: at, updatedAt: at, links, parties: created.partiesView },
      created.snapshot,
      describeCase(created.snapshot),
    );
  }

  /** Applies one event to a case, retrying lost version races unless the caller pinned a version. */
  async apply(caseId: string, event: FlowEvent, options: ApplyOptions): Promise<ApplyResult> {
    return this.mutex.run(caseId, async () => {
      const requestHash = options.idempotencyKey ? hashOf(event) : undefined;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const row = await loadCase(this.pool, caseId);
        if (!row) throw caseNotFound(caseId);
        if (attempt === 1) await this.checkMaySend(options.actor, row, event);
        if (options.idempotencyKey) {
          const previous = await findIdempotentResponse(this.pool, caseId, options.idempotencyKey);
          if (previous) return replay(previous, requestHash!, options.idempotencyKey);
        }
        if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
          throw versionConflict(caseId, options.expectedVersion, row.version);
        }
        if (attempt === 1) await this.validator.payload(row.snapshot.flowId, row.snapshot.flowVersion, event.type, event.payload);
        const outcome = await this.tryApply(row, event, options, requestHash);
        if (outcome) return { view: outcome, replayed: false };
        if (options.expectedVersion !== undefined) throw versionConflict(caseId, options.expectedVersion, row.version + 1);
      }
      throw new DomainError('SERVICE_UNAVAILABLE', `case ${caseId} is changing too fast; try again`);
    });
  }

  /**
   * Events the engine derives from the case as stored (e.g. `deadline.recomputed` after a calendar
   * year was loaded): `derive` sees the snapshot just loaded and names the events, which are applied
   * one after the other and written together, guarded by the version; a lost race derives again.
   * Returns how many events were written (0 when `derive` found nothing to do or the case is gone).
   */
  async applyDerived(caseId: string, derive: (snapshot: CaseSnapshot) => FlowEvent[], meta?: Record<string, unknown>): Promise<number> {
    return this.mutex.run(caseId, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const row = await loadCase(this.pool, caseId);
        const events = row ? derive(row.snapshot) : [];
        if (!row || events.length === 0) return 0;
        const today = this.clock.today();
        const at = this.clock.now();
        const changes: CaseChange[] = [];
        const effects: Effect[] = [];
        let current = row;
        for (const event of events) {
          const result = sendEvent(current.snapshot, event, { today, host: {} });
          changes.push(await this.changeFor(current, result, { event, actor: ENGINE_ACTOR, at, today, meta }));
          effects.push(...result.effects);
          current = { ...current, version: current.version + 1, snapshot: result.snapshot };
        }
        const committed =
          changes.length === 1
            ? await applyChange(this.pool, changes[0]!)
            : await withTransaction(this.pool, async (client) => {
                for (const change of changes) if (!(await applyChange(client, change))) throw LOST_RACE;
                return true;
              }).catch((error: unknown) => {
                if (error === LOST_RACE) return false;
                throw error;
              });
        if (committed) {
          this.afterCommit(caseId, effects);
          return events.length;
        }
      }
      throw new DomainError('SERVICE_UNAVAILABLE', `case ${caseId} is changing too fast; try again`);
    });
  }

  /**
   * `applyDerived` for many cases at once: loaded in one query, written in one statement, each
   * guarded by its own version. A case that needs several events, or whose version moved meanwhile,
   * goes through `applyDerived` alone. A case the flow refuses the event for counts as 0 events.
   * Returns the number of events written per case.
   */
  async applyDerivedMany(caseIds: readonly string[], derive: (snapshot: CaseSnapshot) => FlowEvent[], meta?: Record<string, unknown>): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    const today = this.clock.today();
    const at = this.clock.now();
    const alone: string[] = [];
    const changes: { change: CaseChange; effects: readonly Effect[] }[] = [];
    for (const row of await loadCases(this.pool, caseIds)) {
      const events = derive(row.snapshot);
      if (events.length !== 1) {
        if (events.length > 1) alone.push(row.id);
        else written.set(row.id, 0);
        continue;
      }
      const result = refusedAsUndefined(() => sendEvent(row.snapshot, events[0]!, { today, host: {} }));
      if (!result) written.set(row.id, 0);
      else changes.push({ change: await this.changeFor(row, result, { event: events[0]!, actor: ENGINE_ACTOR, at, today, meta }), effects: result.effects });
    }
    const applied = changes.length ? await applyChanges(this.pool, changes.map((c) => c.change)) : new Set<string>();
    for (const { change, effects } of changes) {
      if (applied.has(change.caseId)) {
        written.set(change.caseId, 1);
        this.afterCommit(change.caseId, effects);
      } else alone.push(change.caseId);
    }
    for (const caseId of alone) {
      written.set(caseId, await this.applyDerived(caseId, derive, meta).catch((error: unknown) => (isRefusal(error) ? 0 : Promise.reject(error))));
    }
    return written;
  }

  private async tryApply(row: CaseRow, event: FlowEvent, options: ApplyOptions, requestHash: string | undefined): Promise<CaseView | undefined> {
    const today = this.clock.today();
    const at = this.clock.now();
    const steps = await this.stepsFor(row, event, options, today, at);
    const last = steps.at(-1)!;
    const description = last.result.description;
    const view = caseView(
      { id: row.id, caseNumber: row.caseNumber, version: row.version + steps.length, receivingOrganizationId: row.receivingOrganizationId, openedAt: row.openedAt, updatedAt: at, links: row.links, parties: row.partiesView },
      last.result.snapshot,
      description,
    );
    if (options.idempotencyKey) steps[0]!.change.idempotency = { key: options.idempotencyKey, requestHash: requestHash!, response: view };
    const effects = steps.flatMap((s) => s.result.effects);
    const cascades = steps.length > 1 || effects.some((e) => e.type === 'linkedCase.requested' || (e.type === 'case.ended' && row.parentCaseId));
    try {
      const committed = cascades
        ? await withTransaction(this.pool, async (client) => {
            for (const step of steps) if (!(await applyChange(client, step.change))) return false;
            const links = [];
            for (const step of steps) links.push(...(await this.cascade(client, row.id, row.caseNumber, step.result, today, at, row.parentCaseId)));
            view.linkedCases = [...row.links, ...links];
            return true;
          })
        : await applyChange(this.pool, steps[0]!.change);
      if (!committed) return undefined;
    } catch (error) {
      // Two retries with one idempotency key: the other one's record landed first.
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) return undefined;
      throw error;
    }
    this.afterCommit(row.id, effects);
    return view;
  }

  /**
   * The event, and what the centre's policy makes the engine do next on the same case: a case
   * past its resolution target at a level that escalates by itself goes up to the next centre.
   */
  private async stepsFor(row: CaseRow, event: FlowEvent, options: ApplyOptions, today: string, at: Date): Promise<{ result: EventResult; change: CaseChange }[]> {
    const result = sendEvent(row.snapshot, event, { today, host: await this.hostFacts(row, event, options.actor) });
    const first = { result, change: await this.changeFor(row, result, { event, actor: options.actor, at, today, meta: options.meta }) };
    const escalation = await this.autoEscalation(result);
    if (!escalation) return [first];
    const next: CaseRow = { ...row, version: row.version + 1, snapshot: result.snapshot };
    const host = { targetRelation: 'ancestor' as const, ...this.hostFactsForOrganization(escalation.to) };
    const escalated = sendEvent(result.snapshot, escalation.event, { today, host });
    return [first, { result: escalated, change: await this.changeFor(next, escalated, { event: escalation.event, actor: ENGINE_ACTOR, at, today }) }];
  }

  private async autoEscalation(result: CaseResult): Promise<{ event: FlowEvent; to: Organization } | undefined> {
    const overdue = result.effects.some((e) => e.type === 'deadline.overdue' && e.kind === 'resolutionTarget');
    if (!overdue) return undefined;
    const handling = await this.organizations.get(result.snapshot.context.organizationId);
    if (!autoEscalates(handling)) return undefined;
    const above = await this.nearestCentreAbove(handling);
    if (!above || !describeCase(result.snapshot).allowedEvents.includes('case.escalated')) return undefined;
    return {
      to: above,
      event: { type: 'case.escalated', payload: { toOrganizationId: above.id, reason: `超过${handling.name}化解时限，自动上报 (centre policy: ${handling.level} level)` } },
    };
  }

  private async nearestCentreAbove(organization: Organization): Promise<Organization | undefined> {
    for (const id of ancestorIds(organization)) {
      const candidate = await this.organizations.find(id);
      if (candidate?.kind === 'centre') return candidate;
    }
    return undefined;
  }

  private async changeFor(
    row: CaseRow,
    result: CaseResult,
    o: { event: FlowEvent; actor: Actor; at: Date; today: string; meta?: Record<string, unknown> | undefined },
  ): Promise<CaseChange> {
    const organization = await this.organizations.get(result.snapshot.context.organizationId);
    const change = changeOf(row, result, organization, o);
    change.outbox = notificationsFor(result.effects, result.snapshot.context, row.caseNumber);
    return change;
  }

  /**
   * Writes what an event sets off in other cases, inside the caller's transaction: a linked case
   * the flow asked to open (mediation.delegated, mediation.referred), and `mediation.concluded`
   * to the case that opened this one when this one ends.
   */
  private async cascade(
    client: pg.PoolClient,
    caseId: string,
    caseNumber: string,
    result: CaseResult,
    today: string,
    at: Date,
    parentCaseId: string | null = null,
  ): Promise<CaseLink[]> {
    const links: CaseLink[] = [];
    for (const effect of result.effects) {
      if (effect.type === 'linkedCase.requested') {
        links.push(await this.openLinkedCase(client, { id: caseId, caseNumber, flowId: result.snapshot.flowId }, effect, today, at));
      }
      if (effect.type === 'case.ended' && parentCaseId) {
        await this.notifyParent(client, parentCaseId, effect.outcome, today, at);
      }
    }
    return links;
  }

  private async openLinkedCase(
    client: pg.PoolClient,
    parent: { id: string; caseNumber: string; flowId: string },
    effect: Extract<Effect, { type: 'linkedCase.requested' }>,
    today: string,
    at: Date,
  ): Promise<CaseLink> {
    const organization = await this.organizations.get(effect.organizationId);
    const intake = { ...(await this.withPersonalData(client, parent.id, effect.input)), organizationId: organization.id, linkedCaseId: parent.id };
    const result = startCase(effect.flowId, intake, { today, host: this.hostFactsForOrganization(organization) });
    const parentLink: CaseLink = { id: parent.id, caseNumber: parent.caseNumber, flowId: parent.flowId, relation: 'openedBy' };
    const child = await this.prepareNewCase(client, result, organization, {
      intake,
      actor: ENGINE_ACTOR,
      at,
      today,
      links: [parentLink],
      parentCaseId: parent.id,
    });
    await insertCase(client, child);
    const link: CaseLink = { id: child.id, caseNumber: child.caseNumber, flowId: effect.flowId, relation: 'opened' };
    await addLink(client, parent.id, link);
    this.afterCommit(child.id, result.effects);
    return link;
  }

  private async notifyParent(client: pg.PoolClient, parentId: string, outcome: string, today: string, at: Date): Promise<void> {
    const parent = await loadCase(client, parentId, { forUpdate: true });
    if (!parent || !describeCase(parent.snapshot).allowedEvents.includes('mediation.concluded')) {
      this.logger.warn(`case ${parentId} no longer waits for its linked mediation; mediation.concluded not sent`);
      return;
    }
    const event = { type: 'mediation.concluded', payload: { outcome } };
    const result = sendEvent(parent.snapshot, event, { today, host: {} });
    if (!(await applyChange(client, await this.changeFor(parent, result, { event, actor: ENGINE_ACTOR, at, today })))) {
      throw new Error(`case ${parentId} changed while locked`);
    }
    await this.cascade(client, parent.id, parent.caseNumber, result, today, at, parent.parentCaseId);
    this.afterCommit(parentId, result.effects);
  }

  private async prepareNewCase(
    db: Queryable,
    result: CaseResult,
    organization: Organization,
    o: { intake: Record<string, unknown>; actor: Actor; at: Date; today: string; links: CaseLink[]; parentCaseId: string | null },
  ): Promise<NewCase> {
    const protectedCase = protectCase(result.snapshot, this.protection);
    const snapshot = protectedCase.snapshot;
    const c = snapshot.context;
    const year = Number(o.today.slice(0, 4));
    const seq = await nextCaseSequence(db, organization.id, year);
    const caseNumber = formatCaseNumber(organization.caseNumberPattern, { year, short: organization.shortName, seq });
    return {
      id: randomUUID(),
      caseNumber,
      snapshot,
      columns: columnsOf(snapshot),
      organizationPath: organization.path,
      receivingOrganizationId: organization.id,
      category: c.category,
      channel: c.channel,
      riskLevel: c.riskLevel,
      amount: c.amount,
      summary: c.summary,
      searchText: [caseNumber, c.summary, ...c.parties.map((p) => p.name)].join(' ').toLowerCase(),
      receivedOn: c.receivedOn,
      linkedCaseId: c.linkedCaseId,
      parentCaseId: o.parentCaseId,
      links: o.links,
      parties: protectedCase.parties,
      partiesView: protectedCase.partiesView,
      openingEvent: { type: 'case.opened', payload: forAuditTrail(o.intake), actor: o.actor, today: o.today, idempotencyKey: null },
      outbox: [...notificationsFor(result.effects, c, caseNumber), ...(await this.riskReports(organization, c.riskLevel, caseNumber))],
      at: o.at,
    };
  }

  /** A red-risk case is reported at once to the city level (centre policy, legal-reference §8.3). */
  private async riskReports(organization: Organization, riskLevel: string, caseNumber: string): Promise<OutboxRow[]> {
    if (riskLevel !== 'red') return [];
    for (const id of [organization.id, ...ancestorIds(organization)]) {
      const candidate = await this.organizations.find(id);
      if (candidate?.kind === 'centre' && candidate.level === RED_RISK_REPORT_LEVEL) {
        return [{ kind: 'risk.red', recipient: { type: 'organization', organizationId: candidate.id }, payload: { caseNumber, reportedBy: organization.id } }];
      }
    }
    return [];
  }

  /** Facts about the organisation that handles (or will handle) a case: its local policy and centre target. */
  private hostFactsForOrganization(organization: Organization): HostFacts {
    const resolutionTarget = resolutionTargetFor(organization);
    return { policy: organization.policy, ...(resolutionTarget ? { resolutionTarget } : {}) };
  }

  /** Facts the flows cannot know: where organisations named by the event sit in the tree. */
  private async hostFacts(row: CaseRow, event: FlowEvent, actor: Actor): Promise<HostFacts> {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const handling = row.snapshot.context.organizationId;
    await this.checkOrganizationsExist(payload, 'payload.');
    await this.checkMediatorsOf(row, event, payload);
    const target = TARGET_FIELDS.map((f) => payload[f]).find((v): v is string => typeof v === 'string');
    const targetRelation = await this.organizations.relation(target, handling);
    const actorRelation = await this.organizations.relation(actor.organizationId, handling);
    const handsOver = CHANGES_HANDS.includes(event.type) && target ? await this.organizations.find(target) : undefined;
    const resolutionTarget = handsOver ? resolutionTargetFor(handsOver) : undefined;
    return {
      ...(targetRelation ? { targetRelation } : {}),
      ...(actorRelation ? { actorRelation } : {}),
      ...(resolutionTarget ? { resolutionTarget } : {}),
    };
  }

  /** A mediator named by an event the state accepts must be one of the handling organisation's (else the flow answers 409 first). */
  private async checkMediatorsOf(row: CaseRow, event: FlowEvent, payload: Record<string, unknown>): Promise<void> {
    if (!MEDIATOR_FIELDS.some((field) => field in payload)) return;
    const { state, allowedEvents } = describeCase(row.snapshot);
    if (!allowedEvents.includes(event.type)) return;
    const handling = await this.organizations.get(row.snapshot.context.organizationId);
    await checkMediators(this.pool, payload, handling, (id) => this.organizations.find(id), state);
  }

  /** A user opens cases their role may open, at their organisation or below it. */
  private async checkMayOpen(actor: Actor, flowId: string, organization: Organization): Promise<void> {
    if (!mayOpenCase(actor.role as UserRole, flowId)) {
      this.logger.warn({ userId: actor.userId, role: actor.role, flowId }, 'opening refused: role');
      throw forbidden(`a ${actor.role} may not open a ${flowId} case`);
    }
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!own || !organization.path.startsWith(own.path)) {
      this.logger.warn({ userId: actor.userId, organizationId: organization.id }, 'opening refused: organisation out of scope');
      throw forbidden('cases are opened at your own organisation or one below it', { field: 'organizationId' });
    }
  }

  /** A case outside the user's scope does not exist for them (404); an event their role may not send is 403. */
  private async checkMaySend(actor: Actor, row: CaseRow, event: FlowEvent): Promise<void> {
    if (actor.role === ENGINE_ACTOR.role) return;
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!own || !inScope(scopeOf(own), row)) throw caseNotFound(row.id);
    const { flowId, flowVersion } = row.snapshot;
    if (getFlow(flowId, flowVersion).events[event.type] && !maySendEvent(actor.role as UserRole, flowId, flowVersion, event.type)) {
      this.logger.warn({ userId: actor.userId, role: actor.role, caseId: row.id, eventType: event.type }, 'event refused: role');
      throw forbidden(`a ${actor.role} may not send ${event.type}`, { eventType: event.type });
    }
  }

  /** A linked case opened by the engine gets its parties' personal data from the case that opened it. */
  private async withPersonalData(client: pg.PoolClient, parentId: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!Array.isArray(input.parties)) return input;
    const { rows } = await client.query('SELECT party_id, id_number_encrypted, phone_encrypted FROM parties WHERE case_id = $1', [parentId]);
    const byId = new Map(rows.map((r) => [r.party_id as string, r]));
    const parties = input.parties.map((p: Record<string, unknown>) => {
      const source = typeof p.linkedPartyId === 'string' ? byId.get(p.linkedPartyId) : undefined;
      const { idNumber: _digest, ...rest } = p;
      if (!source) return rest;
      return {
        ...rest,
        ...(source.id_number_encrypted ? { idNumber: this.protection.decrypt(source.id_number_encrypted) } : {}),
        ...(source.phone_encrypted ? { phone: this.protection.decrypt(source.phone_encrypted) } : {}),
      };
    });
    return { ...input, parties };
  }

  /** Every organisation id in a payload or intake must name an organisation (a 400 on the field otherwise). */
  private async checkOrganizationsExist(values: Record<string, unknown>, prefix: string): Promise<void> {
    for (const field of ORGANIZATION_FIELDS) {
      const id = values[field];
      if (typeof id === 'string' && !(await this.organizations.find(id))) {
        throw validationFailed([{ field: `${prefix}${field}`, message: `no organisation ${id}` }]);
      }
    }
  }

  /**
   * The case an opening names as `linkedCaseId`, if the user may name it: one in their scope or,
   * for a court, one handled in the area the court sits in (its parent's subtree — the basic
   * court where the mediation organisation is, CPL Art. 205; PML Art. 33). Any other case does
   * not exist for them: the same 400 as a missing one, so its existence does not leak.
   */
  private async linkedCase(id: string, actor: Actor): Promise<CaseRow> {
    const row = await loadCase(this.pool, id);
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!row || !own || !mayLinkTo(own, row)) {
      if (row) this.logger.warn({ userId: actor.userId, linkedCaseId: id }, 'opening refused: linked case out of scope');
      throw validationFailed([{ field: 'linkedCaseId', message: `no case ${id}` }]);
    }
    return row;
  }

  /**
   * Documents and notices, at debug level: the outbox row written with the event is their durable
   * record, and the notification sender logs each delivery (at info, this line was a third log line
   * per event, saying what the other two say).
   */
  private afterCommit(caseId: string, effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.type === 'document.issued' || effect.type === 'notice.sent') {
        this.logger.debug({ caseId, effect: effect.type, ...('document' in effect ? { document: effect.document } : { notice: effect.notice }) });
      }
    }
  }
}

function changeOf(
  row: CaseRow,
  result: CaseResult,
  organization: Organization,
  o: { event: FlowEvent; actor: Actor; at: Date; today: string; meta?: Record<string, unknown> | undefined },
): CaseChange {
  const before = row.snapshot.context.deadlines;
  const after = result.snapshot.context.deadlines;
  return {
    caseId: row.id,
    expectedVersion: row.version,
    snapshot: result.snapshot,
    columns: columnsOf(result.snapshot, 'description' in result ? (result as EventResult).description : undefined),
    organizationPath: organization.path,
    event: { type: o.event.type, payload: forAuditTrail((o.event.payload ?? {}) as Record<string, unknown>), actor: o.actor, today: o.today, idempotencyKey: null, meta: o.meta ?? null },
    upsertDeadlines: after.filter((d) => !sameDeadline(d, before.find((b) => b.kind === d.kind))),
    removedDeadlineKinds: before.filter((b) => !after.some((d) => d.kind === b.kind)).map((b) => b.kind),
    links: null,
    idempotency: null,
    outbox: [],
    at: o.at,
  };
}

/** Thrown inside the opening transaction to roll it back when the linked case moved on; never leaves `open`. */
const LINKED_CASE_MOVED = Symbol('linked case moved');

function mayLinkTo(own: Organization, row: CaseRow): boolean {
  if (inScope(scopeOf(own), row)) return true;
  return own.kind === 'court' && row.organizationPath.startsWith(own.path.slice(0, own.path.slice(0, -1).lastIndexOf('/') + 1));
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

async function addLink(db: Queryable, caseId: string, link: CaseLink): Promise<void> {
  await db.query({ name: 'case-add-link', text: 'UPDATE cases SET links = links || $2::jsonb WHERE id = $1', values: [caseId, JSON.stringify([link])] });
}

function replay(previous: { requestHash: string; response: unknown }, requestHash: string, key: string): ApplyResult {
  if (previous.requestHash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key "${key}" was already used for a different event on this case`);
  }
  return { view: previous.response as CaseView, replayed: true };
}

/** The flow's refusals of an event the engine derived: the case moved on, nothing to write. */
function isRefusal(error: unknown): boolean {
  return error instanceof RuleViolatedError || error instanceof EventNotAllowedError;
}

function refusedAsUndefined<T>(attempt: () => T): T | undefined {
  try {
    return attempt();
  } catch (error) {
    if (isRefusal(error)) return undefined;
    throw error;
  }
}

function hashOf(event: FlowEvent): string {
  return createHash('sha256').update(JSON.stringify([event.type, event.payload ?? {}])).digest('hex');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;
}
