import type pg from 'pg';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { DomainError, versionConflict } from '../common/errors/DomainError.js';
import { withTransaction } from '../database/dataSource.js';
import { DocumentCorrectionsRepository, type CorrectedOriginal } from './documentCorrections.repository.js';
import { maskedReason } from './maskedReason.js';

/** The host event a correction writes into the case's trail. */
export const DOCUMENT_CORRECTED = { type: 'case.documentCorrected', titleZh: '更正文书' } as const;

export interface CorrectionRequest {
  caseId: string;
  documentId: string;
  reason: string;
  expectedVersion: number | undefined;
  actor: AuthenticatedUser;
  at: Date;
  today: string;
}

/**
 * Requests a correction (更正) of an issued document, in one transaction: the case's version bumped
 * (If-Match honoured), a `case.documentCorrected` entry in the trail (who, which document, why), and
 * an outbox row `document.<kind>` with the original's details, which the trigger of migration …009
 * turns into a pending document; that row is marked as replacing the original, in the original's
 * organisation (the correction is issued in its name). The producer renders it after commit, like
 * every document: a render that fails leaves it pending, retried, and writes no 文号.
 * The original row is never touched (it is immutable); `replacedByDocumentId` is read by a join.
 * The SQL is in `documentCorrections.repository.ts`; this is the use case's unit of work.
 */
export async function requestCorrection(
  pool: pg.Pool,
  request: CorrectionRequest,
): Promise<{ documentId: string; version: number }> {
  return withTransaction(pool, async (client) => {
    const corrections = new DocumentCorrectionsRepository(client);
    const current = await corrections.lockCaseVersion(request.caseId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current)
      throw versionConflict(request.caseId, request.expectedVersion, current);
    const original = checked(await corrections.lockOriginal(request.caseId, request.documentId), request);
    const version = current + 1;
    await corrections.bumpCaseVersion(request.caseId, version, request.at);
    await corrections.recordTrail({
      caseId: request.caseId,
      seq: version,
      type: DOCUMENT_CORRECTED.type,
      payload: {
        documentId: request.documentId,
        kind: original.kind,
        number: original.number,
        title: original.title,
        // Masked like the list shows it: the trail is read by everyone who sees the case.
        reason: maskedReason(request.reason),
        titleZh: DOCUMENT_CORRECTED.titleZh,
      },
      actor: request.actor,
      at: request.at,
      today: request.today,
    });
    const documentId = await corrections.requestReplacement({
      caseId: request.caseId,
      originalId: request.documentId,
      original,
      reason: request.reason,
      at: request.at,
    });
    return { documentId, version };
  });
}

/** The document to correct must exist, be issued and not be replaced yet (404, 409). */
function checked(original: CorrectedOriginal | undefined, request: CorrectionRequest): CorrectedOriginal {
  const subject = { caseId: request.caseId, documentId: request.documentId };
  if (!original)
    throw new DomainError('NOT_FOUND', `case ${request.caseId} has no document ${request.documentId}`, subject);
  if (original.status !== 'issued')
    throw new DomainError(
      'DOCUMENT_NOT_ISSUED',
      `document ${request.documentId} of case ${request.caseId} is not issued yet: ` +
        `only an issued document is corrected`,
      subject,
    );
  if (original.replacedBy)
    throw new DomainError(
      'DOCUMENT_ALREADY_CORRECTED',
      `document ${request.documentId} (${original.number ?? original.title}) is already replaced by ` +
        `${original.replacedBy}: correct that one instead`,
      { ...subject, replacedByDocumentId: original.replacedBy },
    );
  return original;
}
