import { AuditEventEntity } from '../audit/audit-event.entity';
import { AccountTokenEntity } from '../auth/account-token.entity';
import { ApiTokenEntity } from '../auth/api-token.entity';
import { UserSessionEntity } from '../auth/user-session.entity';
import { ContactEntity } from '../contacts/contact.entity';
import { ImportFileEntity } from '../imports/import-file.entity';
import { ImportJobEntity } from '../imports/import-job.entity';
import { ImportRowErrorEntity } from '../imports/import-row-error.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PipelineEntity } from '../pipelines/pipeline.entity';
import { StageEntity } from '../pipelines/stage.entity';
import { SettingEntity } from '../province/setting.entity';
import { OutboxMessageEntity } from '../queue/outbox-message.entity';
import { TaskEntity } from '../tasks/task.entity';
import { TimelineEntryEntity } from '../timeline/timeline-entry.entity';
import { UserEntity } from '../users/user.entity';
import { PublicHolidayEntity } from '../calendar/public-holiday.entity';
import { SearchWordEntity } from '../search/search-word.entity';
import { StageTallyEntity } from '../items/stage-tally.entity';
import { LandMovementEntity } from '../zones/land-movement.entity';
import { ZoneEntity } from '../zones/zone.entity';
import { EventAttendeeEntity } from '../events/event-attendee.entity';
import { PromotionEventEntity } from '../events/promotion-event.entity';
import { PipelineItemEntity } from '../items/pipeline-item.entity';
import { StageHistoryEntity } from '../items/stage-history.entity';
import { LandEnquiryEntity } from '../land-enquiries/land-enquiry.entity';
import { LoanApplicationEntity } from '../loans/loan-application.entity';
import { LoanDocumentEntity } from '../loans/loan-document.entity';
import { LoanTrancheEntity } from '../loans/loan-tranche.entity';
import { EmailMessageEntity } from '../mail/email-message.entity';
import { UserNotificationSettingsEntity } from '../notifications/user-notification-settings.entity';
import { ReminderEntity } from '../reminders/reminder.entity';
import {
  PortalAssignmentCursorEntity,
  PortalDocumentEntity,
  PortalFileRemovalEntity,
  PortalSubmissionEntity,
  PortalTrackingTokenEntity,
} from '../portal/portal.entities';

/** Every mapped table; the migration drift check compares these with `migrations/`. */
export const ENTITIES = [
  ZoneEntity,
  PipelineEntity,
  StageEntity,
  UserEntity,
  SettingEntity,
  OutboxMessageEntity,
  UserSessionEntity,
  ApiTokenEntity,
  AuditEventEntity,
  OrganizationEntity,
  ContactEntity,
  LandMovementEntity,
  TimelineEntryEntity,
  TaskEntity,
  ImportFileEntity,
  ImportJobEntity,
  ImportRowErrorEntity,
  SearchWordEntity,
  StageTallyEntity,
  PublicHolidayEntity,
  PromotionEventEntity,
  PipelineItemEntity,
  StageHistoryEntity,
  EventAttendeeEntity,
  LandEnquiryEntity,
  LoanApplicationEntity,
  LoanDocumentEntity,
  LoanTrancheEntity,
  ReminderEntity,
  EmailMessageEntity,
  UserNotificationSettingsEntity,
  PortalSubmissionEntity,
  PortalTrackingTokenEntity,
  PortalDocumentEntity,
  PortalFileRemovalEntity,
  PortalAssignmentCursorEntity,
  AccountTokenEntity,
];
