import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A party's 民族 and 职业 for the documents that print them (PML Art. 29(1)). 民族 is kept as
 * sensitive personal information (PIPL Art. 28; docs/security.md): AES-256-GCM ciphertext, like
 * the ID number and phone. 职业 is ordinary personal information, in clear like the address.
 */
export class PartyEthnicityAndOccupation1763900000012 implements MigrationInterface {
  name = 'PartyEthnicityAndOccupation1763900000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE parties ADD COLUMN ethnicity_encrypted text, ADD COLUMN occupation text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE parties DROP COLUMN occupation, DROP COLUMN ethnicity_encrypted`);
  }
}
