import type { Queryable } from '../database/dataSource.js';
import type { DataProtection } from '../security/dataProtection.js';
import { CaseFactsRepository } from './caseFacts.repository.js';
import type { CorrectionData } from './documentData.js';
import type { DocumentTemplate } from './documentTemplate.js';
import { loadCaseFacts, type CaseFacts } from './documentSource.js';
import { issuedDocumentOrigin } from './documentStore.js';
import type { TemplateRegistry } from './templateRegistry.js';

/** A document to render: a pending one, or (for the Word copy) an issued one with its template. */
export interface RenderingRequest {
  caseId: string;
  kind: string;
  eventSeq: number;
  organizationId: string;
  details: Record<string, unknown>;
  replacesDocumentId: string | null;
  correctionReason: string | null;
  /** The template file it was issued from; unset for a document still to be produced. */
  template?: string;
}

/** What a document is rendered from: its template, the case's facts, and what a correction names. */
export interface RenderingSource {
  template: DocumentTemplate;
  facts: CaseFacts;
  correction: CorrectionData | null;
}

/**
 * The template and facts of a document. A correction (更正) is the replaced document's template
 * rendered again from the **current** case (a party's corrected name) with the original event's
 * payload and details, dated the day of the correction, naming the document it replaces and why
 * (docs/documents.md "Corrections").
 */
export async function renderingSource(
  db: Queryable,
  protection: DataProtection,
  templates: TemplateRegistry,
  doc: RenderingRequest,
): Promise<RenderingSource> {
  if (!doc.replacesDocumentId) {
    const facts = await loadCaseFacts(db, protection, doc);
    const template = doc.template
      ? templates.byFile(doc.template)
      : templates.find(facts.context.flowId, facts.flowVersion, doc.kind, doc.details);
    return { template: required(template, doc, facts), facts, correction: null };
  }
  const original = await issuedDocumentOrigin(db, doc.caseId, doc.replacesDocumentId);
  if (!original) throw new Error(`correction of case ${doc.caseId}: no issued document ${doc.replacesDocumentId}`);
  const facts = await loadCaseFacts(db, protection, { ...doc, eventSeq: original.eventSeq });
  const correctionEvent = await new CaseFactsRepository(db).event(doc.caseId, doc.eventSeq);
  if (!correctionEvent) throw new Error(`correction of case ${doc.caseId}: no event ${doc.eventSeq}`);
  return {
    template: required(templates.byFile(doc.template ?? original.template), doc, facts),
    facts: { ...facts, event: { ...facts.event, today: correctionEvent.today } },
    correction: {
      replaces: { number: original.number, title: original.title, issuedOn: original.issuedOn },
      reason: doc.correctionReason ?? '',
    },
  };
}

function required(template: DocumentTemplate | undefined, doc: RenderingRequest, facts: CaseFacts): DocumentTemplate {
  if (template) return template;
  const flowId = facts.context.flowId;
  throw new Error(
    `no template for document ${doc.kind} of flow ${flowId} v${facts.flowVersion} ` +
      `(templates/${flowId}/${doc.kind}.json)`,
  );
}
