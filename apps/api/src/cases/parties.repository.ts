import type { Queryable } from '../database/dataSource.js';

/** A party's personal data as stored: encrypted (security/dataProtection.ts). */
export interface PartySecrets {
  partyId: string;
  idNumberEncrypted: string | null;
  phoneEncrypted: string | null;
  ethnicityEncrypted: string | null;
}

/** A party's stored secrets with its ID number's hash, as a key rotation reads and rewrites them. */
export interface StoredPartySecrets extends PartySecrets {
  caseId: string;
  idNumberHash: string | null;
}

/** Who read which party's personal data in full, and why (PIPL Arts. 28, 51). */
export interface PersonalDataAccess {
  at: Date;
  userId: string;
  role: string;
  organizationId: string;
  caseId: string;
  partyId: string;
  fields: string[];
  reason: string;
}

/** A case's parties (inserted with the case, `CasesRepository.insert`) and the log of reads of their personal data. */
export class PartiesRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): PartiesRepository {
    return new PartiesRepository(client);
  }

  async secretsOf(caseId: string): Promise<PartySecrets[]> {
    const { rows } = await this.db.query({
      name: 'party-secrets',
      text:
        'SELECT party_id, id_number_encrypted, phone_encrypted, ethnicity_encrypted ' +
        'FROM parties WHERE case_id = $1',
      values: [caseId],
    });
    return rows.map((r) => ({
      partyId: r.party_id,
      idNumberEncrypted: r.id_number_encrypted,
      phoneEncrypted: r.phone_encrypted,
      ethnicityEncrypted: r.ethnicity_encrypted,
    }));
  }

  async secretOf(caseId: string, partyId: string): Promise<PartySecrets | undefined> {
    return (await this.secretsOf(caseId)).find((p) => p.partyId === partyId);
  }

  async logAccess(a: PersonalDataAccess): Promise<void> {
    await this.db.query(
      `INSERT INTO personal_data_access_log (at, user_id, role, organization_id, case_id, party_id, fields, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.at, a.userId, a.role, a.organizationId, a.caseId, a.partyId, a.fields, a.reason],
    );
  }

  /** Every party with an encrypted value (docs/security.md "Key rotation"). */
  async allWithSecrets(): Promise<StoredPartySecrets[]> {
    const { rows } = await this.db.query<{
      case_id: string;
      party_id: string;
      id_number_encrypted: string | null;
      id_number_hash: string | null;
      phone_encrypted: string | null;
      ethnicity_encrypted: string | null;
    }>(
      `SELECT case_id, party_id, id_number_encrypted, id_number_hash, phone_encrypted, ethnicity_encrypted
       FROM parties
       WHERE id_number_encrypted IS NOT NULL OR phone_encrypted IS NOT NULL OR ethnicity_encrypted IS NOT NULL`,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      partyId: r.party_id,
      idNumberEncrypted: r.id_number_encrypted,
      idNumberHash: r.id_number_hash,
      phoneEncrypted: r.phone_encrypted,
      ethnicityEncrypted: r.ethnicity_encrypted,
    }));
  }

  /** A party's secrets rewritten under the current keys. */
  async rewriteSecrets(p: StoredPartySecrets): Promise<void> {
    await this.db.query(
      `UPDATE parties SET id_number_encrypted = $3, phone_encrypted = $4, id_number_hash = $5, ethnicity_encrypted = $6
       WHERE case_id = $1 AND party_id = $2`,
      [p.caseId, p.partyId, p.idNumberEncrypted, p.phoneEncrypted, p.idNumberHash, p.ethnicityEncrypted],
    );
  }
}
