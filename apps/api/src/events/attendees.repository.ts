import { Injectable } from '@nestjs/common';
import type { PipelineKind, StageType } from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '../common/dto';

export interface AttendeeRow {
  id: string;
  eventId: string;
  contactId: string;
  contactName: string;
  contactEmail: string | null;
  organizationId: string | null;
  organizationName: string | null;
  itemId: string;
  stageId: string;
  stageKey: string;
  stageType: StageType;
  stageNameVi: string;
  stageNameEn: string;
  itemVersion: number;
  itemOwnerId: string;
  itemOwnerName: string;
  overdue: boolean;
  convertedItemId: string | null;
  convertedItemKind: PipelineKind | null;
  removable: boolean;
  addedByName: string;
  addedAt: Date;
}

/** A contact about to be added to an event. */
export interface AttendeeCandidate {
  id: string;
  fullName: string;
  email: string | null;
  organizationId: string | null;
}

/** `$1` is today's business date (for `overdue`). */
const COLUMNS = `a.id, a.event_id AS "eventId", a.contact_id AS "contactId", c.full_name AS "contactName",
  lower(c.email) AS "contactEmail", c.organization_id AS "organizationId", o.name AS "organizationName",
  a.item_id AS "itemId", i.stage_id AS "stageId", s.key AS "stageKey", s.type AS "stageType",
  s.name_vi AS "stageNameVi", s.name_en AS "stageNameEn", i.version AS "itemVersion", i.owner_id AS "itemOwnerId",
  u.name AS "itemOwnerName",
  (i.closed_at IS NULL AND i.overdue_from IS NOT NULL AND i.overdue_from <= $1::date) AS overdue,
  conv.id AS "convertedItemId", conv.kind AS "convertedItemKind",
  (SELECT count(*) FROM stage_history h WHERE h.item_id = i.id) = 1 AS removable,
  ab.name AS "addedByName", a.added_at AS "addedAt"`;

const FROM = `event_attendee a
  JOIN contact c ON c.id = a.contact_id
  LEFT JOIN organization o ON o.id = c.organization_id
  JOIN pipeline_item i ON i.id = a.item_id
  JOIN stage s ON s.id = i.stage_id
  JOIN app_user u ON u.id = i.owner_id
  JOIN app_user ab ON ab.id = a.added_by_id
  LEFT JOIN LATERAL (
    SELECT x.id, x.kind FROM pipeline_item x WHERE x.source_item_id = i.id ORDER BY x.created_at, x.id LIMIT 1
  ) conv ON true`;

const NAME_KEY = (column: string) => `btrim(regexp_replace(f_unaccent(lower(${column})), '\\s+', ' ', 'g'))`;

@Injectable()
export class AttendeesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of an event's attendees in name order (keyset on name and id). */
  list(
    eventId: string,
    today: string,
    filter: { q?: string; stageId?: string; after?: [string, string]; limit: number },
  ): Promise<AttendeeRow[]> {
    const params: unknown[] = [today, eventId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['a.event_id = $2'];
    for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
      where.push(`c.search_key LIKE f_unaccent(lower(${param(containsPattern(word))}))`);
    }
    if (filter.stageId) where.push(`i.stage_id = ${param(filter.stageId)}`);
    if (filter.after) where.push(`(c.full_name, a.id) > (${param(filter.after[0])}, ${param(filter.after[1])}::uuid)`);
    return this.dataSource.query(
      `SELECT ${COLUMNS}, c.full_name AS "sortKey" FROM ${FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY c.full_name, a.id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  /** These attendances, in the order of `ids`. */
  async findByIds(manager: EntityManager, ids: string[], today: string): Promise<AttendeeRow[]> {
    if (ids.length === 0) return [];
    const rows: AttendeeRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ANY($2::uuid[])`, [
      today,
      ids,
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The attendance with its item's stage and moves, its row locked. */
  async lock(
    manager: EntityManager,
    eventId: string,
    attendeeId: string,
  ): Promise<{ id: string; contactId: string; itemId: string; moves: number; stageKey: string } | null> {
    const rows = await manager.query(
      `SELECT a.id, a.contact_id AS "contactId", a.item_id AS "itemId", s.key AS "stageKey",
              (SELECT count(*)::int FROM stage_history h WHERE h.item_id = a.item_id) - 1 AS moves
         FROM event_attendee a JOIN pipeline_item i ON i.id = a.item_id JOIN stage s ON s.id = i.stage_id
        WHERE a.id = $1 AND a.event_id = $2
          FOR UPDATE OF a, i`,
      [attendeeId, eventId],
    );
    return rows[0] ?? null;
  }

  /** The contacts with these ids, and those with these emails (lower-cased), that exist. */
  candidates(manager: EntityManager, ids: string[], emails: string[] = []): Promise<AttendeeCandidate[]> {
    return manager.query(
      `SELECT id, full_name AS "fullName", lower(email) AS email, organization_id AS "organizationId"
         FROM contact WHERE id = ANY($1::uuid[]) OR email = ANY($2::citext[])`,
      [ids, emails],
    );
  }

  /** The contacts with these phone numbers (E.164), oldest first. */
  candidatesByPhone(manager: EntityManager, phones: string[]): Promise<(AttendeeCandidate & { phone: string })[]> {
    if (phones.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, full_name AS "fullName", lower(email) AS email, organization_id AS "organizationId", phone
         FROM contact WHERE phone = ANY($1::text[]) ORDER BY created_at, id`,
      [phones],
    );
  }

  /**
   * The event's attendees whose names are these names, unaccented, in any case and spacing (any script: a Korean or
   * Japanese name is compared as written); each with the name given.
   */
  attendeesByName(
    manager: EntityManager,
    eventId: string,
    names: string[],
  ): Promise<(AttendeeCandidate & { givenName: string })[]> {
    if (names.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT c.id, c.full_name AS "fullName", lower(c.email) AS email, c.organization_id AS "organizationId",
              n.name AS "givenName"
         FROM unnest($2::text[]) AS n(name)
         JOIN event_attendee a ON a.event_id = $1
         JOIN contact c ON c.id = a.contact_id AND ${NAME_KEY('c.full_name')} = ${NAME_KEY('n.name')}
        ORDER BY a.added_at, a.id`,
      [eventId, names],
    );
  }

  /** Which of these contacts already attend the event. */
  async attending(manager: EntityManager, eventId: string, contactIds: string[]): Promise<Set<string>> {
    const rows: { contactId: string }[] = await manager.query(
      `SELECT contact_id AS "contactId" FROM event_attendee WHERE event_id = $1 AND contact_id = ANY($2::uuid[])`,
      [eventId, contactIds],
    );
    return new Set(rows.map((row) => row.contactId));
  }

  async insert(
    manager: EntityManager,
    row: { eventId: string; contactId: string; itemId: string; addedById: string },
  ): Promise<string> {
    const [{ id }] = (await manager.query(
      `INSERT INTO event_attendee (event_id, contact_id, item_id, added_by_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [row.eventId, row.contactId, row.itemId, row.addedById],
    )) as { id: string }[];
    return id;
  }

  /** Removes the attendance and its event-contact item (its history goes with it). */
  async delete(manager: EntityManager, attendeeId: string, itemId: string): Promise<void> {
    await manager.query(`DELETE FROM event_attendee WHERE id = $1`, [attendeeId]);
    await manager.query(`DELETE FROM pipeline_item WHERE id = $1`, [itemId]);
  }
}
