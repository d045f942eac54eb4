import type { DataSource } from 'typeorm';
import type { DataProtection } from '../security/dataProtection.js';
import { poolOf } from '../database/dataSource.js';
import { openContent } from './documentContent.js';
import { issuedCiphertexts, reencryptContent } from './documentStore.js';

/**
 * `cli rotate-keys`, for documents: re-encrypts under the current data key every issued
 * document's bytes made with an older one, after checking them against their SHA-256 (the one
 * column of an issued document the immutability trigger lets change). A document that fails the
 * check is left as it is and named in `failedIntegrity`. Safe to run again.
 */
export async function rotateDocumentKeys(
  dataSource: DataSource,
  protection: DataProtection,
): Promise<{ reEncrypted: number; documents: number; failedIntegrity: string[] }> {
  const pool = poolOf(dataSource);
  const rows = await issuedCiphertexts(pool);
  let reEncrypted = 0;
  const failedIntegrity: string[] = [];
  for (const row of rows) {
    if (!protection.isStale(row.contentEncrypted)) continue;
    let content: Buffer;
    try {
      content = openContent(protection, row);
    } catch {
      failedIntegrity.push(row.id);
      continue;
    }
    await reencryptContent(pool, row.id, protection.encrypt(content.toString('base64')));
    reEncrypted++;
  }
  return { reEncrypted, documents: rows.length, failedIntegrity };
}
