import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  FieldChange,
  LeadSource,
  PipelineKind,
  PortalSubmitted,
  PortalTimelinePayload,
  RecordSubjectType,
  StageType,
  TimelineEntryKind,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { portalPrincipal, Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { currentRequestContext, runWithRequestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { AttendeesService } from '../events/attendees.service';
import { withItemLinks } from '../items/item-links';
import type { ItemChanges } from '../items/items.repository';
import { ItemsService } from '../items/items.service';
import { LandEnquiriesService } from '../land-enquiries/land-enquiries.service';
import { LoanApplicationsService, loanTitle } from '../loans/loan-applications.service';
import { TimelineService } from '../timeline/timeline.service';
import { PortalAssignmentService } from './portal-assignment.service';
import { PortalItemRef, PortalMail } from './portal-mail';
import { PortalThrottle } from './portal-throttle';
import type {
  PortalApplicantDto,
  PublicEventRegistrationDto,
  PublicLandEnquiryDto,
  PublicLoanApplicationDto,
} from './portal.dto';
import { PortalRepository, SubmissionRow } from './portal.repository';
import { TrackingTokens } from './tracking-tokens';

/** A repeat of the same form by the same email within this many hours updates the same item. */
export const REPEAT_WINDOW_HOURS = 24;

/** What one form contributes: its item, how it is found again, and what it changes when repeated. */
interface FormSpec {
  kind: PipelineKind;
  dedupeKey: string;
  sector: string | null;
  /** The submitted fields as the investor sees them again (no honeypot, no language). */
  data: Record<string, unknown>;
  summary: string[];
  /** Opens the item in the first stage; returns its id. */
  create(
    manager: EntityManager,
    principal: Principal,
    links: { organizationId: string | null; contactId: string },
  ): Promise<string>;
  /** Common fields a repeat may change while the item is still in its first stage. */
  changes?: ItemChanges;
  /** An item that already exists for this person regardless of time (an event they attend). */
  existing?(manager: EntityManager, contactId: string): Promise<string | null>;
  /** The person needs a company (land and loan forms). */
  companyRequired: boolean;
}

/** Numbers may come back from SQL as text. */
function sameValue(current: unknown, next: unknown): boolean {
  if (typeof next === 'number') return current !== null && current !== undefined && Number(current) === next;
  return (current ?? null) === (next ?? null);
}

function applicantData(input: PortalApplicantDto): Record<string, unknown> {
  const { website: _website, language: _language, ...data } = input;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && value !== null));
}

/**
 * The public forms: each finds or adds the investor (by tax code, else by the duplicate finder's name key) and the
 * person (by email), opens the item in its pipeline's first stage through the kind's own service (so rules, SLA
 * dates, history, audit and timeline apply), gives it an owner by the managers' rule, and queues the owner's
 * notification and the investor's confirmation with a tracking link, all in one transaction. The same form from
 * the same email within a day updates that item instead. The answer never tells whether the person or company was
 * known; a filled honeypot gets the same answer and nothing is stored.
 */
@Injectable()
export class PortalSubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portal: PortalRepository,
    private readonly items: ItemsService,
    private readonly landEnquiries: LandEnquiriesService,
    private readonly loans: LoanApplicationsService,
    private readonly attendees: AttendeesService,
    private readonly assignment: PortalAssignmentService,
    private readonly tokens: TrackingTokens,
    private readonly mail: PortalMail,
    private readonly timeline: TimelineService,
    private readonly audit: AuditService,
    private readonly throttle: PortalThrottle,
    private readonly config: AppConfig,
  ) {}

  landEnquiry(input: PublicLandEnquiryDto): Promise<PortalSubmitted> {
    return this.submit(input, async (manager) => {
      const zone = input.zoneId ? await this.portal.zoneExists(manager, input.zoneId) : null;
      if (input.zoneId && !zone) {
        throw new AppException(ErrorCode.RuleViolated, 'The zone chosen does not exist.', [
          { field: 'zoneId', message: 'does not exist' },
        ]);
      }
      const title = `${input.companyName} — ${input.requestedAreaHa} ha${zone ? ` — ${zone.name}` : ''}`.slice(0, 300);
      const data = { ...applicantData(input), ...(zone && { zoneName: zone.name }) };
      return {
        kind: PipelineKind.LandEnquiry,
        dedupeKey: `land_enquiry:${input.zoneId ?? 'any'}`,
        sector: input.sector ?? null,
        data,
        companyRequired: true,
        summary: [
          `${input.companyName} · ${input.requestedAreaHa} ha${zone ? ` · ${zone.name}` : ''}${input.sector ? ` · ${input.sector}` : ''}`,
        ],
        changes: {
          title,
          areaHa: input.requestedAreaHa,
          sector: input.sector ?? null,
          capitalUsd: input.capitalUsd ?? null,
          expectedJobs: input.expectedJobs ?? null,
        },
        create: (m, principal, links) =>
          this.landEnquiries.createInTransaction(m, principal, {
            title,
            organizationId: links.organizationId!,
            contactId: links.contactId,
            ownerId: principal.userId,
            requestedAreaHa: input.requestedAreaHa,
            preferredZoneIds: input.zoneId ? [input.zoneId] : [],
            wantedBy: input.wantedBy ?? null,
            sector: input.sector ?? null,
            capitalUsd: input.capitalUsd ?? null,
            expectedJobs: input.expectedJobs ?? null,
            source: LeadSource.Website,
          }),
      };
    });
  }

  loanApplication(input: PublicLoanApplicationDto): Promise<PortalSubmitted> {
    return this.submit(input, async () => {
      const purposeKey = input.purpose.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
      return {
        kind: PipelineKind.LoanApplication,
        dedupeKey: `loan_application:${purposeKey}`,
        sector: input.sector ?? null,
        data: applicantData(input),
        companyRequired: true,
        summary: [`${input.companyName} · ${input.requestedVnd.toLocaleString('vi-VN')} VND · ${input.lender}`],
        changes: {
          amountVnd: input.requestedVnd,
          sector: input.sector ?? null,
          expectedJobs: input.expectedJobs ?? null,
        },
        create: (m, principal, links) =>
          this.loans.createInTransaction(m, principal, {
            title: loanTitle(`${input.companyName}: ${input.purpose}`, input.lender),
            organizationId: links.organizationId!,
            contactId: links.contactId,
            ownerId: principal.userId,
            applicantType: input.applicantType,
            lender: input.lender,
            lenderKind: input.lenderKind,
            purpose: input.purpose,
            requestedVnd: input.requestedVnd,
            termMonths: input.termMonths ?? null,
            sector: input.sector ?? null,
            expectedJobs: input.expectedJobs ?? null,
            source: LeadSource.Website,
          }),
      };
    });
  }

  eventRegistration(eventId: string, input: PublicEventRegistrationDto): Promise<PortalSubmitted> {
    return this.submit(input, async (manager) => {
      const event = await this.portal.eventForRegistration(manager, eventId, this.config.TZ_BUSINESS);
      if (!event) throw new AppException(ErrorCode.NotFound, 'This event does not exist.');
      if (!event.open) {
        throw new AppException(ErrorCode.RuleViolated, 'Registration for this event has closed.', [
          { field: 'eventId', message: 'has ended' },
        ]);
      }
      return {
        kind: PipelineKind.EventContact,
        dedupeKey: `event_contact:${eventId}`,
        sector: null,
        data: { ...applicantData(input), eventName: event.name },
        companyRequired: false,
        summary: [`${event.name}${input.companyName ? ` · ${input.companyName}` : ''}`],
        existing: (m, contactId) => this.portal.attendance(m, eventId, contactId),
        create: async (m, principal, links) => {
          const contact = await this.portal.contactByEmail(m, input.email);
          return this.attendees.addForPortal(
            m,
            principal,
            eventId,
            { ...contact!, organizationId: contact!.organizationId ?? links.organizationId },
            principal.userId,
          );
        },
      };
    });
  }

  private async submit(
    input: PortalApplicantDto,
    prepare: (manager: EntityManager) => Promise<FormSpec>,
  ): Promise<PortalSubmitted> {
    // A bot filled the field people never see: the answer looks the same, nothing is kept or sent.
    if (input.website && input.website.trim() !== '') return { trackingUrl: this.tokens.decoyUrl() };
    await this.throttle.hit('email', input.email);
    // The investor acts, not whoever may be signed in on this browser: the audit trail names no user.
    const context = { ...currentRequestContext(), principal: null };
    return runWithRequestContext(context, () =>
      withItemLinks(() =>
        this.dataSource.transaction(async (manager) => {
          await this.portal.lockKey(manager, `portal-email:${input.email}`);
          const spec = await prepare(manager);
          const repeat = await this.findRepeat(manager, input, spec);
          return repeat
            ? this.repeatSubmission(manager, input, spec, repeat)
            : this.newSubmission(manager, input, spec);
        }),
      ),
    );
  }

  private async findRepeat(
    manager: EntityManager,
    input: PortalApplicantDto,
    spec: FormSpec,
  ): Promise<SubmissionRow | null> {
    const recent = await this.portal.findRepeat(manager, input.email, spec.dedupeKey, REPEAT_WINDOW_HOURS);
    if (recent || !spec.existing) return recent;
    const contact = await this.portal.contactByEmail(manager, input.email);
    const itemId = contact ? await spec.existing(manager, contact.id) : null;
    if (!itemId) return null;
    const known = await this.portal.submissionOfItem(manager, itemId, true);
    if (known) return known;
    // Staff added this person already: the registration joins their event contact.
    const id = await this.portal.insertSubmission(manager, {
      itemId,
      kind: spec.kind,
      email: input.email,
      dedupeKey: spec.dedupeKey,
      language: input.language,
      data: {},
    });
    return this.portal.submission(manager, id);
  }

  private async newSubmission(
    manager: EntityManager,
    input: PortalApplicantDto & { companyName?: string | null },
    spec: FormSpec,
  ): Promise<PortalSubmitted> {
    const ownerId = await this.assignment.chooseOwner(manager, spec.sector as never);
    const principal = portalPrincipal(ownerId);
    const organizationId = await this.findOrAddOrganization(manager, input, ownerId, spec.companyRequired);
    const contactId = await this.findOrAddContact(manager, input, organizationId, ownerId);
    const itemId = await spec.create(manager, principal, { organizationId, contactId });
    const submissionId = await this.portal.insertSubmission(manager, {
      itemId,
      kind: spec.kind,
      email: input.email,
      dedupeKey: spec.dedupeKey,
      language: input.language,
      data: spec.data,
    });
    await this.recordOnTimeline(manager, spec.kind, itemId, { event: 'submitted', from: 'investor' }, input.message);
    await this.audit.record(manager, {
      action: AuditAction.Create,
      subjectType: 'portal_submission',
      subjectId: submissionId,
      changes: { itemId: { before: null, after: itemId }, ownerId: { before: null, after: ownerId } },
      details: { via: 'portal', kind: spec.kind },
    });
    const item = await this.itemRef(manager, itemId);
    // The item is new and only this sender's: the answer may carry the full link.
    const link = await this.tokens.issue(manager, submissionId);
    await this.notify(manager, `portal:${submissionId}:1`, item, input, spec, contactId, link.url, false);
    return { trackingUrl: link.url };
  }

  private async repeatSubmission(
    manager: EntityManager,
    input: PortalApplicantDto,
    spec: FormSpec,
    before: SubmissionRow,
  ): Promise<PortalSubmitted> {
    const principal = portalPrincipal(before.ownerId);
    const changed = Object.keys(spec.data).filter(
      (field) => JSON.stringify(spec.data[field]) !== JSON.stringify(before.data[field]),
    );
    await this.portal.recordRepeat(manager, before.id, { language: input.language, data: spec.data });
    if (spec.changes && (await this.inFirstStage(manager, before))) {
      const locked = await this.items.lockForEdit(manager, principal, spec.kind, before.itemId, before.version);
      const changes = Object.fromEntries(
        Object.entries(spec.changes).filter(
          ([field, value]) => value !== undefined && !sameValue(locked[field as keyof typeof locked], value),
        ),
      ) as ItemChanges;
      if (Object.keys(changes).length) await this.items.update(manager, principal, locked, changes);
    }
    const payload: PortalTimelinePayload = { event: 'resubmitted', from: 'investor', fields: changed };
    await this.recordOnTimeline(manager, spec.kind, before.itemId, payload, input.message);
    const round = before.submissions + 1;
    await this.audit.record(manager, {
      action: AuditAction.Update,
      subjectType: 'portal_submission',
      subjectId: before.id,
      changes: Object.fromEntries(
        changed.map((field): [string, FieldChange] => [
          field,
          { before: before.data[field] ?? null, after: spec.data[field] },
        ]),
      ),
      details: { via: 'portal', kind: spec.kind, round },
    });
    const item = await this.itemRef(manager, before.itemId);
    const contactId = before.contactId ?? (await this.portal.contactByEmail(manager, input.email))?.id ?? null;
    // The sender's email is not proven: the answer's link shows only what happens from now on; the full link goes
    // to the address by email.
    const answer = await this.tokens.issue(manager, before.id, true);
    const emailed = await this.tokens.issue(manager, before.id);
    await this.notify(manager, `portal:${before.id}:${round}`, item, input, spec, contactId, emailed.url, true);
    return { trackingUrl: answer.url };
  }

  private async notify(
    manager: EntityManager,
    key: string,
    item: PortalItemRef,
    input: PortalApplicantDto & { companyName?: string | null },
    spec: FormSpec,
    contactId: string | null,
    trackingUrl: string,
    repeated: boolean,
  ): Promise<void> {
    const from = `${input.fullName} <${input.email}>${input.companyName ? ` (${input.companyName})` : ''}`;
    await this.mail.submitted(manager, key, item, {
      repeated,
      from,
      summary: spec.summary,
      message: input.message ?? null,
    });
    if (contactId)
      await this.mail.confirmation(manager, key, item, { contactId, language: input.language }, trackingUrl, repeated);
  }

  private async inFirstStage(manager: EntityManager, submission: SubmissionRow): Promise<boolean> {
    const stages = await this.items.stages(manager, submission.pipelineId);
    const first = stages.find((stage) => stage.type === StageType.Open && !stage.retiredAt);
    return first?.id === submission.stageId;
  }

  private async recordOnTimeline(
    manager: EntityManager,
    kind: PipelineKind,
    itemId: string,
    payload: PortalTimelinePayload,
    message: string | null | undefined,
  ): Promise<void> {
    await this.timeline.record(manager, {
      subjectType: kind as unknown as RecordSubjectType,
      subjectId: itemId,
      kind: TimelineEntryKind.PortalMessage,
      body: message?.trim() || null,
      authorId: null,
      payload: { ...payload },
    });
  }

  async itemRef(manager: EntityManager, itemId: string): Promise<PortalItemRef> {
    const [row] = await manager.query(
      `SELECT id AS "itemId", kind, title, owner_id AS "ownerId" FROM pipeline_item WHERE id = $1`,
      [itemId],
    );
    return row;
  }

  /** The investor by tax code, else by name (when exactly one matches), else added; none for a person alone. */
  private async findOrAddOrganization(
    manager: EntityManager,
    input: PortalApplicantDto & { companyName?: string | null },
    ownerId: string,
    required: boolean,
  ): Promise<string | null> {
    const name = input.companyName?.trim();
    if (!name && !required) return null;
    if (input.taxCode) {
      await this.portal.lockKey(manager, `portal-tax:${input.taxCode}`);
      const byTax = await this.portal.organizationByTaxCode(manager, input.taxCode);
      if (byTax) return byTax;
    } else if (name) {
      const byName = await this.portal.organizationsByName(manager, name);
      if (byName.length === 1) return byName[0];
    }
    const id = await this.portal.insertOrganization(manager, {
      name: name!,
      taxCode: input.taxCode ?? null,
      country: input.country ?? 'VN',
      ownerId,
    });
    await this.recordCreate(manager, RecordSubjectType.Organization, id, {
      name: name!,
      taxCode: input.taxCode ?? null,
      country: input.country ?? 'VN',
      source: LeadSource.Website,
      ownerId,
    });
    return id;
  }

  /** The person by email (left as they are), else added at the investor with the form's language. */
  private async findOrAddContact(
    manager: EntityManager,
    input: PortalApplicantDto,
    organizationId: string | null,
    ownerId: string,
  ): Promise<string> {
    const known = await this.portal.contactByEmail(manager, input.email);
    if (known) return known.id;
    const values = {
      fullName: input.fullName,
      email: input.email,
      phone: input.phone ?? null,
      position: input.position ?? null,
      organizationId,
      ownerId,
      preferredLanguage: input.language,
    };
    const id = await this.portal.insertContact(manager, values);
    await this.recordCreate(manager, RecordSubjectType.Contact, id, values);
    return id;
  }

  private async recordCreate(
    manager: EntityManager,
    type: RecordSubjectType,
    id: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const changes = Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([field, value]): [string, FieldChange] => [field, { before: null, after: value }]),
    );
    await this.audit.record(manager, {
      action: AuditAction.Create,
      subjectType: type,
      subjectId: id,
      changes,
      details: { via: 'portal' },
    });
    await this.timeline.recordEdit(manager, type, id, 'create', changes);
  }
}
