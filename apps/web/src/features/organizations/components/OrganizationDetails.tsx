import type { ReactNode } from 'react';
import type { Organization } from '@irm/contracts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { KindBadge } from './badges';
import { countryName, sectorLabel } from './reference-data';

/** Everything known about the company itself, as label–value pairs. */
export function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const notSet = (
    <Text span size="sm" c="dimmed">
      {t('investors.notSet')}
    </Text>
  );
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="investor-details-title">
      <Title order={2} fz="lg" mb="md" id="investor-details-title">
        {t('investors.detailsTitle')}
      </Title>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 2 }}
        spacing="lg"
        verticalSpacing="md"
        m={0}
        data-testid="investor-details"
      >
        <Detail label={t('investors.legalName')} wide>
          {organization.legalName ?? notSet}
        </Detail>
        <Detail label={t('investors.kindLabel')}>
          <KindBadge kind={organization.kind} />
        </Detail>
        <Detail label={t('investors.country')}>
          {countryName(organization.country, language)}{' '}
          <Text span size="sm" c="dimmed">
            ({organization.country})
          </Text>
        </Detail>
        <Detail label={t('investors.taxCode')}>
          {organization.taxCode ? (
            <Text span size="sm" ff="monospace">
              {organization.taxCode}
            </Text>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('investors.website')}>
          {organization.website ? (
            <Anchor
              href={organization.website}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {organization.website.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('investors.sectors')} wide>
          {organization.sectors.length > 0 ? (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {organization.sectors.map((code) => (
                <Text key={code} component="li" size="sm">
                  {sectorLabel(code, language)}
                </Text>
              ))}
            </Stack>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('investors.sizeLabel')}>
          {organization.size ? t(`investors.size.${organization.size}`) : notSet}
        </Detail>
        <Detail label={t('investors.sourceLabel')}>
          {organization.source ? t(`investors.source.${organization.source}`) : notSet}
        </Detail>
        <Detail label={t('investors.tags')} wide>
          {organization.tags.length > 0 ? (
            <Group gap={6}>
              {organization.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('investors.created')}>{format.dateTime(organization.createdAt)}</Detail>
        <Detail label={t('investors.updated')}>{format.dateTime(organization.updatedAt)}</Detail>
      </SimpleGrid>
    </Card>
  );
}

function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" mb={4} style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
