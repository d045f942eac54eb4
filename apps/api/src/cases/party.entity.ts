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

  @Column('text', { name: 'id_number', nullable: true })
  idNumber: string | null;

  @Column('text', { name: 'credit_code', nullable: true })
  creditCode: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  agent: string | null;
}
