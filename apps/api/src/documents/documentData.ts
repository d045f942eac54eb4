import type { CaseContext, Party } from '@jiefen/flows';
import { agreementData, type AgreementData } from './agreementData.js';
import type { PartyData } from './partyData.js';
import { sessionData, type SessionData } from './sessionData.js';

/** The case a case continues from, as a document names it. */
export interface LinkedCaseReference {
  caseNumber: string;
  organizationName: string;
}

/** A document of the case already issued, as another one cites it (the 回访记录 repeats the agreement's 文号). */
export interface IssuedReference {
  number: string | null;
  title: string;
  issuedOn: string;
}

/** What a correction (更正) prints about the document it replaces. */
export interface CorrectionData {
  replaces: IssuedReference;
  reason: string;
}

/** Everything a template may name (docs/documents.md lists the paths). */
export interface DocumentData {
  document: { title: string; number: string | null; issuedOn: string; copies: number };
  case: {
    id: string;
    number: string;
    flowId: string;
    summary: string;
    category: string;
    channel: string;
    receivedOn: string;
    acceptedOn: string | null;
    endedOn: string | null;
    amount: string | null;
  };
  organization: { name: string; shortName: string };
  mediator: { name: string | null };
  parties: PartyData[];
  applicants: PartyData[];
  respondents: PartyData[];
  partyNames: { all: string; applicants: string; respondents: string };
  event: { type: string; seq: number; today: string; payload: Record<string, unknown> };
  details: Record<string, unknown>;
  agreement: AgreementData;
  /** The session a `session.recorded` event carries (its record's header); empty otherwise. */
  session: SessionData;
  outcome: Record<string, unknown>;
  records: Record<string, unknown>;
  facts: Record<string, unknown>;
  /** The case's issued, not replaced documents by kind, the latest of each: `issued.agreement.number`. */
  issued: Record<string, IssuedReference>;
  /** Set when this document corrects another one: the renderer prints the line naming it. */
  correction: CorrectionData | null;
  /** The case this one continues from (a judicial confirmation's mediation): `linkedCase.organizationName`. */
  linkedCase: LinkedCaseReference | null;
}

export interface DocumentFacts {
  caseId: string;
  caseNumber: string;
  context: CaseContext;
  parties: Omit<PartyData, 'gender' | 'birthDate' | 'age'>[];
  organization: { name: string; shortName: string };
  mediatorName: string | null;
  event: { type: string; seq: number; today: string; payload: Record<string, unknown> };
  details: Record<string, unknown>;
  title: string;
  number: string | null;
  issued?: Record<string, IssuedReference>;
  correction?: CorrectionData | null;
  linkedCase?: LinkedCaseReference | null;
}

export function documentData(facts: DocumentFacts): DocumentData {
  const { context } = facts;
  const parties = facts.parties.map((p) => ({ ...p, ...fromIdNumber(p.idNumber, facts.event.today) }));
  const byRole = (role: Party['role']) => parties.filter((p) => p.role === role);
  const names = (list: PartyData[]) => list.map((p) => p.name).join('、');
  const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  const bound = parties.filter((p) => p.role !== 'thirdParty');
  return {
    document: { title: facts.title, number: facts.number, issuedOn: facts.event.today, copies: bound.length + 1 },
    case: {
      id: facts.caseId,
      number: facts.caseNumber,
      flowId: context.flowId,
      summary: context.summary,
      category: context.category,
      channel: context.channel,
      receivedOn: context.receivedOn,
      acceptedOn: context.acceptedOn,
      endedOn: context.endedOn,
      amount: context.amount,
    },
    organization: facts.organization,
    mediator: { name: facts.mediatorName },
    parties,
    applicants: byRole('applicant'),
    respondents: byRole('respondent'),
    partyNames: { all: names(bound), applicants: names(byRole('applicant')), respondents: names(byRole('respondent')) },
    event: facts.event,
    details: facts.details,
    agreement: agreementData(context.agreement, facts.event, context.summary, nameOf),
    session: sessionData(facts.event, parties),
    outcome: context.outcome ?? {},
    records: context.records,
    facts: context.facts,
    issued: facts.issued ?? {},
    correction: facts.correction ?? null,
    linkedCase: facts.linkedCase ?? null,
  };
}

/** Gender, birth date and age as of `today` from an 18-digit resident ID number; nothing from anything else. */
export function fromIdNumber(idNumber: string | null, today: string): Pick<PartyData, 'gender' | 'birthDate' | 'age'> {
  const match = idNumber ? /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec(idNumber) : null;
  if (!match) return { gender: null, birthDate: null, age: null };
  const [, year, month, day, order] = match as unknown as [string, string, string, string, string];
  const birthDate = `${year}-${month}-${day}`;
  const age = Number(today.slice(0, 4)) - Number(year) - (today.slice(5) < `${month}-${day}` ? 1 : 0);
  return { gender: Number(order) % 2 === 1 ? '男' : '女', birthDate, age };
}
