import { scopeSql, type CaseScope } from '../auth/caseScope.js';
import type { Queryable } from '../database/dataSource.js';

/** An open case of a mediator, as bulk reassignment plans its events. */
export interface ReassignableCase {
  id: string;
  caseNumber: string;
  flowId: string;
  state: string;
  version: number;
  organizationId: string;
}

/** The cases a bulk reassignment goes through: a read over `cases` (the events go through the runner). */
export class ReassignableCasesQueries {
  constructor(private readonly db: Queryable) {}

  /** The open (non-final, status open) cases whose mediator is `mediatorId`, within `scope`, by case number. */
  async openCasesOf(mediatorId: string, scope: CaseScope): Promise<ReassignableCase[]> {
    const values: unknown[] = [mediatorId];
    const { rows } = await this.db.query(
      `SELECT c.id, c.case_number, c.flow_id, c.state, c.version, c.organization_id FROM cases c
       WHERE NOT c.final AND c.status = 'open' AND c.snapshot->'context'->'records'->>'mediatorId' = $1
         AND ${scopeSql(scope, values, 'c')}
       ORDER BY c.case_number`,
      values,
    );
    return rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      flowId: r.flow_id,
      state: r.state,
      version: r.version,
      organizationId: r.organization_id,
    }));
  }
}
