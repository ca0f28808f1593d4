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
import { ZoneStatus, ZoneType } from '@irm/contracts';
import { decimal } from '../database/column-transformers';
import { OrganizationEntity } from '../organizations/organization.entity';

const hectares = { type: 'numeric', precision: 10, scale: 2, transformer: decimal } as const;

/**
 * An industrial park or cluster and its land bank; the database refuses to oversell it. leased_ha and
 * reserved_ha are running totals of the zone's land_movement rows, kept by triggers (see the LandLedger
 * migration): nothing else may change them. Search uses a trigram index created by migration.
 */
@Entity('zone')
@Index('ix_zone_infrastructure_investor', ['infrastructureInvestorId'])
@Index('ix_zone_search', { synchronize: false })
@Check('chk_zone_land_bank_non_negative', '"industrial_land_ha" >= 0 AND "leased_ha" >= 0 AND "reserved_ha" >= 0')
@Check('chk_zone_land_bank_not_oversold', '"leased_ha" + "reserved_ha" <= "industrial_land_ha"')
@Check('chk_zone_industrial_within_total', '"industrial_land_ha" <= "total_area_ha"')
@Check('chk_zone_workforce_non_negative', '"workforce" IS NULL OR "workforce" >= 0')
@Check(
  'chk_zone_coordinates',
  '("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180))',
)
export class ZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_zone_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'enum', enum: ZoneType, enumName: 'zone_type' })
  type!: ZoneType;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  district!: string;

  @Column({ type: 'enum', enum: ZoneStatus, enumName: 'zone_status' })
  status!: ZoneStatus;

  @Column({ ...hectares })
  totalAreaHa!: number;

  @Column({ ...hectares })
  industrialLandHa!: number;

  @Column({ ...hectares, default: 0 })
  leasedHa!: number;

  @Column({ ...hectares, default: 0 })
  reservedHa!: number;

  @Column({ type: 'uuid', nullable: true })
  infrastructureInvestorId!: string | null;

  /** An investor that is a zone's infrastructure investor cannot be deleted while it is one. */
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'infrastructure_investor_id', foreignKeyConstraintName: 'fk_zone_infrastructure_investor' })
  infrastructureInvestor?: OrganizationEntity;

  @Column({ type: 'integer', nullable: true })
  workforce!: number | null;

  @Column({ type: 'text', nullable: true })
  craftVillage!: string | null;

  /** WGS 84 degrees; both or neither. */
  @Column({ type: 'numeric', precision: 8, scale: 6, nullable: true, transformer: decimal })
  latitude!: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: decimal })
  longitude!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors!: string[];

  /** Figures not taken from a public source are marked so in the seed and the UI. */
  @Column({ type: 'boolean', default: false })
  illustrative!: boolean;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
