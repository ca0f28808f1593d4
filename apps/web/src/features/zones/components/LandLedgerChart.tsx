import type { LandMovement, Zone } from '@irm/contracts';
import {
  Box,
  Card,
  ColorSwatch,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  getThemeColor,
  useMantineTheme,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { LAND_USE_COLORS, LAND_USES, type LandUse } from '../../land-bank';
import { useLandHistory } from '../hooks/use-zones';

const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 64 };
const TICKS = 4;

interface Step {
  movement: LandMovement;
  /** Leased, reserved and available after the entry, stacked in that order. */
  values: Record<LandUse, number>;
}

/**
 * The land bank after each ledger entry, as stacked steps: leased at the bottom, reserved on it, available on
 * top, so the outline is the industrial land. Entries are spaced evenly: it is a ledger, not a calendar.
 * Drawn in SVG like the other land-bank charts: @mantine/charts has no release for Mantine 9.8 yet.
 */
export function LandLedgerChart({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const history = useLandHistory(zone.id);
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="zone-chart-title">
      <Title order={2} fz="lg" id="zone-chart-title">
        {t('zones.chartTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('zones.chartDescription')}
      </Text>
      {history.isPending ? (
        <Skeleton height={HEIGHT} radius="md" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('zones.chartTooFew')}
        </Text>
      ) : (
        <StepChart zone={zone} movements={history.data} />
      )}
    </Card>
  );
}

function StepChart({ zone, movements }: { zone: Zone; movements: LandMovement[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const steps: Step[] = movements.map((movement) => ({
    movement,
    values: {
      leased: movement.leasedAfterHa,
      reserved: movement.reservedAfterHa,
      available: movement.availableAfterHa,
    },
  }));
  const top = Math.max(...steps.map((s) => s.values.leased + s.values.reserved + s.values.available), 0.01);
  const plotWidth = Math.max(width - PAD.left - PAD.right, 1);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const stepWidth = plotWidth / steps.length;
  const x = (index: number) => PAD.left + index * stepWidth;
  const y = (ha: number) => PAD.top + plotHeight - (ha / top) * plotHeight;
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => (top * i) / TICKS);
  const describe = (step: Step) =>
    t('zones.chartPoint', {
      when: format.dateTime(step.movement.at),
      kind: t(`zones.movementKind.${step.movement.kind}`),
      leased: format.hectares(step.values.leased),
      reserved: format.hectares(step.values.reserved),
      available: format.hectares(step.values.available),
    });

  return (
    <Stack gap="sm">
      <Box ref={ref} w="100%" h={HEIGHT}>
        {width > 0 && (
          <svg
            width={width}
            height={HEIGHT}
            role="img"
            aria-label={t('zones.chartLabel', {
              name: zone.name,
              count: steps.length,
              leased: format.hectares(zone.leasedHa),
              reserved: format.hectares(zone.reservedHa),
              available: format.hectares(zone.availableHa),
            })}
            data-testid="land-ledger-chart"
            data-steps={steps.length}
          >
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={PAD.left + plotWidth}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke={theme.colors.gray[3]}
                  strokeDasharray={tick === 0 ? undefined : '3 3'}
                />
                <text
                  x={PAD.left - 8}
                  y={y(tick)}
                  textAnchor="end"
                  dominantBaseline="central"
                  fontSize={11}
                  fill={theme.colors.gray[6]}
                >
                  {format.hectares(tick)}
                </text>
              </g>
            ))}
            {steps.map((step, index) => {
              let base = 0;
              return (
                <g key={step.movement.id} data-testid="chart-step">
                  <title>{describe(step)}</title>
                  {LAND_USES.map((use) => {
                    const from = base;
                    base += step.values[use];
                    return step.values[use] > 0 ? (
                      <rect
                        key={use}
                        x={x(index)}
                        width={stepWidth + 0.5}
                        y={y(base)}
                        height={Math.max(y(from) - y(base), 0)}
                        fill={getThemeColor(LAND_USE_COLORS[use], theme)}
                        fillOpacity={use === 'available' ? 0.55 : 0.9}
                      />
                    ) : null;
                  })}
                </g>
              );
            })}
            <text x={PAD.left} y={HEIGHT - 8} fontSize={11} fill={theme.colors.gray[6]}>
              {format.date(steps[0].movement.at)}
            </text>
            <text x={PAD.left + plotWidth} y={HEIGHT - 8} fontSize={11} textAnchor="end" fill={theme.colors.gray[6]}>
              {format.date(steps[steps.length - 1].movement.at)}
            </text>
          </svg>
        )}
      </Box>
      <Group component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
        {LAND_USES.map((use) => (
          <Group component="li" key={use} gap={6} wrap="nowrap">
            <ColorSwatch color={getThemeColor(LAND_USE_COLORS[use], theme)} size={12} withShadow={false} />
            <Text size="sm">{t(`landBank.${use}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
