import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued documents (文书, issue 15). A `document.*` outbox row — written in the statement of the
 * event that asks for the document — puts a pending row here in the same statement (trigger), so
 * the request is as durable as the event and exists exactly once per effect (`outbox_id` unique).
 * `DocumentProducer` renders it after commit, numbers it from a per-organisation-and-year
 * sequence in the same transaction (no gaps: a failed render rolls the number back), and stores
 * the bytes — encrypted like the parties' ID numbers, since a document carries them in full — with
 * the SHA-256 of the plain bytes. An issued row never changes and is never deleted (trigger), but
 * for its ciphertext, which a key rotation re-encrypts: every read checks the decrypted bytes
 * against the SHA-256. A correction is a new document that names the one it replaces.
 */
export class Documents1763900000009 implements MigrationInterface {
  name = 'Documents1763900000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        outbox_id bigint NOT NULL UNIQUE,
        kind text NOT NULL,
        event_seq integer NOT NULL,
        details jsonb NOT NULL,
        ordered_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'issued')),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL,
        claimed_until timestamptz,
        last_error text,
        organization_id uuid REFERENCES organizations (id),
        number_year integer,
        number_seq integer,
        number text,
        template text,
        template_version integer,
        title text,
        produced_at timestamptz,
        content_encrypted text,
        byte_size integer,
        sha256 text,
        replaces_document_id uuid REFERENCES documents (id),
        CHECK (status = 'pending' OR (content_encrypted IS NOT NULL AND sha256 IS NOT NULL AND byte_size IS NOT NULL
          AND produced_at IS NOT NULL AND template IS NOT NULL)),
        CHECK ((number IS NULL) = (number_seq IS NULL)),
        UNIQUE (organization_id, number_year, number_seq)
      )`);
    await q.query(`CREATE INDEX documents_pending ON documents (available_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX documents_case ON documents (case_id, event_seq)`);
    await q.query(`
      CREATE TABLE document_number_sequences (
        organization_id uuid NOT NULL REFERENCES organizations (id),
        year integer NOT NULL,
        last_seq integer NOT NULL,
        PRIMARY KEY (organization_id, year)
      )`);
    // AFTER ROW triggers run at the end of the event's statement and see its other parts, so the
    // case row already carries the version (= the event's seq) that issued the document and the
    // organisation handling the case after it (whose 文号 the document takes).
    await q.query(`
      CREATE FUNCTION documents_from_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO documents (case_id, outbox_id, kind, event_seq, organization_id, details, ordered_at, available_at)
        SELECT NEW.case_id, NEW.id, substr(NEW.kind, length('document.') + 1), c.version, c.organization_id,
          NEW.payload, NEW.created_at, NEW.created_at
        FROM cases c WHERE c.id = NEW.case_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_documents AFTER INSERT ON outbox
      FOR EACH ROW WHEN (NEW.kind LIKE 'document.%' AND NEW.case_id IS NOT NULL) EXECUTE FUNCTION
        documents_from_outbox()`);
    await q.query(`
      CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A key rotation may re-encrypt the bytes; nothing else of an issued document changes.
        IF TG_OP = 'UPDATE' AND OLD.status = 'issued' AND to_jsonb(NEW) - 'content_encrypted' = to_jsonb(OLD) -
          'content_encrypted' THEN
          RETURN NEW;
        END IF;
        IF OLD.status = 'issued' THEN
          RAISE EXCEPTION 'document % is issued and cannot be changed or deleted; issue a correction that replaces it',
            OLD.id;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION
        documents_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_documents ON outbox`);
    await q.query(`DROP FUNCTION documents_from_outbox()`);
    await q.query(`DROP TABLE document_number_sequences`);
    await q.query(`DROP TABLE documents`);
    await q.query(`DROP FUNCTION documents_immutable()`);
  }
}
