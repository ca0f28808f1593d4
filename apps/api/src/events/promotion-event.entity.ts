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
import { PromotionEventKind } from '@irm/contracts';
import { bigintNumber } from '../database/column-transformers';
import { UserEntity } from '../users/user.entity';

/** A conference, roadshow, trade fair, site-visit tour or webinar the agency runs or attends. */
@Entity('promotion_event')
@Index('ix_promotion_event_starts', ['startsOn', 'id'])
@Check('chk_promotion_event_dates', `"ends_on" >= "starts_on"`)
@Check('chk_promotion_event_name', `length(btrim("name")) > 0`)
@Check('chk_promotion_event_budget', `"budget_vnd" IS NULL OR "budget_vnd" >= 0`)
export class PromotionEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: PromotionEventKind, enumName: 'promotion_event_kind' })
  kind!: PromotionEventKind;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  budgetVnd!: number | null;

  @Column({ type: 'text', nullable: true })
  organizer!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_promotion_event_owner' })
  owner?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
