import type { DataSource } from 'typeorm';
import type { DataProtection } from '../security/dataProtection.js';
import { openContent } from './documentContent.js';

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
  const rows: { id: string; content_encrypted: string; sha256: string }[] = await dataSource.query(
    `SELECT id, content_encrypted, sha256 FROM documents WHERE status = 'issued'`,
  );
  let reEncrypted = 0;
  const failedIntegrity: string[] = [];
  for (const row of rows) {
    if (!protection.isStale(row.content_encrypted)) continue;
    let content: Buffer;
    try {
      content = openContent(protection, { id: row.id, contentEncrypted: row.content_encrypted, sha256: row.sha256 });
    } catch {
      failedIntegrity.push(row.id);
      continue;
    }
    await dataSource.query('UPDATE documents SET content_encrypted = $2 WHERE id = $1', [
      row.id,
      protection.encrypt(content.toString('base64')),
    ]);
    reEncrypted++;
  }
  return { reEncrypted, documents: rows.length, failedIntegrity };
}
