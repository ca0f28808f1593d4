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
import { LeadSource, PipelineKind } from '@irm/contracts';
import { bigintNumber, decimal } from '../database/column-transformers';
import { ContactEntity } from '../contacts/contact.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PipelineEntity } from '../pipelines/pipeline.entity';
import { StageEntity } from '../pipelines/stage.entity';
import { UserEntity } from '../users/user.entity';
import { ZoneEntity } from '../zones/zone.entity';
import { PromotionEventEntity } from '../events/promotion-event.entity';

/**
 * Any item of any pipeline: prospect, land enquiry, loan application or event contact. The columns boards,
 * filters and reports need live here so they read one table; what only one kind has lives in its own table
 * keyed by the item's id.
 */
@Entity('pipeline_item')
// A board column: the cards of one stage, oldest in stage first.
@Index('ix_pipeline_item_stage', ['stageId', 'stageEnteredAt', 'id'])
@Index('ix_pipeline_item_owner', ['ownerId', 'stageId'])
// Lists of one kind, in each order they offer.
@Index('ix_pipeline_item_kind_updated', ['kind', 'updatedAt', 'id'])
@Index('ix_pipeline_item_kind_entered', ['kind', 'stageEnteredAt', 'id'])
@Index('ix_pipeline_item_kind_title', ['kind', 'title', 'id'])
// A board's counts and sums per stage, read from the index alone (INCLUDE columns; created by migration).
@Index('ix_pipeline_item_board', { synchronize: false })
// Title search: trigram GIN on the unaccented, lower-case title (created by migration).
@Index('ix_pipeline_item_search', { synchronize: false })
@Index('ix_pipeline_item_overdue', ['pipelineId', 'overdueFrom'], { where: '"overdue_from" IS NOT NULL' })
@Index('ix_pipeline_item_organization', ['organizationId'], { where: '"organization_id" IS NOT NULL' })
@Index('ix_pipeline_item_contact', ['contactId'], { where: '"contact_id" IS NOT NULL' })
@Index('ix_pipeline_item_event', ['eventId'], { where: '"event_id" IS NOT NULL' })
@Index('ix_pipeline_item_zone', ['zoneId'], { where: '"zone_id" IS NOT NULL' })
@Index('ix_pipeline_item_source_item', ['sourceItemId'], { where: '"source_item_id" IS NOT NULL' })
// Covering and partial indexes the reports read from (INCLUDE columns, so created by the ReportIndexes migration).
@Index('ix_pipeline_item_overdue_open', { synchronize: false })
@Index('ix_pipeline_item_kind_created', { synchronize: false })
@Index('ix_pipeline_item_open_land', { synchronize: false })
@Check('chk_pipeline_item_title', `length(btrim("title")) > 0`)
@Check('chk_pipeline_item_area', `"area_ha" IS NULL OR "area_ha" > 0`)
@Check('chk_pipeline_item_capital', `"capital_usd" IS NULL OR "capital_usd" >= 0`)
@Check('chk_pipeline_item_jobs', `"expected_jobs" IS NULL OR "expected_jobs" >= 0`)
@Check('chk_pipeline_item_amount', `"amount_vnd" IS NULL OR "amount_vnd" > 0`)
export class PipelineItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: PipelineKind, enumName: 'pipeline_kind' })
  kind!: PipelineKind;

  @Column({ type: 'uuid' })
  pipelineId!: string;

  @ManyToOne(() => PipelineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pipeline_id', foreignKeyConstraintName: 'fk_pipeline_item_pipeline' })
  pipeline?: PipelineEntity;

  @Column({ type: 'uuid' })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stage_id', foreignKeyConstraintName: 'fk_pipeline_item_stage' })
  stage?: StageEntity;

  /** Project name, or what the enquiry or application is for. */
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_pipeline_item_owner' })
  owner?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_pipeline_item_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'uuid', nullable: true })
  contactId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_pipeline_item_contact' })
  contact?: ContactEntity;

  /** The promotion event the item came from. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => PromotionEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_pipeline_item_event' })
  event?: PromotionEventEntity;

  /** The assigned zone (land enquiries). */
  @Column({ type: 'uuid', nullable: true })
  zoneId!: string | null;

  @ManyToOne(() => ZoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'zone_id', foreignKeyConstraintName: 'fk_pipeline_item_zone' })
  zone?: ZoneEntity;

  /** The event contact this item was converted from. */
  @Column({ type: 'uuid', nullable: true })
  sourceItemId!: string | null;

  @ManyToOne(() => PipelineItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_item_id', foreignKeyConstraintName: 'fk_pipeline_item_source_item' })
  sourceItem?: PipelineItemEntity;

  /** A `ZoneSector`. */
  @Column({ type: 'text', nullable: true })
  sector!: string | null;

  @Column({ type: 'enum', enum: LeadSource, enumName: 'lead_source', nullable: true })
  source!: LeadSource | null;

  /** Hectares requested (land enquiries). */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: decimal })
  areaHa!: number | null;

  /** Planned investment, USD. */
  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: decimal })
  capitalUsd!: number | null;

  @Column({ type: 'integer', nullable: true })
  expectedJobs!: number | null;

  /** Loan amount requested, VND. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  amountVnd!: number | null;

  @Column({ type: 'timestamptz' })
  stageEnteredAt!: Date;

  /** Last working day of the current stage's SLA; null without an SLA or outside open stages. */
  @Column({ type: 'date', nullable: true })
  slaDueOn!: string | null;

  /**
   * The first working day on which it counts as overdue (the working day after `slaDueOn`), so "overdue" is
   * `overdue_from <= today` in SQL. Recomputed when holidays or the stage's SLA change.
   */
  @Column({ type: 'date', nullable: true })
  overdueFrom!: string | null;

  @Column({ type: 'text', nullable: true })
  lostReason!: string | null;

  /** When it entered a won or lost stage; null while open. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Unaccented, lower-case title for search; kept by a database trigger, never written or read by the app. */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchKey!: string;

  @VersionColumn()
  version!: number;
}
