import type { FlowPolicy } from '@jiefen/flows';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * `governanceCentre` is a 综治中心 (社会治安综合治理中心): since the 2024–25 reform the county-level
 * dispute-resolution centres are folded into them, so a deployment names that node as it now is. It is
 * a centre for the tree, the targets and escalation (`isCentre`, docs/centres.md).
 */
export const ORGANIZATION_KINDS = [
  'centre',
  'governanceCentre',
  'committee',
  'court',
  'petitionOffice',
  'department',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

/** A node of the three-level tree (city → district → street → community) or a body attached to one. */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('text')
  name: string;

  /** The abbreviation in case numbers: 玄 in （2026）玄调字第00012号. */
  @Column('text', { name: 'short_name' })
  shortName: string;

  @Column('text')
  kind: OrganizationKind;

  @Column('text')
  level: OrganizationLevel;

  @Column('text')
  path: string;

  @Column('text', { name: 'case_number_pattern' })
  caseNumberPattern: string;

  /**
   * Local policy overriding the flows' *(cfg)* defaults (flows.md),
   * e.g. `{ mediationPeriod: { length: 30, unit: 'day' } }`.
   */
  @Column('jsonb')
  policy: FlowPolicy;

  /**
   * False once deactivated: the organisation and its history stay, but no
   * case is opened at it or handed to it (a trigger, migration 1763900000010).
   */
  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
