import { localize, Localized, RenderContext } from './localized';
import { Action, Layout, Paragraph } from './layout';

/** A short message with an optional link; texts in both languages, or one text for both. */
export interface NotificationData {
  subject: Localized;
  /** Defaults to the subject. */
  heading?: Localized;
  paragraphs: readonly Localized[];
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
      {data.action ? <Action href={data.action.url} label={localize(data.action.label, language)} /> : null}
    </Layout>
  );
}
