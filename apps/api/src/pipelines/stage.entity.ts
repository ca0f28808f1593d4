import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { StageType } from '@irm/contracts';
import { PipelineEntity } from './pipeline.entity';

@Entity('stage')
@Index('uq_stage_pipeline_key', ['pipelineId', 'key'], { unique: true })
@Check('chk_stage_sla_positive', '"sla_working_days" IS NULL OR "sla_working_days" > 0')
export class StageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pipelineId!: string;

  @ManyToOne(() => PipelineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_id', foreignKeyConstraintName: 'fk_stage_pipeline' })
  pipeline?: PipelineEntity;

  /** Stable identifier used by rules (e.g. `land_reserved`); names may be renamed freely. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  nameVi!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  /** What investors read on their tracking page; null: a wording derived from the stage's type and place. */
  @Column({ type: 'text', nullable: true })
  publicLabelVi!: string | null;

  @Column({ type: 'text', nullable: true })
  publicLabelEn!: string | null;

  @Column({ type: 'enum', enum: StageType, enumName: 'stage_type' })
  type!: StageType;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer', nullable: true })
  slaWorkingDays!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @VersionColumn()
  version!: number;
}
