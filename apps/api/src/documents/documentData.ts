import type { CaseContext, Party, Term } from '@jiefen/flows';

/** One party as a document prints it: in full (documents are for the parties, PML Art. 29). */
export interface PartyData {
  id: string;
  role: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  agent: string | null;
  /** Read from an 18-digit resident ID number (GB 11643-1999: the 17th digit is odd for men). */
  gender: string | null;
  birthDate: string | null;
  age: number | null;
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
  agreement: {
    form: string | null;
    effectiveOn: string | null;
    terms: { obligor: string; description: string; amount: string | null; dueOn: string | null }[];
  };
  outcome: Record<string, unknown>;
  records: Record<string, unknown>;
  facts: Record<string, unknown>;
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
}

export function documentData(facts: DocumentFacts): DocumentData {
  const { context } = facts;
  const parties = facts.parties.map((p) => ({ ...p, ...fromIdNumber(p.idNumber, facts.event.today) }));
  const byRole = (role: Party['role']) => parties.filter((p) => p.role === role);
  const names = (list: PartyData[]) => list.map((p) => p.name).join('、');
  const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  // The terms the issuing event signed, else the case's agreement.
  const payloadTerms = facts.event.payload.terms as Term[] | undefined;
  const agreement = context.agreement;
  const terms = (Array.isArray(payloadTerms) ? payloadTerms : (agreement?.terms ?? [])).map((t) => ({
    obligor: nameOf(t.obligorPartyId),
    description: t.description,
    amount: t.amount ?? null,
    dueOn: t.dueOn ?? null,
  }));
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
    agreement: {
      form: agreement?.form ?? (facts.event.payload.form as string | undefined) ?? null,
      effectiveOn: agreement?.effectiveOn ?? null,
      terms,
    },
    outcome: context.outcome ?? {},
    records: context.records,
    facts: context.facts,
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
