import { createHash } from 'node:crypto';
import type { DataProtection } from '../security/dataProtection.js';

/** A document's bytes at rest: AES-256-GCM like the parties' ID numbers (they are on it in full). */
export function sealContent(
  protection: DataProtection,
  content: Buffer,
): { contentEncrypted: string; byteSize: number; sha256: string } {
  return {
    contentEncrypted: protection.encrypt(content.toString('base64')),
    byteSize: content.length,
    sha256: sha256Of(content),
  };
}

/**
 * The stored bytes, decrypted and checked against the SHA-256 recorded when the document was
 * issued: a ciphertext replaced by anything but a re-encryption of the same bytes is refused.
 */
export function openContent(
  protection: DataProtection,
  doc: { id: string; contentEncrypted: string; sha256: string },
): Buffer {
  const content = Buffer.from(protection.decrypt(doc.contentEncrypted), 'base64');
  if (sha256Of(content) !== doc.sha256)
    throw new Error(
      `document ${doc.id} fails its integrity check: its bytes no longer match the SHA-256 recorded at issue`,
    );
  return content;
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
