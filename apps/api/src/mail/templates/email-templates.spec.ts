import { toPlainText } from '@react-email/render';
import { EmailTemplateKey, Role } from '@irm/contracts';
import { EMAIL_TEMPLATES, renderEmail } from './email-templates';
import type { RenderContext } from './localized';

const agency = {
  name: { vi: 'Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc', en: 'Vinh Phuc Investment Promotion Centre' },
  address: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
};
const context = (language: 'vi' | 'en', unsubscribeUrl?: string): RenderContext => ({
  language,
  agency,
  timeZone: 'Asia/Ho_Chi_Minh',
  unsubscribeUrl,
});

describe('email templates', () => {
  const invitation = {
    inviteeName: 'Nguyễn Văn An',
    inviterName: 'Trần Thị Bình',
    role: Role.Staff,
    acceptUrl: 'https://crm.example.vn/invite/t0k3n',
    expiresAt: '2026-03-05T10:00:00Z',
  };

  it.each([
    [
      'vi',
      'Lời mời sử dụng hệ thống quản lý nhà đầu tư – Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
      'với vai trò Cán bộ.',
      '17:00 5 tháng 3, 2026',
      'Đặt mật khẩu và đăng nhập',
    ],
    [
      'en',
      'Your invitation to the investor relations system – Vinh Phuc Investment Promotion Centre',
      'as promotion officer.',
      '5 March 2026 at 17:00',
      'Set your password and sign in',
    ],
  ] as const)('writes the invitation in %s, both parts', (language, subject, role, expiry, action) => {
    const email = renderEmail(EmailTemplateKey.UserInvitation, invitation, context(language));
    expect(email.subject).toBe(subject);
    expect(email.html).toMatch(/^<!DOCTYPE html PUBLIC "-\/\/W3C\/\/DTD XHTML 1.0 Transitional\/\/EN"/);
    expect(email.html).toContain(`lang="${language}"`);
    expect(email.html).toContain('href="https://crm.example.vn/invite/t0k3n"');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(role);
      expect(part).toContain(expiry);
      expect(part).toContain(action);
      expect(part).toContain(agency.address);
    }
    expect(email.text).toContain(`${action} https://crm.example.vn/invite/t0k3n`);
    expect(email.text).not.toContain('<');
  });

  it('writes the password reset in both languages', () => {
    const data = { name: 'Lê Hoa', resetUrl: 'https://crm.example.vn/reset/x', expiresAt: '2026-03-05T10:00:00Z' };
    expect(renderEmail(EmailTemplateKey.PasswordReset, data, context('vi')).subject).toBe(
      'Đặt lại mật khẩu – Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
    );
    const en = renderEmail(EmailTemplateKey.PasswordReset, data, context('en'));
    expect(en.subject).toBe('Reset your password – Vinh Phuc Investment Promotion Centre');
    expect(en.text).toContain('Choose a new password https://crm.example.vn/reset/x');
  });

  it('escapes what callers put in, and keeps a subject to one line', () => {
    const email = renderEmail(
      EmailTemplateKey.Notification,
      { subject: 'Line one\nBcc: x@evil.example', paragraphs: ['<script>alert(1)</script> & "quotes"'] },
      context('en'),
    );
    expect(email.subject).toBe('Line one Bcc: x@evil.example');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(email.text).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('picks each text in the reader’s language', () => {
    const data = {
      subject: { vi: 'Nhắc việc', en: 'Reminder' },
      paragraphs: [{ vi: 'Gọi lại cho nhà đầu tư.', en: 'Call the investor back.' }, 'Samsung Display'],
      action: { label: { vi: 'Mở', en: 'Open' }, url: 'https://crm.example.vn/tasks/1' },
    };
    const vi = renderEmail(EmailTemplateKey.Notification, data, context('vi'));
    expect(vi.subject).toBe('Nhắc việc');
    expect(vi.text).toContain('Gọi lại cho nhà đầu tư.');
    expect(vi.text).toContain('Samsung Display');
    expect(vi.text).toContain(
      'Thư tự động từ hệ thống quản lý nhà đầu tư của Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc',
    );
    const en = renderEmail(EmailTemplateKey.Notification, data, context('en'));
    expect(en.text).toContain('Call the investor back.');
    expect(en.text).toContain('Open https://crm.example.vn/tasks/1');
  });

  it('puts the unsubscribe link on investor mail only', () => {
    const data = { subject: 'News', paragraphs: ['Hello'] };
    const investor = renderEmail(
      EmailTemplateKey.InvestorNotification,
      data,
      context('vi', 'https://crm.example.vn/unsubscribe/abc'),
    );
    expect(investor.html).toContain('href="https://crm.example.vn/unsubscribe/abc"');
    expect(investor.text).toContain('Ngừng nhận thư https://crm.example.vn/unsubscribe/abc');
    expect(investor.text).toContain('Quý vị nhận thư này vì đã liên hệ với');
    expect(renderEmail(EmailTemplateKey.Notification, data, context('vi')).html).not.toContain('unsubscribe');
    expect(EMAIL_TEMPLATES[EmailTemplateKey.InvestorNotification].audience).toBe('investor');
    expect(
      Object.entries(EMAIL_TEMPLATES)
        .filter(([, t]) => t.audience === 'investor')
        .map(([key]) => key),
    ).toEqual([EmailTemplateKey.InvestorNotification]);
  });

  describe('the daily digest', () => {
    const item = {
      title: 'Samsung Display mở rộng',
      pipeline: { vi: 'Nhà đầu tư tiềm năng', en: 'Investor prospects' },
      stage: { vi: 'Đã sàng lọc', en: 'Qualified' },
      ownerName: 'Lê Hoa',
      daysOverdue: 5,
      url: 'https://crm.example.vn/prospects/p1',
    };
    const data = {
      date: '2026-03-10',
      recipientName: 'Lê Hoa',
      movement: {
        since: '2026-03-09',
        pipelines: [{ pipeline: item.pipeline, created: 2, won: 1, lost: 0, moved: 4 }],
      },
      overdue: { total: 1, byPipeline: [{ pipeline: item.pipeline, count: 1 }], oldest: [item] },
      tasks: [{ title: 'Gọi lại', dueAt: '2026-03-10T02:00:00Z', overdue: false, url: 'https://crm.example.vn/tasks' }],
      ownOverdue: [],
      appUrl: 'https://crm.example.vn/',
    };

    it('writes sections with tables in both languages, keeping columns in the text part', () => {
      const vi = renderEmail(EmailTemplateKey.DailyDigest, data, context('vi'));
      expect(vi.subject).toBe('Tóm tắt công việc ngày 10 tháng 3, 2026');
      expect(vi.text).toMatch(/Nhà đầu tư tiềm năng +2 +1 +0 +4/);
      expect(vi.text).toContain('CHUYỂN GIAI ĐOẠN TỪ 9 THÁNG 3, 2026');
      expect(vi.html).toContain('href="https://crm.example.vn/prospects/p1"');
      expect(vi.text).toContain('09:00 10 tháng 3, 2026');
      const en = renderEmail(EmailTemplateKey.DailyDigest, data, context('en'));
      expect(en.subject).toBe('Your digest for 10 March 2026');
      expect(en.text).toContain('Tasks due today or overdue'.toUpperCase());
      expect(en.text).not.toContain('YOUR OVERDUE ITEMS');
    });

    it('derives the plain text as React Email’s own conversion does, call after call', () => {
      for (const language of ['vi', 'en'] as const) {
        const emails = [
          renderEmail(EmailTemplateKey.DailyDigest, data, context(language)),
          renderEmail(
            EmailTemplateKey.InvestorNotification,
            { subject: 'S', paragraphs: ['a', 'b'] },
            context(language, 'https://crm.example.vn/u/x'),
          ),
          renderEmail(EmailTemplateKey.DailyDigest, data, context(language)),
        ];
        for (const email of emails)
          expect(email.text).toBe(
            toPlainText(email.html, {
              selectors: [
                {
                  selector: 'table[data-text=table]',
                  format: 'dataTable',
                  options: { uppercaseHeaderCells: false, maxColumnWidth: 60 },
                },
              ],
            }),
          );
      }
    });

    it('leaves the managers’ sections out of a staff digest', () => {
      const { movement, overdue, ...staff } = data;
      void movement;
      void overdue;
      const en = renderEmail(EmailTemplateKey.DailyDigest, staff, context('en'));
      expect(en.text).not.toContain('STAGE MOVES');
      expect(en.text).not.toContain('OVERDUE ITEMS');
    });
  });
});
