import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ZoneStatus, ZoneType } from '@irm/contracts';
import { decimal } from '../database/column-transformers';

const hectares = { type: 'numeric', precision: 10, scale: 2, transformer: decimal } as const;

/** An industrial park or cluster and its land bank; the database refuses to oversell it. */
@Entity('zone')
@Check('chk_zone_land_bank_non_negative', '"industrial_land_ha" >= 0 AND "leased_ha" >= 0 AND "reserved_ha" >= 0')
@Check('chk_zone_land_bank_not_oversold', '"leased_ha" + "reserved_ha" <= "industrial_land_ha"')
@Check('chk_zone_industrial_within_total', '"industrial_land_ha" <= "total_area_ha"')
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

  @Column({ type: 'text', nullable: true })
  infrastructureInvestor!: string | null;

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
