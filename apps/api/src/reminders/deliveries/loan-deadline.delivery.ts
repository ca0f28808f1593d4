import { Injectable, OnModuleInit } from '@nestjs/common';
import { EmailTemplateKey, RecordSubjectType } from '@irm/contracts';
import { localDate, outstandingLoanDocuments } from '@irm/domain';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MailService } from '../../mail/mail.service';
import { formatLocalDate, Localized } from '../../mail/templates/localized';
import { ReminderDeliveries, reminderEmailKey } from '../reminder-deliveries';
import { ReminderSlotKind } from '../reminder.entity';
import { loanDocumentsSlot, loanMilestoneSlot } from '../reminder-slots';
import type { DueReminder } from '../reminders.repository';

/** The application as a deadline reminder reads it, with whom to write to and whom the applicant can ask. */
interface DueApplication {
  id: string;
  title: string;
  closed: boolean;
  documentsDueOn: string | null;
  contactId: string | null;
  contactEmail: string | null;
  ownerName: string;
  ownerEmail: string;
}

interface DueMilestone {
  id: string;
  applicationId: string;
  sequence: number;
  milestone: string;
  requiredProgressPct: number;
  milestoneDueOn: string | null;
  confirmed: boolean;
}

const APPLICATION_COLUMNS = `i.id, i.title, i.closed_at IS NOT NULL AS closed,
  to_char(a.documents_due_on, 'YYYY-MM-DD') AS "documentsDueOn", c.id AS "contactId", c.email AS "contactEmail",
  u.name AS "ownerName", u.email AS "ownerEmail"`;

/**
 * Loan deadlines, to the applicant's contact in their language (investor mail: their opt-out is honoured and
 * the unsubscribe link added): the documents still outstanding before the documents deadline, and a tranche's
 * milestone before its due date. Nothing goes out when the reason has gone by the time it fires.
 */
@Injectable()
export class LoanDeadlineDelivery implements OnModuleInit {
  constructor(
    private readonly deliveries: ReminderDeliveries,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.deliveries.register(ReminderSlotKind.LoanDocuments, (manager, reminder) =>
      this.deliverDocuments(manager, reminder),
    );
    this.deliveries.register(ReminderSlotKind.LoanMilestone, (manager, reminder) =>
      this.deliverMilestone(manager, reminder),
    );
  }

  private today(): string {
    return localDate(new Date(), this.config.TZ_BUSINESS);
  }

  private async application(manager: EntityManager, id: string): Promise<DueApplication | undefined> {
    const [row] = (await manager.query(
      `SELECT ${APPLICATION_COLUMNS}
         FROM pipeline_item i
         JOIN loan_application a ON a.item_id = i.id
         JOIN app_user u ON u.id = i.owner_id
         LEFT JOIN contact c ON c.id = i.contact_id
        WHERE i.id = $1 AND i.kind = 'loan_application'
        FOR SHARE OF i`,
      [id],
    )) as DueApplication[];
    return row;
  }

  private async deliverDocuments(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const application = await this.application(manager, reminder.slot.slice(loanDocumentsSlot('').length));
    const dueOn = application?.documentsDueOn;
    if (!application || application.closed || !dueOn || dueOn < this.today()) return 0;
    if (!application.contactId || !application.contactEmail) return 0;
    const rows: { key: string }[] = await manager.query(
      `SELECT document_key AS key FROM loan_document WHERE application_id = $1`,
      [application.id],
    );
    const outstanding = outstandingLoanDocuments(rows.map((row) => row.key));
    if (outstanding.length === 0) return 0;
    const date = (language: 'vi' | 'en') => formatLocalDate(dueOn, language);
    await this.send(manager, reminder, application, {
      subject: {
        vi: `Nhắc nộp hồ sơ vay vốn trước ngày ${date('vi')}`,
        en: `Loan application documents due by ${date('en')}`,
      },
      paragraphs: [
        {
          vi: `Hồ sơ đề nghị vay vốn "${application.title}" còn thiếu các giấy tờ sau. Đề nghị Quý vị nộp trước ngày ${date('vi')}:`,
          en: `Your loan application "${application.title}" still lacks the documents below. Please hand them in by ${date('en')}:`,
        },
        ...outstanding.map((document) => ({ vi: `• ${document.name.vi}`, en: `• ${document.name.en}` })),
      ],
    });
    return 1;
  }

  private async deliverMilestone(manager: EntityManager, reminder: DueReminder): Promise<number> {
    const [tranche] = (await manager.query(
      `SELECT id, application_id AS "applicationId", sequence, milestone, required_progress_pct AS "requiredProgressPct",
              to_char(milestone_due_on, 'YYYY-MM-DD') AS "milestoneDueOn", confirmed_at IS NOT NULL AS confirmed
         FROM loan_tranche WHERE id = $1`,
      [reminder.slot.slice(loanMilestoneSlot('').length)],
    )) as DueMilestone[];
    const dueOn = tranche?.milestoneDueOn;
    if (!tranche || tranche.confirmed || !dueOn || dueOn < this.today()) return 0;
    const application = await this.application(manager, tranche.applicationId);
    if (!application || application.closed || !application.contactId || !application.contactEmail) return 0;
    const date = (language: 'vi' | 'en') => formatLocalDate(dueOn, language);
    await this.send(manager, reminder, application, {
      subject: {
        vi: `Mốc giải ngân đợt ${tranche.sequence} đến hạn ngày ${date('vi')}: ${tranche.milestone}`,
        en: `Disbursement milestone ${tranche.sequence} due ${date('en')}: ${tranche.milestone}`,
      },
      paragraphs: [
        {
          vi: `Đợt giải ngân ${tranche.sequence} của khoản vay "${application.title}" gắn với mốc "${tranche.milestone}": dự án cần đạt ${tranche.requiredProgressPct}% khối lượng trước ngày ${date('vi')}.`,
          en: `Disbursement tranche ${tranche.sequence} of the loan "${application.title}" is tied to the milestone "${tranche.milestone}": the project should reach ${tranche.requiredProgressPct}% progress by ${date('en')}.`,
        },
        {
          vi: 'Khi đạt mốc, đề nghị Quý vị báo cho cán bộ phụ trách để xác nhận và giải ngân.',
          en: 'When the milestone is reached, please tell the officer in charge so it can be confirmed and the tranche released.',
        },
      ],
    });
    return 1;
  }

  private async send(
    manager: EntityManager,
    reminder: DueReminder,
    application: DueApplication,
    message: { subject: Localized; paragraphs: Localized[] },
  ): Promise<void> {
    const contactId = application.contactId!;
    await this.mail.queue(manager, {
      idempotencyKey: reminderEmailKey(reminder, contactId),
      template: EmailTemplateKey.InvestorNotification,
      to: { contactId },
      about: { type: RecordSubjectType.LoanApplication, id: application.id },
      data: {
        subject: message.subject,
        paragraphs: [
          ...message.paragraphs,
          {
            vi: `Cán bộ phụ trách: ${application.ownerName} (${application.ownerEmail}).`,
            en: `Officer in charge: ${application.ownerName} (${application.ownerEmail}).`,
          },
        ],
      },
    });
  }
}
