import { Injectable } from '@nestjs/common';
import {
  EmailMessage,
  EmailTemplateKey,
  LocalizedText,
  PipelineKind,
  recordPath,
  RecordSubjectType,
} from '@irm/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';

const WHAT: Record<PipelineKind, LocalizedText> = {
  [PipelineKind.LandEnquiry]: { vi: 'yêu cầu thuê đất', en: 'land enquiry' },
  [PipelineKind.LoanApplication]: { vi: 'hồ sơ vay vốn ưu đãi', en: 'preferential loan application' },
  [PipelineKind.EventContact]: { vi: 'đăng ký tham dự sự kiện', en: 'event registration' },
  [PipelineKind.Prospect]: { vi: 'yêu cầu', en: 'request' },
};

const TRACK: LocalizedText = { vi: 'Theo dõi hồ sơ', en: 'Track your request' };
const OPEN: LocalizedText = { vi: 'Mở hồ sơ', en: 'Open the record' };

/** Clips a text quoted in an email. */
function quote(text: string, max = 1000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface PortalItemRef {
  itemId: string;
  kind: PipelineKind;
  title: string;
  ownerId: string;
}

/**
 * The portal's emails, each queued in the transaction of what causes it: to the owner (staff notification with a
 * link to the item) and to the investor (investor mail to their contact, in the form's language, with a tracking
 * link). Idempotency keys name the submission round, message or reply, so a retried transaction sends nothing twice.
 */
@Injectable()
export class PortalMail {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  private itemUrl(item: PortalItemRef): string {
    return `${this.config.appUrl.replace(/\/$/, '')}${recordPath(item.kind as unknown as RecordSubjectType, item.itemId)}`;
  }

  private about(item: PortalItemRef) {
    return { type: item.kind as unknown as RecordSubjectType, id: item.itemId };
  }

  /** A new or repeated submission, for its owner. */
  submitted(
    manager: EntityManager,
    key: string,
    item: PortalItemRef,
    facts: { repeated: boolean; from: string; summary: string[]; message: string | null },
  ): Promise<EmailMessage> {
    const what = WHAT[item.kind];
    return this.mail.queue(manager, {
      idempotencyKey: `${key}:owner`,
      template: EmailTemplateKey.Notification,
      to: { userId: item.ownerId },
      about: this.about(item),
      data: {
        subject: facts.repeated
          ? {
              vi: `Cổng nhà đầu tư: ${what.vi} được gửi lại — ${item.title}`,
              en: `Portal: ${what.en} sent again — ${item.title}`,
            }
          : { vi: `Cổng nhà đầu tư: ${what.vi} mới — ${item.title}`, en: `Portal: new ${what.en} — ${item.title}` },
        paragraphs: [
          facts.repeated
            ? {
                vi: `${facts.from} đã gửi lại biểu mẫu trong vòng 24 giờ; hồ sơ của bạn đã được cập nhật.`,
                en: `${facts.from} sent the form again within 24 hours; your item has been updated.`,
              }
            : {
                vi: `${facts.from} đã gửi ${what.vi} qua cổng nhà đầu tư. Bạn được giao phụ trách hồ sơ này.`,
                en: `${facts.from} sent a ${what.en} through the investor portal. You are its owner.`,
              },
          ...facts.summary.map((line) => ({ vi: line, en: line })),
          ...(facts.message
            ? [{ vi: `Lời nhắn: ${quote(facts.message)}`, en: `Message: ${quote(facts.message)}` }]
            : []),
        ],
        action: { label: OPEN, url: this.itemUrl(item) },
      },
    });
  }

  /** What the investor wrote or uploaded on their tracking page, for the owner. */
  investorWrote(
    manager: EntityManager,
    key: string,
    item: PortalItemRef,
    text: { message: string } | { fileName: string },
  ): Promise<EmailMessage> {
    const line =
      'message' in text
        ? { vi: `Nội dung: ${quote(text.message)}`, en: `Message: ${quote(text.message)}` }
        : { vi: `Tài liệu: ${text.fileName}`, en: `Document: ${text.fileName}` };
    return this.mail.queue(manager, {
      idempotencyKey: `${key}:owner`,
      template: EmailTemplateKey.Notification,
      to: { userId: item.ownerId },
      about: this.about(item),
      data: {
        subject:
          'message' in text
            ? { vi: `Nhà đầu tư nhắn tin — ${item.title}`, en: `The investor wrote — ${item.title}` }
            : { vi: `Nhà đầu tư gửi tài liệu — ${item.title}`, en: `The investor sent a document — ${item.title}` },
        paragraphs: [line],
        action: { label: OPEN, url: this.itemUrl(item) },
      },
    });
  }

  /** The confirmation of a submission, with its tracking link. */
  confirmation(
    manager: EntityManager,
    key: string,
    item: PortalItemRef,
    to: { contactId: string; language: string },
    trackingUrl: string,
    repeated: boolean,
  ): Promise<EmailMessage> {
    const what = WHAT[item.kind];
    return this.mail.queue(manager, {
      idempotencyKey: `${key}:investor`,
      template: EmailTemplateKey.InvestorNotification,
      to,
      about: this.about(item),
      data: {
        subject: repeated
          ? { vi: `Chúng tôi đã cập nhật ${what.vi} của bạn`, en: `We have updated your ${what.en}` }
          : { vi: `Chúng tôi đã nhận ${what.vi} của bạn`, en: `We have received your ${what.en}` },
        paragraphs: [
          repeated
            ? {
                vi: `Cảm ơn bạn. Thông tin mới đã được thêm vào hồ sơ “${item.title}” do cán bộ phụ trách xử lý.`,
                en: `Thank you. Your new details have been added to “${item.title}”, which the officer in charge is handling.`,
              }
            : {
                vi: `Cảm ơn bạn. Hồ sơ “${item.title}” đã được chuyển tới cán bộ phụ trách, người sẽ liên hệ với bạn.`,
                en: `Thank you. Your request “${item.title}” has been passed to the officer in charge, who will be in touch.`,
              },
          {
            vi: 'Theo dõi tình trạng hồ sơ, nhắn tin cho chúng tôi và gửi tài liệu bằng đường dẫn dưới đây. Đừng chia sẻ đường dẫn này.',
            en: 'Follow its status, write to us and send documents through the link below. Do not share this link.',
          },
        ],
        action: { label: TRACK, url: trackingUrl },
      },
    });
  }

  /** A staff reply, with a fresh tracking link. */
  reply(
    manager: EntityManager,
    key: string,
    item: PortalItemRef,
    to: { contactId: string; language: string },
    body: string,
    trackingUrl: string,
  ): Promise<EmailMessage> {
    const what = WHAT[item.kind];
    return this.mail.queue(manager, {
      idempotencyKey: key,
      template: EmailTemplateKey.InvestorNotification,
      to,
      about: this.about(item),
      data: {
        subject: { vi: `Phản hồi về ${what.vi} của bạn`, en: `A reply about your ${what.en}` },
        paragraphs: [{ vi: body, en: body }],
        action: { label: TRACK, url: trackingUrl },
      },
    });
  }

  /** Fresh links to someone's open submissions, asked for by email. */
  links(
    manager: EntityManager,
    key: string,
    to: { contactId: string; language: string },
    links: { item: PortalItemRef; url: string }[],
  ): Promise<EmailMessage> {
    return this.mail.queue(manager, {
      idempotencyKey: key,
      template: EmailTemplateKey.InvestorNotification,
      to,
      data: {
        subject: { vi: 'Đường dẫn theo dõi hồ sơ của bạn', en: 'Your tracking links' },
        paragraphs: [
          {
            vi: 'Bạn (hoặc ai đó) đã yêu cầu gửi lại đường dẫn theo dõi. Các đường dẫn cũ vẫn dùng được đến khi hết hạn.',
            en: 'You (or someone) asked for your tracking links again. Earlier links keep working until they expire.',
          },
        ],
        links: links.map(({ item, url }) => ({
          label: { vi: `${WHAT[item.kind].vi}: ${item.title}`, en: `${WHAT[item.kind].en}: ${item.title}` },
          url,
        })),
      },
    });
  }
}
