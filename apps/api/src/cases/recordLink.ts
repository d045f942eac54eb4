import type { CaseLink } from './case.entity.js';
import type { Actor } from './case-event.entity.js';
import type { Queryable } from './caseStore.js';

/** The host event that records, in a case's own trail, that another case now continues from it. */
export const CASE_LINKED = 'case.linked';

/**
 * Adds a link to an existing case as an audited change of it: the link, the version bumped and a
 * `case.linked` event (its `seq` is the new version) in one statement, guarded by the version the
 * caller read the case at. The event is the host's, not the flow's: the case's snapshot and
 * state do not change, so it is written beside the machine's events without going through the
 * machine (docs/decisions/service.md). Returns false when the case moved on meanwhile.
 */
export async function recordLink(
  db: Queryable,
  c: { caseId: string; expectedVersion: number; link: CaseLink; actor: Actor; at: Date; today: string },
): Promise<boolean> {
  const { rows } = await db.query({
    name: 'case-record-link',
    text: `
      WITH upd AS (
        UPDATE cases SET links = links || $3::jsonb, version = version + 1, updated_at = $4
        WHERE id = $1 AND version = $2
        RETURNING id, version
      )
      INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key)
      SELECT id, version, $5, $6::jsonb, $7::jsonb, $4, $8, NULL FROM upd
      RETURNING seq`,
    values: [
      c.caseId,
      c.expectedVersion,
      JSON.stringify([c.link]),
      c.at,
      CASE_LINKED,
      JSON.stringify({ linkedCaseId: c.link.id, caseNumber: c.link.caseNumber, flowId: c.link.flowId, relation: c.link.relation }),
      JSON.stringify(c.actor),
      c.today,
    ],
  });
  return rows.length === 1;
}
