import { Injectable, OnModuleInit } from '@nestjs/common';
import { EmailTemplateKey, RecordSubjectType, recordPath, ReminderKind } from '@irm/contracts';
import { localDate, WorkingDays } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../../calendar/working-calendar.service';
import { AppConfig } from '../../config/app-config';
import { MailService } from '../../mail/mail.service';
import { ReminderAudience } from '../reminder-audience';
import { ReminderDeliveries, reminderEmailKey } from '../reminder-deliveries';
import { ReminderSlotKind } from '../reminder.entity';
import { slaEscalationDueAt, slaOverdueDueAt } from '../reminder-times';
import type { DueReminder } from '../reminders.repository';

interface OverdueItem {
  id: string;
  kind: RecordSubjectType;
  title: string;
  ownerId: string;
  ownerName: string;
  stageVi: string;
  stageEn: string;
  slaDueOn: string | null;
  overdueFrom: string | null;
  closed: boolean;
}

const ITEM_NAMES: Record<string, { vi: string; en: string }> = {
  [RecordSubjectType.Prospect]: { vi: 'Dự án tiềm năng', en: 'Prospect' },
  [RecordSubjectType.LandEnquiry]: { vi: 'Yêu cầu thuê đất', en: 'Land enquiry' },
  [RecordSubjectType.LoanApplication]: { vi: 'Hồ sơ vay ưu đãi', en: 'Loan application' },
  [RecordSubjectType.EventContact]: { vi: 'Liên hệ từ sự kiện', en: 'Event contact' },
};

const workingDaysText = (count: number): { vi: string; en: string } => ({
  vi: `${count} ngày làm việc`,
  en: `${count} working day${count === 1 ? '' : 's'}`,
});

/**
 * An item past its stage SLA: its owner hears at 08:00 on the first overdue day, the managers some working
 * days later if it is still overdue in the same stage. Both check at fire time that the item is still open
 * and overdue with the SLA dates the reminder was planned for (a move or an SLA change re-plans it).
 */
@Injectable()
export class SlaReminderDelivery implements OnModuleInit {
  constructor(
    private readonly deliveries: ReminderDeliveries,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly audience: ReminderAudience,
    private readonly calendar: WorkingCalendarService,
  ) {}

  onModuleInit(): void {
    this.deliveries.register(ReminderSlotKind.SlaOverdue, (manager, reminder) => this.overdue(manager, reminder));
    this.deliveries.register(ReminderSlotKind.SlaEscalation, (manager, reminder) => this.escalate(manager, reminder));
  }

  private async overdue(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const found = await this.stillOverdue(manager, reminder, (item) =>
      slaOverdueDueAt(item.overdueFrom!, this.calendar.timeZone),
    );
    if (!found) return 0;
    const { item, overdueDays } = found;
    const [ownerId] = await this.audience.wanting(manager, ReminderKind.SlaOverdue, [item.ownerId]);
    if (!ownerId) return 0;
    const days = workingDaysText(overdueDays);
    await this.mail.queue(manager, {
      idempotencyKey: reminderEmailKey(reminder, ownerId),
      template: EmailTemplateKey.Notification,
      to: { userId: ownerId },
      about: { type: item.kind, id: item.id },
      data: {
        subject: { vi: `Quá hạn: ${item.title}`, en: `Overdue: ${item.title}` },
        paragraphs: [
          {
            vi: `${ITEM_NAMES[item.kind].vi} "${item.title}" đã quá hạn ${days.vi} ở giai đoạn "${item.stageVi}".`,
            en: `${ITEM_NAMES[item.kind].en} "${item.title}" is ${days.en} overdue in the "${item.stageEn}" stage.`,
          },
          {
            vi: 'Hãy xử lý và chuyển sang giai đoạn tiếp theo, hoặc ghi lại lý do chậm trễ.',
            en: 'Please act on it and move it on, or note why it is waiting.',
          },
        ],
        action: { label: { vi: 'Mở hồ sơ', en: 'Open the record' }, url: this.link(item) },
      },
    });
    return 1;
  }

  private async escalate(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const days = await this.calendar.current(manager);
    const found = await this.stillOverdue(manager, reminder, (item) =>
      slaEscalationDueAt(days, item.overdueFrom!, this.config.SLA_ESCALATION_WORKING_DAYS),
    );
    if (!found) return 0;
    const { item, overdueDays } = found;
    const managers = await this.audience.managers(manager, ReminderKind.SlaEscalation);
    const late = workingDaysText(overdueDays);
    for (const managerId of managers) {
      await this.mail.queue(manager, {
        idempotencyKey: reminderEmailKey(reminder, managerId),
        template: EmailTemplateKey.Notification,
        to: { userId: managerId },
        about: { type: item.kind, id: item.id },
        data: {
          subject: {
            vi: `Cần chú ý: ${item.title} quá hạn ${late.vi}`,
            en: `Escalation: ${item.title} is ${late.en} overdue`,
          },
          paragraphs: [
            {
              vi: `${ITEM_NAMES[item.kind].vi} "${item.title}" do ${item.ownerName} phụ trách vẫn ở giai đoạn "${item.stageVi}", đã quá hạn ${late.vi}.`,
              en: `${ITEM_NAMES[item.kind].en} "${item.title}", owned by ${item.ownerName}, is still in the "${item.stageEn}" stage, ${late.en} overdue.`,
            },
            {
              vi: 'Anh/chị có thể trao đổi với người phụ trách hoặc giao lại hồ sơ.',
              en: 'You may want to talk to the owner or reassign it.',
            },
          ],
          action: { label: { vi: 'Mở hồ sơ', en: 'Open the record' }, url: this.link(item) },
        },
      });
    }
    return managers.length;
  }

  /**
   * The item if it is open and overdue today with the SLA dates this reminder was planned from, and the
   * working days it is overdue by; undefined when the reason has gone.
   */
  private async stillOverdue(
    manager: EntityManager,
    reminder: DueReminder,
    plannedAt: (item: OverdueItem) => Date,
  ): Promise<{ item: OverdueItem; overdueDays: number } | undefined> {
    if (!reminder.subjectId) return undefined;
    const [item] = (await manager.query(
      `SELECT i.id, i.kind::text AS kind, i.title, i.owner_id AS "ownerId", u.name AS "ownerName",
              s.name_vi AS "stageVi", s.name_en AS "stageEn", i.closed_at IS NOT NULL AS closed,
              to_char(i.sla_due_on, 'YYYY-MM-DD') AS "slaDueOn", to_char(i.overdue_from, 'YYYY-MM-DD') AS "overdueFrom"
         FROM pipeline_item i JOIN stage s ON s.id = i.stage_id JOIN app_user u ON u.id = i.owner_id
        WHERE i.id = $1 FOR SHARE OF i`,
      [reminder.subjectId],
    )) as OverdueItem[];
    if (!item || item.closed || !item.overdueFrom) return undefined;
    // Moved to another stage, or its SLA changed, since this was planned: the sweep plans the new moment.
    if (plannedAt(item).getTime() !== new Date(reminder.dueAt).getTime()) return undefined;
    const today = localDate(new Date(), this.calendar.timeZone);
    if (today < item.overdueFrom) return undefined;
    const days: WorkingDays = await this.calendar.current(manager);
    const overdueDays = days.between(item.slaDueOn ?? item.overdueFrom, today) + (item.slaDueOn ? 0 : 1);
    return { item, overdueDays: Math.max(1, overdueDays) };
  }

  private link(item: OverdueItem): string {
    return `${this.config.appUrl.replace(/\/+$/, '')}${recordPath(item.kind, item.id)}`;
  }
}
