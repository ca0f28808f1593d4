import { Injectable } from '@nestjs/common';
import { AuditAction, ConsentSource, EmailConsent, RecordSubjectType } from '@irm/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { TimelineService } from '../timeline/timeline.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** An investor's own opt-out from an email link; the contact's consent changes with the link as evidence. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
    private readonly audit: AuditService,
    private readonly timeline: TimelineService,
  ) {}

  /** Idempotent: a second click changes nothing. */
  async unsubscribe(token: string): Promise<void> {
    const contactId = this.tokens.contactOf(token);
    // The same answer for a forged token and a deleted contact: the link leads nowhere.
    const gone = () => new AppException(ErrorCode.NotFound, 'This unsubscribe link is not valid.');
    if (!contactId) throw gone();
    await this.dataSource.transaction(async (manager) => {
      const [contact] = (await manager.query(
        `SELECT email_consent AS consent, consent_source AS source FROM contact WHERE id = $1 FOR UPDATE`,
        [contactId],
      )) as { consent: EmailConsent; source: ConsentSource | null }[];
      if (!contact) throw gone();
      if (contact.consent === EmailConsent.OptedOut) return;
      await manager.query(
        `UPDATE contact SET email_consent = 'opted_out', consent_source = 'unsubscribe', consent_changed_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [contactId],
      );
      const changes = {
        emailConsent: { before: contact.consent, after: EmailConsent.OptedOut },
        consentSource: { before: contact.source, after: ConsentSource.Unsubscribe },
      };
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: RecordSubjectType.Contact,
        subjectId: contactId,
        changes,
        details: { via: 'unsubscribe_link' },
      });
      await this.timeline.recordEdit(manager, RecordSubjectType.Contact, contactId, 'update', changes);
    });
  }
}
