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
import { poolOf } from '../database/dataSource.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CriminalRiskDto } from './dto/criminal-risk.dto.js';
import type { RecordReturnVisitDto } from './dto/record-return-visit.dto.js';
import type { ReturnVisitsDueQuery } from './dto/return-visits-due.query.js';

/** Host events written beside the flow's in a case's trail (docs/returnVisits.md). */
export const RETURN_VISITED = { type: 'case.returnVisited', titleZh: '回访' } as const;
export const CRIMINAL_RISK_FLAGGED = { type: 'case.criminalRiskFlagged', titleZh: '防止民转刑' } as const;

/** A return visit follows the outcome: an agreement to supervise (PML Art. 31), or the case's end. */
const RETURN_VISIT_AFTER_OUTCOME = {
  rule: 'RETURN_VISIT_BEFORE_OUTCOME',
  basis: 'PML Art. 31',
  requirement: 'the case has an agreement, whose performance the organisation supervises, or has ended',
} as const;

/** The last performance date of the agreement, else the day it took effect: what the return-visit target counts from (indexed, migration 1763900000010). */
const VISIT_BASIS = `return_visit_basis(c.snapshot)`;

interface CaseRecordRow {
  id: string;
  case_number: string;
  version: number;
  final: boolean;
  status: string;
  organization_id: string;
  organization_path: string;
  court_id: string | null;
  received_on: string;
  agreement: { effectiveOn?: string; terms?: { dueOn?: string }[] } | null;
  mediator_id: string | null;
  criminal_risk_prevented: boolean;
}

/**
 * Return visits (回访) and the 防止民转刑 flag: host-level records of a case, each also an entry in
 * its trail with the version bumped, in one transaction. Final states accept no flow event, and a
 * visit comes after the agreement or the end, so these never go through the machine.
 */
@Injectable()
export class ReturnVisitsService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  async record(user: AuthenticatedUser, caseId: string, dto: RecordReturnVisitDto, expectedVersion?: number) {
    const row = await this.visible(user, caseId);
    await this.checkMayRecord(user, row);
    if (!row.agreement && !row.final) {
      throw new DomainError(
        'RULE_VIOLATED',
        `case ${row.case_number} has neither an agreement nor an end yet: a return visit follows the outcome (${RETURN_VISIT_AFTER_OUTCOME.basis})`,
        {
          ...RETURN_VISIT_AFTER_OUTCOME,
          caseId,
        },
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
    const version = await this.write(
      caseId,
      expectedVersion ?? row.version,
      expectedVersion !== undefined,
      async (client, newVersion) => {
        await client.query(
          `INSERT INTO return_visits (id, case_id, organization_id, visited_on, visited_by, persons_visited, performance, satisfaction, new_dispute, risk_note, note, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            id,
            caseId,
            row.organization_id,
            dto.visitedOn,
            user.userId,
            dto.personsVisited,
            dto.performance,
            dto.satisfaction,
            dto.newDispute,
            dto.riskNote ?? null,
            dto.note ?? null,
            at,
          ],
        );
        await this.trail(
          client,
          caseId,
          newVersion,
          RETURN_VISITED,
          {
            returnVisitId: id,
            visitedOn: dto.visitedOn,
            performance: dto.performance,
            satisfaction: dto.satisfaction,
            newDispute: dto.newDispute,
          },
          user,
          at,
          today,
        );
      },
    );
    return { ...(await this.one(id)), caseVersion: version };
  }

  async list(user: AuthenticatedUser, caseId: string) {
    const row = await this.visible(user, caseId);
    const { rows } = await this.pool.query(
      `SELECT id FROM return_visits WHERE case_id = $1 ORDER BY visited_on, recorded_at`,
      [caseId],
    );
    const organization = await this.organizations.get(row.organization_id);
    return {
      caseId,
      caseVersion: row.version,
      criminalRiskPrevented: row.criminal_risk_prevented,
      returnVisitDueOn: await this.dueOnOf(row, organization),
      items: await Promise.all(rows.map((r) => this.one(r.id))),
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
    const version = await this.write(caseId, row.version, expectedVersion !== undefined, async (client, newVersion) => {
      await client.query('UPDATE cases SET criminal_risk_prevented = $2 WHERE id = $1', [caseId, dto.prevented]);
      await this.trail(
        client,
        caseId,
        newVersion,
        CRIMINAL_RISK_FLAGGED,
        { prevented: dto.prevented, ...(dto.note ? { note: dto.note } : {}) },
        user,
        at,
        this.clock.today(),
      );
    });
    return { caseId, criminalRiskPrevented: dto.prevented, version };
  }

  /** The work queue: cases with an agreement and no return visit yet, whose visit falls due by `dueBefore`. */
  async due(user: AuthenticatedUser, query: ReturnVisitsDueQuery) {
    const own = await this.organizations.get(user.organizationId);
    const today = this.clock.today();
    const dueBefore = query.dueBefore ?? today;
    const values: unknown[] = [];
    const root = query.organizationId ? await this.organizations.get(query.organizationId) : own;
    if (!root.path.startsWith(own.path))
      throw forbidden('only organisations at or below your own', { field: 'organizationId' });
    // A visit is due no earlier than the basis plus the shortest target in calendar days (rest days only push it later).
    const latestBasis = addDays(dueBefore, -(await this.shortestTargetDays(root)));
    const where = [
      // The index's predicate: a confirmation's agreement was reached, and is visited, on the case it continues from.
      `c.status = 'resolved'`,
      `c.flow_id <> 'judicial-confirmation'`,
      `c.organization_path LIKE $${values.push(`${escapeLike(root.path)}%`)}`,
      `${VISIT_BASIS} <= $${values.push(latestBasis)}::date`,
      `NOT EXISTS (SELECT 1 FROM return_visits rv WHERE rv.case_id = c.id)`,
    ];
    if (query.mediatorId)
      where.push(`c.snapshot->'context'->'records'->>'mediatorId' = $${values.push(query.mediatorId)}`);
    const { rows } = await this.pool.query(
      `SELECT c.id, c.case_number, c.flow_id, c.state, c.status, c.organization_id, c.version,
              c.snapshot->'context'->'records'->>'mediatorId' AS mediator_id,
              c.snapshot->'context'->'agreement'->>'effectiveOn' AS effective_on, ${VISIT_BASIS} AS basis
       FROM cases c WHERE ${where.join(' AND ')} ORDER BY basis, c.id LIMIT 5000`,
      values,
    );
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
        caseId: r.id as string,
        caseNumber: r.case_number as string,
        flowId: r.flow_id as string,
        state: r.state as string,
        organizationId: r.organization_id as string,
        organizationName: organization.name,
        mediatorId: (r.mediator_id as string | null) ?? null,
        version: r.version as number,
        agreementEffectiveOn: (r.effective_on as string | null) ?? null,
        countedFrom: r.basis as string,
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
      'only the case’s mediator (or, when it names none, a mediator of the handling organisation) or a supervisor records this',
    );
  }

  private async visible(user: AuthenticatedUser, caseId: string): Promise<CaseRecordRow> {
    const { rows } = await this.pool.query<CaseRecordRow>(
      `SELECT id, case_number, version, final, status, organization_id, organization_path, court_id, received_on,
              snapshot->'context'->'agreement' AS agreement, snapshot->'context'->'records'->>'mediatorId' AS mediator_id, criminal_risk_prevented
       FROM cases WHERE id = $1`,
      [caseId],
    );
    const row = rows[0];
    const own = await this.organizations.get(user.organizationId);
    if (!row || !inScope(scopeOf(own), { organizationPath: row.organization_path, courtId: row.court_id }))
      throw caseNotFound(caseId);
    return row;
  }

  /** Bumps the version (guarded by the one read or sent as If-Match), runs `work` and commits; returns the new version. */
  private async write(
    caseId: string,
    expected: number,
    pinned: boolean,
    work: (client: pg.PoolClient, newVersion: number) => Promise<void>,
  ): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
      const current: number = rows[0].version;
      if (pinned && current !== expected) throw versionConflict(caseId, expected, current);
      await client.query('UPDATE cases SET version = $2, updated_at = $3 WHERE id = $1', [
        caseId,
        current + 1,
        this.clock.now(),
      ]);
      await work(client, current + 1);
      await client.query('COMMIT');
      return current + 1;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async trail(
    client: pg.PoolClient,
    caseId: string,
    seq: number,
    event: { type: string; titleZh: string },
    payload: Record<string, unknown>,
    user: AuthenticatedUser,
    at: Date,
    today: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, NULL)`,
      [
        caseId,
        seq,
        event.type,
        JSON.stringify({ ...payload, titleZh: event.titleZh }),
        JSON.stringify({
          userId: user.userId,
          username: user.username,
          role: user.role,
          organizationId: user.organizationId,
        }),
        at,
        today,
      ],
    );
  }

  private async one(id: string) {
    const { rows } = await this.pool.query(
      `SELECT rv.*, u.username, u.display_name FROM return_visits rv JOIN users u ON u.id = rv.visited_by WHERE rv.id = $1`,
      [id],
    );
    const r = rows[0];
    return {
      id: r.id as string,
      caseId: r.case_id as string,
      organizationId: r.organization_id as string,
      visitedOn: r.visited_on as string,
      visitedBy: { id: r.visited_by as string, username: r.username as string, displayName: r.display_name as string },
      personsVisited: r.persons_visited as string,
      performance: r.performance as string,
      satisfaction: r.satisfaction as string,
      newDispute: r.new_dispute as boolean,
      riskNote: (r.risk_note as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      recordedAt: (r.recorded_at as Date).toISOString(),
    };
  }
}
