import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderSlotKind } from './reminder.entity';
import type { DueReminder } from './reminders.repository';

/**
 * Decides, when a reminder is due, who is told what, and queues those emails in the given transaction.
 * Returns the number of emails queued; 0 when the reason has gone (task done, item moved on) or nobody wants
 * it. Must key each email by the reminder id and occurrence so a repeated firing queues nothing new.
 */
export type ReminderDelivery = (manager: EntityManager, reminder: DueReminder) => Promise<number>;

/** The delivery of each reminder kind, registered by the feature that owns the kind. */
@Injectable()
export class ReminderDeliveries {
  private readonly deliveries = new Map<ReminderSlotKind, ReminderDelivery>();

  register(kind: ReminderSlotKind, delivery: ReminderDelivery): void {
    if (this.deliveries.has(kind)) throw new Error(`A delivery for ${kind} reminders is already registered`);
    this.deliveries.set(kind, delivery);
  }

  get(kind: ReminderSlotKind): ReminderDelivery {
    const delivery = this.deliveries.get(kind);
    if (!delivery) throw new Error(`No delivery is registered for ${kind} reminders`);
    return delivery;
  }
}

/** The idempotency key of one email of one reminder occurrence to one recipient. */
export function reminderEmailKey(reminder: DueReminder, recipientId: string): string {
  return `reminder:${reminder.id}:${reminder.occurrence}:${recipientId}`;
}
