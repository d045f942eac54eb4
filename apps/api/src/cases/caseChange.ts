import type { CaseSnapshot, Deadline } from '@jiefen/flows';
import type { Actor } from './actor.js';
import type { CaseLink } from './caseLink.js';
import type { CaseColumns, PartyView } from './caseRow.js';

/** A new case, fully prepared (numbered, personal data protected) for `CasesRepository.insert`. */
export interface NewCase {
  id: string;
  caseNumber: string;
  snapshot: CaseSnapshot;
  columns: CaseColumns;
  organizationPath: string;
  receivingOrganizationId: string;
  category: string;
  channel: string;
  riskLevel: string;
  amount: string | null;
  summary: string;
  searchText: string;
  receivedOn: string;
  linkedCaseId: string | null;
  parentCaseId: string | null;
  links: CaseLink[];
  parties: PartyRow[];
  partiesView: PartyView[];
  openingEvent: EventRow;
  outbox: OutboxRow[];
  at: Date;
}

/** A notification to deliver after commit (see notifications/). */
export interface OutboxRow {
  kind: string;
  recipient: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** A party row: ID number, phone and ethnicity only encrypted, the ID number also as a keyed hash. */
export interface PartyRow {
  partyId: string;
  role: string;
  kind: string;
  name: string;
  idNumberEncrypted: string | null;
  idNumberHash: string | null;
  creditCode: string | null;
  phoneEncrypted: string | null;
  address: string | null;
  agent: string | null;
  /** 民族: sensitive (PIPL Art. 28, docs/security.md), so only encrypted. */
  ethnicityEncrypted: string | null;
  occupation: string | null;
}

export interface EventRow {
  type: string;
  payload: Record<string, unknown>;
  actor: Actor;
  today: string;
  idempotencyKey: string | null;
  /** Engine metadata, e.g. how late a deadline fired. */
  meta?: Record<string, unknown> | null;
}

/**
 * A change to an existing case, applied only if the case is still at `expectedVersion`: the case
 * row, its event, its deadline rows, its outbox rows and the idempotency record, in one statement.
 */
export interface CaseChange {
  caseId: string;
  expectedVersion: number;
  snapshot: CaseSnapshot;
  columns: CaseColumns;
  organizationPath: string;
  event: EventRow;
  upsertDeadlines: Deadline[];
  removedDeadlineKinds: string[];
  /** The case's links after the change (a linked case it opened added), or null to keep them. */
  links: CaseLink[] | null;
  idempotency: { key: string; requestHash: string; response: unknown } | null;
  outbox: OutboxRow[];
  at: Date;
  /** `party.corrected`: the party's row and the case's party view and search text, written in the same statement. */
  correctedParty?: CorrectedParty | null;
}

/**
 * A party's details corrected (partyCorrections.ts): the `parties` columns it changes (null: kept;
 * a correction sets a value, never clears one), ID number, phone and 民族 only encrypted.
 */
export interface CorrectedParty {
  partyId: string;
  columns: Omit<PartyRow, 'partyId' | 'role' | 'kind' | 'name'> & { name: string | null };
  partiesView: PartyView[];
  searchText: string;
}
