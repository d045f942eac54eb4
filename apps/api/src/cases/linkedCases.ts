import { Injectable, Logger } from '@nestjs/common';
import { describeCase, type CaseResult, type Effect } from '@jiefen/flows';
import type pg from 'pg';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { DataProtection } from '../security/dataProtection.js';
import { ENGINE_ACTOR } from './actor.js';
import type { NewCase } from './caseChange.js';
import type { CommittedEffects } from './caseEffects.js';
import { CaseHostFacts } from './caseHostFacts.js';
import type { CaseLink } from './caseLink.js';
import type { CaseRow } from './caseRow.js';
import { CasesRepository } from './cases.repository.js';
import { CaseTransitions, type Step } from './caseTransitions.js';
import { NewCases } from './newCases.js';
import { PartiesRepository, type PartySecrets } from './parties.repository.js';
import { mustHaveWritten } from './versionRace.js';

/** The case whose event asks for a linked case; `parties` when its party rows are not written yet. */
export interface OpeningCase {
  id: string;
  caseNumber: string;
  flowId: string;
  parties?: readonly PartySecrets[];
}

/** Linked cases an event asked for, numbered but not yet inserted, and the links to them. */
export interface OpenedCases {
  links: CaseLink[];
  cases: NewCase[];
  effects: CommittedEffects[];
}

/** What a case's steps wrote with their cascades: the links to cases they opened, and every case's effects. */
export interface WrittenWithCascades {
  links: CaseLink[];
  effects: CommittedEffects[];
}

/**
 * Cascades between linked cases, inside the caller's transaction: a linked case the flow asked to
 * open (`mediation.delegated`, `mediation.referred`), and `mediation.concluded` to the case that
 * opened this one when this one ends. All of it lands with the event, or none of it.
 */
@Injectable()
export class LinkedCases {
  private readonly logger = new Logger('CaseRunner');

  constructor(
    private readonly cases: CasesRepository,
    private readonly parties: PartiesRepository,
    private readonly organizations: OrganizationsService,
    private readonly transitions: CaseTransitions,
    private readonly hostFacts: CaseHostFacts,
    private readonly newCases: NewCases,
    private readonly protection: DataProtection,
  ) {}

  /**
   * Writes one case's steps and what they set off. The links to the cases they open are known
   * before anything is written, so the case row carries them in the same statement as its event,
   * and `beforeWrite` sees them: the answer stored for an idempotent retry is the answer given.
   */
  async write(
    tx: pg.PoolClient,
    row: CaseRow,
    steps: readonly Step[],
    o: { today: string; at: Date; beforeWrite?: (links: CaseLink[]) => void },
  ): Promise<WrittenWithCascades> {
    const ref = { id: row.id, caseNumber: row.caseNumber, flowId: row.snapshot.flowId };
    const opened = await this.requested(
      tx,
      ref,
      steps.map((s) => s.result),
      o.today,
      o.at,
    );
    if (opened.links.length) steps[0]!.change.links = [...row.links, ...opened.links];
    o.beforeWrite?.(opened.links);
    const cases = this.cases.within(tx);
    for (const step of steps) mustHaveWritten(await cases.apply(step.change));
    for (const child of opened.cases) await cases.insert(child);
    const effects: CommittedEffects[] = [
      { caseId: row.id, effects: steps.flatMap((s) => s.result.effects) },
      ...opened.effects,
    ];
    for (const ended of endings(steps.flatMap((s) => s.result.effects))) {
      if (row.parentCaseId)
        effects.push(...(await this.notifyParent(tx, row.parentCaseId, ended.outcome, o.today, o.at)));
    }
    return { links: opened.links, effects };
  }

  /** Prepares the linked cases the results ask for (numbered inside `tx`), with their parties' data carried over. */
  async requested(
    tx: pg.PoolClient,
    parent: OpeningCase,
    results: readonly CaseResult[],
    today: string,
    at: Date,
  ): Promise<OpenedCases> {
    const opened: OpenedCases = { links: [], cases: [], effects: [] };
    for (const effect of results.flatMap((r) => r.effects)) {
      if (effect.type !== 'linkedCase.requested') continue;
      const organization = await this.organizations.get(effect.organizationId);
      const intake = {
        ...(await this.withPersonalData(tx, parent, effect.input)),
        organizationId: organization.id,
        linkedCaseId: parent.id,
      };
      const result = this.transitions.open(effect.flowId, intake, today, this.hostFacts.forOrganization(organization));
      const child = await this.newCases.prepare(this.cases.within(tx), result, organization, {
        intake,
        actor: ENGINE_ACTOR,
        at,
        today,
        links: [{ id: parent.id, caseNumber: parent.caseNumber, flowId: parent.flowId, relation: 'openedBy' }],
        parentCaseId: parent.id,
      });
      opened.links.push({ id: child.id, caseNumber: child.caseNumber, flowId: effect.flowId, relation: 'opened' });
      opened.cases.push(child);
      opened.effects.push({ caseId: child.id, effects: result.effects });
    }
    return opened;
  }

  private async notifyParent(
    tx: pg.PoolClient,
    parentId: string,
    outcome: string,
    today: string,
    at: Date,
  ): Promise<CommittedEffects[]> {
    const parent = await this.cases.within(tx).load(parentId, { forUpdate: true });
    if (!parent || !describeCase(parent.snapshot).allowedEvents.includes('mediation.concluded')) {
      this.logger.warn(`case ${parentId} no longer waits for its linked mediation; mediation.concluded not sent`);
      return [];
    }
    const steps = await this.transitions.engine(parent, [{ type: 'mediation.concluded', payload: { outcome } }], {
      today,
      at,
    });
    return (await this.write(tx, parent, steps, { today, at })).effects;
  }

  /** A linked case opened by the engine gets its parties' personal data from the case that opened it. */
  private async withPersonalData(
    tx: pg.PoolClient,
    parent: OpeningCase,
    input: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!Array.isArray(input.parties)) return input;
    const secrets = parent.parties ?? (await this.parties.within(tx).secretsOf(parent.id));
    const byId = new Map(secrets.map((s) => [s.partyId, s]));
    const parties = input.parties.map((p: Record<string, unknown>) => {
      const source = typeof p.linkedPartyId === 'string' ? byId.get(p.linkedPartyId) : undefined;
      const { idNumber: _digest, ...rest } = p;
      if (!source) return rest;
      return {
        ...rest,
        ...(source.idNumberEncrypted ? { idNumber: this.protection.decrypt(source.idNumberEncrypted) } : {}),
        ...(source.phoneEncrypted ? { phone: this.protection.decrypt(source.phoneEncrypted) } : {}),
        ...(source.ethnicityEncrypted ? { ethnicity: this.protection.decrypt(source.ethnicityEncrypted) } : {}),
      };
    });
    return { ...input, parties };
  }
}

function endings(effects: readonly Effect[]): Extract<Effect, { type: 'case.ended' }>[] {
  return effects.filter((e): e is Extract<Effect, { type: 'case.ended' }> => e.type === 'case.ended');
}
