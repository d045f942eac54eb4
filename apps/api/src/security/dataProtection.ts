import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface DataKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Application-level protection of personal information (PIPL Arts. 28, 51): AES-256-GCM for the
 * values, a keyed HMAC-SHA256 beside ID numbers so a case can be found by one without storing it.
 * Ciphertexts name their key, so keys rotate: the first key encrypts, every listed key decrypts
 * (docs/security.md).
 */
export class DataProtection {
  private readonly current: DataKey;
  private readonly byId: Map<string, Buffer>;

  constructor(
    keys: DataKey[],
    private readonly hashKey: Buffer,
    private readonly previousHashKey?: Buffer,
  ) {
    if (!keys.length) throw new Error('at least one data key is needed');
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(this.current.id));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.current.id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(token: string): string {
    const [version, keyId, iv, tag, body] = token.split('.');
    const key = keyId ? this.byId.get(keyId) : undefined;
    if (version !== VERSION || !key || !iv || !tag || body === undefined)
      throw new Error(`cannot decrypt: unknown format or key "${keyId}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId!));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Whether a ciphertext was made with an older key and should be re-encrypted. */
  isStale(token: string): boolean {
    return token.split('.')[1] !== this.current.id;
  }

  static fromSecrets(secrets: {
    dataKeys: DataKey[];
    hashKey: Buffer;
    previousHashKey?: Buffer | undefined;
  }): DataProtection {
    return new DataProtection(secrets.dataKeys, secrets.hashKey, secrets.previousHashKey);
  }

  /** The searchable digest of an ID number (upper-cased, so 'x' and 'X' match). */
  hashIdNumber(idNumber: string): string {
    return digest(this.hashKey, idNumber);
  }

  /**
   * The digests a stored ID number may have: under the current hash key and, while the key
   * rotates, under the previous one (rows `rotate-keys` has not re-hashed yet).
   */
  idNumberHashes(idNumber: string): string[] {
    return this.previousHashKey
      ? [digest(this.hashKey, idNumber), digest(this.previousHashKey, idNumber)]
      : [digest(this.hashKey, idNumber)];
  }
}

function digest(key: Buffer, idNumber: string): string {
  return `h1.${createHmac('sha256', key).update(idNumber.trim().toUpperCase()).digest('base64url')}`;
}
