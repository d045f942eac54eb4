import type { Agreement, Term } from '@jiefen/flows';

/** An agreement as its document prints it: PML Art. 29's contents, party ids turned into names. */
export interface AgreementData {
  form: string | null;
  effectiveOn: string | null;
  /** PML Art. 29(2): the main facts; the case's summary (纠纷简要情况) when the agreement states none. */
  facts: string | null;
  disputedIssues: string | null;
  responsibilities: { party: string; text: string }[];
  terms: { obligor: string; description: string; amount: string | null; dueOn: string | null }[];
  /** PML Art. 29(3); MoJ 2002 rules Art. 35: how and where; the time is each term's due date. */
  performance: { manner: string | null; place: string | null };
}

type AgreementContents = Partial<Pick<Agreement, 'facts' | 'disputedIssues' | 'responsibilities' | 'performance'>> & {
  form?: string;
  terms?: Term[];
};

/**
 * The agreement the issuing event signed (a payload with terms), else the case's agreement: a
 * document prints what was signed with the event that issued it.
 */
export function agreementData(
  agreement: Agreement | null,
  event: { payload: Record<string, unknown> },
  summary: string,
  nameOf: (partyId: string) => string,
): AgreementData {
  const signed = event.payload as AgreementContents;
  const source: AgreementContents | null = Array.isArray(signed.terms) ? signed : agreement;
  return {
    form: agreement?.form ?? signed.form ?? null,
    effectiveOn: agreement?.effectiveOn ?? null,
    facts: source?.facts ?? summary,
    disputedIssues: source?.disputedIssues ?? null,
    responsibilities: (source?.responsibilities ?? []).map((r) => ({ party: nameOf(r.partyId), text: r.text })),
    terms: (source?.terms ?? []).map((t) => ({
      obligor: nameOf(t.obligorPartyId),
      description: t.description,
      amount: t.amount ?? null,
      dueOn: t.dueOn ?? null,
    })),
    performance: { manner: source?.performance?.manner ?? null, place: source?.performance?.place ?? null },
  };
}
