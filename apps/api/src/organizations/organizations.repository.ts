import type { FlowPolicy } from '@jiefen/flows';
import { escapeLike } from '../common/escapeLike.js';
import type { Queryable } from '../database/dataSource.js';
import type { OrganizationChange } from './dto/organization-history.query.js';

/** An organisation row as its administration reads it, locked. */
export interface LockedOrganization {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string;
  path: string;
  caseNumberPattern: string;
  policy: FlowPolicy;
  active: boolean;
}

/** What still depends on an organisation: why it may not be deactivated yet. */
export interface OrganizationDependents {
  openCases: number;
  activeUsers: number;
  activeChildren: number;
}

/** One entry of `organization_history`, written in the same transaction as the change. */
export interface OrganizationHistoryEntry {
  change: OrganizationChange;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | null;
  changedBy: string;
  changedAt: Date;
}

export interface RecordedOrganizationChange {
  id: string;
  change: OrganizationChange;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | null;
  changedBy: { id: string; username: string; displayName: string };
  changedAt: string;
}

/** The most entries one history answer holds. */
const HISTORY_LIMIT = 500;

/**
 * The organisation tree's administration in SQL (docs/centres.md "Administration"): the changes
 * that lock rows and must land together with their history entry, on a transaction's client
 * (`within`); the history itself. Reads of the tree and new organisations go through the TypeORM
 * entity (organizations.service.ts).
 */
export class OrganizationsRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): OrganizationsRepository {
    return new OrganizationsRepository(client);
  }

  /** The organisation, its row locked until the transaction ends. */
  async lock(id: string): Promise<LockedOrganization | undefined> {
    const { rows } = await this.db.query('SELECT * FROM organizations WHERE id = $1 FOR UPDATE', [id]);
    const r = rows[0];
    return (
      r && {
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        shortName: r.short_name,
        path: r.path,
        caseNumberPattern: r.case_number_pattern,
        policy: r.policy,
        active: r.active,
      }
    );
  }

  async rename(id: string, name: string, shortName: string): Promise<void> {
    await this.db.query('UPDATE organizations SET name = $2, short_name = $3 WHERE id = $1', [id, name, shortName]);
  }

  /**
   * Moves the subtree at `oldPath` (organisation `id` and everything below it) to `newPath`
   * under `parentId`: its rows locked first, in path order, then every path below it rewritten,
   * and the paths the cases and deadline rows handled there carry. On a transaction's client.
   */
  async moveSubtree(id: string, oldPath: string, newPath: string, parentId: string): Promise<void> {
    const subtree = `${escapeLike(oldPath)}%`;
    const rest = oldPath.length + 1;
    await this.db.query('SELECT id FROM organizations WHERE path LIKE $1 ORDER BY path FOR UPDATE', [subtree]);
    await this.db.query('UPDATE organizations SET path = $2 || substr(path, $3) WHERE path LIKE $1', [
      subtree,
      newPath,
      rest,
    ]);
    await this.db.query('UPDATE organizations SET parent_id = $2 WHERE id = $1', [id, parentId]);
    await this.db.query(
      'UPDATE cases SET organization_path = $2 || substr(organization_path, $3) WHERE organization_path LIKE $1',
      [subtree, newPath, rest],
    );
    await this.db.query(
      'UPDATE deadlines SET organization_path = $2 || substr(organization_path, $3) WHERE organization_path LIKE $1',
      [subtree, newPath, rest],
    );
  }

  async setPolicy(id: string, policy: FlowPolicy): Promise<void> {
    await this.db.query('UPDATE organizations SET policy = $2::jsonb WHERE id = $1', [id, JSON.stringify(policy)]);
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.db.query('UPDATE organizations SET active = $2 WHERE id = $1', [id, active]);
  }

  async dependentsOf(id: string): Promise<OrganizationDependents> {
    const { rows } = await this.db.query(
      `SELECT (SELECT count(*)::int FROM cases WHERE organization_id = $1 AND NOT final) AS open_cases,
              (SELECT count(*)::int FROM users WHERE organization_id = $1 AND NOT disabled) AS active_users,
              (SELECT count(*)::int FROM organizations WHERE parent_id = $1 AND active) AS active_children`,
      [id],
    );
    const r = rows[0];
    return { openCases: r.open_cases, activeUsers: r.active_users, activeChildren: r.active_children };
  }

  async recordChange(organizationId: string, entry: OrganizationHistoryEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO organization_history (organization_id, change, before, after, note, changed_by, changed_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)`,
      [
        organizationId,
        entry.change,
        JSON.stringify(entry.before),
        JSON.stringify(entry.after),
        entry.note,
        entry.changedBy,
        entry.changedAt,
      ],
    );
  }

  /** The organisation's changes, newest first (only those of kind `change` when given). */
  async history(id: string, change?: OrganizationChange): Promise<RecordedOrganizationChange[]> {
    const values: unknown[] = [id];
    const { rows } = await this.db.query(
      `SELECT h.id, h.change, h.before, h.after, h.note, h.changed_at, u.id AS user_id, u.username, u.display_name
       FROM organization_history h JOIN users u ON u.id = h.changed_by
       WHERE h.organization_id = $1 ${change ? `AND h.change = $${values.push(change)}` : ''}
       ORDER BY h.changed_at DESC, h.id DESC LIMIT ${HISTORY_LIMIT}`,
      values,
    );
    return rows.map((r) => ({
      id: String(r.id),
      change: r.change,
      before: r.before,
      after: r.after,
      note: r.note,
      changedBy: { id: r.user_id, username: r.username, displayName: r.display_name },
      changedAt: (r.changed_at as Date).toISOString(),
    }));
  }

  /** The name of the organisation whose case numbers read the same as `pattern` with `shortName`. */
  async nameWithSameCaseNumbers(pattern: string, shortName: string): Promise<string | undefined> {
    const { rows } = await this.db.query(
      `SELECT name FROM organizations
       WHERE case_number_stem(case_number_pattern, short_name) = case_number_stem($1, $2)`,
      [pattern, shortName],
    );
    return rows[0]?.name;
  }
}
