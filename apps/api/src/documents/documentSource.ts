import type { CaseContext } from '@jiefen/flows';
import type pg from 'pg';
import type { DataProtection } from '../security/dataProtection.js';
import type { DocumentFacts } from './documentData.js';

/** What the case held for a document, read inside the issuing transaction. */
export interface CaseFacts extends Omit<DocumentFacts, 'title' | 'number' | 'details'> {
  flowVersion: number;
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
  const [caseRows, partyRows, orgRows, eventRows] = await Promise.all([
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
  };
}
