import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  PortalDocument,
  PortalDocumentInfo,
  PortalMessage,
  PortalTimelinePayload,
  PortalTracking,
  RecordSubjectType,
  StageType,
  TimelineEntryKind,
} from '@irm/contracts';
import { publicLabel, publicPhase } from '@irm/domain';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import type { Download } from '../common/download';
import { currentRequestContext, runWithRequestContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { TimelineService } from '../timeline/timeline.service';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_EXTENSIONS, detectDocumentType, documentFileName } from './document-types';
import { PortalMail } from './portal-mail';
import { PortalSubmissionsService } from './portal-submissions.service';
import { PortalThrottle } from './portal-throttle';
import { DocumentRow, PortalRepository, SubmissionRow } from './portal.repository';
import { TrackingTokens, trackingNotFound } from './tracking-tokens';

const REFERENCE_PREFIX: Record<string, string> = {
  land_enquiry: 'LE',
  loan_application: 'LA',
  event_contact: 'EV',
  prospect: 'PR',
};

function toDocument(row: DocumentRow): PortalDocument {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
  };
}

/** Room for the multipart boundaries around the file. */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * What an investor does with their tracking link: see where their submission stands in plain words, the thread with
 * the agency (their messages and staff replies, never internal notes), and the documents they sent; write to the
 * agency; upload documents (type recognised from the content); and ask for fresh links by email.
 */
@Injectable()
export class PortalTrackingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portal: PortalRepository,
    private readonly tokens: TrackingTokens,
    private readonly submissions: PortalSubmissionsService,
    private readonly mail: PortalMail,
    private readonly timeline: TimelineService,
    private readonly audit: AuditService,
    private readonly throttle: PortalThrottle,
    private readonly config: AppConfig,
  ) {}

  private get uploadDir(): string {
    return resolve(this.config.PORTAL_UPLOAD_DIR);
  }

  private get maxUploadBytes(): number {
    return this.config.PORTAL_UPLOAD_MAX_MB * 1024 * 1024;
  }

  private async open(token: string): Promise<{ submission: SubmissionRow; visibleFrom: Date | null; expiresAt: Date }> {
    const resolved = await this.tokens.resolve(token);
    const submission = await this.portal.submission(this.dataSource.manager, resolved.submissionId);
    if (!submission) throw trackingNotFound();
    return { submission, visibleFrom: resolved.visibleFrom, expiresAt: resolved.expiresAt };
  }

  async view(token: string): Promise<PortalTracking> {
    const { submission, visibleFrom, expiresAt } = await this.open(token);
    const manager = this.dataSource.manager;
    const [stages, thread, documents] = await Promise.all([
      this.portal.stages(manager, submission.pipelineId),
      this.portal.thread(submission.itemId, submission.kind, visibleFrom),
      this.portal.documents(manager, submission.id, visibleFrom),
    ]);
    const current = stages.find((stage) => stage.id === submission.stageId)!;
    const currentPhase = publicPhase(current, stages);
    // The way ahead: the current open stages in order, then where it ends (its own closing stage, or the won one).
    const open = stages.filter(
      (stage) => stage.type === StageType.Open && (!stage.retiredAt || stage.id === current.id),
    );
    const end =
      current.type === StageType.Open
        ? stages.find((stage) => stage.type === StageType.Won && !stage.retiredAt)
        : current;
    const path = end ? [...open, end] : open;
    const currentIndex = path.findIndex((stage) => stage.id === current.id);
    const steps = path.map((stage, index) => ({
      label: publicLabel(stage, stages),
      phase: publicPhase(stage, stages),
      current: stage.id === current.id,
      done: index < currentIndex,
    }));
    const messages: PortalMessage[] = thread
      .filter((entry) => entry.payload?.from === 'investor' || entry.payload?.from === 'agency')
      .map((entry) => ({
        id: entry.id,
        from: entry.payload!.from!,
        body: entry.body,
        at: new Date(entry.occurredAt).toISOString(),
      }));
    return {
      kind: submission.kind,
      reference: `${REFERENCE_PREFIX[submission.kind]}-${submission.itemId.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      language: submission.language,
      submittedAt: new Date(submission.submittedAt).toISOString(),
      lastSubmittedAt: new Date(submission.lastSubmittedAt).toISOString(),
      status: {
        phase: currentPhase,
        stageType: current.type,
        label: publicLabel(current, stages),
        since: new Date(submission.stageEnteredAt).toISOString(),
      },
      steps,
      submission: submission.data,
      messages,
      documents: documents.map(toDocument),
      uploads: {
        maxBytes: this.maxUploadBytes,
        contentTypes: [...DOCUMENT_CONTENT_TYPES],
        extensions: [...DOCUMENT_EXTENSIONS],
      },
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The investor writes: an entry on the item's timeline and an email to its owner. */
  async message(token: string, body: string): Promise<PortalMessage> {
    const { submission } = await this.open(token);
    await this.throttle.hit('submission', submission.id);
    return this.asInvestor(() =>
      this.dataSource.transaction(async (manager) => {
        const payload: PortalTimelinePayload = { event: 'message', from: 'investor' };
        const id = await this.timeline.record(manager, {
          subjectType: submission.kind as unknown as RecordSubjectType,
          subjectId: submission.itemId,
          kind: TimelineEntryKind.PortalMessage,
          body,
          authorId: null,
          payload: { ...payload },
        });
        await this.audit.record(manager, {
          action: AuditAction.Create,
          subjectType: 'portal_message',
          subjectId: id,
          details: { via: 'portal', kind: submission.kind, itemId: submission.itemId },
        });
        const item = await this.submissions.itemRef(manager, submission.itemId);
        await this.mail.investorWrote(manager, `portal-message:${id}`, item, { message: body });
        return { id, from: 'investor', body, at: new Date().toISOString() };
      }),
    );
  }

  /** One file from the tracking page: PDF, JPEG, PNG or XLSX by content, within the size limit. */
  async upload(token: string, request: FastifyRequest): Promise<PortalDocument> {
    const { submission } = await this.open(token);
    await this.throttle.hit('submission', submission.id);
    const file = await readSingleFile(request, this.maxUploadBytes);
    const type = detectDocumentType(file.content);
    if (!type) {
      throw new AppException(
        ErrorCode.UnsupportedMediaType,
        'Send a PDF, JPEG, PNG or Excel (.xlsx) file; this file is none of them, whatever its name says.',
        [{ field: 'file', message: 'must be a PDF, JPEG, PNG or XLSX file' }],
      );
    }
    const fileName = documentFileName(file.fileName, type);
    const storedName = `${randomBytes(16).toString('hex')}.${type.extension}`;
    await mkdir(this.uploadDir, { recursive: true });
    const path = join(this.uploadDir, storedName);
    await writeFile(path, file.content, { flag: 'wx', mode: 0o600 });
    try {
      return await this.asInvestor(() =>
        this.dataSource.transaction(async (manager) => {
          const document = await this.portal.insertDocument(manager, {
            submissionId: submission.id,
            fileName,
            storedName,
            contentType: type.contentType,
            sizeBytes: file.content.length,
          });
          const payload: PortalTimelinePayload = {
            event: 'document',
            from: 'investor',
            documentId: document.id,
            fileName,
            contentType: type.contentType,
            sizeBytes: file.content.length,
          };
          await this.timeline.record(manager, {
            subjectType: submission.kind as unknown as RecordSubjectType,
            subjectId: submission.itemId,
            kind: TimelineEntryKind.PortalMessage,
            body: null,
            authorId: null,
            payload: { ...payload },
          });
          await this.audit.record(manager, {
            action: AuditAction.Create,
            subjectType: 'portal_document',
            subjectId: document.id,
            details: { via: 'portal', itemId: submission.itemId, fileName, contentType: type.contentType },
          });
          const item = await this.submissions.itemRef(manager, submission.itemId);
          await this.mail.investorWrote(manager, `portal-document:${document.id}`, item, { fileName });
          return {
            id: document.id,
            fileName,
            contentType: type.contentType,
            sizeBytes: file.content.length,
            uploadedAt: new Date(document.uploadedAt).toISOString(),
          };
        }),
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /**
   * Fresh links to the open submissions of an email, sent to that address. Whether there are any is never told:
   * the caller always gets 202.
   */
  async resend(email: string): Promise<void> {
    await this.throttle.hit('email', email);
    await this.asInvestor(() =>
      this.dataSource.transaction(async (manager) => {
        await this.portal.lockKey(manager, `portal-email:${email}`);
        const open = await this.portal.openSubmissions(manager, email);
        const byContact = new Map<string, { language: string; links: { submission: SubmissionRow; url: string }[] }>();
        for (const submission of open) {
          if (!submission.contactId) continue;
          const link = await this.tokens.issue(manager, submission.id);
          const entry = byContact.get(submission.contactId) ?? { language: submission.language, links: [] };
          entry.links.push({ submission, url: link.url });
          byContact.set(submission.contactId, entry);
        }
        const stamp = `${Date.now()}:${randomBytes(4).toString('hex')}`;
        for (const [contactId, { language, links }] of byContact) {
          await this.mail.links(
            manager,
            `portal-resend:${contactId}:${stamp}`,
            { contactId, language },
            await Promise.all(
              links.map(async ({ submission, url }) => ({
                item: await this.submissions.itemRef(manager, submission.itemId),
                url,
              })),
            ),
          );
        }
      }),
    );
  }

  // Staff side.

  async documentsOfItem(itemId: string): Promise<PortalDocumentInfo[]> {
    const rows = await this.portal.documentsOfItem(itemId);
    return rows.map((row) => ({ ...toDocument(row), itemId: row.itemId, kind: row.kind }));
  }

  async download(id: string): Promise<Download> {
    const row = await this.portal.document(id);
    if (!row) throw new AppException(ErrorCode.NotFound, `Document ${id} does not exist.`);
    const path = join(this.uploadDir, row.storedName);
    const stream = createReadStream(path);
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', () => fail(new AppException(ErrorCode.NotFound, 'The file of this document is gone.')));
    });
    return { fileName: row.fileName, contentType: row.contentType, stream };
  }

  private asInvestor<T>(task: () => Promise<T>): Promise<T> {
    return runWithRequestContext({ ...currentRequestContext(), principal: null }, task);
  }
}

/** The one `file` part of a multipart body, refused past `maxBytes` (413) or when absent (400). */
async function readSingleFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string | undefined; content: Buffer }> {
  const tooLarge = () =>
    new AppException(ErrorCode.PayloadTooLarge, `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (!request.isMultipart())
    throw new AppException(
      ErrorCode.UnsupportedMediaType,
      'Send the document as multipart/form-data in a "file" part.',
    );
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) throw tooLarge();
  let found: { fileName: string | undefined; content: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || found) {
        part.file.resume();
        continue;
      }
      const content = await (part as MultipartFile).toBuffer();
      if ((part as MultipartFile).file.truncated) throw tooLarge();
      found = { fileName: part.filename, content };
    }
  } catch (error) {
    if (error instanceof AppException) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // Anything else thrown while reading the parts is the body's fault: no boundary, cut short, not multipart.
    throw new AppException(ErrorCode.BadRequest, 'The multipart body could not be read.');
  }
  if (!found || found.content.length === 0) {
    throw new AppException(ErrorCode.ValidationFailed, 'file: attach the document as the "file" part', [
      { field: 'file', message: 'attach the document as the "file" part' },
    ]);
  }
  return found;
}
