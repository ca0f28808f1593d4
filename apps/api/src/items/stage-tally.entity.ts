import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StageEntity } from '../pipelines/stage.entity';

/**
 * Per stage and overdue day: how many items, and the sums of their figures. Kept by triggers on pipeline_item
 * (StageTally migration), never written by the application; unfiltered boards read it.
 */
@Entity('stage_tally')
export class StageTallyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_stage_tally' })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id', foreignKeyConstraintName: 'fk_stage_tally_stage' })
  stage?: StageEntity;

  /** The first overdue working day of the items counted here; 'infinity' for items that never fall overdue. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_stage_tally' })
  overdueFrom!: string;

  @Column({ type: 'integer' })
  items!: number;

  @Column({ type: 'integer' })
  areaItems!: number;

  @Column({ type: 'numeric' })
  areaHa!: string;

  @Column({ type: 'integer' })
  capitalItems!: number;

  @Column({ type: 'numeric' })
  capitalUsd!: string;

  @Column({ type: 'integer' })
  amountItems!: number;

  @Column({ type: 'numeric' })
  amountVnd!: string;
}
