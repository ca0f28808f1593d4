import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StageEntity } from '../pipelines/stage.entity';
import { UserEntity } from '../users/user.entity';
import { PipelineItemEntity } from './pipeline-item.entity';

/** One stage change of an item (the first row is its creation); append-only. */
@Entity('stage_history')
@Index('ix_stage_history_item', ['itemId', 'id'])
@Index('ix_stage_history_to_stage', ['toStageId', 'movedAt'])
// Whether a stage was ever left (may it be deleted?), and the stage-row checks of its foreign key.
@Index('ix_stage_history_from_stage', ['fromStageId'], { where: '"from_stage_id" IS NOT NULL' })
@Index('ix_stage_history_pipeline', ['pipelineId', 'movedAt'])
export class StageHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => PipelineItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_stage_history_item' })
  item?: PipelineItemEntity;

  @Column({ type: 'uuid' })
  pipelineId!: string;

  @Column({ type: 'uuid', nullable: true })
  fromStageId!: string | null;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_stage_id', foreignKeyConstraintName: 'fk_stage_history_from_stage' })
  fromStage?: StageEntity;

  @Column({ type: 'uuid' })
  toStageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_stage_id', foreignKeyConstraintName: 'fk_stage_history_to_stage' })
  toStage?: StageEntity;

  /** Owner when it moved, so reports can group by owner at the time. */
  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'uuid', nullable: true })
  movedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'moved_by_id', foreignKeyConstraintName: 'fk_stage_history_moved_by' })
  movedBy?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  movedAt!: Date;

  /** Working days spent in the stage it left; null for the first row. */
  @Column({ type: 'integer', nullable: true })
  workingDaysInStage!: number | null;

  /** Whether it left that stage after its SLA had passed. */
  @Column({ type: 'boolean', default: false })
  breachedSla!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
