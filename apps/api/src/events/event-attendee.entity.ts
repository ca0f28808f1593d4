import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity';
import { PipelineItemEntity } from '../items/pipeline-item.entity';
import { UserEntity } from '../users/user.entity';
import { PromotionEventEntity } from './promotion-event.entity';

/** A person who attended an event; each gets an event-contact item in the event-contact pipeline. */
@Entity('event_attendee')
@Index('uq_event_attendee_contact', ['eventId', 'contactId'], { unique: true })
@Index('ix_event_attendee_contact', ['contactId'])
@Index('uq_event_attendee_item', ['itemId'], { unique: true })
export class EventAttendeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => PromotionEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_attendee_event' })
  event?: PromotionEventEntity;

  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_event_attendee_contact' })
  contact?: ContactEntity;

  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => PipelineItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_event_attendee_item' })
  item?: PipelineItemEntity;

  @Column({ type: 'uuid' })
  addedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_by_id', foreignKeyConstraintName: 'fk_event_attendee_added_by' })
  addedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt!: Date;
}
