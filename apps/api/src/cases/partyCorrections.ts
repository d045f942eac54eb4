import { Injectable } from '@nestjs/common';
import type { CaseSnapshot, EventResult, FlowEvent, Party, PartyChanges, PartyCorrectedPayload } from '@jiefen/flows';
import { DataProtection } from '../security/dataProtection.js';
import { maskedReason } from '../documents/maskedReason.js';
import type { CaseChange, CorrectedParty } from './caseChange.js';
import type { CaseRow, PartyView } from './caseRow.js';
import { maskEthnicity, maskIdNumber, maskPhone } from './masking.js';

/** The flows' event that corrects a party's details (更正当事人信息). */
export const PARTY_CORRECTED = 'party.corrected';

/**
 * A party's details corrected, kept as the opening keeps them (security/personalData.ts
 * `protectCase`, PIPL Arts. 28, 51): the ID number, phone and 民族 encrypted in `parties` (the ID
 * number's keyed hash recomputed), the snapshot holding the ID number only as that hash and no
 * phone or 民族, the case's party view masked. The trail entry is the payload `forAuditTrail` keeps:
 * those three masked (docs/decisions/party-correction.md).
 */
@Injectable()
export class PartyCorrections {
  constructor(private readonly protection: DataProtection) {}

  /** The flow's result as the host stores it: the corrected party's personal data digested or dropped. */
  protect(result: EventResult, event: FlowEvent): EventResult {
    if (event.type !== PARTY_CORRECTED) return result;
    const { partyId, changes } = correctionOf(event);
    const snapshot: CaseSnapshot = {
      ...result.snapshot,
      context: {
        ...result.snapshot.context,
        parties: result.snapshot.context.parties.map((p) => (p.id === partyId ? this.digested(p, changes) : p)),
      },
    };
    return { ...result, snapshot };
  }

  /**
   * The change with what a correction writes beside its event, and its trail entry's reason masked
   * as a document correction's is (an ID or mobile number written in it, PIPL Art. 51).
   */
  withCorrection(change: CaseChange, row: CaseRow, event: FlowEvent): CaseChange {
    const correctedParty = this.writeOf(row, event, change.snapshot);
    if (!correctedParty) return change;
    const payload = change.event.payload;
    const reason = typeof payload.reason === 'string' ? maskedReason(payload.reason) : payload.reason;
    return { ...change, correctedParty, event: { ...change.event, payload: { ...payload, reason } } };
  }

  /** Written beside the event: the party's changed columns, the case's party view and search text. */
  private writeOf(row: CaseRow, event: FlowEvent, snapshot: CaseSnapshot): CorrectedParty | null {
    if (event.type !== PARTY_CORRECTED) return null;
    const { partyId, changes } = correctionOf(event);
    const c = snapshot.context;
    return {
      partyId,
      columns: {
        name: changes.name ?? null,
        idNumberEncrypted: changes.idNumber ? this.protection.encrypt(changes.idNumber) : null,
        idNumberHash: changes.idNumber ? this.protection.hashIdNumber(changes.idNumber) : null,
        creditCode: changes.creditCode ?? null,
        phoneEncrypted: changes.phone ? this.protection.encrypt(changes.phone) : null,
        address: changes.address ?? null,
        agent: changes.agent ?? null,
        ethnicityEncrypted: changes.ethnicity ? this.protection.encrypt(changes.ethnicity) : null,
        occupation: changes.occupation ?? null,
      },
      partiesView: row.partiesView.map((v) => (v.id === partyId ? { ...v, ...maskedChanges(changes) } : v)),
      // As at opening (newCases.ts): the case is found by its parties' names as they are now.
      searchText: [row.caseNumber, c.summary, ...c.parties.map((p) => p.name)].join(' ').toLowerCase(),
    };
  }

  private digested(party: Party, changes: PartyChanges): Party {
    const { phone: _phone, ethnicity: _ethnicity, ...kept } = party as Party & { phone?: string };
    return changes.idNumber ? { ...kept, idNumber: this.protection.hashIdNumber(changes.idNumber) } : kept;
  }
}

/** The payload of `party.corrected`, which the flow's schema validated before the flow saw it. */
function correctionOf(event: FlowEvent): PartyCorrectedPayload {
  return event.payload as unknown as PartyCorrectedPayload;
}

/** The changes as every response shows a party (caseView.ts `partyView`): ID number, phone and 民族 masked. */
function maskedChanges(changes: PartyChanges): Partial<PartyView> {
  const { idNumber, phone, ethnicity, ...plain } = changes;
  return {
    ...plain,
    ...(idNumber ? { idNumber: maskIdNumber(idNumber) } : {}),
    ...(phone ? { phone: maskPhone(phone) } : {}),
    ...(ethnicity ? { ethnicity: maskEthnicity(ethnicity) } : {}),
  };
}
