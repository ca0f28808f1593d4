import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { PipelineKind } from '@irm/contracts';

@Entity('pipeline')
export class PipelineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_pipeline_kind', { unique: true })
  @Column({ type: 'enum', enum: PipelineKind, enumName: 'pipeline_kind' })
  kind!: PipelineKind;

  @Column({ type: 'text' })
  nameVi!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
