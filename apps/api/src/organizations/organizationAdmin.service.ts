import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { resolutionTargetFor } from '../centres/centrePolicy.js';
import { HOST_POLICY_DEFAULTS, HOST_POLICY_KEYS, hostPolicyOf } from '../centres/hostPolicy.js';
import { Clock } from '../common/clock.js';
import { DomainError, validationFailed } from '../common/errors/DomainError.js';
import { poolOf, withTransaction } from '../database/dataSource.js';
import type { MoveOrganizationDto } from './dto/move-organization.dto.js';
import type { OrganizationChange } from './dto/organization-history.query.js';
import type { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import type { UpdatePolicyDto } from './dto/update-policy.dto.js';
import type { Organization } from './organization.entity.js';
import { checkPlacement, organizationInactive, OrganizationsService } from './organizations.service.js';
import { OrganizationsRepository, type LockedOrganization } from './organizations.repository.js';

interface Change {
  change: OrganizationChange;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | undefined;
}

type Work<T> = (tree: OrganizationsRepository) => Promise<T>;

/**
 * Administration of the tree (docs/centres.md "Administration"): rename, move a subtree,
 * deactivate, and the *(cfg)* policies, each change written with who made it and when in
 * `organization_history`, in the same transaction as the change. An administrator acts on their
 * own organisation's subtree; they move or deactivate only organisations below their own.
 */
@Injectable()
export class OrganizationAdminService {
  private readonly pool: pg.Pool;
  private readonly tree: OrganizationsRepository;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
    this.tree = new OrganizationsRepository(this.pool);
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
    await this.transaction(async (tree) => {
      const current = await lockOne(tree, id);
      if (renamed) {
        const after = { name: dto.name ?? current.name, shortName: dto.shortName ?? current.shortName };
        await tree.rename(id, after.name, after.shortName).catch((error: unknown) =>
          this.organizations.refuseSameCaseNumbers(error, {
            caseNumberPattern: current.caseNumberPattern,
            shortName: after.shortName,
          }),
        );
        await this.record(tree, admin, id, {
          change: 'renamed',
          before: { name: current.name, shortName: current.shortName },
          after,
          note: dto.note,
        });
      }
      if (activeChanged && dto.active === false) await this.deactivate(tree, admin, current, dto.note);
      if (activeChanged && dto.active === true) await this.reactivate(tree, admin, current, dto.note);
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
      const where = parent.id === organization.id ? 'the organisation itself' : 'below the organisation';
      throw validationFailed([
        {
          field: 'parentId',
          message: `${parent.name} is ${where}: an organisation cannot move into its own subtree`,
        },
      ]);
    }
    checkPlacement(organization, parent);
    if (!parent.active) throw organizationInactive(parent);
    if (parent.id === organization.parentId) return organization;
    await this.transaction(async (tree) => {
      const current = await lockOne(tree, id);
      const target = await lockOne(tree, parent.id);
      if (!target.active) throw organizationInactive(parent);
      const oldPath = current.path;
      const newPath = `${target.path}${id}/`;
      await tree.moveSubtree(id, oldPath, newPath, parent.id);
      await this.record(tree, admin, id, {
        change: 'moved',
        before: { parentId: current.parentId, path: oldPath },
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
    await this.transaction(async (tree) => {
      const current = await lockOne(tree, id);
      await tree.setPolicy(id, dto.policy);
      await this.record(tree, admin, id, {
        change: 'policy',
        before: current.policy,
        after: dto.policy,
        note: dto.note,
      });
    });
    this.organizations.invalidate();
    return this.policy(admin, id);
  }

  async history(user: AuthenticatedUser, id: string, change?: OrganizationChange) {
    await this.inSubtree(user, id);
    return { organizationId: id, items: await this.tree.history(id, change) };
  }

  /**
   * A deactivated organisation keeps its cases and history; it is refused while anything still
   * depends on it: open cases it handles, users who can sign in there, live organisations below.
   */
  private async deactivate(
    tree: OrganizationsRepository,
    admin: AuthenticatedUser,
    current: LockedOrganization,
    note: string | undefined,
  ): Promise<void> {
    const { openCases, activeUsers, activeChildren } = await tree.dependentsOf(current.id);
    if (openCases || activeUsers || activeChildren) {
      throw new DomainError(
        'ORGANIZATION_IN_USE',
        `${current.name} still has ${openCases} open case(s), ${activeUsers} active user(s) and ` +
          `${activeChildren} active organisation(s) below it: reassign, disable or deactivate them first`,
        { organizationId: current.id, openCases, activeUsers, activeChildren },
      );
    }
    await tree.setActive(current.id, false);
    await this.record(tree, admin, current.id, {
      change: 'deactivated',
      before: { active: true },
      after: { active: false },
      note,
    });
  }

  private async reactivate(
    tree: OrganizationsRepository,
    admin: AuthenticatedUser,
    current: LockedOrganization,
    note: string | undefined,
  ): Promise<void> {
    if (current.parentId) {
      const parent = await lockOne(tree, current.parentId);
      if (!parent.active) throw organizationInactive({ id: parent.id, name: parent.name });
    }
    await tree.setActive(current.id, true);
    await this.record(tree, admin, current.id, {
      change: 'reactivated',
      before: { active: false },
      after: { active: true },
      note,
    });
  }

  private async record(
    tree: OrganizationsRepository,
    admin: AuthenticatedUser,
    organizationId: string,
    change: Change,
  ): Promise<void> {
    await tree.recordChange(organizationId, {
      change: change.change,
      before: change.before,
      after: change.after,
      note: change.note ?? null,
      changedBy: admin.userId,
      changedAt: this.clock.now(),
    });
  }

  /** An organisation in the caller's subtree (their own included); any other is refused. */
  private async inSubtree(user: AuthenticatedUser, id: string, field = 'id'): Promise<Organization> {
    const organization = await this.organizations.get(id, field);
    const own = await this.organizations.get(user.organizationId);
    if (!organization.path.startsWith(own.path)) throw forbidden('only organisations at or below your own', { field });
    return organization;
  }

  /** `work` on the tree inside one transaction: committed if it returns, rolled back if it throws. */
  private transaction<T>(work: Work<T>): Promise<T> {
    return withTransaction(this.pool, (client) => work(this.tree.within(client)));
  }
}

async function lockOne(tree: OrganizationsRepository, id: string): Promise<LockedOrganization> {
  const found = await tree.lock(id);
  if (!found) throw validationFailed([{ field: 'id', message: `no organisation ${id}` }]);
  return found;
}
