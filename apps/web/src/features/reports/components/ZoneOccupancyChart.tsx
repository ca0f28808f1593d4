import { useState } from 'react';
import type { ZoneOccupancyReport } from '@irm/contracts';
import { Box, Button, Group, Stack, Table, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { LAND_USE_COLORS, LAND_USES } from '../../land-bank';
import { fitText } from './chart-scale';
import { ChartLegend } from './ReportCard';

const ROW = 26;
const SHOWN = 12;
const VALUE_WIDTH = 128;

/**
 * Each zone's industrial land as a bar of its own length (so sizes compare), split into leased, reserved and
 * available; zones with the most land available first. Below, industrial land, available land and occupancy by
 * district (the bars above show the split per zone).
 */
export function ZoneOccupancyChart({ report }: { report: ZoneOccupancyReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const [all, setAll] = useState(false);
  const zones = all ? report.zones : report.zones.slice(0, SHOWN);
  const top = Math.max(...report.zones.map((z) => z.industrialLandHa), 0.01);
  const labelWidth = Math.min(200, Math.max(120, width * 0.28));
  const plot = Math.max(width - labelWidth - VALUE_WIDTH, 40);
  const height = zones.length * ROW;
  // The table's headers say "ha": the cells carry the number alone, so the columns stay narrow.
  const area = (ha: number) => format.hectares(ha).replace(/\s*ha$/, '');

  return (
    <Stack gap="md">
      <Box ref={ref} w="100%" h={height}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            data-testid="zone-occupancy-chart"
            aria-label={t('reports.zones.chartLabel', {
              count: report.zones.length,
              available: format.hectares(report.totals.availableHa),
              occupancy: format.percent(report.totals.occupancy),
            })}
          >
            {zones.map((zone, index) => {
              let start = labelWidth;
              const middle = index * ROW + ROW / 2;
              return (
                <g key={zone.zoneId} data-testid="zone-row" data-code={zone.code} data-available={zone.availableHa}>
                  <title>
                    {t('reports.zones.tooltip', {
                      zone: zone.name,
                      district: zone.district,
                      industrial: format.hectares(zone.industrialLandHa),
                      leased: format.hectares(zone.leasedHa),
                      reserved: format.hectares(zone.reservedHa),
                      available: format.hectares(zone.availableHa),
                      enquiries: format.integer(zone.openEnquiries),
                      enquired: format.hectares(zone.enquiredHa),
                    })}
                  </title>
                  <text
                    x={labelWidth - 10}
                    y={middle}
                    textAnchor="end"
                    dominantBaseline="central"
                    fontSize={12.5}
                    fill={theme.colors.dark[6]}
                  >
                    {fitText(zone.name, labelWidth - 14, 12.5)}
                  </text>
                  {LAND_USES.map((use) => {
                    const ha =
                      use === 'leased' ? zone.leasedHa : use === 'reserved' ? zone.reservedHa : zone.availableHa;
                    const w = (ha / top) * plot;
                    const x = start;
                    start += w;
                    return w > 0 ? (
                      <rect
                        key={use}
                        x={x}
                        y={middle - 8}
                        width={w}
                        height={16}
                        fill={getThemeColor(LAND_USE_COLORS[use], theme)}
                        fillOpacity={use === 'available' ? 0.7 : 1}
                      />
                    ) : null;
                  })}
                  <text
                    x={labelWidth + plot + 10}
                    y={middle}
                    dominantBaseline="central"
                    fontSize={12}
                    fill={theme.colors.dark[6]}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    <tspan fontWeight={600}>{format.hectares(zone.availableHa)}</tspan>
                    <tspan fill={theme.colors.gray[6]}>{` · ${format.percent(zone.occupancy)}`}</tspan>
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </Box>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <ChartLegend entries={LAND_USES.map((use) => ({ label: t(`landBank.${use}`), color: LAND_USE_COLORS[use] }))} />
        {report.zones.length > SHOWN && (
          <Button variant="subtle" size="xs" onClick={() => setAll((value) => !value)}>
            {all ? t('reports.showFewer') : t('reports.showAll', { count: report.zones.length })}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={520} type="native">
        <Table
          verticalSpacing={4}
          horizontalSpacing="xs"
          fz="sm"
          data-testid="district-table"
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.zones.district')}</Table.Th>
              <Table.Th ta="right">{t('reports.zones.zones')}</Table.Th>
              <Table.Th ta="right">{t('reports.zones.industrialHa')}</Table.Th>
              <Table.Th ta="right">{t('reports.zones.availableHa')}</Table.Th>
              <Table.Th ta="right">{t('reports.zones.occupancy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...report.districts, { district: t('reports.zones.total'), ...report.totals, total: true }].map((row) => (
              <Table.Tr key={row.district} fw={'total' in row ? 700 : undefined} data-testid="district-row">
                <Table.Td>{row.district}</Table.Td>
                <Table.Td ta="right">{format.integer(row.zoneCount)}</Table.Td>
                <Table.Td ta="right">{area(row.industrialLandHa)}</Table.Td>
                <Table.Td ta="right">{area(row.availableHa)}</Table.Td>
                <Table.Td ta="right">{format.percent(row.occupancy)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
