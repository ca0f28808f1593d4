import type { ReactNode } from 'react';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { contactPath } from '../../contacts';
import { investorPath } from '../../organizations';
import { zonePath } from '../../zones';
import { useMoneyFormat } from '../hooks/use-money-format';
import { isLandEnquiry, isLoanApplication, isProspect, type PipelineItem } from '../types';
import { useItemFieldDisplay } from './field-display';

/** What the item is about: who, which sector, and the figures of its kind. */
export function ItemDetails({ item }: { item: PipelineItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const display = useItemFieldDisplay();
  const notSet = (
    <Text span size="sm" c="dimmed">
      {t('pipelines.notSet')}
    </Text>
  );
  const shown = (name: string, value: unknown) =>
    value === null || value === undefined || value === '' ? notSet : display.value(name, value);
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="item-details-title">
      <Title order={2} fz="lg" mb="md" id="item-details-title">
        {t('pipelines.details.title')}
      </Title>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 2 }}
        spacing="lg"
        verticalSpacing="md"
        m={0}
        data-testid="item-details"
      >
        <Detail label={t('pipelines.field.organization')}>
          {item.organizationId && item.organizationName ? (
            <Anchor component={Link} to={investorPath(item.organizationId)} size="sm">
              {item.organizationName}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('pipelines.field.contact')}>
          {item.contactId && item.contactName ? (
            <Anchor component={Link} to={contactPath(item.contactId)} size="sm">
              {item.contactName}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('pipelines.field.sector')}>{shown('sector', item.sector)}</Detail>
        <Detail label={t('pipelines.field.source')}>{shown('source', item.source)}</Detail>
        {item.eventName && <Detail label={t('pipelines.field.event')}>{item.eventName}</Detail>}

        {isLandEnquiry(item) && (
          <>
            <Detail label={t('pipelines.field.requestedAreaHa')}>
              <Text span size="sm" fw={600}>
                {format.hectares(item.requestedAreaHa)}
              </Text>
            </Detail>
            <Detail label={t('pipelines.field.zone')}>
              {item.zoneId && item.zoneName ? (
                <Anchor component={Link} to={zonePath(item.zoneId)} size="sm" data-testid="item-zone">
                  {item.zoneName}
                </Anchor>
              ) : (
                notSet
              )}
            </Detail>
            <Detail label={t('pipelines.field.reservedHa')}>{format.hectares(item.reservedHa)}</Detail>
            <Detail label={t('pipelines.field.leasedHa')}>{format.hectares(item.leasedHa)}</Detail>
            <Detail label={t('pipelines.field.wantedBy')}>{shown('wantedBy', item.wantedBy)}</Detail>
          </>
        )}
        {(isProspect(item) || isLandEnquiry(item)) && (
          <>
            <Detail label={t('pipelines.field.capitalUsd')}>
              {item.capitalUsd === null ? notSet : money.usd(item.capitalUsd)}
            </Detail>
            <Detail label={t('pipelines.field.expectedJobs')}>
              {item.expectedJobs === null ? notSet : format.integer(item.expectedJobs)}
            </Detail>
          </>
        )}
        {isLoanApplication(item) && (
          <>
            <Detail label={t('pipelines.field.applicantType')}>{shown('applicantType', item.applicantType)}</Detail>
            <Detail label={t('pipelines.field.lender')}>
              {item.lender} · {shown('lenderKind', item.lenderKind)}
            </Detail>
            <Detail label={t('pipelines.field.purpose')} wide>
              <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                {item.purpose}
              </Text>
            </Detail>
            <Detail label={t('pipelines.field.requestedVnd')}>
              <Text span size="sm" fw={600}>
                {money.vnd(item.requestedVnd)}
              </Text>
            </Detail>
            <Detail label={t('pipelines.field.approvedVnd')}>
              {item.approvedVnd === null ? notSet : money.vnd(item.approvedVnd)}
            </Detail>
            <Detail label={t('pipelines.field.interestSupportRate')}>
              {item.interestSupportRate === null ? notSet : money.percentValue(item.interestSupportRate)}
            </Detail>
            <Detail label={t('pipelines.field.termMonths')}>
              {item.termMonths === null ? notSet : t('pipelines.months', { count: item.termMonths })}
            </Detail>
          </>
        )}
        <Detail label={t('pipelines.field.createdAt')}>{format.dateTime(item.createdAt)}</Detail>
        <Detail label={t('pipelines.field.updatedAt')}>{format.dateTime(item.updatedAt)}</Detail>
      </SimpleGrid>
    </Card>
  );
}

function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <Stack gap={2} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Stack>
  );
}
