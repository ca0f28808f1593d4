import type { Role } from '@irm/contracts';
import { formatInstant, RenderContext } from './localized';
import { Action, Layout, Paragraph } from './layout';

export interface UserInvitationData {
  inviteeName: string;
  inviterName: string;
  role: Role;
  /** Single-use link that sets the first password. */
  acceptUrl: string;
  expiresAt: string;
}

const ROLE = {
  vi: { admin: 'Quản trị viên', manager: 'Quản lý', staff: 'Cán bộ' },
  en: { admin: 'administrator', manager: 'manager', staff: 'promotion officer' },
} as const;

const TEXT = {
  vi: {
    subject: (agency: string) => `Lời mời sử dụng hệ thống quản lý nhà đầu tư – ${agency}`,
    greeting: (name: string) => `Kính gửi ${name},`,
    invited: (inviter: string, role: string) =>
      `${inviter} mời anh/chị sử dụng hệ thống quản lý nhà đầu tư với vai trò ${role}.`,
    action: 'Đặt mật khẩu và đăng nhập',
    expires: (at: string) => `Liên kết chỉ dùng được một lần và hết hạn lúc ${at}.`,
    ignore: 'Nếu anh/chị không chờ lời mời này, xin bỏ qua thư.',
  },
  en: {
    subject: (agency: string) => `Your invitation to the investor relations system – ${agency}`,
    greeting: (name: string) => `Dear ${name},`,
    invited: (inviter: string, role: string) =>
      `${inviter} has invited you to the investor relations system as ${role}.`,
    action: 'Set your password and sign in',
    expires: (at: string) => `The link works once and expires on ${at}.`,
    ignore: 'If you did not expect this invitation, you can ignore this email.',
  },
} as const;

export function userInvitationSubject(_data: UserInvitationData, { language, agency }: RenderContext): string {
  return TEXT[language].subject(agency.name[language]);
}

export function UserInvitationEmail({ data, context }: { data: UserInvitationData; context: RenderContext }) {
  const text = TEXT[context.language];
  const role = ROLE[context.language][data.role];
  return (
    <Layout context={context} heading={text.greeting(data.inviteeName)} preview={text.invited(data.inviterName, role)}>
      <Paragraph>{text.invited(data.inviterName, role)}</Paragraph>
      <Action href={data.acceptUrl} label={text.action} />
      <Paragraph>{text.expires(formatInstant(data.expiresAt, context.language, context.timeZone))}</Paragraph>
      <Paragraph>{text.ignore}</Paragraph>
    </Layout>
  );
}
