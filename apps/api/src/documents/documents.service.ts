import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { inScope, scopeOf } from '../auth/caseScope.js';
import { forbidden, mayReadPersonalData } from '../auth/permissions.js';
import { caseDetailRow } from '../cases/caseQueries.js';
import { Clock } from '../common/clock.js';
import { caseNotFound, DomainError } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { DataProtection } from '../security/dataProtection.js';
import { openContent } from './documentContent.js';
import { documentData } from './documentData.js';
import { DocumentRenderer } from './documentRenderer.service.js';
import { requestCorrection } from './documentCorrections.js';
import { renderingSource } from './documentRendering.js';
import { loadCaseFacts } from './documentSource.js';
import { documentLines } from './documentRenderer.js';
import {
  issuedDocumentOrigin,
  issuedDocuments,
  listForCase,
  logDocumentAccess,
  type StoredDocument,
} from './documentStore.js';
import { writeDocx } from './docxWriter.js';
import type { DocumentFormat } from './dto/document-download.query.js';
import { bindDossier } from './dossierBinder.js';

const DEFAULT_REASON = '下载文书';

/**
 * Both a replaced document and its correction stay in the dossier (the file shows what was issued):
 * the correction right after the one it replaces (its binding seq just after the original's), each
 * marked in the index — 已更正 on the replaced one, 更正 on the correction (docs/documents.md).
 */
function inBindingOrder(documents: StoredDocument[]): StoredDocument[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const bindingSeq = (d: StoredDocument, depth = 1): number => {
    const original = d.replacesDocumentId ? byId.get(d.replacesDocumentId) : undefined;
    return original ? bindingSeq(original, depth + 1) + 1 / 2 ** depth : d.eventSeq;
  };
  return documents.map((d) => ({
    ...d,
    eventSeq: bindingSeq(d),
    title: `${d.title}${d.replacesDocumentId ? '（更正）' : ''}${d.replacedByDocumentId ? '（已更正）' : ''}`,
  }));
}

/** A file to send: its bytes, type, a file name and (for an archived document) the digest the list shows. */
export interface DocumentFile {
  content: Buffer;
  type: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  fileName: string;
  sha256: string | null;
}

/**
 * A case's documents: the list (anyone who sees the case), and the documents themselves and the
 * dossier — personal data in full, so only for those who may reveal it (the case's mediator, the
 * court it is before: `mayReadPersonalData`), and logged per party like a reveal (PIPL Arts. 28, 51).
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('DocumentsService');
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly renderer: DocumentRenderer,
    private readonly protection: DataProtection,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  async list(user: AuthenticatedUser, caseId: string) {
    await this.visibleRow(user, caseId);
    return { caseId, items: await listForCase(this.pool, caseId) };
  }

  /**
   * A correction (更正) of an issued document: a new document naming the one it replaces, produced
   * after commit from the current case data. Allowed to whoever may open the document in full (the
   * case's mediator, the court it is before): the same rule as the download, 403 / 404 alike.
   */
  async correct(
    user: AuthenticatedUser,
    caseId: string,
    documentId: string,
    reason: string,
    expectedVersion: number | undefined,
  ) {
    await this.revealableRow(user, caseId);
    const created = await requestCorrection(this.pool, {
      caseId,
      documentId,
      reason,
      expectedVersion,
      actor: user,
      at: this.clock.now(),
      today: this.clock.today(),
    });
    const document = (await listForCase(this.pool, caseId)).find((d) => d.id === created.documentId);
    return { ...document!, caseVersion: created.version };
  }

  /** The archived PDF, or (`format: 'docx'`) the Word working copy. */
  download(
    user: AuthenticatedUser,
    caseId: string,
    documentId: string,
    query: { format?: DocumentFormat; reason?: string },
  ): Promise<DocumentFile> {
    return query.format === 'docx'
      ? this.wordCopy(user, caseId, documentId, query.reason)
      : this.archived(user, caseId, documentId, query.reason);
  }

  private async archived(
    user: AuthenticatedUser,
    caseId: string,
    documentId: string,
    reason = DEFAULT_REASON,
  ): Promise<DocumentFile> {
    const row = await this.revealableRow(user, caseId);
    const [doc] = await issuedDocuments(this.pool, caseId, documentId);
    if (!doc)
      throw new DomainError('NOT_FOUND', `case ${caseId} has no issued document ${documentId}`, { caseId, documentId });
    await this.logAccess(user, caseId, `document:${doc.id}`, reason);
    return {
      content: openContent(this.protection, doc),
      type: 'application/pdf',
      fileName: `${doc.number ?? row.case_number} ${doc.title}.pdf`,
      sha256: doc.sha256,
    };
  }

  /**
   * The Word working copy of an editable form (the agreement): the same template rendered again from
   * what the document was issued with — its event, details and 文号 — and the case's current parties.
   * Not archived and not hashed: the issued PDF stays the document.
   */
  private async wordCopy(
    user: AuthenticatedUser,
    caseId: string,
    documentId: string,
    reason = DEFAULT_REASON,
  ): Promise<DocumentFile> {
    const row = await this.revealableRow(user, caseId);
    const origin = await issuedDocumentOrigin(this.pool, caseId, documentId);
    if (!origin)
      throw new DomainError('NOT_FOUND', `case ${caseId} has no issued document ${documentId}`, { caseId, documentId });
    const template = this.renderer.templates.byFile(origin.template);
    if (!template?.editable)
      throw new DomainError(
        'NOT_FOUND',
        `document ${documentId} (${origin.title}) has no Word version: only forms completed before printing have one`,
        { caseId, documentId },
      );
    const { facts, correction } = await renderingSource(this.pool, this.protection, this.renderer.templates, origin);
    const data = documentData({
      ...facts,
      details: origin.details,
      title: origin.title,
      number: origin.number,
      correction,
    });
    const lines = documentLines(template, data, { font: this.renderer.font, labels: this.renderer.templates.labels });
    const content = await writeDocx({ title: origin.title, createdAt: origin.orderedAt }, lines);
    await this.logAccess(user, caseId, `document:${origin.id}:docx`, reason);
    return {
      content,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: `${origin.number ?? row.case_number} ${origin.title}.docx`,
      sha256: null,
    };
  }

  /** 一案一卷: every issued document of the case bound in the official order, with cover, index and back cover. */
  async dossier(user: AuthenticatedUser, caseId: string, reason = DEFAULT_REASON): Promise<DocumentFile> {
    const row = await this.revealableRow(user, caseId);
    const documents = await issuedDocuments(this.pool, caseId);
    const facts = await loadCaseFacts(this.pool, this.protection, {
      caseId,
      eventSeq: row.version,
      organizationId: row.snapshot.context.organizationId,
    });
    const data = documentData({ ...facts, details: {}, title: '卷宗', number: null });
    const content = await bindDossier(
      inBindingOrder(documents).map((d) => ({
        ...d,
        content: openContent(this.protection, d),
        dossierOrder: this.dossierOrder(d),
      })),
      data,
      {
        template: this.renderer.templates.dossier,
        font: this.renderer.font,
        labels: this.renderer.templates.labels,
        compiledBy: user.username,
        compiledOn: this.clock.today(),
        createdAt: this.clock.now(),
      },
    );
    await this.logAccess(user, caseId, 'dossier', reason);
    return { content, type: 'application/pdf', fileName: `${row.case_number} 卷宗.pdf`, sha256: null };
  }

  private dossierOrder(doc: StoredDocument): number {
    return this.renderer.templates.byFile(doc.template)?.dossierOrder ?? 99;
  }

  private async revealableRow(user: AuthenticatedUser, caseId: string) {
    const row = await this.visibleRow(user, caseId);
    const subject = {
      mediatorId: row.snapshot.context.records.mediatorId,
      courtId: row.court_id,
      organizationPath: row.organization_path,
    };
    if (!mayReadPersonalData(user, subject)) {
      this.logger.warn({ userId: user.userId, role: user.role, caseId }, 'document download refused');
      throw forbidden(
        'documents carry personal data in full: only the case’s mediator or the court it is before may open them',
      );
    }
    return row;
  }

  private async visibleRow(user: AuthenticatedUser, caseId: string) {
    const row = await caseDetailRow(this.pool, caseId);
    if (
      !row ||
      !inScope(scopeOf(await this.organizations.get(user.organizationId)), {
        organizationPath: row.organization_path,
        courtId: row.court_id,
      })
    )
      throw caseNotFound(caseId);
    return row;
  }

  /** One access-log row per party of the case: each party's data is on the document. */
  private async logAccess(user: AuthenticatedUser, caseId: string, what: string, reason: string): Promise<void> {
    await logDocumentAccess(this.pool, {
      at: this.clock.now(),
      userId: user.userId,
      role: user.role,
      organizationId: user.organizationId,
      caseId,
      what,
      reason,
    });
  }
}
