import { Injectable, OnModuleInit } from '@nestjs/common';
import { EmailTemplateKey, RecordSubjectType, recordPath, ReminderKind } from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MailService } from '../../mail/mail.service';
import { formatInstant } from '../../mail/templates/localized';
import { ReminderAudience } from '../reminder-audience';
import { ReminderDeliveries, reminderEmailKey } from '../reminder-deliveries';
import { ReminderSlotKind } from '../reminder.entity';
import { taskReminderSlot } from '../reminder-slots';
import type { DueReminder } from '../reminders.repository';

interface DueTask {
  id: string;
  title: string;
  notes: string | null;
  dueAt: Date;
  remindAt: Date | null;
  done: boolean;
  assigneeId: string;
  subjectType: RecordSubjectType | null;
  subjectId: string | null;
}

/** At a task's reminder time, the assignee gets an email with the task, its due time and a link. */
@Injectable()
export class TaskReminderDelivery implements OnModuleInit {
  constructor(
    private readonly deliveries: ReminderDeliveries,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly audience: ReminderAudience,
  ) {}

  onModuleInit(): void {
    this.deliveries.register(ReminderSlotKind.TaskReminder, (manager, reminder) => this.deliver(manager, reminder));
  }

  private async deliver(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const taskId = reminder.slot.slice(taskReminderSlot('').length);
    const [task] = (await manager.query(
      `SELECT t.id, t.title, t.notes, t.due_at AS "dueAt", t.remind_at AS "remindAt", t.done,
              t.assignee_id AS "assigneeId", t.subject_type AS "subjectType", t.subject_id AS "subjectId"
         FROM task t
        WHERE t.id = $1 FOR UPDATE`,
      [taskId],
    )) as DueTask[];
    // Done, deleted, or its reminder moved by a change that has not planned yet: nothing to say now.
    if (!task || task.done || task.remindAt?.getTime() !== new Date(reminder.dueAt).getTime()) return 0;
    const [wanting] = await this.audience.wanting(manager, ReminderKind.TaskReminder, [task.assigneeId]);
    if (!wanting) return 0;
    const base = this.config.appUrl.replace(/\/+$/, '');
    const link = task.subjectType && task.subjectId ? recordPath(task.subjectType, task.subjectId) : '/tasks';
    const due = (language: 'vi' | 'en') => formatInstant(task.dueAt.toISOString(), language, this.config.TZ_BUSINESS);
    await this.mail.queue(manager, {
      idempotencyKey: reminderEmailKey(reminder, task.assigneeId),
      template: EmailTemplateKey.Notification,
      to: { userId: task.assigneeId },
      about: task.subjectType && task.subjectId ? { type: task.subjectType, id: task.subjectId } : undefined,
      data: {
        subject: { vi: `Nhắc việc: ${task.title}`, en: `Reminder: ${task.title}` },
        paragraphs: [
          { vi: `Việc "${task.title}" đến hạn lúc ${due('vi')}.`, en: `"${task.title}" is due ${due('en')}.` },
          ...(task.notes ? [task.notes] : []),
        ],
        action: { label: { vi: 'Mở việc', en: 'Open the task' }, url: `${base}${link}` },
      },
    });
    await manager.query(`UPDATE task SET reminder_sent_at = now() WHERE id = $1`, [task.id]);
    return 1;
  }
}
