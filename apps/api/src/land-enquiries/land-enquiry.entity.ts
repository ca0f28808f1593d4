import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { decimal } from '../database/column-transformers';
import { PipelineItemEntity } from '../items/pipeline-item.entity';

const hectares = { type: 'numeric', precision: 10, scale: 2, transformer: decimal } as const;

/**
 * What only land enquiries have. The requested area, sector and assigned zone sit on the item; the hectares
 * held are written in the same transaction as the zone's land movements.
 */
@Entity('land_enquiry')
@Check('chk_land_enquiry_held', `"reserved_ha" >= 0 AND "leased_ha" >= 0`)
export class LandEnquiryEntity {
  @PrimaryColumn({ type: 'uuid' })
  itemId!: string;

  @OneToOne(() => PipelineItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_land_enquiry_item' })
  item?: PipelineItemEntity;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  preferredZoneIds!: string[];

  /** Hectares reserved for it now, in `reservedZoneId`. */
  @Column({ ...hectares, default: 0 })
  reservedHa!: number;

  @Column({ ...hectares, default: 0 })
  leasedHa!: number;

  /** The zone holding the reservation or lease (the assigned zone may change later). */
  @Column({ type: 'uuid', nullable: true })
  heldZoneId!: string | null;

  @Column({ type: 'date', nullable: true })
  wantedBy!: string | null;
}
