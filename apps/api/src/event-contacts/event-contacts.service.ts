import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ConversionKind,
  ConvertEventContactResult,
  EventContact,
  FieldChange,
  LeadSource,
  PipelineKind,
  StageType,
} from '@irm/contracts';
import { EventContactStageKey, type WorkingDays } from '@irm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { withItemLinks } from '../items/item-links';
import { ItemKindService } from '../items/item-kind.service';
import type { ItemRow } from '../items/items.repository';
import { ItemsService } from '../items/items.service';
import type { ConvertEventContactDto, UpdateEventContactDto } from './event-contact.dto';

/** Fields of a conversion that only one kind of item takes. */
const KIND_ONLY: Record<string, ConversionKind> = {
  areaHa: 'land_enquiry',
  zoneId: 'land_enquiry',
  preferredZoneIds: 'land_enquiry',
  wantedBy: 'land_enquiry',
  amountVnd: 'loan_application',
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
  ) {
    super(items, PipelineKind.EventContact);
    items.register({ kind: PipelineKind.EventContact, what: 'event contact' });
  }

  protected async complete(rows: ItemRow[], days: WorkingDays): Promise<EventContact[]> {
    const now = new Date();
    const converted = await this.convertedItems(rows.map((row) => row.id));
    return rows.map((row) => ({
      ...this.items.toBase(row, days, now),
      convertedItemId: converted.get(row.id)?.id ?? null,
      convertedItemKind: converted.get(row.id)?.kind ?? null,
    }));
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
        if (input.kind === 'prospect' && !organizationId) {
          throw new AppException(ErrorCode.RuleViolated, 'A prospect needs the investor it is about.', [
            { field: 'organizationId', message: 'is required for a prospect: the contact has no organization' },
          ]);
        }
        await this.assertZonesExist(manager, input.preferredZoneIds ?? []);
        const newId = await this.items.create(manager, principal, input.kind as PipelineKind, {
          title: input.title ?? (await this.defaultTitle(manager, organizationId, contact.contactId, contact.title)),
          ownerId: input.ownerId ?? contact.ownerId,
          organizationId,
          contactId: contact.contactId,
          eventId: contact.eventId,
          sourceItemId: contact.id,
          source: LeadSource.PromotionEvent,
          sector: input.sector !== undefined ? input.sector : contact.sector,
          capitalUsd: input.capitalUsd ?? null,
          expectedJobs: input.expectedJobs ?? null,
          areaHa: input.areaHa ?? null,
          zoneId: input.zoneId ?? null,
          amountVnd: input.amountVnd ?? null,
        });
        await this.insertDetails(manager, newId, input);
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

  /**
   * The rows only land enquiries and loan applications have, with what the conversion gave; audited with the
   * item. Their own modules fill in the rest later.
   */
  private async insertDetails(manager: EntityManager, itemId: string, input: ConvertEventContactDto): Promise<void> {
    let changes: Record<string, FieldChange> | null = null;
    if (input.kind === 'land_enquiry') {
      const preferredZoneIds = input.preferredZoneIds ?? [];
      await manager.query(`INSERT INTO land_enquiry (item_id, preferred_zone_ids, wanted_by) VALUES ($1, $2, $3)`, [
        itemId,
        preferredZoneIds,
        input.wantedBy ?? null,
      ]);
      changes = { preferredZoneIds: { before: null, after: preferredZoneIds } };
      if (input.wantedBy) changes.wantedBy = { before: null, after: input.wantedBy };
    } else if (input.kind === 'loan_application') {
      await manager.query(
        `INSERT INTO loan_application (item_id, applicant_type, lender, lender_kind, purpose) VALUES ($1, $2, $3, $4, $5)`,
        [itemId, input.applicantType, input.lender, input.lenderKind, input.purpose],
      );
      changes = {
        applicantType: { before: null, after: input.applicantType },
        lender: { before: null, after: input.lender },
        lenderKind: { before: null, after: input.lenderKind },
        purpose: { before: null, after: input.purpose },
      };
    }
    if (changes) {
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: input.kind,
        subjectId: itemId,
        changes,
      });
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

  private async assertZonesExist(manager: EntityManager, zoneIds: string[]): Promise<void> {
    if (!zoneIds.length) return;
    const found: { id: string }[] = await manager.query(`SELECT id FROM zone WHERE id = ANY($1::uuid[])`, [zoneIds]);
    if (found.length !== zoneIds.length) {
      throw new AppException(ErrorCode.RuleViolated, 'A preferred zone named does not exist.', [
        { field: 'preferredZoneIds', message: 'names a zone that does not exist' },
      ]);
    }
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
