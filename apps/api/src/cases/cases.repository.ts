import type { Actor } from './actor.js';
import type { CaseChange, NewCase } from './caseChange.js';
import type { CaseLink } from './caseLink.js';
import type { CaseRow } from './caseRow.js';
import type { Queryable } from '../database/dataSource.js';

/** The host event that records, in a case's own trail, that another case now continues from it. */
export const CASE_LINKED = 'case.linked';

const LOAD = `
  SELECT id, case_number, version, snapshot, organization_id, parent_case_id, linked_case_id, links, opened_at,
         receiving_organization_id, organization_path, court_id, parties_view
  FROM cases WHERE id = $1`;

const DEADLINE_RECORDSET = `jsonb_to_recordset($DL::jsonb) AS d(kind text, sort text, status text, basis text,
  "dueOn" date, "remindOn" date, provisional boolean, "provisionalReason" text, "startedOn" date, steps jsonb)`;
/** The first day a deadline's count started from: what a calendar year's recomputation looks up. */
const COUNTED_FROM = `COALESCE((d.steps->0->>'from')::date, d."startedOn")`;

/**
 * The case aggregate in SQL: the case row with, written in the same statement as it, its events,
 * parties, deadline rows, outbox rows and idempotency record. Every write of an existing case is
 * guarded by its version. On the pool, or `within` a transaction's client.
 */
export class CasesRepository {
  constructor(private readonly db: Queryable) {}

  /** The same repository on a transaction's client. */
  within(client: Queryable): CasesRepository {
    return new CasesRepository(client);
  }

  async load(caseId: string, { forUpdate = false } = {}): Promise<CaseRow | undefined> {
    const { rows } = await this.db.query({
      name: forUpdate ? 'case-load-for-update' : 'case-load',
      text: forUpdate ? `${LOAD} FOR UPDATE` : LOAD,
      values: [caseId],
    });
    return rows[0] && rowOf(rows[0]);
  }

  /** The id of the case with this number (case numbers are unique), if there is one. */
  async idByNumber(caseNumber: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ id: string }>({
      name: 'case-id-by-number',
      text: 'SELECT id FROM cases WHERE case_number = $1',
      values: [caseNumber],
    });
    return rows[0]?.id;
  }

  /** Several cases by id, in one query (the rows `load` returns). */
  async loadMany(caseIds: readonly string[]): Promise<CaseRow[]> {
    const { rows } = await this.db.query({
      name: 'case-load-many',
      text: LOAD.replace('WHERE id = $1', 'WHERE id = ANY($1::uuid[])'),
      values: [caseIds],
    });
    return rows.map(rowOf);
  }

  /** Next number in the organisation's yearly sequence (row-locked, so numbers never repeat). */
  async nextCaseSequence(organizationId: string, year: number): Promise<number> {
    const { rows } = await this.db.query({
      name: 'case-number-next',
      text: `INSERT INTO case_number_counters (organization_id, year, last) VALUES ($1, $2, 1)
             ON CONFLICT (organization_id, year) DO UPDATE SET last = case_number_counters.last + 1
             RETURNING last`,
      values: [organizationId, year],
    });
    return rows[0].last;
  }

  /** Inserts a case with its parties, opening event and deadlines in one statement. */
  async insert(c: NewCase): Promise<void> {
    await this.db.query({
      name: 'case-insert',
      text: `
        WITH ins AS (
          INSERT INTO cases (id, case_number, flow_id, flow_version, state, status, final, snapshot, version,
            organization_id, organization_path, receiving_organization_id, category, channel, risk_level, amount,
            summary, search_text, received_on, accepted_on, ended_on, overdue, linked_case_id, parent_case_id, links,
            opened_at, updated_at, court_id, parties_view)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 1, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
            $21,
            $22, $23, $24::jsonb, $25, $25, $33, $34::jsonb)
          RETURNING id
        ), parties AS (
          INSERT INTO parties (case_id, party_id, role, kind, name, id_number_encrypted, id_number_hash, credit_code,
            phone_encrypted, address, agent, ethnicity_encrypted, occupation)
          SELECT ins.id, p."partyId", p.role, p.kind, p.name, p."idNumberEncrypted", p."idNumberHash", p."creditCode",
            p."phoneEncrypted", p.address, p.agent, p."ethnicityEncrypted", p.occupation
          FROM ins, jsonb_to_recordset($26::jsonb) AS p("partyId" text, role text, kind text, name text,
            "idNumberEncrypted" text,
            "idNumberHash" text, "creditCode" text, "phoneEncrypted" text, address text, agent text,
            "ethnicityEncrypted" text, occupation text)
        ), ev AS (
          INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key)
          SELECT ins.id, 1, $27, $28::jsonb, $29::jsonb, $25, $30, NULL FROM ins
        ), ob AS (
          INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
          SELECT ins.id, o.kind, o.recipient, o.payload, $25, $25
          FROM ins, jsonb_to_recordset($32::jsonb) AS o(kind text, recipient jsonb, payload jsonb)
        )
        INSERT INTO deadlines (case_id, kind, sort, status, basis, due_on, remind_on, provisional, provisional_reason,
          counted_from,
          organization_id, organization_path, updated_at)
        SELECT ins.id, d.kind, d.sort, d.status, d.basis, d."dueOn", d."remindOn", d.provisional, d."provisionalReason",
          ${COUNTED_FROM},
          $9, $10, $25
        FROM ins, ${DEADLINE_RECORDSET.replace('$DL', '$31')}`,
      values: [
        c.id,
        c.caseNumber,
        c.snapshot.flowId,
        c.snapshot.flowVersion,
        c.columns.state,
        c.columns.status,
        c.columns.final,
        JSON.stringify(c.snapshot),
        c.columns.organizationId,
        c.organizationPath,
        c.receivingOrganizationId,
        c.category,
        c.channel,
        c.riskLevel,
        c.amount,
        c.summary,
        c.searchText,
        c.receivedOn,
        c.columns.acceptedOn,
        c.columns.endedOn,
        c.columns.overdue,
        c.linkedCaseId,
        c.parentCaseId,
        JSON.stringify(c.links),
        c.at,
        JSON.stringify(c.parties),
        c.openingEvent.type,
        JSON.stringify(c.openingEvent.payload),
        JSON.stringify(c.openingEvent.actor),
        c.openingEvent.today,
        JSON.stringify(c.snapshot.context.deadlines),
        JSON.stringify(c.outbox),
        c.columns.courtId,
        JSON.stringify(c.partiesView),
      ],
    });
  }

  /**
   * Applies a change in one statement: the case row (guarded by its version), the event, the
   * deadline rows, the idempotency record and a corrected party's row. Returns false when the
   * version moved on.
   */
  async apply(c: CaseChange): Promise<boolean> {
    const { rows } = await this.db.query({
      name: 'case-apply',
      text: `
        WITH upd AS (
          UPDATE cases SET state = $3, status = $4, final = $5, snapshot = $6::jsonb, version = version + 1,
            organization_id = $7, organization_path = $8, accepted_on = $9, ended_on = $10, overdue = $11,
            links = COALESCE($21::jsonb, links), updated_at = $12, court_id = $25,
            parties_view = COALESCE($26::jsonb, parties_view), search_text = COALESCE($27, search_text)
          WHERE id = $1 AND version = $2
          RETURNING id, version
        ), corrected AS (
          -- party.corrected: the columns the correction sets (null keeps one), with the event or not at all.
          UPDATE parties SET name = COALESCE(p.name, parties.name),
            id_number_encrypted = COALESCE(p."idNumberEncrypted", parties.id_number_encrypted),
            id_number_hash = COALESCE(p."idNumberHash", parties.id_number_hash),
            credit_code = COALESCE(p."creditCode", parties.credit_code),
            phone_encrypted = COALESCE(p."phoneEncrypted", parties.phone_encrypted),
            address = COALESCE(p.address, parties.address), agent = COALESCE(p.agent, parties.agent),
            ethnicity_encrypted = COALESCE(p."ethnicityEncrypted", parties.ethnicity_encrypted),
            occupation = COALESCE(p.occupation, parties.occupation)
          FROM jsonb_to_recordset($28::jsonb) AS p("partyId" text, name text, "idNumberEncrypted" text,
            "idNumberHash" text, "creditCode" text, "phoneEncrypted" text, address text, agent text,
            "ethnicityEncrypted" text, occupation text)
          WHERE parties.case_id = $1 AND parties.party_id = p."partyId" AND EXISTS (SELECT 1 FROM upd)
        ), ev AS (
          INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key, meta)
          SELECT id, version, $13, $14::jsonb, $15::jsonb, $12, $16, $17, $23::jsonb FROM upd
        ), ob AS (
          INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
          SELECT upd.id, o.kind, o.recipient, o.payload, $12, $12
          FROM upd, jsonb_to_recordset($24::jsonb) AS o(kind text, recipient jsonb, payload jsonb)
        ), removed AS (
          DELETE FROM deadlines WHERE case_id = $1 AND kind = ANY($18::text[]) AND EXISTS (SELECT 1 FROM upd)
        ), upserted AS (
          INSERT INTO deadlines (case_id, kind, sort, status, basis, due_on, remind_on, provisional, provisional_reason,
            counted_from,
            organization_id, organization_path, updated_at)
          SELECT $1, d.kind, d.sort, d.status, d.basis, d."dueOn", d."remindOn", d.provisional, d."provisionalReason",
            ${COUNTED_FROM},
            $7, $8, $12
          FROM upd, ${DEADLINE_RECORDSET.replace('$DL', '$19')}
          ON CONFLICT (case_id, kind) DO UPDATE SET sort = EXCLUDED.sort, status = EXCLUDED.status,
            basis = EXCLUDED.basis,
            due_on = EXCLUDED.due_on, remind_on = EXCLUDED.remind_on, provisional = EXCLUDED.provisional,
            provisional_reason = EXCLUDED.provisional_reason, counted_from = EXCLUDED.counted_from,
            organization_id = EXCLUDED.organization_id, organization_path = EXCLUDED.organization_path,
              updated_at = EXCLUDED.updated_at,
            -- A moved due date is a new timer: no claim, and its reminder not yet sent.
            claimed_until = NULL,
            reminded_on = CASE WHEN deadlines.remind_on IS DISTINCT FROM EXCLUDED.remind_on THEN NULL
              ELSE deadlines.reminded_on END
        ), moved AS (
          -- The work lists follow the handling organisation when a case is escalated, assigned or transferred.
          UPDATE deadlines SET organization_id = $7, organization_path = $8
          WHERE case_id = $1 AND organization_id <> $7 AND EXISTS (SELECT 1 FROM upd)
            AND NOT (kind = ANY($18::text[]))
            AND kind NOT IN (SELECT x->>'kind' FROM jsonb_array_elements($19::jsonb) x)
        ), idem AS (
          INSERT INTO idempotency_keys (case_id, key, request_hash, response)
          SELECT id, $17, $20, $22::jsonb FROM upd WHERE $17::text IS NOT NULL
        )
        SELECT version FROM upd`,
      values: [
        c.caseId,
        c.expectedVersion,
        c.columns.state,
        c.columns.status,
        c.columns.final,
        JSON.stringify(c.snapshot),
        c.columns.organizationId,
        c.organizationPath,
        c.columns.acceptedOn,
        c.columns.endedOn,
        c.columns.overdue,
        c.at,
        c.event.type,
        JSON.stringify(c.event.payload),
        JSON.stringify(c.event.actor),
        c.event.today,
        c.idempotency?.key ?? null,
        c.removedDeadlineKinds,
        JSON.stringify(c.upsertDeadlines),
        c.idempotency?.requestHash ?? null,
        c.links ? JSON.stringify(c.links) : null,
        c.idempotency ? JSON.stringify(c.idempotency.response) : null,
        c.event.meta ? JSON.stringify(c.event.meta) : null,
        JSON.stringify(c.outbox),
        c.columns.courtId,
        c.correctedParty ? JSON.stringify(c.correctedParty.partiesView) : null,
        c.correctedParty?.searchText ?? null,
        JSON.stringify(c.correctedParty ? [{ partyId: c.correctedParty.partyId, ...c.correctedParty.columns }] : []),
      ],
    });
    return rows.length === 1;
  }

  /**
   * `apply` for many cases in one statement, each guarded by its own version: what the engine
   * writes in bulk (a calendar year's recomputations). For changes that only move deadlines, write
   * an event and notifications: no removed deadlines, links or idempotency records. Returns the ids
   * of the cases written; a case whose version moved is left out, for the caller to retry alone.
   */
  async applyMany(changes: readonly CaseChange[]): Promise<Set<string>> {
    if (changes.some((c) => c.removedDeadlineKinds.length || c.links || c.idempotency || c.correctedParty)) {
      throw new Error('applyChanges writes deadline moves only; use apply');
    }
    const input = changes.map((c) => ({
      caseId: c.caseId,
      expected: c.expectedVersion,
      ...c.columns,
      snapshot: c.snapshot,
      organizationPath: c.organizationPath,
      at: c.at,
      type: c.event.type,
      payload: c.event.payload,
      actor: c.event.actor,
      today: c.event.today,
      meta: c.event.meta ?? null,
      deadlines: c.upsertDeadlines,
      outbox: c.outbox,
    }));
    const { rows } = await this.db.query({
      name: 'case-apply-many',
      text: `
        WITH input AS (
          SELECT * FROM jsonb_to_recordset($1::jsonb) AS i("caseId" uuid, expected int, state text, status text,
            final boolean,
            "organizationId" uuid, "acceptedOn" date, "endedOn" date, overdue boolean, "courtId" uuid, snapshot jsonb,
            "organizationPath" text, at timestamptz, type text, payload jsonb, actor jsonb, today date, meta jsonb,
              deadlines jsonb, outbox jsonb)
        ), upd AS (
          UPDATE cases c SET state = i.state, status = i.status, final = i.final, snapshot = i.snapshot,
            version = c.version + 1,
            organization_id = i."organizationId", organization_path = i."organizationPath",
              accepted_on = i."acceptedOn",
            ended_on = i."endedOn", overdue = i.overdue, updated_at = i.at, court_id = i."courtId"
          FROM input i WHERE c.id = i."caseId" AND c.version = i.expected
          RETURNING c.id, c.version
        ), ev AS (
          INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key, meta)
          SELECT upd.id, upd.version, i.type, i.payload, i.actor, i.at, i.today, NULL, i.meta FROM upd JOIN input i
            ON i."caseId" = upd.id
        ), ob AS (
          INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
          SELECT upd.id, o.kind, o.recipient, o.payload, i.at, i.at
          FROM upd JOIN input i ON i."caseId" = upd.id, jsonb_to_recordset(i.outbox) AS o(kind text, recipient jsonb,
            payload jsonb)
        ), upserted AS (
          INSERT INTO deadlines (case_id, kind, sort, status, basis, due_on, remind_on, provisional, provisional_reason,
            counted_from,
            organization_id, organization_path, updated_at)
          SELECT upd.id, d.kind, d.sort, d.status, d.basis, d."dueOn", d."remindOn", d.provisional,
            d."provisionalReason", ${COUNTED_FROM},
            i."organizationId", i."organizationPath", i.at
          FROM upd JOIN input i ON i."caseId" = upd.id, ${DEADLINE_RECORDSET.replace('$DL::jsonb', 'i.deadlines')}
          ON CONFLICT (case_id, kind) DO UPDATE SET sort = EXCLUDED.sort, status = EXCLUDED.status,
            basis = EXCLUDED.basis,
            due_on = EXCLUDED.due_on, remind_on = EXCLUDED.remind_on, provisional = EXCLUDED.provisional,
            provisional_reason = EXCLUDED.provisional_reason, counted_from = EXCLUDED.counted_from,
            organization_id = EXCLUDED.organization_id, organization_path = EXCLUDED.organization_path,
              updated_at = EXCLUDED.updated_at,
            claimed_until = NULL,
            reminded_on = CASE WHEN deadlines.remind_on IS DISTINCT FROM EXCLUDED.remind_on THEN NULL
              ELSE deadlines.reminded_on END
        )
        SELECT id FROM upd`,
      values: [JSON.stringify(input)],
    });
    return new Set(rows.map((r) => r.id as string));
  }

  /**
   * Adds a link to an existing case as an audited change of it: the link, the version bumped and a
   * `case.linked` event (its `seq` is the new version) in one statement, guarded by the version the
   * caller read the case at. The event is the host's, not the flow's: the case's snapshot and
   * state do not change, so it is written beside the machine's events without going through the
   * machine (docs/decisions/service.md). Returns false when the case moved on meanwhile.
   */
  async recordLink(c: {
    caseId: string;
    expectedVersion: number;
    link: CaseLink;
    actor: Actor;
    at: Date;
    today: string;
  }): Promise<boolean> {
    const { rows } = await this.db.query({
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
        JSON.stringify({
          linkedCaseId: c.link.id,
          caseNumber: c.link.caseNumber,
          flowId: c.link.flowId,
          relation: c.link.relation,
        }),
        JSON.stringify(c.actor),
        c.today,
      ],
    });
    return rows.length === 1;
  }
}

function rowOf(r: Record<string, any>): CaseRow {
  return {
    id: r.id,
    caseNumber: r.case_number,
    version: r.version,
    snapshot: r.snapshot,
    organizationId: r.organization_id,
    parentCaseId: r.parent_case_id,
    linkedCaseId: r.linked_case_id,
    links: r.links,
    openedAt: r.opened_at,
    receivingOrganizationId: r.receiving_organization_id,
    organizationPath: r.organization_path,
    courtId: r.court_id,
    partiesView: r.parties_view,
  };
}
