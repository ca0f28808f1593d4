import { Injectable, OnModuleInit } from '@nestjs/common';
import { EmailTemplateKey, RecordSubjectType, recordPath, ReminderKind } from '@irm/contracts';
import { EventContactStageKey } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../../calendar/working-calendar.service';
import { AppConfig } from '../../config/app-config';
import { MailService } from '../../mail/mail.service';
import { ReminderAudience } from '../reminder-audience';
import { ReminderDeliveries, reminderEmailKey } from '../reminder-deliveries';
import { ReminderSlotKind } from '../reminder.entity';
import { eventFollowUpSlot } from '../reminder-slots';
import { eventFollowUpDueAt } from '../reminder-times';
import type { DueReminder } from '../reminders.repository';

interface MetContact {
  id: string;
  title: string;
  ownerId: string;
  contactName: string | null;
  stageVi: string;
  stageEn: string;
}

/**
 * Some working days after an event, each owner of its event contacts still in "Met" gets one email listing
 * them, with links. Nothing is sent when the event is gone, its end date moved (that re-planned the
 * reminder), or nobody is left in "Met".
 */
@Injectable()
export class EventFollowUpDelivery implements OnModuleInit {
  constructor(
    private readonly deliveries: ReminderDeliveries,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly audience: ReminderAudience,
    private readonly calendar: WorkingCalendarService,
  ) {}

  onModuleInit(): void {
    this.deliveries.register(ReminderSlotKind.EventFollowUp, (manager, reminder) => this.deliver(manager, reminder));
  }

  private async deliver(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const eventId = reminder.slot.slice(eventFollowUpSlot('').length);
    const [event] = (await manager.query(
      `SELECT id, name, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM promotion_event WHERE id = $1 FOR SHARE`,
      [eventId],
    )) as { id: string; name: string; endsOn: string }[];
    if (!event) return 0;
    const days = await this.calendar.current(manager);
    const plannedFor = eventFollowUpDueAt(days, event.endsOn, this.config.EVENT_FOLLOW_UP_WORKING_DAYS);
    if (plannedFor.getTime() !== new Date(reminder.dueAt).getTime()) return 0;

    // Event contacts link to their event by pipeline_item.event_id; "Met" is the stage with that key.
    const contacts = (await manager.query(
      `SELECT i.id, i.title, i.owner_id AS "ownerId", c.full_name AS "contactName",
              s.name_vi AS "stageVi", s.name_en AS "stageEn"
         FROM pipeline_item i
         JOIN stage s ON s.id = i.stage_id
         LEFT JOIN contact c ON c.id = i.contact_id
        WHERE i.event_id = $1 AND i.kind = 'event_contact' AND s.key = $2 AND i.closed_at IS NULL
        ORDER BY i.owner_id, coalesce(c.full_name, i.title), i.id`,
      [event.id, EventContactStageKey.Met],
    )) as MetContact[];
    const owners = await this.audience.wanting(
      manager,
      ReminderKind.EventFollowUp,
      contacts.map((contact) => contact.ownerId),
    );
    const base = this.config.appUrl.replace(/\/+$/, '');
    for (const ownerId of owners) {
      const own = contacts.filter((contact) => contact.ownerId === ownerId);
      await this.mail.queue(manager, {
        idempotencyKey: reminderEmailKey(reminder, ownerId),
        template: EmailTemplateKey.Notification,
        to: { userId: ownerId },
        data: {
          subject: {
            vi: `Liên hệ lại sau sự kiện: ${event.name}`,
            en: `Follow up after ${event.name}`,
          },
          paragraphs: [
            {
              vi: `${own.length} liên hệ anh/chị gặp tại sự kiện "${event.name}" vẫn ở giai đoạn "${own[0].stageVi}". Hãy liên hệ lại với họ:`,
              en: `${own.length} ${own.length === 1 ? 'person' : 'people'} you met at "${event.name}" ${own.length === 1 ? 'is' : 'are'} still in the "${own[0].stageEn}" stage. Time to get back in touch:`,
            },
          ],
          links: own.map((contact) => ({
            label:
              contact.contactName && contact.contactName !== contact.title
                ? `${contact.contactName} – ${contact.title}`
                : contact.title,
            url: `${base}${recordPath(RecordSubjectType.EventContact, contact.id)}`,
          })),
        },
      });
    }
    return owners.length;
  }
}
