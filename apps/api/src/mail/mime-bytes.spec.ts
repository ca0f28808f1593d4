import { EmailTemplateKey } from '@irm/contracts';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { mimeBytes } from './mime-bytes';
import { renderEmail } from './templates/email-templates';

/** Two trees of the same message (fixed boundary base and date), one for each way of writing it out. */
function twice(options: Mail.Options) {
  const fixed = { ...options, baseBoundary: 'b0a1c2d3e4f5a6b7', date: new Date('2026-11-28T01:02:03Z') };
  return [new MailComposer(fixed).compile(), new MailComposer(fixed).compile()] as const;
}

const base = {
  from: 'Trung tâm Xúc tiến Đầu tư <no-reply@ipa.example.vn>',
  to: { name: 'Nguyễn Thị Thu Hương', address: 'huong@example.vn' },
  messageId: '<0d9e8f7a-1b2c-4d5e-8f90-a1b2c3d4e5f6@ipa.example.vn>',
  headers: {
    'Auto-Submitted': 'auto-generated',
    'List-Unsubscribe': '<https://crm.example.vn/api/public/unsubscribe/x>',
  },
  disableFileAccess: true,
  disableUrlAccess: true,
};

const reminder = (language: 'vi' | 'en') =>
  renderEmail(
    EmailTemplateKey.Notification,
    {
      subject:
        language === 'vi' ? 'Nhắc việc: gọi lại nhà đầu tư về lô đất (#7)' : 'Reminder: call the investor back (#7)',
      paragraphs: [
        'Đã đến giờ nhắc cho công việc được giao cho anh/chị: gọi lại Công ty TNHH Cơ khí Chính xác Vĩnh Phúc về nhu cầu thuê 3,5 ha đất công nghiệp.',
        'Hạn hoàn thành: 17:00 thứ Sáu.',
      ],
      action: { label: { vi: 'Mở công việc', en: 'Open the task' }, url: 'https://crm.example.vn/tasks/7' },
    },
    {
      language,
      agency: { name: { vi: 'Trung tâm Xúc tiến Đầu tư', en: 'Investment Promotion Centre' }, address: 'Vĩnh Phúc' },
      timeZone: 'Asia/Ho_Chi_Minh',
    },
  );

describe('mimeBytes', () => {
  const cases: [string, Mail.Options][] = [
    ['a Vietnamese reminder (HTML and text)', { ...base, ...pick(reminder('vi')) }],
    ['an English reminder', { ...base, ...pick(reminder('en')) }],
    ['plain ASCII text alone (7bit)', { ...base, subject: 'Hello', text: 'Short and plain.\nSecond line.' }],
    [
      'text with trailing spaces, tabs, lines starting with a dot and a line far over 76 characters',
      {
        ...base,
        subject: 'Edge cases',
        text: `ends with spaces   \n.starts with a dot\n..two\ttab\t\n${'x'.repeat(300)}\n${'é'.repeat(100)} `,
        html: `<p>${'word '.repeat(80)}</p>\n<p>.dot</p>  `,
      },
    ],
    ['mostly non-Latin text (Base64)', { ...base, subject: '日本語の件名', text: '日本語の本文です。'.repeat(40) }],
    ['an empty text part', { ...base, subject: 'Empty', text: '', html: '<p>only HTML</p>' }],
  ];

  it.each(cases)('writes %s exactly as nodemailer streams it', async (_name, options) => {
    const [forBytes, forStream] = twice(options);
    const bytes = mimeBytes(forBytes);
    expect(bytes).not.toBeNull();
    const streamed = await forStream.build();
    expect(bytes?.toString('latin1')).toBe(streamed.toString('latin1'));
  });

  it('leaves what it does not cover to nodemailer', () => {
    const [withAttachment] = twice({
      ...base,
      text: 'see file',
      attachments: [{ filename: 'a.bin', content: Buffer.from([1, 2, 3]) }],
    });
    expect(mimeBytes(withAttachment)).toBeNull();
    const [large] = twice({ ...base, text: 'a'.repeat(70_000) });
    expect(mimeBytes(large)).toBeNull();
    const [raw] = twice({ raw: 'Subject: x\r\n\r\nbody\r\n' });
    expect(mimeBytes(raw)).toBeNull();
  });
});

function pick({ subject, html, text }: { subject: string; html: string; text: string }) {
  return { subject, html, text };
}
