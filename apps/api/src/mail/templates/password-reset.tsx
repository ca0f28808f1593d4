import { formatInstant, RenderContext } from './localized';
import { Action, Layout, Paragraph } from './layout';

export interface PasswordResetData {
  name: string;
  /** Single-use link to the form that sets a new password. */
  resetUrl: string;
  expiresAt: string;
}

const TEXT = {
  vi: {
    subject: 'Đặt lại mật khẩu',
    greeting: (name: string) => `Kính gửi ${name},`,
    asked: 'Có yêu cầu đặt lại mật khẩu cho tài khoản của anh/chị.',
    action: 'Đặt mật khẩu mới',
    expires: (at: string) => `Liên kết chỉ dùng được một lần và hết hạn lúc ${at}.`,
    ignore: 'Nếu không phải anh/chị yêu cầu, xin bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
  },
  en: {
    subject: 'Reset your password',
    greeting: (name: string) => `Dear ${name},`,
    asked: 'Someone asked to reset the password of your account.',
    action: 'Choose a new password',
    expires: (at: string) => `The link works once and expires on ${at}.`,
    ignore: 'If it was not you, ignore this email; your password stays as it is.',
  },
} as const;

export function passwordResetSubject(_data: PasswordResetData, { language, agency }: RenderContext): string {
  return `${TEXT[language].subject} – ${agency.name[language]}`;
}

export function PasswordResetEmail({ data, context }: { data: PasswordResetData; context: RenderContext }) {
  const text = TEXT[context.language];
  return (
    <Layout context={context} heading={text.greeting(data.name)} preview={text.asked}>
      <Paragraph>{text.asked}</Paragraph>
      <Action href={data.resetUrl} label={text.action} />
      <Paragraph>{text.expires(formatInstant(data.expiresAt, context.language, context.timeZone))}</Paragraph>
      <Paragraph>{text.ignore}</Paragraph>
    </Layout>
  );
}
