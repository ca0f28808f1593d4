import { localize, Localized, RenderContext } from './localized';
import { Action, Layout, LinkList, Paragraph } from './layout';

/** A short message with an optional link; texts in both languages, or one text for both. */
export interface NotificationData {
  subject: Localized;
  /** Defaults to the subject. */
  heading?: Localized;
  paragraphs: readonly Localized[];
  /** Records the message is about, listed after the paragraphs, each a link. */
  links?: readonly { label: Localized; url: string }[];
  action?: { label: Localized; url: string };
}

export function notificationSubject(data: NotificationData, { language }: RenderContext): string {
  return localize(data.subject, language);
}

export function NotificationEmail({ data, context }: { data: NotificationData; context: RenderContext }) {
  const { language } = context;
  const heading = localize(data.heading ?? data.subject, language);
  const paragraphs = data.paragraphs.map((p) => localize(p, language));
  return (
    <Layout context={context} heading={heading} preview={paragraphs[0] ?? heading}>
      {paragraphs.map((text, index) => (
        <Paragraph key={index}>{text}</Paragraph>
      ))}
      {data.links?.length ? (
        <LinkList links={data.links.map((link) => ({ label: localize(link.label, language), url: link.url }))} />
      ) : null}
      {data.action ? <Action href={data.action.url} label={localize(data.action.label, language)} /> : null}
    </Layout>
  );
}
