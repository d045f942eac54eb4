import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts hardened (docs/security.md "Accounts and roles"):
 * - `login_attempts`: the sign-in limiter's counts, shared by every instance (one row per
 *   account+address and per address, a fixed 15-minute window, updated by an atomic upsert);
 * - `users.token_version`: every token names the version it was issued under; disabling a user,
 *   or changing their role or organisation, bumps it (a trigger, so that no path can forget), and
 *   the next request with an older token is refused on every instance.
 * Personal data (PIPL Arts. 28, 51): the ID numbers of the parties bound by a judicial-confirmation
 * application's inline agreement were kept in clear in the `case.opened` payload; they are masked
 * in place, as new payloads now are. This rewrites append-only rows on purpose (the trigger is
 * disabled for this statement only) and cannot be undone.
 */
export class AccountSessionsAndTrailRedaction1763900000006 implements MigrationInterface {
  name = 'AccountSessionsAndTrailRedaction1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        attempts integer NOT NULL CHECK (attempts >= 0)
      )`);
    await q.query(`CREATE INDEX login_attempts_window ON login_attempts (window_started_at)`);
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE FUNCTION users_revoke_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.disabled IS DISTINCT FROM OLD.disabled OR NEW.role IS DISTINCT FROM OLD.role
           OR NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER users_revoke_tokens BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_revoke_tokens()`,
    );
    await q.query(`ALTER TABLE case_events DISABLE TRIGGER case_events_append_only`);
    await q.query(`
      UPDATE case_events SET payload = jsonb_set(payload, '{agreement,boundParties}', (
        SELECT jsonb_agg(
          CASE WHEN jsonb_typeof(b->'idNumber') = 'string' THEN jsonb_set(b, '{idNumber}', to_jsonb(
            CASE WHEN length(b->>'idNumber') <= 10 THEN repeat('*', length(b->>'idNumber'))
                 ELSE left(b->>'idNumber', 6) || repeat('*', length(b->>'idNumber') - 10) || right(b->>'idNumber',
                   4) END))
          ELSE b END ORDER BY n)
        FROM jsonb_array_elements(payload->'agreement'->'boundParties') WITH ORDINALITY AS x(b, n)))
      WHERE type = 'case.opened' AND jsonb_typeof(payload->'agreement'->'boundParties') = 'array'
        AND jsonb_array_length(payload->'agreement'->'boundParties') > 0`);
    await q.query(`ALTER TABLE case_events ENABLE TRIGGER case_events_append_only`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The masked ID numbers stay masked: what was redacted is not restored.
    await q.query(`DROP TRIGGER users_revoke_tokens ON users`);
    await q.query(`DROP FUNCTION users_revoke_tokens()`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
    await q.query(`DROP TABLE login_attempts`);
  }
}
