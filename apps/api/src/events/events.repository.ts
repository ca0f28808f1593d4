import { Injectable } from '@nestjs/common';
import type { PipelineKind, PromotionEventKind, PromotionEventSort, StageType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '../common/dto';
import { OwnedRecordRepository } from '../database/owned-record.repository';
import { PromotionEventEntity } from './promotion-event.entity';

export interface EventFilter {
  q?: string;
  kind?: PromotionEventKind;
  country?: string;
  from?: string;
  to?: string;
  ownerId?: string;
  sort: PromotionEventSort;
  after?: [string, string];
  limit: number;
}

export interface EventRow {
  id: string;
  name: string;
  kind: PromotionEventKind;
  startsOn: string;
  endsOn: string;
  place: string;
  country: string;
  budgetVnd: string | null;
  organizer: string | null;
  description: string | null;
  ownerId: string;
  ownerName: string;
  attendeeCount: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  sortKey?: string;
}

/** Dates come back as text so that no time zone shifts them. */
const COLUMNS = `e.id, e.name, e.kind, to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn", e.place, e.country, e.budget_vnd AS "budgetVnd", e.organizer,
  e.description, e.owner_id AS "ownerId", u.name AS "ownerName",
  (SELECT count(*)::int FROM event_attendee a WHERE a.event_id = e.id) AS "attendeeCount",
  e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.version`;

const SORTS: Record<PromotionEventSort, { column: string; key: string; direction: 'ASC' | 'DESC'; cast: string }> = {
  '-startsOn': { column: 'e.starts_on', key: `to_char(e.starts_on, 'YYYY-MM-DD')`, direction: 'DESC', cast: '::date' },
  startsOn: { column: 'e.starts_on', key: `to_char(e.starts_on, 'YYYY-MM-DD')`, direction: 'ASC', cast: '::date' },
  name: { column: 'e.name', key: 'e.name', direction: 'ASC', cast: '' },
  '-name': { column: 'e.name', key: 'e.name', direction: 'DESC', cast: '' },
};

/** The unaccented, lower-case text a search looks in. */
const SEARCH_TEXT = `f_unaccent(lower(e.name || ' ' || e.place || ' ' || coalesce(e.organizer, '')))`;

export interface RoiFigures {
  contacts: number;
  hectares: string | null;
  capital: string | null;
  jobs: string | null;
}

@Injectable()
export class EventsRepository extends OwnedRecordRepository<PromotionEventEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, PromotionEventEntity);
  }

  async list(filter: EventFilter): Promise<EventRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.q) {
      // Every word of the search, each somewhere in the name, place or organizer ("hoi nghi nhat" finds
      // "Hội nghị xúc tiến đầu tư tại Nhật Bản").
      for (const word of filter.q.split(/\s+/).filter(Boolean)) {
        where.push(`${SEARCH_TEXT} LIKE f_unaccent(lower(${param(containsPattern(word))}))`);
      }
    }
    if (filter.kind) where.push(`e.kind = ${param(filter.kind)}`);
    if (filter.country) where.push(`e.country = ${param(filter.country)}`);
    if (filter.from) where.push(`e.ends_on >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`e.starts_on <= ${param(filter.to)}::date`);
    if (filter.ownerId) where.push(`e.owner_id = ${param(filter.ownerId)}`);
    const sort = SORTS[filter.sort];
    if (filter.after) {
      const [value, id] = filter.after;
      where.push(
        `(${sort.column}, e.id) ${sort.direction === 'DESC' ? '<' : '>'} (${param(value)}${sort.cast}, ${param(id)}::uuid)`,
      );
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS}, ${sort.key} AS "sortKey" FROM promotion_event e JOIN app_user u ON u.id = e.owner_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sort.column} ${sort.direction}, e.id ${sort.direction} LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<EventRow | null> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM promotion_event e JOIN app_user u ON u.id = e.owner_id WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** What still points at the event: its attendees and the items opened from it. */
  async usage(manager: EntityManager, id: string): Promise<{ attendees: number; items: number }> {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM event_attendee WHERE event_id = $1) AS attendees,
              (SELECT count(*)::int FROM pipeline_item WHERE event_id = $1 AND kind <> 'event_contact') AS items`,
      [id],
    )) as { attendees: number; items: number }[];
    return row;
  }

  async roiFigures(id: string): Promise<RoiFigures> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM event_attendee WHERE event_id = $1) AS contacts,
              sum(i.area_ha) FILTER (WHERE i.kind = 'land_enquiry') AS hectares,
              sum(i.capital_usd) AS capital, sum(i.expected_jobs) AS jobs
         FROM pipeline_item i WHERE i.event_id = $1 AND i.kind <> 'event_contact'`,
      [id],
    )) as RoiFigures[];
    return row;
  }

  /** Items (other than event contacts) linked to the event, by kind. */
  linkedByKind(id: string): Promise<{ kind: PipelineKind; count: number }[]> {
    return this.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM pipeline_item
        WHERE event_id = $1 AND kind <> 'event_contact' GROUP BY kind`,
      [id],
    );
  }

  /** The event's contacts that were converted, by what they became. */
  conversionsByKind(id: string): Promise<{ kind: PipelineKind; count: number }[]> {
    return this.dataSource.query(
      `SELECT x.kind, count(DISTINCT ec.id)::int AS count
         FROM pipeline_item ec
         JOIN pipeline_item x ON x.source_item_id = ec.id
        WHERE ec.event_id = $1 AND ec.kind = 'event_contact'
        GROUP BY x.kind`,
      [id],
    );
  }

  /** Every stage of the event-contact pipeline with the count of the event's contacts in it. */
  stageCounts(id: string): Promise<
    {
      stageId: string;
      key: string;
      nameVi: string;
      nameEn: string;
      type: StageType;
      retired: boolean;
      count: number;
    }[]
  > {
    return this.dataSource.query(
      `SELECT s.id AS "stageId", s.key, s.name_vi AS "nameVi", s.name_en AS "nameEn", s.type,
              s.retired_at IS NOT NULL AS retired, count(i.id)::int AS count
         FROM pipeline p
         JOIN stage s ON s.pipeline_id = p.id
         LEFT JOIN pipeline_item i ON i.stage_id = s.id AND i.event_id = $1 AND i.kind = 'event_contact'
        WHERE p.kind = 'event_contact'
        GROUP BY s.id
        ORDER BY s.position, s.id`,
      [id],
    );
  }
}
