import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  Contact,
  EXPORT_ONLY_COLUMNS,
  ExportFormat,
  IMPORT_COLUMNS,
  ImportEntity,
  Organization,
  Page,
} from '@irm/contracts';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { Download } from '../common/download';
import { CellValue, CONTENT_TYPE, csvStream, datedFileName, xlsxStream } from '../common/spreadsheet';
import { AppConfig } from '../config/app-config';
import type { ContactListQueryDto } from '../contacts/contact.dto';
import { ContactsService } from '../contacts/contacts.service';
import type { OrganizationListQueryDto } from '../organizations/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  CONSENT_LABELS,
  CONSENT_SOURCE_LABELS,
  ExportLanguage,
  KIND_LABELS,
  SIZE_LABELS,
  SOURCE_LABELS,
} from './export-labels';
import type { ContactExportQueryDto, OrganizationExportQueryDto } from './exports.dto';
import { ExportsRepository } from './exports.repository';

/** Rows read per query: the list's own keyset paging, in larger pages. */
export const EXPORT_BATCH_SIZE = 1_000;

type ExportedEntity = ImportEntity.Organizations | ImportEntity.Contacts;

const FILE_STEM: Record<ExportedEntity, Record<ExportLanguage, string>> = {
  [ImportEntity.Organizations]: { vi: 'nha-dau-tu', en: 'investors' },
  [ImportEntity.Contacts]: { vi: 'lien-he', en: 'contacts' },
};

/**
 * Exports a filtered list as CSV or XLSX, streamed batch by batch through the list endpoints' own
 * filtering and keyset paging. Columns are the import's columns (so a file can be edited and
 * imported again) plus a few that only inform.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly contacts: ContactsService,
    private readonly exportsRepository: ExportsRepository,
    private readonly audit: AuditService,
  ) {}

  async organizationsFile(principal: Principal, query: OrganizationExportQueryDto): Promise<Download> {
    const { format, lang, ...filters } = query;
    const language = lang ?? languageOf(principal);
    await this.recordExport('organization', format, filters);
    const when = this.dateTime;
    const repository = this.exportsRepository;
    const organizations = this.organizations;
    async function* rows(): AsyncGenerator<CellValue[]> {
      for await (const batch of pages((cursor) =>
        organizations.list({ ...filters, limit: EXPORT_BATCH_SIZE, cursor } as OrganizationListQueryDto),
      )) {
        const emails = await repository.userEmails(batch.map((o: Organization) => o.ownerId));
        for (const o of batch) {
          yield [
            o.name,
            o.legalName,
            o.taxCode,
            KIND_LABELS[language][o.kind],
            o.country,
            o.sectors.join('; '),
            o.website,
            o.size && SIZE_LABELS[language][o.size],
            o.tags.join('; '),
            o.source && SOURCE_LABELS[language][o.source],
            emails.get(o.ownerId),
            o.id,
            o.ownerName,
            when(o.createdAt),
            when(o.updatedAt),
          ];
        }
      }
    }
    const header = [
      ...IMPORT_COLUMNS[ImportEntity.Organizations].map((column) => column[language]),
      EXPORT_ONLY_COLUMNS.ownerName[language],
      EXPORT_ONLY_COLUMNS.createdAt[language],
      EXPORT_ONLY_COLUMNS.updatedAt[language],
    ];
    return this.file(ImportEntity.Organizations, language, format, header, rows());
  }

  async contactsFile(principal: Principal, query: ContactExportQueryDto): Promise<Download> {
    const { format, lang, ...filters } = query;
    const language = lang ?? languageOf(principal);
    await this.recordExport('contact', format, filters);
    const when = this.dateTime;
    const repository = this.exportsRepository;
    const contacts = this.contacts;
    async function* rows(): AsyncGenerator<CellValue[]> {
      for await (const batch of pages((cursor) =>
        contacts.list({ ...filters, limit: EXPORT_BATCH_SIZE, cursor } as ContactListQueryDto),
      )) {
        const [emails, taxCodes] = await Promise.all([
          repository.userEmails(batch.map((c: Contact) => c.ownerId)),
          repository.organizationTaxCodes(batch.flatMap((c: Contact) => c.organizationId ?? [])),
        ]);
        for (const c of batch) {
          yield [
            c.fullName,
            c.email,
            c.phone,
            c.position,
            c.organizationId && taxCodes.get(c.organizationId),
            c.preferredLanguage,
            CONSENT_LABELS[language][c.emailConsent],
            c.consentSource && CONSENT_SOURCE_LABELS[language][c.consentSource],
            emails.get(c.ownerId),
            c.id,
            c.organizationName,
            c.ownerName,
            when(c.createdAt),
            when(c.updatedAt),
          ];
        }
      }
    }
    const header = [
      ...IMPORT_COLUMNS[ImportEntity.Contacts].map((column) => column[language]),
      EXPORT_ONLY_COLUMNS.organizationName[language],
      EXPORT_ONLY_COLUMNS.ownerName[language],
      EXPORT_ONLY_COLUMNS.createdAt[language],
      EXPORT_ONLY_COLUMNS.updatedAt[language],
    ];
    return this.file(ImportEntity.Contacts, language, format, header, rows());
  }

  /** Who took which list out of the system, with which filters. */
  private recordExport(subjectType: string, format: ExportFormat, filters: object): Promise<void> {
    const applied = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
    return this.audit.recordNow({ action: AuditAction.Export, subjectType, details: { format, filters: applied } });
  }

  private file(
    entity: ExportedEntity,
    language: ExportLanguage,
    format: ExportFormat,
    header: string[],
    rows: AsyncIterable<CellValue[]>,
  ): Download {
    const fileName = datedFileName(FILE_STEM[entity][language], format, this.config.TZ_BUSINESS);
    const stream =
      format === ExportFormat.Xlsx
        ? xlsxStream([{ name: FILE_STEM[entity][language], header, rows }])
        : csvStream(header, rows);
    return { fileName, contentType: CONTENT_TYPE[format], stream };
  }

  /** "2026-11-28 14:05" in the business time zone. */
  private readonly dateTime = (iso: string): string =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: this.config.TZ_BUSINESS,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
}

function languageOf(principal: Principal): ExportLanguage {
  return principal.language === 'en' ? 'en' : 'vi';
}

/** Every page of a keyset-paged list, one after another. */
async function* pages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    if (page.items.length > 0) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
