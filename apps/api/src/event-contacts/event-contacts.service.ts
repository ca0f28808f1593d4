import { Injectable } from '@nestjs/common';
import {
  ConversionKind,
  ConvertEventContactResult,
  EventContact,
  LeadSource,
  PipelineKind,
  StageType,
  ZoneSector,
} from '@irm/contracts';
import { EventContactStageKey, type WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { withItemLinks } from '../items/item-links';
import { ItemKindService } from '../items/item-kind.service';
import type { ItemRow } from '../items/items.repository';
import { ItemsService, NewItemInput } from '../items/items.service';
import { LandEnquiriesService } from '../land-enquiries/land-enquiries.service';
import { LoanApplicationsService } from '../loans/loan-applications.service';
import type { ConvertEventContactDto, UpdateEventContactDto } from './event-contact.dto';

/** Fields of a conversion that only one kind of item takes. */
const KIND_ONLY: Record<string, ConversionKind> = {
  requestedAreaHa: 'land_enquiry',
  zoneId: 'land_enquiry',
  preferredZoneIds: 'land_enquiry',
  wantedBy: 'land_enquiry',
  requestedVnd: 'loan_application',
  applicantType: 'loan_application',
  lender: 'loan_application',
  lenderKind: 'loan_application',
  purpose: 'loan_application',
};

const WHAT: Record<ConversionKind, string> = {
  prospect: 'a prospect',
  land_enquiry: 'a land enquiry',
  loan_application: 'a loan application',
};
const WHAT_CAP: Record<ConversionKind, string> = {
  prospect: 'A prospect',
  land_enquiry: 'A land enquiry',
  loan_application: 'A loan application',
};

/**
 * Event contacts: people met at promotion events, followed up until they become a prospect, land enquiry or
 * loan application (the conversion, the only way into the won stage) or say they are not interested.
 */
@Injectable()
export class EventContactsService extends ItemKindService<EventContact> {
  constructor(
    items: ItemsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly landEnquiries: LandEnquiriesService,
    private readonly loans: LoanApplicationsService,
  ) {
    super(items, PipelineKind.EventContact);
    items.register({ kind: PipelineKind.EventContact, what: 'event contact' });
  }

  protected async complete(rows: ItemRow[], days: WorkingDays): Promise<EventContact[]> {
    const now = new Date();
    const converted = await this.convertedItems(rows.map((row) => row.id));
    return rows.map((row) =>
      Object.assign(this.items.toBase(row, days, now), {
        convertedItemId: converted.get(row.id)?.id ?? null,
        convertedItemKind: converted.get(row.id)?.kind ?? null,
      }),
    );
  }

  async update(principal: Principal, id: string, input: UpdateEventContactDto): Promise<EventContact> {
    const { version, ...changes } = input;
    await withItemLinks(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.items.lockForEdit(manager, principal, this.kind, id, version);
        await this.items.update(manager, principal, before, changes);
      }),
    );
    return this.get(id);
  }

  /**
   * Opens the item the contact became, linked to the event and to the contact, and moves the contact to its won
   * stage, all in one transaction: either both happen or neither does.
   */
  async convert(principal: Principal, id: string, input: ConvertEventContactDto): Promise<ConvertEventContactResult> {
    const misplaced = Object.entries(KIND_ONLY)
      .filter(([field, kind]) => kind !== input.kind && input[field as keyof ConvertEventContactDto] !== undefined)
      .map(([field, kind]) => ({ field, message: `is only for converting into ${WHAT[kind]}` }));
    if (misplaced.length) {
      throw new AppException(ErrorCode.ValidationFailed, `Some fields do not apply to ${WHAT[input.kind]}.`, misplaced);
    }
    const itemId = await withItemLinks(() =>
      this.dataSource.transaction(async (manager) => {
        const contact = await this.items.lockForEdit(manager, principal, this.kind, id, input.version);
        const stages = await this.items.stages(manager, contact.pipelineId);
        const current = stages.find((stage) => stage.id === contact.stageId);
        if (current?.type === StageType.Won) {
          throw new AppException(ErrorCode.Conflict, 'This event contact has already been converted.', [
            { field: 'id', message: 'is already converted' },
          ]);
        }
        const won =
          stages.find((stage) => stage.key === EventContactStageKey.Converted && !stage.retiredAt) ??
          stages.find((stage) => stage.type === StageType.Won && !stage.retiredAt);
        if (!won) {
          throw new AppException(ErrorCode.RuleViolated, 'The event-contact pipeline has no current won stage.', [
            { field: 'stageId', message: 'no won stage to convert into' },
          ]);
        }
        const organizationId = input.organizationId !== undefined ? input.organizationId : contact.organizationId;
        if (!organizationId) {
          throw new AppException(ErrorCode.RuleViolated, `${WHAT_CAP[input.kind]} needs the investor it is for.`, [
            { field: 'organizationId', message: 'is required: the contact has no organization, name one' },
          ]);
        }
        const newId = await this.open(manager, principal, input, {
          title: input.title ?? (await this.defaultTitle(manager, organizationId, contact.contactId, contact.title)),
          ownerId: input.ownerId ?? contact.ownerId,
          organizationId,
          contactId: contact.contactId,
          eventId: contact.eventId,
          sourceItemId: contact.id,
          source: LeadSource.PromotionEvent,
          sector: input.sector !== undefined ? input.sector : (contact.sector as ZoneSector | null),
          capitalUsd: input.capitalUsd ?? null,
          expectedJobs: input.expectedJobs ?? null,
        });
        await this.items.moveInTransaction(
          manager,
          principal,
          this.kind,
          id,
          { stageId: won.id, version: input.version },
          { converting: true, convertedItemId: newId },
        );
        return newId;
      }),
    );
    return { eventContact: await this.get(id), item: { id: itemId, kind: input.kind } };
  }

  /** Opens the new item through its own kind's service, so it starts exactly as one opened directly would. */
  private async open(
    manager: EntityManager,
    principal: Principal,
    input: ConvertEventContactDto,
    common: NewItemInput & { organizationId: string; sector?: ZoneSector | null },
  ): Promise<string> {
    switch (input.kind) {
      case 'land_enquiry':
        return this.landEnquiries.createInTransaction(manager, principal, {
          ...common,
          requestedAreaHa: input.requestedAreaHa!,
          zoneId: input.zoneId ?? null,
          preferredZoneIds: input.preferredZoneIds,
          wantedBy: input.wantedBy ?? null,
        });
      case 'loan_application':
        return this.loans.createInTransaction(manager, principal, {
          ...common,
          // Without a title of their own, applications are named after their purpose and lender.
          title: input.title,
          requestedVnd: input.requestedVnd!,
          applicantType: input.applicantType!,
          lender: input.lender!,
          lenderKind: input.lenderKind!,
          purpose: input.purpose!,
        });
      default:
        return this.items.create(manager, principal, PipelineKind.Prospect, common);
    }
  }

  /** The organization's name, else the person's, else the event contact's own title. */
  private async defaultTitle(
    manager: EntityManager,
    organizationId: string | null,
    contactId: string | null,
    fallback: string,
  ): Promise<string> {
    const [row] = (await manager.query(
      `SELECT (SELECT name FROM organization WHERE id = $1) AS organization,
              (SELECT full_name FROM contact WHERE id = $2) AS contact`,
      [organizationId, contactId],
    )) as { organization: string | null; contact: string | null }[];
    return row.organization ?? row.contact ?? fallback;
  }

  /** The item each of these event contacts became, if any (the first, should there ever be more). */
  private async convertedItems(ids: string[]): Promise<Map<string, { id: string; kind: PipelineKind }>> {
    if (!ids.length) return new Map();
    const rows: { sourceItemId: string; id: string; kind: PipelineKind }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (source_item_id) source_item_id AS "sourceItemId", id, kind
         FROM pipeline_item WHERE source_item_id = ANY($1::uuid[])
        ORDER BY source_item_id, created_at, id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.sourceItemId, { id: row.id, kind: row.kind }]));
  }
}
