import type { ReactNode } from 'react';
import type { Contact } from '@irm/contracts';
import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { investorPath } from '../../organizations/paths';
import { ConsentBadge, LanguageLabel } from './badges';
import { formatPhone, phoneHref } from './phone';

/** Everything known about the person, as label–value pairs. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notSet = (
    <Text span size="sm" c="dimmed">
      {t('contacts.notSet')}
    </Text>
  );
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="contact-details-title">
      <Title order={2} fz="lg" mb="md" id="contact-details-title">
        {t('contacts.detailsTitle')}
      </Title>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 2 }}
        spacing="lg"
        verticalSpacing="md"
        m={0}
        data-testid="contact-details"
      >
        <Detail label={t('contacts.organization')}>
          {contact.organizationId && contact.organizationName ? (
            <Anchor component={Link} to={investorPath(contact.organizationId)} size="sm">
              {contact.organizationName}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('contacts.position')}>{contact.position ?? notSet}</Detail>
        <Detail label={t('contacts.email')}>
          {contact.email ? (
            <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {contact.email}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('contacts.phone')}>
          {contact.phone ? (
            <Anchor
              href={phoneHref(contact.phone)}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="contact-phone"
            >
              {formatPhone(contact.phone)}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('contacts.languageLabel')}>
          <LanguageLabel language={contact.preferredLanguage} />
        </Detail>
        <Detail label={t('contacts.consentLabel')}>
          <ConsentBadge consent={contact.emailConsent} />
          {contact.consentSource && (
            <Text span size="sm" c="dimmed" ml={8}>
              {t(`contacts.consentSource.${contact.consentSource}`)}
              {contact.consentChangedAt && ` · ${format.dateTime(contact.consentChangedAt)}`}
            </Text>
          )}
        </Detail>
        <Detail label={t('contacts.created')}>{format.dateTime(contact.createdAt)}</Detail>
        <Detail label={t('contacts.updated')}>{format.dateTime(contact.updatedAt)}</Detail>
      </SimpleGrid>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" mb={4} style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
