import type { Queryable } from '../database/dataSource.js';

/** A party's personal data as stored: encrypted (security/dataProtection.ts). */
export interface PartySecrets {
  partyId: string;
  idNumberEncrypted: string | null;
  phoneEncrypted: string | null;
  ethnicityEncrypted: string | null;
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
}
