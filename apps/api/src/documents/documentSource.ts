import type { CaseContext } from '@jiefen/flows';
import type pg from 'pg';
import type { DataProtection } from '../security/dataProtection.js';
import type { DocumentFacts, IssuedReference } from './documentData.js';

/** What the case held for a document, read inside the issuing transaction. */
export interface CaseFacts extends Omit<DocumentFacts, 'title' | 'number' | 'details' | 'correction'> {
  flowVersion: number;
  issued: Record<string, IssuedReference>;
  organization: { name: string; shortName: string; caseNumberPattern: string };
}

/**
 * Reads the case, its parties in full (decrypted: documents are for the parties), the organisation
 * whose document it is, the mediator and the event that issued it.
 */
export async function loadCaseFacts(
  db: pg.PoolClient | pg.Pool,
  protection: DataProtection,
  doc: { caseId: string; eventSeq: number; organizationId: string },
): Promise<CaseFacts> {
  const [caseRows, partyRows, orgRows, eventRows, issued] = await Promise.all([
    db.query(`SELECT case_number, snapshot FROM cases WHERE id = $1`, [doc.caseId]),
    db.query(
      `SELECT party_id, role, kind, name, id_number_encrypted, credit_code, phone_encrypted, address, agent,
         ethnicity_encrypted, occupation
       FROM parties WHERE case_id = $1 ORDER BY length(party_id), party_id`,
      [doc.caseId],
    ),
    db.query(`SELECT name, short_name, case_number_pattern FROM organizations WHERE id = $1`, [doc.organizationId]),
    db.query(`SELECT type, seq, today, payload FROM case_events WHERE case_id = $1 AND seq = $2`, [
      doc.caseId,
      doc.eventSeq,
    ]),
    issuedReferences(db, doc.caseId),
  ]);
  const row = caseRows.rows[0];
  const event = eventRows.rows[0];
  const org = orgRows.rows[0];
  if (!row || !event || !org)
    throw new Error(
      `document of case ${doc.caseId} (event ${doc.eventSeq}): the case, its event or its organisation is missing`,
    );
  const context = row.snapshot.context as CaseContext;
  const mediatorId = context.records.mediatorId;
  const mediator =
    typeof mediatorId === 'string'
      ? (await db.query(`SELECT display_name FROM users WHERE id = $1`, [mediatorId])).rows[0]
      : undefined;
  return {
    caseId: doc.caseId,
    caseNumber: row.case_number,
    flowVersion: row.snapshot.flowVersion,
    context,
    parties: partyRows.rows.map((p) => ({
      id: p.party_id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: p.id_number_encrypted ? protection.decrypt(p.id_number_encrypted) : null,
      creditCode: p.credit_code,
      phone: p.phone_encrypted ? protection.decrypt(p.phone_encrypted) : null,
      address: p.address,
      agent: p.agent,
      ethnicity: p.ethnicity_encrypted ? protection.decrypt(p.ethnicity_encrypted) : null,
      occupation: p.occupation,
    })),
    organization: { name: org.name, shortName: org.short_name, caseNumberPattern: org.case_number_pattern },
    mediatorName: mediator?.display_name ?? null,
    event: { type: event.type, seq: event.seq, today: event.today, payload: event.payload ?? {} },
    issued,
  };
}

/**
 * The latest issued document of each kind that no issued correction replaces, with the date of the
 * event that issued it: what another document cites (the 回访记录 repeats the agreement's 文号).
 */
async function issuedReferences(db: pg.PoolClient | pg.Pool, caseId: string): Promise<Record<string, IssuedReference>> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (d.kind) d.kind, d.number, d.title, e.today
     FROM documents d JOIN case_events e ON e.case_id = d.case_id AND e.seq = d.event_seq
     WHERE d.case_id = $1 AND d.status = 'issued'
       AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.replaces_document_id = d.id AND r.status = 'issued')
     ORDER BY d.kind, d.event_seq DESC, d.outbox_id DESC`,
    [caseId],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, { number: r.number, title: r.title, issuedOn: r.today }]));
}
