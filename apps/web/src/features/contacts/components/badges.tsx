import { EmailConsent, type ContactLanguage } from '@irm/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const CONSENT_COLORS: Record<EmailConsent, string> = {
  [EmailConsent.Unknown]: 'gray',
  [EmailConsent.OptedIn]: 'teal',
  [EmailConsent.OptedOut]: 'red',
};

export function ConsentBadge({ consent }: { consent: EmailConsent }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={CONSENT_COLORS[consent]}
      radius="sm"
      tt="none"
      fw={600}
      style={{ flexShrink: 0 }}
      data-testid="consent-badge"
    >
      {t(`contacts.consent.${consent}`)}
    </Badge>
  );
}

export function LanguageLabel({ language }: { language: ContactLanguage }) {
  const { t } = useTranslation();
  // Each language is named in itself, so the right reader recognises it; the code helps everyone else.
  return <span lang={language}>{t(`contacts.language.${language}`)}</span>;
}
