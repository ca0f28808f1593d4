import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountTokenPurpose } from '@irm/contracts';
import { UserEntity } from '../users/user.entity';

/**
 * A single-use link sent by email: an invitation to choose a first password, or a password reset.
 * Only the keyed hash of the secret is stored; the secret exists in the email alone.
 */
@Entity('account_token')
@Index('ix_account_token_user', ['userId'])
// At most one usable link per person and purpose: issuing a new one revokes the earlier ones.
@Index('uq_account_token_live', ['userId', 'purpose'], {
  unique: true,
  where: '"used_at" IS NULL AND "revoked_at" IS NULL',
})
@Check('chk_account_token_expiry', '"expires_at" > "created_at"')
@Check('chk_account_token_settled', '"used_at" IS NULL OR "revoked_at" IS NULL')
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_account_token_user' })
  user?: UserEntity;

  /** HMAC-SHA256 of the secret in the link, hex. */
  @Index('uq_account_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Replaced by a newer link, or void because the password was set another way or the account deactivated. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
