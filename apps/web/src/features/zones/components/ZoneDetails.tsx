import type { ReactNode } from 'react';
import type { Zone } from '@irm/contracts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { investorPath } from '../../organizations';

/** What the zone is, who runs it, what it admits, where it lies. */
export function ZoneDetails({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notSet = (
    <Text span size="sm" c="dimmed">
      {t('zones.notSet')}
    </Text>
  );
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="zone-details-title">
      <Title order={2} fz="lg" mb="md" id="zone-details-title">
        {t('zones.detailsTitle')}
      </Title>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 2 }}
        spacing="lg"
        verticalSpacing="md"
        m={0}
        data-testid="zone-details"
      >
        <Detail label={t('zones.investor')} wide>
          {zone.infrastructureInvestorId && zone.infrastructureInvestor ? (
            <Anchor component={Link} to={investorPath(zone.infrastructureInvestorId)} size="sm">
              {zone.infrastructureInvestor}
            </Anchor>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('zones.totalArea')}>{format.hectares(zone.totalAreaHa)}</Detail>
        <Detail label={t('zones.industrialLand')}>{format.hectares(zone.industrialLandHa)}</Detail>
        <Detail label={t('zones.workforce')}>
          {zone.workforce === null
            ? notSet
            : t('zones.workforceValue', { count: zone.workforce, formatted: format.integer(zone.workforce) })}
        </Detail>
        <Detail label={t('zones.craftVillage')}>{zone.craftVillage ?? notSet}</Detail>
        <Detail label={t('zones.sectors')} wide>
          {zone.sectors.length > 0 ? (
            <Group gap={6}>
              {zone.sectors.map((sector) => (
                <Badge key={sector} variant="default" radius="sm" tt="none" fw={500}>
                  {t(`zones.sector.${sector}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('zones.location')}>
          {zone.latitude !== null && zone.longitude !== null ? (
            <Group gap={8}>
              <Text span size="sm" ff="monospace">
                {zone.latitude.toFixed(4)}, {zone.longitude.toFixed(4)}
              </Text>
              <Anchor
                href={`https://www.openstreetmap.org/?mlat=${zone.latitude}&mlon=${zone.longitude}#map=13/${zone.latitude}/${zone.longitude}`}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
              >
                {t('zones.openMap')}
              </Anchor>
            </Group>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('zones.code')}>
          <Text span size="sm" ff="monospace">
            {zone.code}
          </Text>
        </Detail>
        <Detail label={t('zones.source')} wide>
          {zone.source ? (
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
              {zone.source}
            </Text>
          ) : (
            notSet
          )}
        </Detail>
        <Detail label={t('zones.updated')}>{format.dateTime(zone.updatedAt)}</Detail>
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
