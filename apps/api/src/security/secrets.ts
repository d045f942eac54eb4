import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { DataKey } from './dataProtection.js';

/** Key material: data keys (first one encrypts), the ID-number hash key, the token-signing secret. */
export interface Secrets {
  dataKeys: DataKey[];
  hashKey: Buffer;
  /** While the hash key rotates: the key the stored hashes were made with, still searched (docs/security.md). */
  previousHashKey?: Buffer;
  jwtSecret: Buffer;
}

const KEY_BYTES = 32;

/**
 * Reads `JIEFEN_DATA_KEYS` ("k2:<base64>,k1:<base64>", 32-byte keys, newest first),
 * `JIEFEN_HASH_KEY` and `JIEFEN_JWT_SECRET` (base64, ≥ 32 bytes), and during a hash-key rotation
 * `JIEFEN_PREVIOUS_HASH_KEY`. Returns undefined when none is
 * set, and reports every malformed one.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): Secrets | undefined {
  const { JIEFEN_DATA_KEYS: data, JIEFEN_HASH_KEY: hash, JIEFEN_JWT_SECRET: jwt } = env;
  if (!data && !hash && !jwt) return undefined;
  const before = problems.length;
  const dataKeys = (data ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [id, value] = entry.split(':');
      const key = Buffer.from(value ?? '', 'base64');
      if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== KEY_BYTES) {
        problems.push(`JIEFEN_DATA_KEYS entry "${id ?? ''}:…" must be <id>:<32 bytes in base64>`);
      }
      return { id: id ?? '', key };
    });
  if (!dataKeys.length) problems.push('JIEFEN_DATA_KEYS is required when key material is configured');
  const hashKey = Buffer.from(hash ?? '', 'base64');
  if (hashKey.length < KEY_BYTES) problems.push('JIEFEN_HASH_KEY must be at least 32 bytes in base64');
  const jwtSecret = Buffer.from(jwt ?? '', 'base64');
  if (jwtSecret.length < KEY_BYTES) problems.push('JIEFEN_JWT_SECRET must be at least 32 bytes in base64');
  const previous = env.JIEFEN_PREVIOUS_HASH_KEY ? Buffer.from(env.JIEFEN_PREVIOUS_HASH_KEY, 'base64') : undefined;
  if (previous && previous.length < KEY_BYTES)
    problems.push('JIEFEN_PREVIOUS_HASH_KEY must be at least 32 bytes in base64');
  return problems.length > before
    ? undefined
    : { dataKeys, hashKey, jwtSecret, ...(previous ? { previousHashKey: previous } : {}) };
}

export function generateSecrets(): Secrets {
  return {
    dataKeys: [{ id: 'k1', key: randomBytes(KEY_BYTES) }],
    hashKey: randomBytes(KEY_BYTES),
    jwtSecret: randomBytes(KEY_BYTES),
  };
}

/** The embedded default: key material generated at first start and kept beside the data directory (mode 600). */
export async function loadOrCreateSecrets(file: string): Promise<Secrets> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing) {
    const parsed = JSON.parse(existing) as {
      dataKeys: { id: string; key: string }[];
      hashKey: string;
      jwtSecret: string;
    };
    return {
      dataKeys: parsed.dataKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })),
      hashKey: Buffer.from(parsed.hashKey, 'base64'),
      jwtSecret: Buffer.from(parsed.jwtSecret, 'base64'),
    };
  }
  const secrets = generateSecrets();
  await writeFile(file, JSON.stringify(toEnvShape(secrets), null, 2), { mode: 0o600 });
  return secrets;
}

function toEnvShape(s: Secrets) {
  return {
    dataKeys: s.dataKeys.map((k) => ({ id: k.id, key: k.key.toString('base64') })),
    hashKey: s.hashKey.toString('base64'),
    jwtSecret: s.jwtSecret.toString('base64'),
  };
}

/** The three variables, ready to paste into an environment (`cli generate-keys`). */
export function secretsAsEnv(s: Secrets): string {
  return [
    `JIEFEN_DATA_KEYS=${s.dataKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',')}`,
    `JIEFEN_HASH_KEY=${s.hashKey.toString('base64')}`,
    `JIEFEN_JWT_SECRET=${s.jwtSecret.toString('base64')}`,
  ].join('\n');
}
