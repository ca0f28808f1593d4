import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A person's choice of reminder mail: the kinds they turned off. No row means every kind is on (version 0);
 * the first save creates the row. Kinds added later are therefore on for everyone until they turn them off.
 */
@Entity('user_notification_settings')
export class UserNotificationSettingsEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_user_notification_settings' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_notification_settings_user' })
  user?: UserEntity;

  /** ReminderKind values the person does not want. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  optedOut!: string[];

  @VersionColumn()
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
