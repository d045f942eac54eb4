import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, daysBetween, workingDaysBetween } from '@jiefen/legal-time';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { inScope, scopeOf } from '../auth/caseScope.js';
import { forbidden } from '../auth/permissions.js';
import { hostPolicyOf, returnVisitDueOn } from '../centres/hostPolicy.js';
import { Clock } from '../common/clock.js';
import { caseNotFound, DomainError, validationFailed, versionConflict } from '../common/errors/DomainError.js';
import { escapeLike } from '../common/escapeLike.js';
import { poolOf, withTransaction } from '../database/dataSource.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CriminalRiskDto } from './dto/criminal-risk.dto.js';
import type { RecordReturnVisitDto } from './dto/record-return-visit.dto.js';
import type { ReturnVisitsDueQuery } from './dto/return-visits-due.query.js';
import { returnVisitRecordRequest } from './returnVisitRecordRequest.js';
import { ReturnVisitsRepository, type CaseRecordRow } from './returnVisits.repository.js';

/** Host events written beside the flow's in a case's trail (docs/returnVisits.md). */
export const RETURN_VISITED = { type: 'case.returnVisited', titleZh: '回访' } as const;
export const CRIMINAL_RISK_FLAGGED = { type: 'case.criminalRiskFlagged', titleZh: '防止民转刑' } as const;

/** A return visit follows the outcome: an agreement to supervise (PML Art. 31), or the case's end. */
const RETURN_VISIT_AFTER_OUTCOME = {
  rule: 'RETURN_VISIT_BEFORE_OUTCOME',
  basis: 'PML Art. 31',
  requirement: 'the case has an agreement, whose performance the organisation supervises, or has ended',
} as const;

/**
 * Return visits (回访) and the 防止民转刑 flag: host-level records of a case, each also an entry in
 * its trail with the version bumped, in one transaction. Final states accept no flow event, and a
 * visit comes after the agreement or the end, so these never go through the machine.
 */
@Injectable()
export class ReturnVisitsService {
  private readonly pool: pg.Pool;
  private readonly repository: ReturnVisitsRepository;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
    this.repository = new ReturnVisitsRepository(this.pool);
  }

  /**
   * The visit, its trail entry and the request for its 回访记录 (an outbox row the trigger of
   * migration …009 turns into a pending document, produced after commit) — one transaction.
   */
  async record(user: AuthenticatedUser, caseId: string, dto: RecordReturnVisitDto, expectedVersion?: number) {
    const row = await this.visible(user, caseId);
    await this.checkMayRecord(user, row);
    if (!row.agreement && !row.final) {
      throw new DomainError(
        'RULE_VIOLATED',
        `case ${row.case_number} has neither an agreement nor an end yet: ` +
          `a return visit follows the outcome (${RETURN_VISIT_AFTER_OUTCOME.basis})`,
        { ...RETURN_VISIT_AFTER_OUTCOME, caseId },
      );
    }
    const today = this.clock.today();
    if (dto.visitedOn > today)
      throw validationFailed([{ field: 'visitedOn', message: `must not be after today (${today})` }]);
    if (dto.visitedOn < row.received_on)
      throw validationFailed([
        { field: 'visitedOn', message: `must not be before the case was received (${row.received_on})` },
      ]);
    const id = randomUUID();
    const at = this.clock.now();
    const visitor = await this.repository.displayNameOf(user.userId);
    const pinned = expectedVersion !== undefined;
    const version = await this.write(caseId, expectedVersion ?? row.version, pinned, async (tx, seq) => {
      await tx.insertVisit({
        id,
        caseId,
        organizationId: row.organization_id,
        visitedBy: user.userId,
        recordedAt: at,
        dto,
      });
      await tx.trail(caseId, seq, {
        ...RETURN_VISITED,
        payload: {
          returnVisitId: id,
          visitedOn: dto.visitedOn,
          performance: dto.performance,
          satisfaction: dto.satisfaction,
          newDispute: dto.newDispute,
        },
        actor: user,
        at,
        today,
      });
      await tx.requestDocument(
        caseId,
        returnVisitRecordRequest({
          id,
          caseNumber: row.case_number,
          organizationId: row.organization_id,
          visitor,
          dto,
          at,
        }),
      );
    });
    return { ...(await this.repository.visit(id)), caseVersion: version };
  }

  async list(user: AuthenticatedUser, caseId: string) {
    const row = await this.visible(user, caseId);
    const ids = await this.repository.visitIds(caseId);
    const organization = await this.organizations.get(row.organization_id);
    return {
      caseId,
      caseVersion: row.version,
      criminalRiskPrevented: row.criminal_risk_prevented,
      returnVisitDueOn: await this.dueOnOf(row, organization),
      items: await Promise.all(ids.map((visitId) => this.repository.visit(visitId))),
    };
  }

  /** The 防止民转刑 flag, set or cleared by the case's mediator or a supervisor; a change is a trail entry. */
  async setCriminalRisk(user: AuthenticatedUser, caseId: string, dto: CriminalRiskDto, expectedVersion?: number) {
    const row = await this.visible(user, caseId);
    await this.checkMayRecord(user, row);
    if (expectedVersion !== undefined && expectedVersion !== row.version)
      throw versionConflict(caseId, expectedVersion, row.version);
    if (row.criminal_risk_prevented === dto.prevented)
      return { caseId, criminalRiskPrevented: dto.prevented, version: row.version };
    const at = this.clock.now();
    const pinned = expectedVersion !== undefined;
    const version = await this.write(caseId, row.version, pinned, async (tx, seq) => {
      await tx.setCriminalRisk(caseId, dto.prevented);
      await tx.trail(caseId, seq, {
        ...CRIMINAL_RISK_FLAGGED,
        payload: { prevented: dto.prevented, ...(dto.note ? { note: dto.note } : {}) },
        actor: user,
        at,
        today: this.clock.today(),
      });
    });
    return { caseId, criminalRiskPrevented: dto.prevented, version };
  }

  /** The work queue: cases with an agreement and no return visit yet, whose visit falls due by `dueBefore`. */
  async due(user: AuthenticatedUser, query: ReturnVisitsDueQuery) {
    const own = await this.organizations.get(user.organizationId);
    const today = this.clock.today();
    const dueBefore = query.dueBefore ?? today;
    const root = query.organizationId ? await this.organizations.get(query.organizationId) : own;
    if (!root.path.startsWith(own.path))
      throw forbidden('only organisations at or below your own', { field: 'organizationId' });
    // A visit is due no earlier than the basis plus the shortest
    // target in calendar days (rest days only push it later).
    const latestBasis = addDays(dueBefore, -(await this.shortestTargetDays(root)));
    const rows = await this.repository.dueCandidates({
      pathPrefix: escapeLike(root.path),
      latestBasis,
      ...(query.mediatorId ? { mediatorId: query.mediatorId } : {}),
    });
    const items = [];
    for (const r of rows) {
      const organization = await this.organizations.get(r.organization_id);
      const target = hostPolicyOf(
        'returnVisitTarget',
        organization,
        await this.organizations.ancestorsOf(organization),
      );
      const dueOn = returnVisitDueOn(r.basis, target);
      if (dueOn > dueBefore) continue;
      items.push({
        caseId: r.id,
        caseNumber: r.case_number,
        flowId: r.flow_id,
        state: r.state,
        organizationId: r.organization_id,
        organizationName: organization.name,
        mediatorId: r.mediator_id ?? null,
        version: r.version,
        agreementEffectiveOn: r.effective_on ?? null,
        countedFrom: r.basis,
        returnVisitDueOn: dueOn,
        daysLeft: daysBetween(today, dueOn),
        workingDaysLeft: dueOn >= today ? workingDaysBetween(today, dueOn) : -workingDaysBetween(dueOn, today),
      });
    }
    items.sort(
      (a, b) => a.returnVisitDueOn.localeCompare(b.returnVisitDueOn) || a.caseNumber.localeCompare(b.caseNumber),
    );
    return { dueBefore, items: items.slice(0, query.limit ?? 100) };
  }

  private async shortestTargetDays(own: Organization): Promise<number> {
    const all = [own, ...(await this.organizations.descendantsOf(own))];
    const lengths = await Promise.all(
      all.map(async (o) => hostPolicyOf('returnVisitTarget', o, await this.organizations.ancestorsOf(o)).length),
    );
    return Math.min(...lengths);
  }

  private async dueOnOf(row: CaseRecordRow, organization: Organization): Promise<string | null> {
    if (!row.agreement) return null;
    const dues = (row.agreement.terms ?? [])
      .map((t) => t.dueOn)
      .filter((d): d is string => !!d)
      .sort();
    const basis = dues.at(-1) ?? row.agreement.effectiveOn;
    if (!basis) return null;
    return returnVisitDueOn(
      basis,
      hostPolicyOf('returnVisitTarget', organization, await this.organizations.ancestorsOf(organization)),
    );
  }

  /**
   * Who records a return visit or the flag: the case's mediator; when the case names none, a
   * mediator of the handling organisation (or of a committee attached to it); and supervisors in
   * whose scope the case is (docs/returnVisits.md).
   */
  private async checkMayRecord(user: AuthenticatedUser, row: CaseRecordRow): Promise<void> {
    if (user.role === 'supervisor') return;
    if (user.role === 'mediator') {
      if (row.mediator_id === user.userId) return;
      if (!row.mediator_id) {
        const home = await this.organizations.get(user.organizationId);
        if (home.id === row.organization_id || (home.kind === 'committee' && home.parentId === row.organization_id))
          return;
      }
    }
    throw forbidden(
      'only the case’s mediator (or, when it names none, a mediator of the handling organisation) ' +
        'or a supervisor records this',
    );
  }

  /**
   * The unit of work of a write: the case's version locked and checked (the one read, or If-Match:
   * 412), bumped, then `work` — one transaction; returns the new version.
   */
  private write(
    caseId: string,
    expected: number,
    pinned: boolean,
    work: (tx: ReturnVisitsRepository, newVersion: number) => Promise<void>,
  ): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      const tx = this.repository.within(client);
      const current = await tx.lockVersion(caseId);
      if (pinned && current !== expected) throw versionConflict(caseId, expected, current);
      await tx.bumpVersion(caseId, current + 1, this.clock.now());
      await work(tx, current + 1);
      return current + 1;
    });
  }

  private async visible(user: AuthenticatedUser, caseId: string): Promise<CaseRecordRow> {
    const row = await this.repository.caseRecord(caseId);
    const own = await this.organizations.get(user.organizationId);
    if (!row || !inScope(scopeOf(own), { organizationPath: row.organization_path, courtId: row.court_id }))
      throw caseNotFound(caseId);
    return row;
  }
}
