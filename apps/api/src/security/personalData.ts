import type { CaseSnapshot, Party } from '@jiefen/flows';
import type { PartyView } from '../cases/caseRow.js';
import type { PartyRow } from '../cases/caseChange.js';
import { partyView } from '../cases/caseView.js';
import { maskDeep } from '../cases/masking.js';
import type { DataProtection } from './dataProtection.js';

export interface ProtectedCase {
  /** The snapshot as stored: ID numbers replaced by their keyed hash, phones and ethnicities removed. */
  snapshot: CaseSnapshot;
  /** Party rows: ciphertext and hash. */
  parties: PartyRow[];
  /** Masked, for every response. */
  partiesView: PartyView[];
}

/**
 * Where personal information lives once a case is opened: encrypted in `parties`, masked in the
 * case's party view, as a keyed hash in the snapshot (so the flows can still match parties by ID
 * number), and nowhere in clear (PIPL Arts. 28, 51).
 */
export function protectCase(snapshot: CaseSnapshot, protection: DataProtection): ProtectedCase {
  const parties = snapshot.context.parties as (Party & { phone?: string })[];
  return {
    parties: parties.map((p) => ({
      partyId: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumberEncrypted: p.idNumber ? protection.encrypt(p.idNumber) : null,
      idNumberHash: p.idNumber ? protection.hashIdNumber(p.idNumber) : null,
      creditCode: p.creditCode ?? null,
      phoneEncrypted: p.phone ? protection.encrypt(p.phone) : null,
      address: p.address ?? null,
      agent: p.agent ?? null,
      ethnicityEncrypted: p.ethnicity ? protection.encrypt(p.ethnicity) : null,
      occupation: p.occupation ?? null,
    })),
    partiesView: parties.map(partyView),
    snapshot: {
      ...snapshot,
      context: {
        ...snapshot.context,
        parties: digestPersonalData(parties, protection),
        facts: digestPersonalData(snapshot.context.facts, protection),
      },
    },
  };
}

/**
 * Replaces every `idNumber` by its keyed hash and drops every `phone` and `ethnicity`, however deep:
 * the flows never read a phone or an ethnicity, so the snapshot need not hold them.
 */
function digestPersonalData<T>(value: T, protection: DataProtection): T {
  if (Array.isArray(value)) return value.map((v) => digestPersonalData(v, protection)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .filter(([key]) => key !== 'phone' && key !== 'ethnicity')
    .map(([key, v]) => [
      key,
      key === 'idNumber' && typeof v === 'string' ? protection.hashIdNumber(v) : digestPersonalData(v, protection),
    ]);
  return Object.fromEntries(entries) as T;
}

/**
 * What the audit trail keeps of a request: everything received, except personal data. The
 * parties' ID numbers, phones and ethnicities are dropped (they live encrypted in `parties`); any other ID
 * number or phone, however deep (e.g. the `boundParties` of a judicial-confirmation application's
 * inline agreement), is kept masked, as every response shows it. The trail is append-only, so
 * neither a ciphertext (its data key could never be retired) nor a keyed hash (its key could never
 * rotate) goes there; a masked number still tells an auditor which one was named (PIPL Arts. 28, 51).
 */
export function forAuditTrail(payload: Record<string, unknown>): Record<string, unknown> {
  const parties = Array.isArray(payload.parties)
    ? payload.parties.map((p: Record<string, unknown>) => {
        const { idNumber: _id, phone: _phone, ethnicity: _ethnicity, ...rest } = p;
        return maskDeep(rest);
      })
    : payload.parties;
  return { ...maskDeep(payload), ...(payload.parties === undefined ? {} : { parties }) };
}
