import type { LandBankTotals } from '@irm/contracts';
import { ZoneType } from '@irm/contracts';
import {
  Badge,
  Card,
  ColorSwatch,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  getThemeColor,
  useMantineTheme,
} from '@mantine/core';
import { IconBuildingFactory2, IconBuildingWarehouse } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { LandUseBar } from './LandUseBar';
import { LAND_USE_COLORS, landUseShare, stackLandUses } from './land-use';

const TYPE_ICONS = {
  [ZoneType.IndustrialPark]: IconBuildingFactory2,
  [ZoneType.IndustrialCluster]: IconBuildingWarehouse,
};

export function LandBankTypeCard({ totals }: { totals: LandBankTotals }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const theme = useMantineTheme();
  const Icon = TYPE_ICONS[totals.type];
  const typeName = t(`landBank.type.${totals.type}`);
  const headingId = `land-bank-${totals.type}`;
  const occupancy = landUseShare(totals, 'leased');

  return (
    <Card withBorder radius="lg" padding="lg" shadow="xs" component="section" aria-labelledby={headingId}>
      <Group gap="sm" wrap="nowrap" mb="lg">
        <ThemeIcon size={44} radius="md" variant="light">
          <Icon size={26} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <div>
          <Title order={2} fz="lg" id={headingId}>
            {typeName}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`landBank.abbreviation.${totals.type}`)}
          </Text>
        </div>
      </Group>

      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="md" verticalSpacing="md" mb="xl">
        <Stat
          label={t(`landBank.zoneCount.${totals.type}`)}
          value={format.integer(totals.zoneCount)}
          testId={`zone-count-${totals.type}`}
        />
        <Stat
          label={t('landBank.totalArea')}
          value={format.hectares(totals.totalAreaHa)}
          testId={`total-area-${totals.type}`}
        />
        <Stat label={t('landBank.industrialLand')} value={format.hectares(totals.industrialLandHa)} />
      </SimpleGrid>

      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('landBank.usageTitle')}
          </Text>
          <Tooltip label={t('landBank.occupancyHint')} withArrow>
            <Badge variant="light" radius="sm" tt="none" tabIndex={0}>
              {t('landBank.occupancy', { percent: format.percent(occupancy) })}
            </Badge>
          </Tooltip>
        </Group>
        <LandUseBar
          bank={totals}
          label={t('landBank.chartLabel', {
            type: typeName,
            leased: format.hectares(totals.leasedHa),
            reserved: format.hectares(totals.reservedHa),
            available: format.hectares(totals.availableHa),
          })}
          formatPercent={format.percent}
          describe={(use, ha) => `${t(`landBank.${use}`)}: ${format.hectares(ha)}`}
        />
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {stackLandUses(totals).map(({ use, ha, share }) => (
            <Group component="li" key={use} justify="space-between" gap="xs" wrap="nowrap">
              <Group gap={8} wrap="nowrap">
                <ColorSwatch color={getThemeColor(LAND_USE_COLORS[use], theme)} size={12} withShadow={false} />
                <Text size="sm">{t(`landBank.${use}`)}</Text>
              </Group>
              <Text size="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text span fw={600} inherit>
                  {format.hectares(ha)}
                </Text>
                <Text span c="dimmed" inherit>
                  {' · '}
                  {format.percent(share)}
                </Text>
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text
        fz={{ base: 'lg', sm: 22 }}
        fw={700}
        lh={1.2}
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {value}
      </Text>
    </Stack>
  );
}
