import type pg from 'pg';
import { scopeSql, type CaseScope } from '../auth/caseScope.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';
import { escapeLike } from '../common/escapeLike.js';

export interface CaseListItem {
  id: string;
  caseNumber: string;
  flowId: string;
  flowVersion: number;
  state: string;
  status: string;
  final: boolean;
  overdue: boolean;
  organizationId: string;
  category: string;
  riskLevel: string;
  summary: string;
  receivedOn: string;
  openedAt: string;
  version: number;
}

const DEFAULT_LIMIT = 20;
/** `LIKE` needs its wildcards escaped in what a user types. */

/** Keyset pagination, newest first: the cursor is the last row's (opened_at, id). */
export function encodeCursor(openedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([openedAt, id])).toString('base64url');
}

/**
 * Only what `encodeCursor` writes: an instant as `toISOString()` gives it (years 1-9999, which
 * PostgreSQL's timestamptz takes) and a UUID. Anything else, even valid base64 JSON, is not a
 * cursor this API issued, and must not reach the query as a cast that fails.
 */
export function decodeCursor(cursor: string): [string, string] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [openedAt, id] = value as unknown[];
  return isIssuedInstant(openedAt) && typeof id === 'string' && CURSOR_UUID.test(id) ? [openedAt, id] : undefined;
}

const CURSOR_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isIssuedInstant(value: unknown): value is string {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) ||
    value.startsWith('0000')
  )
    return false;
  const parsed = new Date(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === value;
}

/**
 * An organisation's subtree: its path as a prefix (`cases_org_newest`), or, with a status filter and
 * a district, street or community, the organisation's id at its depth of the path, which is the same
 * set of cases (ids are unique, and a path lists every ancestor) read in keyset order from
 * `cases_{district,street,community}_status_newest`. Only one of the two forms is sent: with both,
 * the planner multiplies their selectivities as if independent and picks a sort over the whole set.
 */
export function subtreeCondition(organizationPath: string, withStatus: boolean): [string, string] {
  const ids = organizationPath.split('/').filter(Boolean);
  if (withStatus && ids.length >= 2 && ids.length <= 4)
    return [`split_part(organization_path, '/', ${ids.length + 1}) = ?`, ids.at(-1)!];
  return ['organization_path LIKE ?', `${escapeLike(organizationPath)}%`];
}

export async function listCases(
  db: pg.Pool,
  query: ListCasesQuery,
  scope: { caseScope: CaseScope; organizationPath?: string; after?: [string, string]; idNumberHashes?: string[] },
): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
  const values: unknown[] = [];
  const where: string[] = [scopeSql(scope.caseScope, values)];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replace('?', `$${values.length}`));
  };
  if (query.flow) add('flow_id = ?', query.flow);
  if (query.state) add('state = ?', query.state);
  if (query.status) add('status = ?', query.status);
  if (scope.organizationPath) {
    const [sql, value] = subtreeCondition(scope.organizationPath, query.status !== undefined);
    add(sql, value);
  }
  if (query.category) add('category = ?', query.category);
  if (query.riskLevel) add('risk_level = ?', query.riskLevel);
  if (query.overdue !== undefined) add('overdue = ?', query.overdue);
  if (query.q) add(`search_text LIKE ?`, `%${escapeLike(query.q.toLowerCase())}%`);
  if (scope.idNumberHashes)
    add(`id IN (SELECT case_id FROM parties WHERE id_number_hash = ANY(?::text[]))`, scope.idNumberHashes);
  if (query.openedFrom) add(`opened_at >= ?::date::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.openedFrom);
  if (query.openedTo) add(`opened_at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.openedTo);
  if (scope.after) {
    values.push(scope.after[0], scope.after[1]);
    where.push(`(opened_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  values.push(limit + 1);
  const { rows } = await db.query(
    `SELECT id, case_number, flow_id, flow_version, state, status, final, overdue, organization_id, category,
            risk_level,
            summary, received_on, opened_at, version
     FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY opened_at DESC, id DESC LIMIT $${values.length}`,
    values,
  );
  const page = rows.slice(0, limit).map((r): CaseListItem => ({
    id: r.id,
    caseNumber: r.case_number,
    flowId: r.flow_id,
    flowVersion: r.flow_version,
    state: r.state,
    status: r.status,
    final: r.final,
    overdue: r.overdue,
    organizationId: r.organization_id,
    category: r.category,
    riskLevel: r.risk_level,
    summary: r.summary,
    receivedOn: r.received_on,
    openedAt: (r.opened_at as Date).toISOString(),
    version: r.version,
  }));
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor(last.openedAt, last.id) : null };
}

export async function caseDetailRow(db: pg.Pool, caseId: string) {
  const { rows } = await db.query({
    name: 'case-detail',
    text: `SELECT id, case_number, version, snapshot, receiving_organization_id, opened_at, updated_at, links,
           organization_path, court_id, parties_view
           FROM cases WHERE id = $1`,
    values: [caseId],
  });
  return rows[0] as
    | {
        id: string;
        case_number: string;
        version: number;
        snapshot: any;
        receiving_organization_id: string;
        opened_at: Date;
        updated_at: Date;
        links: any[];
        organization_path: string;
        court_id: string | null;
        parties_view: any[];
      }
    | undefined;
}
