import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts with roles; personal data encrypted at the application level (AES-GCM) with a keyed
 * hash beside the ID number so cases can still be found by it; an access log for full reads;
 * the court a case is addressed to, for the court's view of its cases.
 */
export class AccountsAndPersonalData1763900000002 implements MigrationInterface {
  name = 'AccountsAndPersonalData1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('reception', 'mediator', 'supervisor', 'court', 'admin')),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE personal_data_access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        role text NOT NULL,
        organization_id uuid NOT NULL,
        case_id uuid NOT NULL REFERENCES cases (id),
        party_id text NOT NULL,
        fields text[] NOT NULL,
        reason text NOT NULL
      )`);
    await q.query(`CREATE INDEX personal_data_access_log_case ON personal_data_access_log (case_id, at)`);
    // Clear ID numbers and phones give way to ciphertext and a keyed hash; nothing in clear remains.
    await q.query(`ALTER TABLE parties DROP COLUMN id_number, DROP COLUMN phone`);
    await q.query(
      `ALTER TABLE parties ADD COLUMN id_number_encrypted text, ADD COLUMN id_number_hash text,
        ADD COLUMN phone_encrypted text`,
    );
    await q.query(`CREATE INDEX parties_id_number_hash ON parties (id_number_hash) WHERE id_number_hash IS NOT NULL`);
    await q.query(`ALTER TABLE cases ADD COLUMN court_id uuid REFERENCES organizations (id)`);
    await q.query(`ALTER TABLE cases ADD COLUMN parties_view jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`CREATE INDEX cases_court ON cases (court_id, opened_at DESC, id DESC) WHERE court_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_court`);
    await q.query(`ALTER TABLE cases DROP COLUMN parties_view, DROP COLUMN court_id`);
    await q.query(`DROP INDEX parties_id_number_hash`);
    await q.query(
      `ALTER TABLE parties DROP COLUMN phone_encrypted, DROP COLUMN id_number_hash, DROP COLUMN id_number_encrypted`,
    );
    await q.query(`ALTER TABLE parties ADD COLUMN id_number text, ADD COLUMN phone text`);
    await q.query(`CREATE INDEX parties_id_number ON parties (id_number) WHERE id_number IS NOT NULL`);
    await q.query(`DROP TABLE personal_data_access_log`);
    await q.query(`DROP TABLE users`);
  }
}
