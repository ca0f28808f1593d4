import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  PipelineKind,
  PortalReply,
  PortalTimelinePayload,
  RecordSubjectType,
  TimelineEntryKind,
} from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { assertCanEdit } from '../auth/record-policy';
import { AppException, ErrorCode } from '../common/app-exception';
import { TimelineService } from '../timeline/timeline.service';
import { PortalMail } from './portal-mail';
import { PortalSubmissionsService } from './portal-submissions.service';
import type { PortalReplyDto } from './portal.dto';
import { PortalRepository } from './portal.repository';
import { TrackingTokens } from './tracking-tokens';

const WHAT: Partial<Record<PipelineKind, string>> = {
  [PipelineKind.LandEnquiry]: 'land enquiry',
  [PipelineKind.LoanApplication]: 'loan application',
  [PipelineKind.EventContact]: 'event contact',
};

/**
 * A staff reply from the item page: it shows in the investor's thread, goes to them by email with a fresh tracking
 * link (in the language of their form), and stays on the item's timeline; the owner or a manager writes it.
 */
@Injectable()
export class PortalRepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portal: PortalRepository,
    private readonly tokens: TrackingTokens,
    private readonly submissions: PortalSubmissionsService,
    private readonly mail: PortalMail,
    private readonly timeline: TimelineService,
    private readonly audit: AuditService,
  ) {}

  reply(principal: Principal, kind: PipelineKind, itemId: string, input: PortalReplyDto): Promise<PortalReply> {
    const what = WHAT[kind] ?? 'item';
    return this.dataSource.transaction(async (manager) => {
      const item = await this.portal.lockItem(manager, itemId, kind);
      if (!item) throw new AppException(ErrorCode.NotFound, `The ${what} ${itemId} does not exist.`);
      assertCanEdit(principal, item, what);
      if (input.version !== undefined && input.version !== item.version)
        throw new AppException(
          ErrorCode.StaleVersion,
          `Someone else changed this ${what}; reload to see their change.`,
        );
      const submission = await this.portal.submissionOfItem(manager, itemId);
      if (!submission) {
        throw new AppException(ErrorCode.RuleViolated, `This ${what} did not come through the investor portal.`, [
          { field: 'id', message: 'has no portal submission to reply to' },
        ]);
      }
      if (!item.contactId) {
        throw new AppException(ErrorCode.RuleViolated, `This ${what} has no contact to write to.`, [
          { field: 'contactId', message: 'is empty' },
        ]);
      }
      const payload: PortalTimelinePayload = { event: 'reply', from: 'agency' };
      const id = await this.timeline.record(manager, {
        subjectType: kind as unknown as RecordSubjectType,
        subjectId: itemId,
        kind: TimelineEntryKind.PortalMessage,
        body: input.body,
        authorId: principal.userId,
        payload: { ...payload },
      });
      const link = await this.tokens.issue(manager, submission.id);
      const email = await this.mail.reply(
        manager,
        `portal-reply:${id}`,
        await this.submissions.itemRef(manager, itemId),
        { contactId: item.contactId, language: submission.language },
        input.body,
        link.url,
      );
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: 'portal_reply',
        subjectId: id,
        details: { kind, itemId, emailId: email.id },
      });
      return { id, itemId, body: input.body, at: new Date().toISOString(), emailId: email.id };
    });
  }
}
