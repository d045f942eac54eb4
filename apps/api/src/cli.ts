/**
 * Administration from a terminal, on the same configuration as the service:
 *   node apps/api/dist/cli.js generate-keys
 *   node apps/api/dist/cli.js create-admin --username <name> --organization <uuid> [--display-name <text>]
 *       (password from JIEFEN_ADMIN_PASSWORD; on a real server with no organisation yet,
 *       --create-city <name> adds the root centre)
 *   node apps/api/dist/cli.js reset-password --username <name>
 *       (password from JIEFEN_NEW_PASSWORD, else from standard input: typed without echo, or piped)
 *   node apps/api/dist/cli.js rotate-keys
 *   node apps/api/dist/cli.js calendar load --year 2027 --file notice.json
 *       (also: calendar list, calendar show --year 2027)
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { calendarCommand } from './calendar/calendarCommand.js';
import { createAdmin } from './commands/createAdmin.js';
import { readSecret } from './commands/readSecret.js';
import { resetPassword } from './commands/resetPassword.js';
import { loadConfig } from './config/config.js';
import { createDataSource, poolOf } from './database/dataSource.js';
import { PartiesRepository } from './cases/parties.repository.js';
import { DataProtection } from './security/dataProtection.js';
import { generateSecrets, secretsAsEnv } from './security/secrets.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users/passwordRule.js';
import { rotateDocumentKeys } from './documents/documentKeyRotation.js';

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
  if (command === 'reset-password') {
    // Read before connecting: a prompt must not wait with a connection open.
    const { username } = resetPasswordArgs();
    const password = await readSecret('JIEFEN_NEW_PASSWORD', `new password for ${username}: `);
    await withDatabase((dataSource) => resetPassword(dataSource, username, password));
    process.stdout.write(`password of ${username} changed; the tokens issued before no longer work\n`);
    return;
  }
  if (command !== 'create-admin' && command !== 'rotate-keys') {
    throw new Error(
      'usage: cli.js generate-keys | create-admin --username <name> --organization <uuid> | reset-password ' +
        '--username <name> | rotate-keys',
    );
  }
  const config = loadConfig();
  if (!config.databaseUrl || !config.secrets)
    throw new Error('set DATABASE_URL and the JIEFEN_* keys of the server (see README)');
  const dataSource = createDataSource(config.databaseUrl, 2);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    if (command === 'create-admin') await createAdminCommand(dataSource);
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

async function createAdminCommand(dataSource: import('typeorm').DataSource): Promise<void> {
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      organization: { type: 'string' },
      'display-name': { type: 'string' },
      'create-city': { type: 'string' },
    },
  });
  const password = process.env.JIEFEN_ADMIN_PASSWORD;
  if (!values.username || (!values.organization && !values['create-city']))
    throw new Error('--username and --organization (or --create-city) are required');
  if (!password)
    throw new Error(`set JIEFEN_ADMIN_PASSWORD (${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters)`);
  const admin = await createAdmin(dataSource, {
    username: values.username,
    displayName: values['display-name'],
    password,
    organizationId: values.organization,
    createCity: values['create-city'],
  });
  process.stdout.write(`admin ${admin.username} created at organisation ${admin.organizationId}\n`);
}

function resetPasswordArgs(): { username: string } {
  const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
  if (!values.username) throw new Error('--username is required');
  return { username: values.username };
}

/**
 * Re-encrypts every value made with an older data key under the current one, and re-hashes every
 * ID number whose hash was made with another hash key (docs/security.md). Safe to run again.
 */
async function rotateKeys(dataSource: import('typeorm').DataSource, protection: DataProtection): Promise<void> {
  const parties = new PartiesRepository(poolOf(dataSource));
  const rows = await parties.allWithSecrets();
  let reEncrypted = 0;
  let reHashed = 0;
  for (const row of rows) {
    const fresh = (value: string | null) =>
      value && protection.isStale(value) ? protection.encrypt(protection.decrypt(value)) : value;
    const rotated = {
      ...row,
      idNumberEncrypted: fresh(row.idNumberEncrypted),
      phoneEncrypted: fresh(row.phoneEncrypted),
      ethnicityEncrypted: fresh(row.ethnicityEncrypted),
      idNumberHash: row.idNumberEncrypted
        ? protection.hashIdNumber(protection.decrypt(row.idNumberEncrypted))
        : row.idNumberHash,
    };
    const reEncryptedRow =
      rotated.idNumberEncrypted !== row.idNumberEncrypted ||
      rotated.phoneEncrypted !== row.phoneEncrypted ||
      rotated.ethnicityEncrypted !== row.ethnicityEncrypted;
    if (!reEncryptedRow && rotated.idNumberHash === row.idNumberHash) continue;
    await parties.rewriteSecrets(rotated);
    if (reEncryptedRow) reEncrypted++;
    if (rotated.idNumberHash !== row.idNumberHash) reHashed++;
  }
  process.stdout.write(
    `re-encrypted ${reEncrypted} of ${rows.length} parties under the current key; re-hashed ${reHashed} ID ` +
      `numbers under the current hash key\n`,
  );
  const documents = await rotateDocumentKeys(dataSource, protection);
  process.stdout.write(
    `re-encrypted ${documents.reEncrypted} of ${documents.documents} documents under the current key\n`,
  );
  if (documents.failedIntegrity.length)
    process.stderr.write(
      `documents whose bytes fail their SHA-256, left as they are: ${documents.failedIntegrity.join(', ')}\n`,
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
