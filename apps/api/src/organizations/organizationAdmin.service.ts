import { Injectable } from '@nestjs/common';
import type { FlowPolicy } from '@jiefen/flows';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { resolutionTargetFor } from '../centres/centrePolicy.js';
import { HOST_POLICY_DEFAULTS, HOST_POLICY_KEYS, hostPolicyOf } from '../centres/hostPolicy.js';
import { Clock } from '../common/clock.js';
import { DomainError, validationFailed } from '../common/errors/DomainError.js';
import { escapeLike } from '../common/escapeLike.js';
import { poolOf } from '../database/dataSource.js';
import type { MoveOrganizationDto } from './dto/move-organization.dto.js';
import type { OrganizationChange } from './dto/organization-history.query.js';
import type { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import type { UpdatePolicyDto } from './dto/update-policy.dto.js';
import type { Organization } from './organization.entity.js';
import { checkPlacement, organizationInactive, OrganizationsService } from './organizations.service.js';

interface Change {
  change: OrganizationChange;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | undefined;
}

/**
 * Administration of the tree (docs/centres.md "Administration"): rename, move a subtree,
 * deactivate, and the *(cfg)* policies, each change written with who made it and when in
 * `organization_history`, in the same transaction as the change. An administrator acts on their
 * own organisation's subtree; they move or deactivate only organisations below their own.
 */
@Injectable()
export class OrganizationAdminService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  async update(admin: AuthenticatedUser, id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    const organization = await this.inSubtree(admin, id);
    const renamed =
      (dto.name !== undefined && dto.name !== organization.name) ||
      (dto.shortName !== undefined && dto.shortName !== organization.shortName);
    const activeChanged = dto.active !== undefined && dto.active !== organization.active;
    if (activeChanged && organization.id === admin.organizationId) {
      throw validationFailed([
        { field: 'active', message: 'an administrator cannot deactivate their own organisation' },
      ]);
    }
    await this.transaction(async (client) => {
      const current = await lockOne(client, id);
      if (renamed) {
        const after = { name: dto.name ?? current.name, shortName: dto.shortName ?? current.short_name };
        await client
          .query('UPDATE organizations SET name = $2, short_name = $3 WHERE id = $1', [id, after.name, after.shortName])
          .catch((error: unknown) =>
            this.organizations.refuseSameCaseNumbers(error, {
              caseNumberPattern: current.case_number_pattern,
              shortName: after.shortName,
            }),
          );
        await this.record(client, admin, id, {
          change: 'renamed',
          before: { name: current.name, shortName: current.short_name },
          after,
          note: dto.note,
        });
      }
      if (activeChanged && dto.active === false) await this.deactivate(client, admin, current, dto.note);
      if (activeChanged && dto.active === true) await this.reactivate(client, admin, current, dto.note);
    });
    this.organizations.invalidate();
    return this.organizations.get(id);
  }

  /**
   * Moves an organisation and its subtree under another centre: every path below it, and the
   * paths of the cases and deadlines handled there, re-written in one transaction, with the
   * subtree's rows locked so that a case written meanwhile waits and then sees the new paths.
   */
  async move(admin: AuthenticatedUser, id: string, dto: MoveOrganizationDto): Promise<Organization> {
    const organization = await this.inSubtree(admin, id);
    if (organization.id === admin.organizationId)
      throw forbidden('an administrator moves organisations below their own, not their own');
    const parent = await this.inSubtree(admin, dto.parentId, 'parentId');
    if (parent.path.startsWith(organization.path)) {
      throw validationFailed([
        {
          field: 'parentId',
          message: `${parent.name} is ${parent.id === organization.id ? 'the organisation itself' : 'below the organisation'}: an organisation cannot move into its own subtree`,
        },
      ]);
    }
    checkPlacement(organization, parent);
    if (!parent.active) throw organizationInactive(parent);
    if (parent.id === organization.parentId) return organization;
    await this.transaction(async (client) => {
      const current = await lockOne(client, id);
      const target = await lockOne(client, parent.id);
      if (!target.active) throw organizationInactive(parent);
      const oldPath: string = current.path;
      const newPath = `${target.path}${id}/`;
      const subtree = `${escapeLike(oldPath)}%`;
      await client.query('SELECT id FROM organizations WHERE path LIKE $1 ORDER BY path FOR UPDATE', [subtree]);
      await client.query('UPDATE organizations SET path = $2 || substr(path, $3) WHERE path LIKE $1', [
        subtree,
        newPath,
        oldPath.length + 1,
      ]);
      await client.query('UPDATE organizations SET parent_id = $2 WHERE id = $1', [id, parent.id]);
      await client.query(
        'UPDATE cases SET organization_path = $2 || substr(organization_path, $3) WHERE organization_path LIKE $1',
        [subtree, newPath, oldPath.length + 1],
      );
      await client.query(
        'UPDATE deadlines SET organization_path = $2 || substr(organization_path, $3) WHERE organization_path LIKE $1',
        [subtree, newPath, oldPath.length + 1],
      );
      await this.record(client, admin, id, {
        change: 'moved',
        before: { parentId: current.parent_id, path: oldPath },
        after: { parentId: parent.id, path: newPath },
        note: dto.note,
      });
    });
    this.organizations.invalidate();
    return this.organizations.get(id);
  }

  /** The organisation's own policy, what applies there (own, inherited or default) and the defaults. */
  async policy(user: AuthenticatedUser, id: string) {
    const organization = await this.inSubtree(user, id);
    const ancestors = await this.organizations.ancestorsOf(organization);
    const target = resolutionTargetFor(organization);
    return {
      organizationId: organization.id,
      policy: organization.policy,
      effective: {
        ...Object.fromEntries(HOST_POLICY_KEYS.map((key) => [key, hostPolicyOf(key, organization, ancestors)])),
        resolutionTarget: target
          ? {
              length: target.length,
              unit: target.unit,
              source: organization.policy.resolutionTarget ? 'own' : 'default',
            }
          : null,
      },
      defaults: HOST_POLICY_DEFAULTS,
    };
  }

  async setPolicy(admin: AuthenticatedUser, id: string, dto: UpdatePolicyDto) {
    await this.inSubtree(admin, id);
    await this.transaction(async (client) => {
      const current = await lockOne(client, id);
      await client.query('UPDATE organizations SET policy = $2::jsonb WHERE id = $1', [id, JSON.stringify(dto.policy)]);
      await this.record(client, admin, id, {
        change: 'policy',
        before: current.policy as FlowPolicy,
        after: dto.policy,
        note: dto.note,
      });
    });
    this.organizations.invalidate();
    return this.policy(admin, id);
  }

  async history(user: AuthenticatedUser, id: string, change?: OrganizationChange) {
    await this.inSubtree(user, id);
    const values: unknown[] = [id];
    const { rows } = await this.pool.query(
      `SELECT h.id, h.change, h.before, h.after, h.note, h.changed_at, u.id AS user_id, u.username, u.display_name
       FROM organization_history h JOIN users u ON u.id = h.changed_by
       WHERE h.organization_id = $1 ${change ? `AND h.change = $${values.push(change)}` : ''}
       ORDER BY h.changed_at DESC, h.id DESC LIMIT 500`,
      values,
    );
    return {
      organizationId: id,
      items: rows.map((r) => ({
        id: String(r.id),
        change: r.change,
        before: r.before,
        after: r.after,
        note: r.note,
        changedBy: { id: r.user_id, username: r.username, displayName: r.display_name },
        changedAt: (r.changed_at as Date).toISOString(),
      })),
    };
  }

  /**
   * A deactivated organisation keeps its cases and history; it is refused while anything still
   * depends on it: open cases it handles, users who can sign in there, live organisations below.
   */
  private async deactivate(
    client: pg.PoolClient,
    admin: AuthenticatedUser,
    current: Record<string, any>,
    note: string | undefined,
  ): Promise<void> {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM cases WHERE organization_id = $1 AND NOT final) AS open_cases,
              (SELECT count(*)::int FROM users WHERE organization_id = $1 AND NOT disabled) AS active_users,
              (SELECT count(*)::int FROM organizations WHERE parent_id = $1 AND active) AS active_children`,
      [current.id],
    );
    const { open_cases: openCases, active_users: activeUsers, active_children: activeChildren } = rows[0];
    if (openCases || activeUsers || activeChildren) {
      throw new DomainError(
        'ORGANIZATION_IN_USE',
        `${current.name} still has ${openCases} open case(s), ${activeUsers} active user(s) and ${activeChildren} active organisation(s) below it: reassign, disable or deactivate them first`,
        { organizationId: current.id, openCases, activeUsers, activeChildren },
      );
    }
    await client.query('UPDATE organizations SET active = false WHERE id = $1', [current.id]);
    await this.record(client, admin, current.id, {
      change: 'deactivated',
      before: { active: true },
      after: { active: false },
      note,
    });
  }

  private async reactivate(
    client: pg.PoolClient,
    admin: AuthenticatedUser,
    current: Record<string, any>,
    note: string | undefined,
  ): Promise<void> {
    if (current.parent_id) {
      const parent = await lockOne(client, current.parent_id);
      if (!parent.active) throw organizationInactive({ id: parent.id, name: parent.name });
    }
    await client.query('UPDATE organizations SET active = true WHERE id = $1', [current.id]);
    await this.record(client, admin, current.id, {
      change: 'reactivated',
      before: { active: false },
      after: { active: true },
      note,
    });
  }

  private async record(
    client: pg.PoolClient,
    admin: AuthenticatedUser,
    organizationId: string,
    change: Change,
  ): Promise<void> {
    await client.query(
      `INSERT INTO organization_history (organization_id, change, before, after, note, changed_by, changed_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)`,
      [
        organizationId,
        change.change,
        JSON.stringify(change.before),
        JSON.stringify(change.after),
        change.note ?? null,
        admin.userId,
        this.clock.now(),
      ],
    );
  }

  /** An organisation in the caller's subtree (their own included); any other is refused. */
  private async inSubtree(user: AuthenticatedUser, id: string, field = 'id'): Promise<Organization> {
    const organization = await this.organizations.get(id, field);
    const own = await this.organizations.get(user.organizationId);
    if (!organization.path.startsWith(own.path)) throw forbidden('only organisations at or below your own', { field });
    return organization;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function lockOne(client: pg.PoolClient, id: string): Promise<Record<string, any>> {
  const { rows } = await client.query('SELECT * FROM organizations WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) throw validationFailed([{ field: 'id', message: `no organisation ${id}` }]);
  return rows[0];
}
