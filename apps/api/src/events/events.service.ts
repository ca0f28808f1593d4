import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ConversionKind,
  CONVERSION_KINDS,
  EventRoi,
  Page,
  PipelineKind,
  PromotionEvent,
  StageType,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppException, ErrorCode } from '../common/app-exception';
import { checkEditable, checkOwnerChoice } from '../common/owned-records';
import { decodeCursor, toPage, UUID_PATTERN } from '../common/pagination';
import { EventFollowUpPlanner } from '../reminders/event-follow-up.planner';
import type { CreateEventDto, EventListQueryDto, UpdateEventDto } from './event.dto';
import { EventRow, EventsRepository } from './events.repository';
import type { PromotionEventEntity } from './promotion-event.entity';

const SUBJECT = 'promotion_event';

/** Fields whose changes the audit trail keeps. */
export const EVENT_AUDITED = [
  'name',
  'kind',
  'startsOn',
  'endsOn',
  'place',
  'country',
  'budgetVnd',
  'organizer',
  'description',
  'ownerId',
] as const satisfies readonly (keyof PromotionEventEntity)[];

export function toEvent(row: EventRow): PromotionEvent {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    place: row.place,
    country: row.country,
    budgetVnd: row.budgetVnd === null ? null : Number(row.budgetVnd),
    organizer: row.organizer,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    attendeeCount: row.attendeeCount,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

function datesInOrder(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw new AppException(ErrorCode.RuleViolated, 'An event cannot end before it starts.', [
      { field: 'endsOn', message: 'must be on or after startsOn' },
    ]);
  }
}

const toNumber = (value: string | null) => (value === null ? 0 : Number(value));

/**
 * Promotion events (conferences, roadshows, trade fairs, site-visit tours, webinars): staff create them and change
 * their own, managers any. An event with attendees or items opened from it stays until those are gone.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly audit: AuditService,
    private readonly followUps: EventFollowUpPlanner,
  ) {}

  async list(query: EventListQueryDto): Promise<Page<PromotionEvent>> {
    const after = query.cursor
      ? (decodeCursor(query.cursor, 3, ([sort, , id]) => sort === query.sort && UUID_PATTERN.test(String(id))).slice(
          1,
        ) as [string, string])
      : undefined;
    const rows = await this.events.list({ ...query, after, limit: query.limit });
    return toPage(rows, query.limit, toEvent, (row) => [query.sort, row.sortKey!, row.id]);
  }

  async get(id: string): Promise<PromotionEvent> {
    return toEvent(await this.find(id));
  }

  async find(id: string, manager?: EntityManager): Promise<EventRow> {
    const row = await this.events.findById(id, manager);
    if (!row) throw new AppException(ErrorCode.NotFound, `Event ${id} does not exist.`);
    return row;
  }

  async create(principal: Principal, input: CreateEventDto): Promise<PromotionEvent> {
    const ownerId = input.ownerId ?? principal.userId;
    checkOwnerChoice(principal, ownerId, null, 'event');
    datesInOrder(input.startsOn, input.endsOn);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.assertOwnerExists(manager, ownerId);
      const values = {
        name: input.name,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        place: input.place,
        country: input.country,
        budgetVnd: input.budgetVnd ?? null,
        organizer: input.organizer ?? null,
        description: input.description ?? null,
        ownerId,
      };
      const id = await this.events.insert(manager, values);
      await this.audit.record(manager, {
        action: AuditAction.Create,
        subjectType: SUBJECT,
        subjectId: id,
        changes: diff({} as PromotionEventEntity, values, EVENT_AUDITED),
      });
      await this.followUps.plan(manager, { id, endsOn: values.endsOn });
      return (await this.events.findById(id, manager))!;
    });
    return toEvent(row);
  }

  async update(principal: Principal, id: string, input: UpdateEventDto): Promise<PromotionEvent> {
    const { version, ...changes } = input;
    const row = await this.dataSource.transaction(async (manager) => {
      const before = checkEditable(principal, await this.events.findForUpdate(manager, id), version, 'event');
      checkOwnerChoice(principal, changes.ownerId, before.ownerId, 'event');
      if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
        await this.assertOwnerExists(manager, changes.ownerId);
      datesInOrder(changes.startsOn ?? before.startsOn, changes.endsOn ?? before.endsOn);
      await this.events.update(manager, id, changes);
      // Only a new end date moves the follow-up; other edits leave a sent one sent.
      if (changes.endsOn !== undefined && changes.endsOn !== before.endsOn)
        await this.followUps.plan(manager, { id, endsOn: changes.endsOn });
      const edited = diff(before, changes, EVENT_AUDITED);
      if (Object.keys(edited).length) {
        await this.audit.record(manager, {
          action: AuditAction.Update,
          subjectType: SUBJECT,
          subjectId: id,
          changes: edited,
        });
      }
      return (await this.events.findById(id, manager))!;
    });
    return toEvent(row);
  }

  async remove(principal: Principal, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = checkEditable(principal, await this.events.findForUpdate(manager, id), version, 'event');
      const { attendees, items } = await this.events.usage(manager, id);
      if (attendees || items) {
        const held = [
          attendees && `${attendees} attendee${attendees === 1 ? '' : 's'}`,
          items && `${items} prospect, land enquiry or loan application${items === 1 ? '' : 's'} opened from it`,
        ].filter(Boolean);
        throw new AppException(
          ErrorCode.Conflict,
          `This event has ${held.join(' and ')}; it can only be deleted once they are removed.`,
          [{ field: 'id', message: 'has attendees or linked items' }],
          undefined,
          { attendees, items },
        );
      }
      await this.events.delete(manager, id);
      await this.followUps.cancel(manager, id);
      await this.audit.record(manager, {
        action: AuditAction.Delete,
        subjectType: SUBJECT,
        subjectId: id,
        details: Object.fromEntries(EVENT_AUDITED.map((field) => [field, before[field]])),
      });
    });
  }

  /** The event's return: people met, what they became, hectares, capital and jobs, against its budget. */
  async roi(id: string): Promise<EventRoi> {
    const event = await this.find(id);
    const [figures, linked, conversions, stages] = await Promise.all([
      this.events.roiFigures(id),
      this.events.linkedByKind(id),
      this.events.conversionsByKind(id),
      this.events.stageCounts(id),
    ]);
    const conversionsByKind = Object.fromEntries(CONVERSION_KINDS.map((kind) => [kind, 0])) as Record<
      ConversionKind,
      number
    >;
    for (const row of conversions) {
      if ((CONVERSION_KINDS as readonly string[]).includes(row.kind))
        conversionsByKind[row.kind as ConversionKind] = row.count;
    }
    const converted = Object.values(conversionsByKind).reduce((sum, count) => sum + count, 0);
    const budgetVnd = event.budgetVnd === null ? null : Number(event.budgetVnd);
    const linkedItemsByKind: Partial<Record<PipelineKind, number>> = {};
    for (const row of linked) linkedItemsByKind[row.kind] = row.count;
    return {
      eventId: id,
      contacts: figures.contacts,
      conversions: converted,
      conversionsByKind,
      conversionRate: figures.contacts ? converted / figures.contacts : null,
      linkedItems: linked.reduce((sum, row) => sum + row.count, 0),
      linkedItemsByKind,
      hectaresEnquired: toNumber(figures.hectares),
      capitalUsd: toNumber(figures.capital),
      expectedJobs: toNumber(figures.jobs),
      budgetVnd,
      costPerConversionVnd: budgetVnd !== null && converted ? Math.round(budgetVnd / converted) : null,
      costPerContactVnd: budgetVnd !== null && figures.contacts ? Math.round(budgetVnd / figures.contacts) : null,
      stages: stages
        .filter((stage) => !stage.retired || stage.count > 0)
        .map((stage) => ({
          stageId: stage.stageId,
          key: stage.key,
          name: { vi: stage.nameVi, en: stage.nameEn },
          type: stage.type as StageType,
          count: stage.count,
        })),
    };
  }

  private async assertOwnerExists(manager: EntityManager, ownerId: string): Promise<void> {
    if (!(await this.events.activeUserExists(manager, ownerId))) {
      throw new AppException(ErrorCode.RuleViolated, 'The owner must be an active user.', [
        { field: 'ownerId', message: 'is not an active user' },
      ]);
    }
  }
}
