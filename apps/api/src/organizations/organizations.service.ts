import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OrganizationRelation } from '@jiefen/flows';
import { DataSource, type Repository } from 'typeorm';
import { forbidden } from '../auth/permissions.js';
import { isCentre } from '../centres/centrePolicy.js';
import { DomainError, organizationNotFound, validationFailed } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { DEFAULT_CASE_NUMBER_PATTERNS } from './caseNumberPattern.js';
import type { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { ORGANIZATION_LEVELS, Organization } from './organization.entity.js';
import { relationOf } from './organizationRelation.js';
import { OrganizationsRepository } from './organizations.repository.js';

/** The unique index that keeps case numbers apart across organisations. */
const CASE_NUMBER_STEM_INDEX = 'organizations_case_number_stem';

export interface OrganizationNode {
  id: string;
  name: string;
  shortName: string;
  kind: Organization['kind'];
  level: Organization['level'];
  parentId: string | null;
  caseNumberPattern: string;
  active: boolean;
  children: OrganizationNode[];
}

/**
 * How long another instance may go on with a tree it read before: a rename, move or deactivation
 * made elsewhere is seen within this time (case rows take their path from the database anyway:
 * migration 1763900000010).
 */
const CACHE_TTL_MS = 5_000;

/** The organisation tree. Small and read on every case request, so it is cached; a miss (or an old copy) reloads it. */
@Injectable()
export class OrganizationsService {
  private readonly repository: Repository<Organization>;
  private readonly sql: OrganizationsRepository;
  private cache: Map<string, Organization> | undefined;
  private loadedAt = 0;
  private loading: Promise<Map<string, Organization>> | undefined;
  private generation = 0;

  constructor(dataSource: DataSource) {
    this.repository = dataSource.getRepository(Organization);
    this.sql = new OrganizationsRepository(poolOf(dataSource));
  }

  async get(id: string, field = 'organizationId'): Promise<Organization> {
    const found = (await this.all()).get(id) ?? (await this.reload()).get(id);
    if (!found) throw organizationNotFound(id, field);
    return found;
  }

  async find(id: string): Promise<Organization | undefined> {
    return (await this.all()).get(id) ?? (await this.reload()).get(id);
  }

  /** Where organisation `otherId` sits relative to `baseId` (ancestor, descendant, self, other). */
  async relation(otherId: string | null | undefined, baseId: string): Promise<OrganizationRelation | undefined> {
    if (!otherId) return undefined;
    const [other, base] = [await this.find(otherId), await this.find(baseId)];
    return other && base ? relationOf(other.path, base.path) : undefined;
  }

  /** The organisations directly below `id`. */
  async children(id: string): Promise<Organization[]> {
    return [...(await this.all()).values()].filter((o) => o.parentId === id);
  }

  async tree(): Promise<OrganizationNode[]> {
    const nodes = new Map<string, OrganizationNode>();
    const sorted = [...(await this.reload()).values()].sort(
      (a, b) => a.path.length - b.path.length || a.name.localeCompare(b.name),
    );
    const roots: OrganizationNode[] = [];
    for (const o of sorted) {
      const node: OrganizationNode = {
        id: o.id,
        name: o.name,
        shortName: o.shortName,
        kind: o.kind,
        level: o.level,
        parentId: o.parentId,
        caseNumberPattern: o.caseNumberPattern,
        active: o.active,
        children: [],
      };
      nodes.set(o.id, node);
      (o.parentId ? nodes.get(o.parentId)!.children : roots).push(node);
    }
    return roots;
  }

  /** Adds an organisation; an administrator adds only below their own organisation. */
  async create(
    dto: CreateOrganizationDto,
    admin?: { organizationId: string },
    id: string = randomUUID(),
  ): Promise<Organization> {
    const parent = dto.parentId ? await this.get(dto.parentId, 'parentId') : undefined;
    checkPlacement(dto, parent);
    if (parent && !parent.active) throw organizationInactive(parent);
    if (admin) {
      const own = await this.get(admin.organizationId);
      if (!parent || !parent.path.startsWith(own.path))
        throw forbidden('organisations are added below your own organisation');
    }
    const organization = this.repository.create({
      id,
      parentId: parent?.id ?? null,
      name: dto.name,
      shortName: dto.shortName,
      kind: dto.kind,
      level: dto.level,
      path: `${parent?.path ?? '/'}${id}/`,
      caseNumberPattern: dto.caseNumberPattern ?? DEFAULT_CASE_NUMBER_PATTERNS[dto.kind],
      policy: dto.policy ?? {},
      active: true,
    });
    await this.repository
      .insert(organization)
      .catch((error: unknown) => this.refuseSameCaseNumbers(error, organization));
    this.invalidate();
    return (await this.get(id))!;
  }

  /** After a change to the tree: the next read reloads it. */
  invalidate(): void {
    this.cache = undefined;
    this.loading = undefined;
    this.generation++;
  }

  /** Every organisation below `organization` (not itself). */
  async descendantsOf(organization: Organization): Promise<Organization[]> {
    return [...(await this.all()).values()].filter(
      (o) => o.id !== organization.id && o.path.startsWith(organization.path),
    );
  }

  /** The organisations above `organization`, nearest first. */
  async ancestorsOf(organization: Organization): Promise<Organization[]> {
    const ids = organization.path.split('/').filter(Boolean).slice(0, -1).reverse();
    const found = await Promise.all(ids.map((id) => this.find(id)));
    return found.filter((o): o is Organization => !!o);
  }

  /**
   * Two organisations whose patterns read the same with their short names filled in would hand out
   * the same case numbers; the unique index on `case_number_stem` (migration 1763900000005) refuses
   * the second, here worded as a 400 naming the first (docs/decisions/service.md).
   */
  async refuseSameCaseNumbers(
    error: unknown,
    organization: Pick<Organization, 'caseNumberPattern' | 'shortName'>,
  ): Promise<never> {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== '23505' || constraint !== CASE_NUMBER_STEM_INDEX) throw error;
    const other = await this.sql.nameWithSameCaseNumbers(organization.caseNumberPattern, organization.shortName);
    throw validationFailed([
      {
        field: 'shortName',
        message:
          `${organization.shortName} with the case number pattern ${organization.caseNumberPattern} gives ` +
          `the same case numbers as ${other ?? 'another organisation'}: choose another short name or pattern`,
      },
    ]);
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repository.count()) === 0;
  }

  private async all(): Promise<Map<string, Organization>> {
    return this.cache && Date.now() - this.loadedAt < CACHE_TTL_MS ? this.cache : this.reload();
  }

  /**
   * Reads the tree; the requests that need it meanwhile share the one read. A read that started
   * before an `invalidate()` is not kept: it may predate the change.
   */
  private reload(): Promise<Map<string, Organization>> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.repository
      .find()
      .then((rows) => {
        const tree = new Map(rows.map((o) => [o.id, o]));
        if (generation === this.generation) {
          this.cache = tree;
          this.loadedAt = Date.now();
        }
        return tree;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    this.loading = loading;
    return loading;
  }
}

/**
 * Centres form the tree city → district → street → community; courts, committees, petition
 * offices and departments are attached to a centre at its level (flows.md "Three-level centres").
 */
export function checkPlacement(dto: Pick<Organization, 'kind' | 'level'>, parent: Organization | undefined): void {
  if (!parent) {
    if (!isCentre(dto) || dto.level !== 'city') {
      throw validationFailed([{ field: 'parentId', message: 'is required for anything but a city-level centre' }]);
    }
    return;
  }
  if (!isCentre(parent)) {
    throw validationFailed([{ field: 'parentId', message: `must be a centre; ${parent.name} is a ${parent.kind}` }]);
  }
  const parentRank = ORGANIZATION_LEVELS.indexOf(parent.level);
  const expected = isCentre(dto) ? ORGANIZATION_LEVELS[parentRank + 1] : parent.level;
  if (dto.level !== expected) {
    throw validationFailed([
      {
        field: 'level',
        message: expected
          ? `must be ${expected} under a ${parent.level}-level centre`
          : 'a community-level centre has no centres below it',
      },
    ]);
  }
}

/** A deactivated organisation named where a live one is needed (a parent, a user's home, a case's handler). */
export function organizationInactive(organization: Pick<Organization, 'id' | 'name'>): DomainError {
  return new DomainError(
    'ORGANIZATION_INACTIVE',
    `${organization.name} is deactivated: it keeps its history but takes nothing new`,
    { organizationId: organization.id },
  );
}
