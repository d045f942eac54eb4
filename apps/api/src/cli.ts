/**
 * Administration from a terminal, on the same configuration as the service:
 *   node apps/api/dist/cli.js generate-keys
 *   node apps/api/dist/cli.js create-admin --username <name> --organization <uuid> [--display-name <text>]
 *       (password from JIEFEN_ADMIN_PASSWORD; on a real server with no organisation yet, --create-city <name> adds the root centre)
 *   node apps/api/dist/cli.js rotate-keys
 *   node apps/api/dist/cli.js calendar load --year 2027 --file notice.json   (also: calendar list, calendar show --year 2027)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { calendarCommand } from './calendar/calendarCommand.js';
import { loadConfig } from './config/config.js';
import { createDataSource } from './database/dataSource.js';
import { DEFAULT_CASE_NUMBER_PATTERNS } from './organizations/caseNumberPattern.js';
import { Organization } from './organizations/organization.entity.js';
import { DataProtection } from './security/dataProtection.js';
import { generateSecrets, secretsAsEnv } from './security/secrets.js';
import { User } from './users/user.entity.js';
import { createUser } from './users/users.service.js';

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<void> {
  if (command === 'generate-keys') {
    process.stdout.write(`${secretsAsEnv(generateSecrets())}\n`);
    return;
  }
  if (command === 'calendar') {
    await withDatabase((dataSource) => calendarCommand(dataSource, rest, (line) => process.stdout.write(`${line}\n`)));
    return;
  }
  if (command !== 'create-admin' && command !== 'rotate-keys') {
    throw new Error('usage: cli.js generate-keys | create-admin --username <name> --organization <uuid> | rotate-keys');
  }
  const config = loadConfig();
  if (!config.databaseUrl || !config.secrets) throw new Error('set DATABASE_URL and the JIEFEN_* keys of the server (see README)');
  const dataSource = createDataSource(config.databaseUrl, 2);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    if (command === 'create-admin') await createAdmin(dataSource);
    else await rotateKeys(dataSource, DataProtection.fromSecrets(config.secrets));
  } finally {
    await dataSource.destroy();
  }
}

/** The calendar needs the database only, not the personal-data keys. */
async function withDatabase(work: (dataSource: import('typeorm').DataSource) => Promise<void>): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL (see README)');
  const dataSource = createDataSource(config.databaseUrl, 2);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function createAdmin(dataSource: import('typeorm').DataSource): Promise<void> {
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, organization: { type: 'string' }, 'display-name': { type: 'string' }, 'create-city': { type: 'string' } },
  });
  const password = process.env.JIEFEN_ADMIN_PASSWORD;
  if (!values.username || (!values.organization && !values['create-city'])) throw new Error('--username and --organization (or --create-city) are required');
  if (!password || password.length < 12) throw new Error('set JIEFEN_ADMIN_PASSWORD (at least 12 characters)');
  let organizationId = values.organization;
  if (values['create-city']) {
    organizationId = randomUUID();
    await dataSource.getRepository(Organization).insert({
      id: organizationId,
      parentId: null,
      name: values['create-city'],
      shortName: values['create-city'].slice(0, 2),
      kind: 'centre',
      level: 'city',
      path: `/${organizationId}/`,
      caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERNS.centre,
      policy: {},
    });
  }
  const user = await createUser(dataSource.getRepository(User), {
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    password,
    role: 'admin',
    organizationId: organizationId!,
  });
  process.stdout.write(`admin ${user.username} created at organisation ${organizationId}\n`);
}

/**
 * Re-encrypts every value made with an older data key under the current one, and re-hashes every
 * ID number whose hash was made with another hash key (docs/security.md). Safe to run again.
 */
async function rotateKeys(dataSource: import('typeorm').DataSource, protection: DataProtection): Promise<void> {
  const rows: { case_id: string; party_id: string; id_number_encrypted: string | null; id_number_hash: string | null; phone_encrypted: string | null }[] =
    await dataSource.query(
      'SELECT case_id, party_id, id_number_encrypted, id_number_hash, phone_encrypted FROM parties WHERE id_number_encrypted IS NOT NULL OR phone_encrypted IS NOT NULL',
    );
  let reEncrypted = 0;
  let reHashed = 0;
  for (const row of rows) {
    const fresh = (value: string | null) => (value && protection.isStale(value) ? protection.encrypt(protection.decrypt(value)) : value);
    const [idNumber, phone] = [fresh(row.id_number_encrypted), fresh(row.phone_encrypted)];
    const hash = row.id_number_encrypted ? protection.hashIdNumber(protection.decrypt(row.id_number_encrypted)) : row.id_number_hash;
    if (idNumber === row.id_number_encrypted && phone === row.phone_encrypted && hash === row.id_number_hash) continue;
    await dataSource.query('UPDATE parties SET id_number_encrypted = $3, phone_encrypted = $4, id_number_hash = $5 WHERE case_id = $1 AND party_id = $2', [
      row.case_id,
      row.party_id,
      idNumber,
      phone,
      hash,
    ]);
    if (idNumber !== row.id_number_encrypted || phone !== row.phone_encrypted) reEncrypted++;
    if (hash !== row.id_number_hash) reHashed++;
  }
  process.stdout.write(`re-encrypted ${reEncrypted} of ${rows.length} parties under the current key; re-hashed ${reHashed} ID numbers under the current hash key\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
