import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A party of a case, stored beside the snapshot so cases can be found by a party's ID number. */
@Entity({ name: 'parties' })
export class PartyRecord {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('text', { name: 'party_id' })
  partyId: string;

  @Column('text')
  role: string;

  @Column('text')
  kind: string;

  @Column('text')
  name: string;

  /** AES-GCM ciphertext (see security/dataProtection.ts). */
  @Column('text', { name: 'id_number_encrypted', nullable: true })
  idNumberEncrypted: string | null;

  /** Keyed hash (HMAC-SHA256) of the ID number, to find cases by it. */
  @Column('text', { name: 'id_number_hash', nullable: true })
  idNumberHash: string | null;

  @Column('text', { name: 'credit_code', nullable: true })
  creditCode: string | null;

  @Column('text', { name: 'phone_encrypted', nullable: true })
  phoneEncrypted: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  agent: string | null;
}
