import type { IsoDate } from '@jiefen/legal-time';
import type { CaseContext } from '../../caseContext.js';
import type { AgreementSubject } from './events.js';

/** A party the agreement binds, and the applicant it was matched to (null: not among the applicants). */
export interface BoundParty {
  name: string;
  partyId: string | null;
}

export type AgreementSource = 'linkedCase' | 'inline' | 'both' | 'none';

/** What judicial confirmation keeps in `context.facts`. */
export type ConfirmationFacts = {
  appliedOn: IsoDate;
  agreementSource: AgreementSource;
  linkedFlowId: string | null;
  subject: AgreementSubject | null;
  boundParties: BoundParty[];
  confirmationWindowDueOn: IsoDate | null;
};

export const factsOf = (context: CaseContext) => context.facts as unknown as ConfirmationFacts;
