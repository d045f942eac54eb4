import type { CaseContext } from '@jiefen/flows';
import type { Queryable } from '../database/dataSource.js';
import type { IssuedReference, LinkedCaseReference } from './documentData.js';

/** A party as stored: its personal data still encrypted (security/dataProtection.ts). */
export interface StoredParty {
  partyId: string;
  role: string;
  kind: string;
  name: string;
  idNumberEncrypted: string | null;
  creditCode: string | null;
  phoneEncrypted: string | null;
  address: string | null;
  agent: string | null;
  ethnicityEncrypted: string | null;
  occupation: string | null;
}

/**
 * What a document is rendered from, read (inside the issuing transaction, or on the pool for the
 * dossier and the Word copy): the case, its parties, the organisation, the issuing event, the
 * mediator's name and the documents already issued that another one cites.
 */
export class CaseFactsRepository {
  constructor(private readonly db: Queryable) {}

  async caseOf(
    caseId: string,
  ): Promise<{ caseNumber: string; snapshot: { context: CaseContext; flowVersion: number } } | undefined> {
    const { rows } = await this.db.query(`SELECT case_number, snapshot FROM cases WHERE id = $1`, [caseId]);
    return rows[0] && { caseNumber: rows[0].case_number, snapshot: rows[0].snapshot };
  }

  async partiesOf(caseId: string): Promise<StoredParty[]> {
    const { rows } = await this.db.query(
      `SELECT party_id, role, kind, name, id_number_encrypted, credit_code, phone_encrypted, address, agent,
         ethnicity_encrypted, occupation
       FROM parties WHERE case_id = $1 ORDER BY length(party_id), party_id`,
      [caseId],
    );
    return rows.map((p) => ({
      partyId: p.party_id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumberEncrypted: p.id_number_encrypted,
      creditCode: p.credit_code,
      phoneEncrypted: p.phone_encrypted,
      address: p.address,
      agent: p.agent,
      ethnicityEncrypted: p.ethnicity_encrypted,
      occupation: p.occupation,
    }));
  }

  async organization(
    organizationId: string,
  ): Promise<{ name: string; shortName: string; caseNumberPattern: string } | undefined> {
    const { rows } = await this.db.query(
      `SELECT name, short_name, case_number_pattern FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return (
      rows[0] && { name: rows[0].name, shortName: rows[0].short_name, caseNumberPattern: rows[0].case_number_pattern }
    );
  }

  /** The case another continues from (a judicial confirmation's mediation case): its number and organisation. */
  async linkedCase(caseId: string): Promise<LinkedCaseReference | undefined> {
    const { rows } = await this.db.query(
      `SELECT c.case_number, o.name FROM cases c JOIN organizations o ON o.id = c.organization_id WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] && { caseNumber: rows[0].case_number, organizationName: rows[0].name };
  }

  async event(
    caseId: string,
    seq: number,
  ): Promise<{ type: string; seq: number; today: string; payload: Record<string, unknown> } | undefined> {
    const { rows } = await this.db.query(
      `SELECT type, seq, today, payload FROM case_events WHERE case_id = $1 AND seq = $2`,
      [caseId, seq],
    );
    return rows[0] && { type: rows[0].type, seq: rows[0].seq, today: rows[0].today, payload: rows[0].payload ?? {} };
  }

  async displayNameOf(userId: string): Promise<string | null> {
    const { rows } = await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.display_name ?? null;
  }

  /**
   * The latest issued document of each kind that no issued correction replaces, with the date of the
   * event that issued it: what another document cites (the 回访记录 repeats the agreement's 文号).
   */
  async issuedReferences(caseId: string): Promise<Record<string, IssuedReference>> {
    const { rows } = await this.db.query(
      `SELECT DISTINCT ON (d.kind) d.kind, d.number, d.title, e.today
       FROM documents d JOIN case_events e ON e.case_id = d.case_id AND e.seq = d.event_seq
       WHERE d.case_id = $1 AND d.status = 'issued'
         AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.replaces_document_id = d.id AND r.status = 'issued')
       ORDER BY d.kind, d.event_seq DESC, d.outbox_id DESC`,
      [caseId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, { number: r.number, title: r.title, issuedOn: r.today }]));
  }
}
