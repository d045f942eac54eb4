import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { poolOf, withTransaction } from '../database/dataSource.js';
import type { CaseResult } from '@jiefen/flows';
import type { Organization } from '../organizations/organization.entity.js';
import type { CaseChange, NewCase } from './caseChange.js';
import type { CommittedEffects } from './caseEffects.js';
import type { CaseLink } from './caseLink.js';
import type { CaseRow } from './caseRow.js';
import { CasesRepository } from './cases.repository.js';
import type { Step } from './caseTransitions.js';
import { LinkedCases, type WrittenWithCascades } from './linkedCases.js';
import { NewCases, type NewCaseContext } from './newCases.js';
import { LostVersionRace, mustHaveWritten } from './versionRace.js';

/**
 * Persist: writes the steps of one event atomically, guarded by the case version. An event that
 * changes only its own case is one statement (`CasesRepository.apply`: case row, event,
 * deadlines, outbox, idempotency record); one that sets off another step or a linked case runs in
 * one transaction. Every method answers `undefined` (or leaves a case out) when the case moved on,
 * with nothing written, for the runner to read it again.
 */
@Injectable()
export class CaseWriter {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly linked: LinkedCases,
    private readonly newCases: NewCases,
  ) {
    this.pool = poolOf(dataSource);
  }

  /**
   * A new case with what its opening sets off. A case it continues from (`linkedCaseId`) records
   * the link in its own trail (`case.linked`, its version bumped), guarded by the version it was
   * read at: if it moved on meanwhile, nothing is written and the runner reads it again.
   */
  async open(
    result: CaseResult,
    organization: Organization,
    o: NewCaseContext & { continuesFrom?: CaseRow },
  ): Promise<{ created: NewCase; effects: CommittedEffects[] } | undefined> {
    return this.transaction(async (tx) => {
      const cases = this.cases.within(tx);
      const created = await this.newCases.prepare(cases, result, organization, o);
      const ref = {
        id: created.id,
        caseNumber: created.caseNumber,
        flowId: created.snapshot.flowId,
        parties: created.parties,
      };
      const opened = await this.linked.requested(tx, ref, [result], o.today, o.at);
      created.links = [...created.links, ...opened.links];
      await cases.insert(created);
      for (const child of opened.cases) await cases.insert(child);
      if (o.continuesFrom) {
        const link: CaseLink = {
          id: created.id,
          caseNumber: created.caseNumber,
          flowId: created.snapshot.flowId,
          relation: 'continuedBy',
        };
        const from = o.continuesFrom;
        mustHaveWritten(
          await cases.recordLink({
            caseId: from.id,
            expectedVersion: from.version,
            link,
            actor: o.actor,
            at: o.at,
            today: o.today,
          }),
        );
      }
      return { created, effects: [{ caseId: created.id, effects: result.effects }, ...opened.effects] };
    });
  }

  /** `respond` is called with the links to the cases the event opens, before anything is written. */
  async event(
    row: CaseRow,
    steps: readonly Step[],
    o: { today: string; at: Date; respond: (links: CaseLink[]) => void },
  ): Promise<WrittenWithCascades | undefined> {
    try {
      if (!needsTransaction(row, steps)) {
        o.respond([]);
        const written = await this.cases.apply(steps[0]!.change);
        return written ? { links: [], effects: [{ caseId: row.id, effects: steps[0]!.result.effects }] } : undefined;
      }
      return await this.transaction((tx) =>
        this.linked.write(tx, row, steps, { today: o.today, at: o.at, beforeWrite: o.respond }),
      );
    } catch (error) {
      // Two retries with one idempotency key: the other one's record landed first.
      if (isUniqueViolation(error, 'idempotency_keys_pkey')) return undefined;
      throw error;
    }
  }

  /** Engine events on one case (no cascades): all of them, or none. */
  async engine(caseId: string, steps: readonly Step[]): Promise<CommittedEffects | undefined> {
    const effects = { caseId, effects: steps.flatMap((s) => s.result.effects) };
    if (steps.length === 1) return (await this.cases.apply(steps[0]!.change)) ? effects : undefined;
    const written = await this.transaction(async (tx) => {
      const cases = this.cases.within(tx);
      for (const step of steps) mustHaveWritten(await cases.apply(step.change));
      return true;
    });
    return written ? effects : undefined;
  }

  /** One engine event on each of many cases, in one statement; returns the ids of the cases written. */
  async engineMany(changes: readonly CaseChange[]): Promise<Set<string>> {
    return changes.length ? this.cases.applyMany(changes) : new Set();
  }

  /** Runs `work` in a transaction; a lost version race inside it rolls everything back and answers undefined. */
  async transaction<T>(work: (tx: pg.PoolClient) => Promise<T>): Promise<T | undefined> {
    return withTransaction(this.pool, work).catch((error: unknown) => {
      if (error instanceof LostVersionRace) return undefined;
      throw error;
    });
  }
}

/** Several steps, or a step that sets off a write in another case. */
function needsTransaction(row: CaseRow, steps: readonly Step[]): boolean {
  const effects = steps.flatMap((s) => s.result.effects);
  return (
    steps.length > 1 ||
    effects.some((e) => e.type === 'linkedCase.requested' || (e.type === 'case.ended' && !!row.parentCaseId))
  );
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    (error as { code?: string; constraint?: string }).code === '23505' &&
    (error as { constraint?: string }).constraint === constraint
  );
}
