import type { ReactNode } from 'react';
import type { PromotionEvent } from '@irm/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { EventDates } from './EventDates';
import { countryName } from './options';

/** The event's own facts, as label–value pairs. */
export function EventDetails({ event }: { event: PromotionEvent }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const notSet = (
    <Text span size="sm" c="dimmed">
      {t('events.notSet')}
    </Text>
  );
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="event-details-title" h="100%">
      <Title order={2} fz="lg" mb="md" id="event-details-title">
        {t('events.detailsTitle')}
      </Title>
      <Stack component="dl" gap="md" m={0} data-testid="event-details">
        <Detail label={t('events.dates')}>
          <EventDates startsOn={event.startsOn} endsOn={event.endsOn} size="sm" />
        </Detail>
        <Detail label={t('events.field.place')}>
          {event.place}, {countryName(event.country, language)}
        </Detail>
        <Detail label={t('events.field.organizer')}>{event.organizer ?? notSet}</Detail>
        <Detail label={t('events.field.budgetVnd')}>
          {event.budgetVnd === null ? notSet : t('events.vnd', { amount: format.integer(event.budgetVnd) })}
        </Detail>
        <Detail label={t('events.field.description')}>
          {event.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {event.description}
            </Text>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('events.updated')}>{format.dateTime(event.updatedAt)}</Detail>
      </Stack>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mt={2}>
        {children}
      </Text>
    </div>
  );
}
