import type { CaseSnapshot } from '@jiefen/flows';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Another case this one is linked to, and how. */
export interface CaseLink {
  id: string;
  caseNumber: string;
  flowId: string;
  /** `continuesFrom`: this case takes up the other's agreement or dispute; `opened`: this case opened the other; `openedBy`: the reverse; `continuedBy`. */
  relation: 'continuesFrom' | 'continuedBy' | 'opened' | 'openedBy';
}

/** A case row: the flow snapshot plus the columns lists and reports filter on. */
@Entity({ name: 'cases' })
export class CaseRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'case_number' })
  caseNumber: string;

  @Column('text', { name: 'flow_id' })
  flowId: string;

  @Column('integer', { name: 'flow_version' })
  flowVersion: number;

  @Column('text')
  state: string;

  @Column('text')
  status: string;

  @Column('boolean')
  final: boolean;

  @Column('jsonb')
  snapshot: CaseSnapshot;

  @Column('integer')
  version: number;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text', { name: 'organization_path' })
  organizationPath: string;

  @Column('uuid', { name: 'receiving_organization_id' })
  receivingOrganizationId: string;

  @Column('text')
  category: string;

  @Column('text')
  channel: string;

  @Column('text', { name: 'risk_level' })
  riskLevel: string;

  @Column('numeric', { precision: 17, scale: 2, nullable: true })
  amount: string | null;

  @Column('text')
  summary: string;

  @Column('text', { name: 'search_text' })
  searchText: string;

  @Column('date', { name: 'received_on' })
  receivedOn: string;

  @Column('date', { name: 'accepted_on', nullable: true })
  acceptedOn: string | null;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn: string | null;

  @Column('boolean')
  overdue: boolean;

  @Column('uuid', { name: 'linked_case_id', nullable: true })
  linkedCaseId: string | null;

  @Column('uuid', { name: 'parent_case_id', nullable: true })
  parentCaseId: string | null;

  @Column('jsonb')
  links: CaseLink[];

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
