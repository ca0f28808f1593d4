import {
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
import { LeadSource, OrganizationKind, OrganizationSize } from '@irm/contracts';
import { UserEntity } from '../users/user.entity';

/** An investor company. Search uses a trigram index on its unaccented name, created by migration. */
@Entity('organization')
@Index('ix_organization_owner', ['ownerId'])
@Index('ix_organization_name', ['name', 'id'])
// Lists sorted by last change or creation, newest first, page along these.
@Index('ix_organization_updated', ['updatedAt', 'id'])
@Index('ix_organization_created', ['createdAt', 'id'])
@Index('uq_organization_tax_code', ['taxCode'], { unique: true, where: '"tax_code" IS NOT NULL' })
@Index('ix_organization_search', { synchronize: false })
@Index('ix_organization_tax_code_prefix', { synchronize: false })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  legalName!: string | null;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  /** VSIC 2018 section letters or division codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors!: string[];

  @Column({ type: 'text', nullable: true })
  taxCode!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'enum', enum: OrganizationSize, enumName: 'organization_size', nullable: true })
  size!: OrganizationSize | null;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_organization_owner' })
  owner?: UserEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'enum', enum: LeadSource, enumName: 'lead_source', nullable: true })
  source!: LeadSource | null;

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

/** The fields an investor's audit entries compare and record, for edits and imports alike. */
export const ORGANIZATION_AUDITED = [
  'name',
  'legalName',
  'kind',
  'country',
  'sectors',
  'taxCode',
  'website',
  'size',
  'ownerId',
  'tags',
  'source',
] as const satisfies readonly (keyof OrganizationEntity)[];
