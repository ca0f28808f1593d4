import { plainTextSelectors } from '@react-email/render';
import { compile } from 'html-to-text';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmailTemplateKey } from '@irm/contracts';
import type { ReactElement } from 'react';
import { DailyDigestData, DailyDigestEmail, dailyDigestSubject } from './daily-digest';
import type { RenderContext } from './localized';
import { NotificationData, NotificationEmail, notificationSubject } from './notification';
import { PasswordResetData, PasswordResetEmail, passwordResetSubject } from './password-reset';
import { UserInvitationData, UserInvitationEmail, userInvitationSubject } from './user-invitation';

/** The data each template is rendered from. */
export interface EmailTemplateData {
  [EmailTemplateKey.Notification]: NotificationData;
  [EmailTemplateKey.InvestorNotification]: NotificationData;
  [EmailTemplateKey.UserInvitation]: UserInvitationData;
  [EmailTemplateKey.PasswordReset]: PasswordResetData;
  [EmailTemplateKey.DailyDigest]: DailyDigestData;
}

interface EmailTemplate<D> {
  /** Investor mail goes to a contact, honours their opt-out and carries the unsubscribe link and header. */
  audience: 'staff' | 'investor';
  subject(data: D, context: RenderContext): string;
  Body(props: { data: D; context: RenderContext }): ReactElement;
}

export const EMAIL_TEMPLATES: { [K in EmailTemplateKey]: EmailTemplate<EmailTemplateData[K]> } = {
  [EmailTemplateKey.Notification]: { audience: 'staff', subject: notificationSubject, Body: NotificationEmail },
  [EmailTemplateKey.InvestorNotification]: {
    audience: 'investor',
    subject: notificationSubject,
    Body: NotificationEmail,
  },
  [EmailTemplateKey.UserInvitation]: { audience: 'staff', subject: userInvitationSubject, Body: UserInvitationEmail },
  [EmailTemplateKey.PasswordReset]: { audience: 'staff', subject: passwordResetSubject, Body: PasswordResetEmail },
  [EmailTemplateKey.DailyDigest]: { audience: 'staff', subject: dailyDigestSubject, Body: DailyDigestEmail },
};

/**
 * React Email's plain-text conversion (its `toPlainText` options), compiled once: `toPlainText` compiles its
 * options on every call, which cost three quarters of the conversion. Tables marked `data-text="table"` keep
 * their columns in the plain-text part.
 */
const toPlainText = compile({
  wordwrap: false,
  selectors: [
    ...plainTextSelectors,
    {
      selector: 'table[data-text=table]',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, maxColumnWidth: 60 },
    },
  ],
});

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The doctype React Email's own renderer writes: mail clients still expect XHTML 1.0 Transitional. */
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * Renders the React Email components to HTML and derives the plain-text part from it (React Email's
 * converter, which leaves out the preview line and writes links as "label url"). Rendered with React's
 * static renderer directly: the templates are synchronous, and React Email's `render` loads react-dom by
 * a dynamic import that CommonJS test runners cannot follow.
 */
export function renderEmail<K extends EmailTemplateKey>(
  key: K,
  data: EmailTemplateData[K],
  context: RenderContext,
): RenderedEmail {
  const template = EMAIL_TEMPLATES[key] as EmailTemplate<EmailTemplateData[K]>;
  const html = DOCTYPE + renderToStaticMarkup(<template.Body data={data} context={context} />);
  return {
    // A subject is one line, whatever a caller's text contained.
    subject: template.subject(data, context).replace(/\s+/g, ' ').trim(),
    html,
    text: toPlainText(html),
  };
}
