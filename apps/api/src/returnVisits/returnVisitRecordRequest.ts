import type { RecordReturnVisitDto } from './dto/record-return-visit.dto.js';
import type { DocumentRequest } from './returnVisits.repository.js';

/** The document kind of the 人民调解回访记录 (MoJ 2010 formats; `templates/<flow>/returnVisitRecord.json`). */
export const RETURN_VISIT_RECORD = 'returnVisitRecord';

/**
 * The request for a visit's 回访记录: everything it prints of the visit travels in the document's
 * `details` (the visit is never changed afterwards, so the record says what was recorded). It goes
 * to the handling organisation, not to the parties: the record is the committee's file (PML Art. 31:
 * the committee supervises performance), kept in the dossier (一案一卷).
 */
export function returnVisitRecordRequest(visit: {
  id: string;
  caseNumber: string;
  organizationId: string;
  visitor: string | null;
  dto: RecordReturnVisitDto;
  at: Date;
}): DocumentRequest {
  const { dto } = visit;
  return {
    kind: RETURN_VISIT_RECORD,
    recipient: { type: 'organization', organizationId: visit.organizationId },
    payload: {
      caseNumber: visit.caseNumber,
      returnVisitId: visit.id,
      visitedOn: dto.visitedOn,
      manner: dto.manner ?? null,
      personsVisited: dto.personsVisited,
      performance: dto.performance,
      satisfaction: dto.satisfaction,
      newDispute: dto.newDispute,
      riskNote: dto.riskNote ?? null,
      opinions: dto.opinions ?? null,
      measures: dto.measures ?? null,
      lawsuit: dto.lawsuit ?? null,
      note: dto.note ?? null,
      visitor: visit.visitor,
    },
    at: visit.at,
  };
}
