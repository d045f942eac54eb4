import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const USER_ROLES = ['reception', 'mediator', 'supervisor', 'court', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person who signs in: reception staff, a mediator, a supervisor, a court clerk or judge, an administrator. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  username: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('text')
  role: UserRole;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('boolean')
  disabled: boolean;

  /**
   * Named by every token issued to the user; bumped by the database when
   * `disabled`, `role` or `organizationId` change, which revokes older tokens.
   */
  @Column({ type: 'integer', name: 'token_version', insert: false, update: false })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
