import type { Zone } from '@irm/contracts';
import {
  Badge,
  Card,
  ColorSwatch,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  getThemeColor,
  useMantineTheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { LAND_USE_COLORS, LandUseBar, stackLandUses } from '../../land-bank';

/** Today's land bank: the figures, and leased / reserved / available stacked on the industrial land. */
export function ZoneLandBankCard({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const theme = useMantineTheme();
  const occupied = zone.industrialLandHa > 0 ? (zone.leasedHa + zone.reservedHa) / zone.industrialLandHa : 0;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="zone-land-bank-title">
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} fz="lg" id="zone-land-bank-title">
          {t('zones.landBankTitle')}
        </Title>
        <Badge variant="light" radius="sm" tt="none">
          {t('zones.occupancy', { percent: format.percent(occupied) })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="lg" data-testid="zone-land-figures">
        <Figure
          label={t('zones.industrialLand')}
          value={format.hectares(zone.industrialLandHa)}
          testId="figure-industrial"
        />
        <Figure label={t('zones.leased')} value={format.hectares(zone.leasedHa)} testId="figure-leased" />
        <Figure label={t('zones.reserved')} value={format.hectares(zone.reservedHa)} testId="figure-reserved" />
        <Figure
          label={t('zones.available')}
          value={format.hectares(zone.availableHa)}
          testId="figure-available"
          strong
        />
      </SimpleGrid>
      <Stack gap="sm">
        <LandUseBar
          bank={zone}
          label={t('zones.barLabel', {
            name: zone.name,
            leased: format.hectares(zone.leasedHa),
            reserved: format.hectares(zone.reservedHa),
            available: format.hectares(zone.availableHa),
          })}
          formatPercent={format.percent}
          describe={(use, ha) => `${t(`landBank.${use}`)}: ${format.hectares(ha)}`}
        />
        <Group component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
          {stackLandUses(zone).map(({ use, share }) => (
            <Group component="li" key={use} gap={6} wrap="nowrap">
              <ColorSwatch color={getThemeColor(LAND_USE_COLORS[use], theme)} size={12} withShadow={false} />
              <Text size="sm">
                {t(`landBank.${use}`)}{' '}
                <Text span c="dimmed" inherit>
                  {format.percent(share)}
                </Text>
              </Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text
        fz={{ base: 'lg', sm: 20 }}
        fw={strong ? 700 : 600}
        c={strong ? 'teal.8' : undefined}
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {value}
      </Text>
    </Stack>
  );
}
