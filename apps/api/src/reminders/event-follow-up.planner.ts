import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { AppConfig } from '../config/app-config';
import { ReminderSlotKind } from './reminder.entity';
import { eventFollowUpSlot } from './reminder-slots';
import { eventFollowUpDueAt } from './reminder-times';
import { RemindersService } from './reminders.service';

/**
 * Plans an event's follow-up in the transaction that creates the event or changes its dates, so the reminder
 * is there as soon as the event is. The reminder sweep only moves pending follow-ups when holidays change.
 */
@Injectable()
export class EventFollowUpPlanner {
  constructor(
    private readonly reminders: RemindersService,
    private readonly calendar: WorkingCalendarService,
    private readonly config: AppConfig,
  ) {}

  async plan(manager: EntityManager, event: { id: string; endsOn: LocalDate }): Promise<void> {
    const days = await this.calendar.current(manager);
    await this.reminders.plan(manager, {
      slot: eventFollowUpSlot(event.id),
      kind: ReminderSlotKind.EventFollowUp,
      dueAt: eventFollowUpDueAt(days, event.endsOn, this.config.EVENT_FOLLOW_UP_WORKING_DAYS),
    });
  }

  async cancel(manager: EntityManager, eventId: string): Promise<void> {
    await this.reminders.cancel(manager, [eventFollowUpSlot(eventId)]);
  }
}
