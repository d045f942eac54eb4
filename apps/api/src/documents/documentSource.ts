import type { Queryable } from '../database/dataSource.js';
import type { DataProtection } from '../security/dataProtection.js';
import { CaseFactsRepository } from './caseFacts.repository.js';
import type { DocumentFacts, IssuedReference } from './documentData.js';

/** What the case held for a document, read inside the issuing transaction. */
export interface CaseFacts extends Omit<DocumentFacts, 'title' | 'number' | 'details' | 'correction'> {
  flowVersion: number;
  issued: Record<string, IssuedReference>;
  organization: { name: string; shortName: string; caseNumberPattern: string };
}

/**
 * Reads the case, its parties in full (decrypted: documents are for the parties), the organisation
 * whose document it is, the mediator and the event that issued it. One query at a time: on a
 * transaction's client, pg runs them in turn anyway.
 */
export async function loadCaseFacts(
  db: Queryable,
  protection: DataProtection,
  doc: { caseId: string; eventSeq: number; organizationId: string },
): Promise<CaseFacts> {
  const facts = new CaseFactsRepository(db);
  const row = await facts.caseOf(doc.caseId);
  const event = await facts.event(doc.caseId, doc.eventSeq);
  const org = await facts.organization(doc.organizationId);
  if (!row || !event || !org)
    throw new Error(
      `document of case ${doc.caseId} (event ${doc.eventSeq}): the case, its event or its organisation is missing`,
    );
  const context = row.snapshot.context;
  const mediatorId = context.records.mediatorId;
  const decrypt = (value: string | null) => (value ? protection.decrypt(value) : null);
  return {
    caseId: doc.caseId,
    caseNumber: row.caseNumber,
    flowVersion: row.snapshot.flowVersion,
    context,
    parties: (await facts.partiesOf(doc.caseId)).map((p) => ({
      id: p.partyId,
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: decrypt(p.idNumberEncrypted),
      creditCode: p.creditCode,
      phone: decrypt(p.phoneEncrypted),
      address: p.address,
      agent: p.agent,
      ethnicity: decrypt(p.ethnicityEncrypted),
      occupation: p.occupation,
    })),
    organization: org,
    mediatorName: typeof mediatorId === 'string' ? await facts.displayNameOf(mediatorId) : null,
    event,
    issued: await facts.issuedReferences(doc.caseId),
    linkedCase: context.linkedCaseId ? ((await facts.linkedCase(context.linkedCaseId)) ?? null) : null,
  };
}
