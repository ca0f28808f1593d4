import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ConsentSource, EmailConsent } from '@irm/contracts';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/** A person at an investor or met at an event. Search uses a trigram index created by migration. */
@Entity('contact')
@Index('ix_contact_owner', ['ownerId'])
@Index('ix_contact_organization', ['organizationId'])
@Index('ix_contact_name', ['fullName', 'id'])
// Lists sorted by last change or creation, newest first, page along these.
@Index('ix_contact_updated', ['updatedAt', 'id'])
@Index('ix_contact_created', ['createdAt', 'id'])
@Index('uq_contact_email', ['email'], { unique: true, where: '"email" IS NOT NULL' })
@Index('ix_contact_phone', ['phone'], { where: '"phone" IS NOT NULL' })
@Index('ix_contact_search', { synchronize: false })
@Check('chk_contact_language', `"preferred_language" IN ('vi', 'en', 'ja', 'ko', 'zh')`)
@Check(
  'chk_contact_consent_evidence',
  `"email_consent" = 'unknown' OR ("consent_changed_at" IS NOT NULL AND "consent_source" IS NOT NULL)`,
)
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'citext', nullable: true })
  email!: string | null;

  /** E.164. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  position!: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_contact_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'text', default: 'vi' })
  preferredLanguage!: string;

  @Column({ type: 'enum', enum: EmailConsent, enumName: 'email_consent', default: EmailConsent.Unknown })
  emailConsent!: EmailConsent;

  @Column({ type: 'timestamptz', nullable: true })
  consentChangedAt!: Date | null;

  @Column({ type: 'enum', enum: ConsentSource, enumName: 'consent_source', nullable: true })
  consentSource!: ConsentSource | null;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_contact_owner' })
  owner?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Unaccented, lower-case name for search; kept by a database trigger, never written or read by the app. */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchKey!: string;

  @VersionColumn()
  version!: number;
}

/** The fields a contact's audit entries compare and record, for edits and imports alike. */
export const CONTACT_AUDITED = [
  'fullName',
  'email',
  'phone',
  'position',
  'organizationId',
  'preferredLanguage',
  'emailConsent',
  'consentSource',
  'ownerId',
] as const satisfies readonly (keyof ContactEntity)[];
