import { Injectable } from '@nestjs/common';
import {
  ContactLanguage,
  LeadSource,
  OrganizationKind,
  PipelineKind,
  StageType,
  PublicZone,
  ZoneSector,
  ZoneStatus,
  ZoneType,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PROVINCE_SETTING_KEY } from '../mail/agency-profile';
import { nameKeySql } from '../records/duplicates';
import { PortalDocumentEntity, PortalSubmissionEntity } from './portal.entities';

export interface PublicZoneFilter {
  id?: string;
  type?: ZoneType;
  status?: ZoneStatus;
  district?: string;
  sector?: ZoneSector;
  minAvailableHa?: number;
}

/** A public zone as read from the database: the contract's shape, with its time as a Date. */
export type PublicZoneRow = Omit<PublicZone, 'updatedAt'> & { updatedAt: Date };

export interface PublicEventRow {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  place: string;
  country: string;
  organizer: string | null;
  description: string | null;
  registrationOpen: boolean;
}

/** A submission with the item it feeds, as the portal's services read it. */
export interface SubmissionRow {
  id: string;
  itemId: string;
  kind: PipelineKind;
  email: string;
  dedupeKey: string;
  language: ContactLanguage;
  data: Record<string, unknown>;
  submissions: number;
  submittedAt: Date;
  lastSubmittedAt: Date;
  ownerId: string;
  contactId: string | null;
  pipelineId: string;
  stageId: string;
  stageEnteredAt: Date;
  closedAt: Date | null;
  title: string;
  version: number;
}

export interface PortalStageRow {
  id: string;
  key: string;
  type: StageType;
  position: number;
  nameVi: string;
  nameEn: string;
  publicLabelVi: string | null;
  publicLabelEn: string | null;
  retiredAt: Date | null;
}

export interface ThreadRow {
  id: string;
  body: string;
  occurredAt: Date;
  payload: { event?: string; from?: 'investor' | 'agency' } | null;
}

export interface DocumentRow {
  id: string;
  submissionId: string;
  itemId: string;
  kind: PipelineKind;
  fileName: string;
  storedName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

const SUBMISSION_COLUMNS = `s.id, s.item_id AS "itemId", s.kind, s.email, s.dedupe_key AS "dedupeKey", s.language, s.data,
  s.submissions, s.submitted_at AS "submittedAt", s.last_submitted_at AS "lastSubmittedAt", i.owner_id AS "ownerId",
  i.contact_id AS "contactId", i.pipeline_id AS "pipelineId", i.stage_id AS "stageId",
  i.stage_entered_at AS "stageEnteredAt", i.closed_at AS "closedAt", i.title, i.version`;

const DOCUMENT_COLUMNS = `d.id, d.submission_id AS "submissionId", s.item_id AS "itemId", s.kind, d.file_name AS "fileName",
  d.stored_name AS "storedName", d.content_type AS "contentType", d.size_bytes AS "sizeBytes", d.uploaded_at AS "uploadedAt"`;

/** Notified (after commit) when files of deleted documents wait in `portal_file_removal`. */
export const PORTAL_FILE_REMOVAL_CHANNEL = 'portal_file_removal';

/** All SQL of the investor portal. */
@Injectable()
export class PortalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The public catalogue: land-bank figures only, never investors, owners or sources. */
  publicZones(filter: PublicZoneFilter): Promise<PublicZoneRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.id) add('id = ?', filter.id);
    if (filter.type) add('type = ?', filter.type);
    if (filter.status) add('status = ?', filter.status);
    if (filter.district) add('f_unaccent(lower(district)) = f_unaccent(lower(?))', filter.district);
    if (filter.sector) add('? = ANY(sectors)', filter.sector);
    if (filter.minAvailableHa !== undefined)
      add('industrial_land_ha - leased_ha - reserved_ha >= ?', filter.minAvailableHa);
    return this.dataSource.query(
      `SELECT id, code, type, name, district, status, sectors, total_area_ha::float8 AS "totalAreaHa",
              industrial_land_ha::float8 AS "industrialLandHa",
              (industrial_land_ha - leased_ha - reserved_ha)::float8 AS "availableHa", workforce,
              craft_village AS "craftVillage", latitude::float8 AS latitude, longitude::float8 AS longitude,
              illustrative, updated_at AS "updatedAt"
         FROM zone ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY type, name, id`,
      params,
    );
  }

  async publicEvents(timeZone: string, id?: string): Promise<PublicEventRow[]> {
    return this.dataSource.query(
      `SELECT id, name, kind, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
              place, country, organizer, description, ends_on >= (now() AT TIME ZONE $2)::date AS "registrationOpen"
         FROM promotion_event
        WHERE ${id ? 'id = $1' : '($1::uuid IS NULL AND ends_on >= (now() AT TIME ZONE $2)::date)'}
        ORDER BY starts_on, id
        LIMIT 200`,
      [id ?? null, timeZone],
    );
  }

  /** The `province` setting's value (agency name, address, contact), or null before the seed. */
  async provinceSettings(): Promise<unknown> {
    const [row] = await this.dataSource.query(`SELECT value FROM setting WHERE key = $1`, [PROVINCE_SETTING_KEY]);
    return row?.value ?? null;
  }

  /** Serialises the portal's writes for one email (and for one tax code), so repeats cannot race into twins. */
  async lockKey(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7201))`, [key]);
  }

  async zoneExists(manager: EntityManager, id: string): Promise<{ name: string } | null> {
    const [row] = await manager.query(`SELECT name FROM zone WHERE id = $1`, [id]);
    return row ?? null;
  }

  async eventForRegistration(
    manager: EntityManager,
    id: string,
    timeZone: string,
  ): Promise<{ id: string; name: string; open: boolean } | null> {
    const [row] = await manager.query(
      `SELECT id, name, ends_on >= (now() AT TIME ZONE $2)::date AS open FROM promotion_event WHERE id = $1 FOR SHARE`,
      [id, timeZone],
    );
    return row ?? null;
  }

  /** The latest open submission of the same form by the same email within the window, locked. */
  async findRepeat(
    manager: EntityManager,
    email: string,
    dedupeKey: string,
    withinHours: number,
  ): Promise<SubmissionRow | null> {
    const [row] = await manager.query(
      `SELECT ${SUBMISSION_COLUMNS}
         FROM portal_submission s JOIN pipeline_item i ON i.id = s.item_id
        WHERE s.email = $1 AND s.dedupe_key = $2 AND s.last_submitted_at > now() - make_interval(hours => $3)
          AND i.closed_at IS NULL
        ORDER BY s.last_submitted_at DESC
        LIMIT 1
        FOR UPDATE OF s, i`,
      [email, dedupeKey, withinHours],
    );
    return row ?? null;
  }

  /** The event contact of a person already attending the event (registered again, or added by staff). */
  async attendance(manager: EntityManager, eventId: string, contactId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT item_id AS "itemId" FROM event_attendee WHERE event_id = $1 AND contact_id = $2`,
      [eventId, contactId],
    );
    return row?.itemId ?? null;
  }

  async submissionOfItem(manager: EntityManager, itemId: string, lock = false): Promise<SubmissionRow | null> {
    const [row] = await manager.query(
      `SELECT ${SUBMISSION_COLUMNS}
         FROM portal_submission s JOIN pipeline_item i ON i.id = s.item_id
        WHERE s.item_id = $1${lock ? ' FOR UPDATE OF s, i' : ''}`,
      [itemId],
    );
    return row ?? null;
  }

  async submission(manager: EntityManager, id: string): Promise<SubmissionRow | null> {
    const [row] = await manager.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM portal_submission s JOIN pipeline_item i ON i.id = s.item_id WHERE s.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Open submissions of an email, newest first (for re-sent links). */
  openSubmissions(manager: EntityManager, email: string): Promise<SubmissionRow[]> {
    return manager.query(
      `SELECT ${SUBMISSION_COLUMNS}
         FROM portal_submission s JOIN pipeline_item i ON i.id = s.item_id
        WHERE s.email = $1 AND i.closed_at IS NULL
        ORDER BY s.last_submitted_at DESC
        LIMIT 20`,
      [email],
    );
  }

  async insertSubmission(
    manager: EntityManager,
    values: Pick<PortalSubmissionEntity, 'itemId' | 'kind' | 'email' | 'dedupeKey' | 'language' | 'data'>,
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO portal_submission (item_id, kind, email, dedupe_key, language, data)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [values.itemId, values.kind, values.email, values.dedupeKey, values.language, values.data],
    );
    return row.id;
  }

  async recordRepeat(
    manager: EntityManager,
    id: string,
    values: { language: string; data: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(
      `UPDATE portal_submission SET language = $2, data = $3, submissions = submissions + 1, last_submitted_at = now()
        WHERE id = $1`,
      [id, values.language, values.data],
    );
  }

  async insertToken(
    manager: EntityManager,
    values: { submissionId: string; tokenHash: string; limited: boolean; days: number },
  ): Promise<Date> {
    const [row] = await manager.query(
      `INSERT INTO portal_tracking_token (submission_id, token_hash, visible_from, expires_at)
       VALUES ($1, $2, CASE WHEN $3 THEN now() END, now() + make_interval(days => $4))
       RETURNING expires_at AS "expiresAt"`,
      [values.submissionId, values.tokenHash, values.limited, values.days],
    );
    return row.expiresAt;
  }

  /** A link that works: known hash, not expired, its submission still there. */
  async findToken(
    tokenHash: string,
  ): Promise<{ submissionId: string; visibleFrom: Date | null; expiresAt: Date } | null> {
    const [row] = await this.dataSource.query(
      `SELECT submission_id AS "submissionId", visible_from AS "visibleFrom", expires_at AS "expiresAt"
         FROM portal_tracking_token WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash],
    );
    return row ?? null;
  }

  stages(manager: EntityManager, pipelineId: string): Promise<PortalStageRow[]> {
    return manager.query(
      `SELECT id, key, type, position, name_vi AS "nameVi", name_en AS "nameEn", public_label_vi AS "publicLabelVi",
              public_label_en AS "publicLabelEn", retired_at AS "retiredAt"
         FROM stage WHERE pipeline_id = $1 ORDER BY position, id`,
      [pipelineId],
    );
  }

  /** The investor-visible thread: portal messages with text (never notes or other entries), oldest first. */
  thread(itemId: string, kind: PipelineKind, from: Date | null): Promise<ThreadRow[]> {
    return this.dataSource.query(
      `SELECT id, body, occurred_at AS "occurredAt", payload
         FROM timeline_entry
        WHERE subject_type = $1::text::record_subject_type AND subject_id = $2 AND kind = 'portal_message'
          AND body IS NOT NULL AND ($3::timestamptz IS NULL OR occurred_at >= $3)
        ORDER BY occurred_at, id
        LIMIT 500`,
      [kind, itemId, from],
    );
  }

  documents(manager: EntityManager, submissionId: string, from: Date | null): Promise<DocumentRow[]> {
    return manager.query(
      `SELECT ${DOCUMENT_COLUMNS}
         FROM portal_document d JOIN portal_submission s ON s.id = d.submission_id
        WHERE d.submission_id = $1 AND ($2::timestamptz IS NULL OR d.uploaded_at >= $2)
        ORDER BY d.uploaded_at, d.id`,
      [submissionId, from],
    );
  }

  documentsOfItem(itemId: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS}
         FROM portal_document d JOIN portal_submission s ON s.id = d.submission_id
        WHERE s.item_id = $1
        ORDER BY d.uploaded_at DESC, d.id`,
      [itemId],
    );
  }

  async document(id: string): Promise<DocumentRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM portal_document d JOIN portal_submission s ON s.id = d.submission_id
        WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async insertDocument(
    manager: EntityManager,
    values: Pick<PortalDocumentEntity, 'submissionId' | 'fileName' | 'storedName' | 'contentType' | 'sizeBytes'>,
  ): Promise<{ id: string; uploadedAt: Date }> {
    const [row] = await manager.query(
      `INSERT INTO portal_document (submission_id, file_name, stored_name, content_type, size_bytes)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, uploaded_at AS "uploadedAt"`,
      [values.submissionId, values.fileName, values.storedName, values.contentType, values.sizeBytes],
    );
    return row;
  }

  /** Files of deleted documents waiting to be removed, oldest first, locked for this transaction. */
  claimFileRemovals(manager: EntityManager, limit: number): Promise<{ id: string; storedName: string }[]> {
    return manager.query(
      `SELECT id, stored_name AS "storedName" FROM portal_file_removal ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async forgetFileRemovals(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await manager.query(`DELETE FROM portal_file_removal WHERE id = ANY($1::bigint[])`, [ids]);
  }

  // Investors and people, found or added by the CRM's rules.

  async organizationByTaxCode(manager: EntityManager, taxCode: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT id FROM organization WHERE tax_code = $1`, [taxCode]);
    return row?.id ?? null;
  }

  /** Investors whose names match once accents and company forms are dropped (the duplicate finder's key). */
  async organizationsByName(manager: EntityManager, name: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM organization WHERE ${nameKeySql('name')} = ${nameKeySql('$1::text')} ORDER BY id LIMIT 2`,
      [name],
    );
    return rows.map((row) => row.id);
  }

  async insertOrganization(
    manager: EntityManager,
    values: { name: string; taxCode: string | null; country: string; ownerId: string },
  ): Promise<string> {
    const result = await manager.insert(OrganizationEntity, {
      name: values.name,
      taxCode: values.taxCode,
      country: values.country,
      kind: values.country === 'VN' ? OrganizationKind.Domestic : OrganizationKind.ForeignInvested,
      ownerId: values.ownerId,
      source: LeadSource.Website,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  async contactByEmail(
    manager: EntityManager,
    email: string,
  ): Promise<{ id: string; fullName: string; email: string; organizationId: string | null } | null> {
    const [row] = await manager.query(
      `SELECT id, full_name AS "fullName", email, organization_id AS "organizationId" FROM contact WHERE email = $1`,
      [email],
    );
    return row ?? null;
  }

  async insertContact(
    manager: EntityManager,
    values: Pick<ContactEntity, 'fullName' | 'email' | 'phone' | 'position' | 'organizationId' | 'ownerId'> & {
      preferredLanguage: string;
    },
  ): Promise<string> {
    const result = await manager.insert(ContactEntity, values);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** The active users among these ids, in the given order. */
  async activeUsers(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await manager.query(`SELECT id FROM app_user WHERE id = ANY($1) AND active`, [ids]);
    const active = new Set(rows.map((row) => row.id));
    return ids.filter((id) => active.has(id));
  }

  /** Who takes submissions when no rule names anyone: the longest-serving active manager, else admin. */
  async fallbackOwner(manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM app_user WHERE active AND role IN ('manager', 'admin')
        ORDER BY role = 'manager' DESC, created_at, id LIMIT 1`,
    );
    return row?.id ?? null;
  }

  /** Takes the round robin's next turn; the row lock makes concurrent submissions queue for it. */
  async nextTurn(manager: EntityManager, scope: string): Promise<number> {
    await manager.query(
      `INSERT INTO portal_assignment_cursor (scope, position) VALUES ($1, 0) ON CONFLICT (scope) DO NOTHING`,
      [scope],
    );
    // An UPDATE's result is [rows, count].
    const [[row]] = (await manager.query(
      `UPDATE portal_assignment_cursor SET position = position + 1 WHERE scope = $1 RETURNING position - 1 AS turn`,
      [scope],
    )) as [{ turn: string }[], number];
    return Number(row.turn);
  }

  async readSetting<T>(manager: EntityManager, key: string): Promise<{ value: T; version: number } | null> {
    const [row] = await manager.query(`SELECT value, version FROM setting WHERE key = $1`, [key]);
    return row ?? null;
  }

  /** Writes a setting at the version read (0: not yet saved); false when someone saved it meanwhile. */
  async writeSetting(manager: EntityManager, key: string, value: unknown, version: number): Promise<boolean> {
    if (version === 0) {
      const rows = await manager.query(
        `INSERT INTO setting (key, value, version, updated_at) VALUES ($1, $2, 1, now())
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, JSON.stringify(value)],
      );
      return rows.length > 0;
    }
    const [, count] = (await manager.query(
      `UPDATE setting SET value = $2, version = version + 1, updated_at = now() WHERE key = $1 AND version = $3`,
      [key, JSON.stringify(value), version],
    )) as [unknown, number];
    return count > 0;
  }

  async lockItem(
    manager: EntityManager,
    id: string,
    kind: PipelineKind,
  ): Promise<{ id: string; ownerId: string; version: number; contactId: string | null } | null> {
    const [row] = await manager.query(
      `SELECT id, owner_id AS "ownerId", version, contact_id AS "contactId"
         FROM pipeline_item WHERE id = $1 AND kind = $2 FOR UPDATE`,
      [id, kind],
    );
    return row ?? null;
  }
}
