import type { FunnelReport } from '@irm/contracts';
import { Box, Stack, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { niceTicks } from './chart-scale';
import { ChartLegend } from './ReportCard';
import { useReportFormatters } from './report-format';

const HEIGHT = 230;
const PAD = { top: 10, right: 8, bottom: 28, left: 44 };
const COLORS = { entered: 'irm.4', won: 'teal.6' } as const;

/** Per month or quarter: items that entered the funnel and items that reached its won stage. */
export function FunnelTrendChart({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reportFormat = useReportFormatters();
  const [language] = useLanguage();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const periods = report.periods;
  const lastStage = report.stages.length - 1;
  const ticks = niceTicks(Math.max(...periods.map((p) => p.reached[0] ?? 0), 1));
  const top = ticks[ticks.length - 1];
  const plotWidth = Math.max(width - PAD.left - PAD.right, 1);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(periods.length, 1);
  const bar = Math.min(22, Math.max(3, (slot - 6) / 2));
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  // Every label when they fit, else every second, third…
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(plotWidth / 64)));
  const wonName = report.stages[lastStage]?.name[language] ?? '';

  return (
    <Stack gap="sm">
      <Box ref={ref} w="100%" h={HEIGHT}>
        {width > 0 && (
          <svg
            width={width}
            height={HEIGHT}
            role="img"
            data-testid="funnel-trend-chart"
            aria-label={t('reports.trend.chartLabel', { count: periods.length, won: wonName })}
          >
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={PAD.left}
                  x2={PAD.left + plotWidth}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke={theme.colors.gray[tick === 0 ? 4 : 2]}
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
                  {format.integer(tick)}
                </text>
              </g>
            ))}
            {periods.map((period, index) => {
              const entered = period.reached[0] ?? 0;
              const won = period.reached[lastStage] ?? 0;
              const left = PAD.left + index * slot + slot / 2 - bar - 1;
              return (
                <g
                  key={period.period}
                  data-testid="trend-period"
                  data-period={period.period}
                  data-entered={entered}
                  data-won={won}
                >
                  <title>
                    {t('reports.trend.tooltip', {
                      period: reportFormat.period(period.period),
                      entered: format.integer(entered),
                      won: format.integer(won),
                      stage: wonName,
                    })}
                  </title>
                  <rect
                    x={left}
                    y={y(entered)}
                    width={bar}
                    height={y(0) - y(entered)}
                    rx={2}
                    fill={getThemeColor(COLORS.entered, theme)}
                  />
                  <rect
                    x={left + bar + 2}
                    y={y(won)}
                    width={bar}
                    height={y(0) - y(won)}
                    rx={2}
                    fill={getThemeColor(COLORS.won, theme)}
                  />
                  {index % labelEvery === 0 && (
                    <text
                      x={PAD.left + index * slot + slot / 2}
                      y={HEIGHT - 8}
                      textAnchor="middle"
                      fontSize={11}
                      fill={theme.colors.gray[6]}
                    >
                      {reportFormat.period(period.period)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </Box>
      <ChartLegend
        entries={[
          { label: t('reports.trend.entered'), color: COLORS.entered },
          { label: t('reports.trend.won', { stage: wonName }), color: COLORS.won },
        ]}
      />
    </Stack>
  );
}
