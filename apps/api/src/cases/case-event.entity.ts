import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who sent an event: a signed-in user, or the engine itself. */
export interface Actor {
  userId: string;
  username?: string;
  role: string;
  organizationId: string | null;
}

/** One entry of a case's append-only audit trail; `seq` is the case version it produced. */
@Entity({ name: 'case_events' })
export class CaseEventRecord {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column('text')
  type: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('jsonb')
  actor: Actor;

  @Column('timestamptz')
  at: Date;

  /** The day (China Standard Time) the flow was given for this event. */
  @Column('date')
  today: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;
}
