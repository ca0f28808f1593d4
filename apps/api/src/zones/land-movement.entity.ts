import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LandMovementKind } from '@irm/contracts';
import { decimal } from '../database/column-transformers';
import { UserEntity } from '../users/user.entity';
import { ZoneEntity } from './zone.entity';

const hectares = { type: 'numeric', precision: 10, scale: 2, transformer: decimal } as const;

/**
 * One entry of a zone's land ledger. Append-only: triggers refuse UPDATE and DELETE, and a BEFORE INSERT
 * trigger applies the deltas to the zone's totals (under the zone's row lock, so the zone's CHECKs decide)
 * and fills in the figures after it.
 */
@Entity('land_movement')
@Index('ix_land_movement_zone', ['zoneId', 'id'])
@Index('ix_land_movement_cause', ['causeType', 'causeId'], { where: '"cause_id" IS NOT NULL' })
@Check(
  'chk_land_movement_kind_deltas',
  `CASE "kind"
    WHEN 'reserve' THEN "leased_delta_ha" = 0 AND "reserved_delta_ha" > 0
    WHEN 'release' THEN "leased_delta_ha" = 0 AND "reserved_delta_ha" < 0
    WHEN 'lease' THEN "leased_delta_ha" > 0 AND "reserved_delta_ha" = -"leased_delta_ha"
    ELSE "leased_delta_ha" <> 0 OR "reserved_delta_ha" <> 0 END`,
)
@Check('chk_land_movement_reason', `length(btrim("reason")) > 0`)
@Check('chk_land_movement_cause', `("cause_type" IS NULL) = ("cause_id" IS NULL)`)
export class LandMovementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  zoneId!: string;

  @ManyToOne(() => ZoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'zone_id', foreignKeyConstraintName: 'fk_land_movement_zone' })
  zone?: ZoneEntity;

  @Column({ type: 'enum', enum: LandMovementKind, enumName: 'land_movement_kind' })
  kind!: LandMovementKind;

  @Column({ ...hectares, default: 0 })
  leasedDeltaHa!: number;

  @Column({ ...hectares, default: 0 })
  reservedDeltaHa!: number;

  /** Set by the insert trigger from the zone's totals after this movement. */
  @Column({ ...hectares })
  leasedAfterHa!: number;

  @Column({ ...hectares })
  reservedAfterHa!: number;

  @Column({ ...hectares })
  availableAfterHa!: number;

  @Column({ type: 'text' })
  reason!: string;

  /** The item that caused it, e.g. `land_enquiry` and its id. */
  @Column({ type: 'text', nullable: true })
  causeType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  causeId!: string | null;

  /** Null when the system made it (opening balances). */
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_land_movement_author' })
  author?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
