import { Logger } from '@nestjs/common';
import { EmailTemplateKey, RecordSubjectType, recordPath, ReminderKind } from '@irm/contracts';
import { dayNumber, fromDayNumber, localDate, WorkingDays, zonedInstant } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendarService } from '../../calendar/working-calendar.service';
import { AppConfig } from '../../config/app-config';
import type { DailyDigestData, DigestOverdueItem } from '../../mail/templates/daily-digest';
import { AnyQueueEmailRequest, MailService } from '../../mail/mail.service';
import { JobHandler } from '../../queue/job-handler.decorator';
import type { DailyDigestPayload } from '../../queue/job-payloads';
import { JobName } from '../../queue/queue-names';
import { ReminderAudience } from '../reminder-audience';
import { DailyDigestRepository, OverdueItemRow } from './daily-digest.repository';

/** Recipients whose digests are written in one transaction. */
const BATCH = 50;
const OLDEST_OVERDUE = 10;
/** A person's own lists are cut here; the CRM shows the rest. */
const PER_PERSON = 20;

/** The idempotency key of one person's digest of one day: running the job again queues nothing new. */
export const digestEmailKey = (userId: string, date: string) => `digest:${userId}:${date}`;

/** What every manager's digest shares. */
type ManagerSections = Pick<DailyDigestData, 'movement' | 'overdue'>;

/**
 * The 07:30 digest of a working day. Managers get the pipeline movement since the previous working day and the
 * overdue items; everyone (managers too) gets their open tasks due today or earlier and their own overdue items.
 * Public holidays are skipped (the schedule already skips weekends); someone with nothing to report gets nothing.
 * Emails are keyed by person and date, queued in batches of transactions, so a second run sends nothing again.
 */
@JobHandler(JobName.DailyDigest)
export class DailyDigestHandler implements JobHandler<JobName.DailyDigest> {
  private readonly logger = new Logger(DailyDigestHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly digest: DailyDigestRepository,
    private readonly audience: ReminderAudience,
    private readonly calendar: WorkingCalendarService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async handle({ date: given }: DailyDigestPayload): Promise<void> {
    const timeZone = this.config.TZ_BUSINESS;
    const date = given ?? localDate(new Date(), timeZone);
    const days = await this.calendar.current();
    if (!days.isWorkingDay(date)) {
      this.logger.log({ msg: 'daily digest skipped: not a working day', date });
      return;
    }
    const reader = this.dataSource.manager;
    const managers = await this.audience.managers(reader, ReminderKind.DailyDigest);
    const staff = await this.audience.wanting(reader, ReminderKind.DailyDigest, await this.digest.activeStaff(reader));
    const shared = managers.length ? await this.managerSections(reader, days, date) : {};
    const managerIds = new Set(managers);
    const recipients = [...managers, ...staff.filter((id) => !managerIds.has(id))];

    let queued = 0;
    for (let start = 0; start < recipients.length; start += BATCH) {
      const batch = recipients.slice(start, start + BATCH);
      queued += await this.dataSource.transaction((manager) =>
        this.queueBatch(manager, days, date, batch, managerIds, shared),
      );
    }
    this.logger.log({ msg: 'daily digest queued', date, recipients: recipients.length, queued });
  }

  private async managerSections(manager: EntityManager, days: WorkingDays, date: string): Promise<ManagerSections> {
    const timeZone = this.config.TZ_BUSINESS;
    const since = days.subtract(date, 1);
    const from = zonedInstant(since, '00:00', timeZone);
    const movement = await this.digest.movement(manager, from, zonedInstant(date, '00:00', timeZone));
    const counts = await this.digest.overdueCounts(manager, date);
    const oldest = await this.digest.oldestOverdue(manager, date, OLDEST_OVERDUE);
    return {
      movement: {
        since,
        pipelines: movement.map((row) => ({
          pipeline: { vi: row.nameVi, en: row.nameEn },
          created: row.created,
          won: row.won,
          lost: row.lost,
          moved: row.moved,
        })),
      },
      overdue: {
        total: counts.reduce((sum, row) => sum + row.count, 0),
        byPipeline: counts.map((row) => ({ pipeline: { vi: row.nameVi, en: row.nameEn }, count: row.count })),
        oldest: oldest.map((row) => this.overdueItem(days, date, row)),
      },
    };
  }

  private async queueBatch(
    manager: EntityManager,
    days: WorkingDays,
    date: string,
    userIds: string[],
    managerIds: ReadonlySet<string>,
    shared: ManagerSections,
  ): Promise<number> {
    const timeZone = this.config.TZ_BUSINESS;
    const startOfDay = zonedInstant(date, '00:00', timeZone);
    const endOfDay = zonedInstant(fromDayNumber(dayNumber(date) + 1), '00:00', timeZone);
    // One connection per transaction: the queries go one after the other.
    const tasks = await this.digest.dueTasks(manager, userIds, endOfDay, PER_PERSON);
    const own = await this.digest.ownOverdue(manager, userIds, date, PER_PERSON);
    const names: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    const emails: AnyQueueEmailRequest[] = [];
    for (const userId of userIds) {
      const isManager = managerIds.has(userId);
      const data: DailyDigestData = {
        date,
        recipientName: names.find((row) => row.id === userId)?.name ?? '',
        ...(isManager ? shared : {}),
        tasks: tasks
          .filter((task) => task.assigneeId === userId)
          .map((task) => ({
            title: task.title,
            dueAt: new Date(task.dueAt).toISOString(),
            overdue: new Date(task.dueAt) < startOfDay,
            url: this.link(
              task.subjectType && task.subjectId ? recordPath(task.subjectType, task.subjectId) : '/tasks',
            ),
          })),
        ownOverdue: own.filter((row) => row.ownerId === userId).map((row) => this.overdueItem(days, date, row)),
        appUrl: this.link('/'),
      };
      const managerNews = isManager && ((data.movement?.pipelines.length ?? 0) > 0 || (data.overdue?.total ?? 0) > 0);
      if (!managerNews && data.tasks.length === 0 && data.ownOverdue.length === 0) continue;
      emails.push({
        idempotencyKey: digestEmailKey(userId, date),
        template: EmailTemplateKey.DailyDigest,
        to: { userId },
        data,
      });
    }
    // The batch's emails are queued together: two statements, however many people get a digest.
    return (await this.mail.queueMany(manager, emails)).length;
  }

  private overdueItem(days: WorkingDays, date: string, row: OverdueItemRow): DigestOverdueItem {
    return {
      title: row.title,
      pipeline: { vi: row.pipelineVi, en: row.pipelineEn },
      stage: { vi: row.stageVi, en: row.stageEn },
      ownerName: row.ownerName,
      // The first overdue day counts as one.
      daysOverdue: days.between(row.overdueFrom, date) + 1,
      url: this.link(recordPath(row.kind as unknown as RecordSubjectType, row.id)),
    };
  }

  private link(path: string): string {
    return `${this.config.appUrl.replace(/\/+$/, '')}${path}`;
  }
}
