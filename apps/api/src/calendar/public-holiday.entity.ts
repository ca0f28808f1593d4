import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A day off besides the weekend, in the business time zone; SLAs skip it. Managers keep the list. */
@Entity('public_holiday')
@Check('chk_public_holiday_basis', `"basis" IN ('statutory', 'decided', 'assumed', 'compensatory')`)
export class PublicHolidayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_public_holiday' })
  date!: string;

  @Column({ type: 'text' })
  nameVi!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  basis!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
