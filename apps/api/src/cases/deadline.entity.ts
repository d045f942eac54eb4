import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The durable form of a running deadline: what the scheduler claims when it falls due. */
@Entity({ name: 'deadlines' })
export class DeadlineRecord {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('text')
  kind: string;

  @Column('text')
  sort: string;

  @Column('text')
  status: string;

  @Column('text')
  basis: string;

  @Column('date', { name: 'due_on', nullable: true })
  dueOn: string | null;

  @Column('date', { name: 'remind_on', nullable: true })
  remindOn: string | null;

  @Column('boolean')
  provisional: boolean;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text', { name: 'organization_path' })
  organizationPath: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
