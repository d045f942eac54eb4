import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { describeCase, type CaseSnapshot, type FlowEvent } from '@jiefen/flows';
import { Clock } from '../common/clock.js';
import { DomainError, versionConflict } from '../common/errors/DomainError.js';
import { KeyedMutex } from '../common/keyedMutex.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { Actor } from './actor.js';
import { CaseAccess } from './caseAccess.js';
import type { CaseChange } from './caseChange.js';
import { CaseEffects, type CommittedEffects } from './caseEffects.js';
import { CaseHostFacts } from './caseHostFacts.js';
import type { CaseLink } from './caseLink.js';
import type { CaseRow } from './caseRow.js';
import { CasesRepository } from './cases.repository.js';
import { CaseTransitions, isRefusal } from './caseTransitions.js';
import { caseView, type CaseView } from './caseView.js';
import { CaseWriter } from './caseWriter.js';
import { FlowInputValidator } from './flowInputValidator.js';
import { IdempotencyRepository, type IdempotencyRecord } from './idempotency.repository.js';

export { ENGINE_ACTOR } from './actor.js';

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

/**
 * Opens cases and applies events: the entry point of every write (the controller, the deadline
 * scheduler, the calendar's recomputation). It sequences the units that do the work — load and
 * guard (`CaseAccess`), apply (`CaseTransitions`), persist (`CaseWriter`, cascades in
 * `LinkedCases`), after-commit effects (`CaseEffects`) — and owns what spans them: the per-case
 * queue, the retries of lost version races, and idempotent replays.
 */
@Injectable()
export class CaseRunner {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly access: CaseAccess,
    private readonly transitions: CaseTransitions,
    private readonly writer: CaseWriter,
    private readonly effects: CaseEffects,
    private readonly hostFacts: CaseHostFacts,
    private readonly cases: CasesRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly organizations: OrganizationsService,
    private readonly validator: FlowInputValidator,
    private readonly clock: Clock,
  ) {}

  /** Opens a case (flows.md "Intake"); returns its view at version 1. */
  async open(flowId: string, intake: Record<string, unknown>, actor: Actor): Promise<CaseView> {
    const organization = await this.organizations.get(String(intake.organizationId));
    await this.access.checkIntake(flowId, intake);
    await this.access.checkMayOpen(actor, flowId, organization);
    // The linked case is read before the transaction; if it changes before the link lands, read it again.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const opened = await this.openOnce(flowId, intake, actor, organization);
      if (opened) return opened;
    }
    throw busy(String(intake.linkedCaseId));
  }

  /** Applies one event to a case, retrying lost version races unless the caller pinned a version. */
  async apply(caseId: string, event: FlowEvent, options: ApplyOptions): Promise<ApplyResult> {
    return this.mutex.run(caseId, async () => {
      const requestHash = options.idempotencyKey ? hashOf(event) : undefined;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const row = await this.access.load(caseId);
        if (attempt === 1) await this.access.checkMaySend(options.actor, row, event);
        if (options.idempotencyKey) {
          const previous = await this.idempotency.find(caseId, options.idempotencyKey);
          if (previous) return replay(previous, requestHash!, options.idempotencyKey);
        }
        if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
          throw versionConflict(caseId, options.expectedVersion, row.version);
        }
        if (attempt === 1)
          await this.validator.payload(row.snapshot.flowId, row.snapshot.flowVersion, event.type, event.payload);
        const view = await this.tryApply(row, event, options, requestHash);
        if (view) return { view, replayed: false };
        if (options.expectedVersion !== undefined)
          throw versionConflict(caseId, options.expectedVersion, row.version + 1);
      }
      throw busy(caseId);
    });
  }

  /**
   * Events the engine derives from the case as stored (e.g. `deadline.recomputed` after a calendar
   * year was loaded): `derive` sees the snapshot just loaded and names the events, which are applied
   * one after the other and written together, guarded by the version; a lost race derives again.
   * Returns how many events were written (0 when `derive` found nothing to do or the case is gone).
   */
  async applyDerived(
    caseId: string,
    derive: (snapshot: CaseSnapshot) => FlowEvent[],
    meta?: Record<string, unknown>,
  ): Promise<number> {
    return this.mutex.run(caseId, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const row = await this.cases.load(caseId);
        const events = row ? derive(row.snapshot) : [];
        if (!row || events.length === 0) return 0;
        const steps = await this.transitions.engine(row, events, {
          today: this.clock.today(),
          at: this.clock.now(),
          meta,
        });
        const written = await this.writer.engine(caseId, steps);
        if (written) {
          this.effects.afterCommit([written]);
          return events.length;
        }
      }
      throw busy(caseId);
    });
  }

  /**
   * `applyDerived` for many cases at once: loaded in one query, written in one statement, each
   * guarded by its own version. A case that needs several events, or whose version moved meanwhile,
   * goes through `applyDerived` alone. A case the flow refuses the event for counts as 0 events.
   * Returns the number of events written per case.
   */
  async applyDerivedMany(
    caseIds: readonly string[],
    derive: (snapshot: CaseSnapshot) => FlowEvent[],
    meta?: Record<string, unknown>,
  ): Promise<Map<string, number>> {
    const written = new Map<string, number>();
    const context = { today: this.clock.today(), at: this.clock.now(), meta };
    const alone: string[] = [];
    const changes: { change: CaseChange; effects: CommittedEffects }[] = [];
    for (const row of await this.cases.loadMany(caseIds)) {
      const events = derive(row.snapshot);
      if (events.length !== 1) {
        if (events.length > 1) alone.push(row.id);
        else written.set(row.id, 0);
        continue;
      }
      const step = await this.transitions.engineUnlessRefused(row, events[0]!, context);
      if (!step) written.set(row.id, 0);
      else changes.push({ change: step.change, effects: { caseId: row.id, effects: step.result.effects } });
    }
    const applied = await this.writer.engineMany(changes.map((c) => c.change));
    for (const { change, effects } of changes) {
      if (applied.has(change.caseId)) {
        written.set(change.caseId, 1);
        this.effects.afterCommit([effects]);
      } else alone.push(change.caseId);
    }
    for (const caseId of alone) {
      written.set(
        caseId,
        await this.applyDerived(caseId, derive, meta).catch((error: unknown) =>
          isRefusal(error) ? 0 : Promise.reject(error),
        ),
      );
    }
    return written;
  }

  private async openOnce(
    flowId: string,
    intake: Record<string, unknown>,
    actor: Actor,
    organization: Organization,
  ): Promise<CaseView | undefined> {
    const linked = intake.linkedCaseId ? await this.access.linkedCase(String(intake.linkedCaseId), actor) : undefined;
    const today = this.clock.today();
    const at = this.clock.now();
    const host = {
      ...this.hostFacts.forOrganization(organization),
      ...(linked ? { linkedCase: linked.snapshot } : {}),
    };
    const result = this.transitions.open(flowId, intake, today, host);
    const links: CaseLink[] = linked
      ? [{ id: linked.id, caseNumber: linked.caseNumber, flowId: linked.snapshot.flowId, relation: 'continuesFrom' }]
      : [];
    const opened = await this.writer.open(result, organization, {
      intake,
      actor,
      at,
      today,
      links,
      parentCaseId: null,
      ...(linked ? { continuesFrom: linked } : {}),
    });
    if (!opened) return undefined;
    this.effects.afterCommit(opened.effects);
    const { created } = opened;
    return caseView(
      {
        id: created.id,
        caseNumber: created.caseNumber,
        version: 1,
        receivingOrganizationId: organization.id,
        openedAt: at,
        updatedAt: at,
        links: created.links,
        parties: created.partiesView,
      },
      created.snapshot,
      describeCase(created.snapshot),
    );
  }

  private async tryApply(
    row: CaseRow,
    event: FlowEvent,
    options: ApplyOptions,
    requestHash: string | undefined,
  ): Promise<CaseView | undefined> {
    const today = this.clock.today();
    const at = this.clock.now();
    await this.access.checkPayload(row, event);
    const steps = await this.transitions.event(row, event, options.actor, { today, at, meta: options.meta });
    const last = steps.at(-1)!.result;
    let view: CaseView | undefined;
    // The answer is complete (the links to cases the event opens included) before it is stored for a replay.
    const respond = (opened: CaseLink[]) => {
      view = caseView(
        {
          id: row.id,
          caseNumber: row.caseNumber,
          version: row.version + steps.length,
          receivingOrganizationId: row.receivingOrganizationId,
          openedAt: row.openedAt,
          updatedAt: at,
          links: [...row.links, ...opened],
          parties:
            steps.findLast((s) => s.change.correctedParty)?.change.correctedParty?.partiesView ?? row.partiesView,
        },
        last.snapshot,
        last.description,
      );
      if (options.idempotencyKey)
        steps[0]!.change.idempotency = { key: options.idempotencyKey, requestHash: requestHash!, response: view };
    };
    const written = await this.writer.event(row, steps, { today, at, respond });
    if (!written) return undefined;
    this.effects.afterCommit(written.effects);
    return view;
  }
}

function replay(previous: IdempotencyRecord, requestHash: string, key: string): ApplyResult {
  if (previous.requestHash !== requestHash) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      `Idempotency-Key "${key}" was already used for a different event on this case`,
    );
  }
  return { view: previous.response as CaseView, replayed: true };
}

function busy(caseId: string): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', `case ${caseId} is changing too fast; try again`);
}

function hashOf(event: FlowEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([event.type, event.payload ?? {}]))
    .digest('hex');
}
