import type { TimeInStageReport } from '@irm/contracts';
import { Box, Stack, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { niceTicks } from './chart-scale';
import { ChartLegend } from './ReportCard';
import { useReportFormatters } from './report-format';

const ROW = 54;
const BAR = 12;
const AXIS = 22;

const COLORS = { median: 'irm.7', p90: 'irm.2', sla: 'red.6', now: 'orange.6' } as const;

/**
 * Working days items spent in each stage they left in the window: the median as a dark bar inside the light bar
 * of the 90th percentile, the SLA as a red line, and where the items in the stage now stand (their median so far)
 * as an orange dot. Each stage takes a row: its name and figures above the bar, so long names never crowd it.
 */
export function TimeInStageChart({ report }: { report: TimeInStageReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reportFormat = useReportFormatters();
  const [language] = useLanguage();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  // Stages nothing passed through and nothing waits in say nothing.
  const stages = report.stages.filter((s) => s.movesOut > 0 || (s.currentCount ?? 0) > 0);
  // The scale follows the finished moves and the SLAs; items waiting far longer sit at its end with their figure,
  // so one forgotten item does not flatten every bar.
  const top = Math.max(...stages.flatMap((s) => [s.p90Days ?? 0, s.slaWorkingDays ?? 0]), 1);
  const ticks = niceTicks(top);
  const scaleMax = ticks[ticks.length - 1];
  const left = 4;
  const plot = Math.max(width - left - 8, 40);
  const x = (days: number) => left + (days / scaleMax) * plot;
  const height = stages.length * ROW + AXIS;
  const color = (key: keyof typeof COLORS) => getThemeColor(COLORS[key], theme);
  const days = (value: number | null) => (value === null ? '—' : reportFormat.days(value));

  return (
    <Stack gap="sm">
      <Box ref={ref} w="100%" h={height}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            data-testid="time-in-stage-chart"
            aria-label={t('reports.timeInStage.chartLabel', { pipeline: report.pipeline.name[language] })}
          >
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={x(tick)}
                  x2={x(tick)}
                  y1={16}
                  y2={stages.length * ROW}
                  stroke={theme.colors.gray[2]}
                  strokeDasharray={tick === 0 ? undefined : '3 3'}
                />
                <text
                  x={x(tick)}
                  y={stages.length * ROW + 14}
                  textAnchor={tick === 0 ? 'start' : tick === scaleMax ? 'end' : 'middle'}
                  fontSize={11}
                  fill={theme.colors.gray[6]}
                >
                  {tick === scaleMax
                    ? t('reports.timeInStage.axis', { days: format.integer(tick) })
                    : format.integer(tick)}
                </text>
              </g>
            ))}
            {stages.map((stage, index) => {
              const top = index * ROW;
              const bar = top + 22;
              return (
                <g
                  key={stage.stageId}
                  data-testid="time-in-stage-row"
                  data-key={stage.key}
                  data-median={stage.medianDays ?? ''}
                  data-p90={stage.p90Days ?? ''}
                >
                  <title>
                    {t('reports.timeInStage.tooltip', {
                      stage: stage.name[language],
                      median: days(stage.medianDays),
                      p90: days(stage.p90Days),
                      sla: stage.slaWorkingDays ?? '—',
                      current: format.integer(stage.currentCount ?? 0),
                      soFar: days(stage.currentMedianDays),
                    })}
                  </title>
                  <text x={left} y={top + 13} fontSize={13} fontWeight={600} fill={theme.colors.dark[6]}>
                    {stage.name[language]}
                    <tspan fontSize={11.5} fontWeight={400} fill={theme.colors.gray[6]} dx={8}>
                      {t('reports.timeInStage.rowDetail', {
                        movesOut: format.integer(stage.movesOut),
                        current: format.integer(stage.currentCount ?? 0),
                      })}
                    </tspan>
                  </text>
                  <text
                    x={width - 4}
                    y={top + 13}
                    textAnchor="end"
                    fontSize={12.5}
                    fill={theme.colors.dark[6]}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    <tspan fontWeight={700}>{days(stage.medianDays)}</tspan>
                    <tspan fill={theme.colors.gray[6]}>{` / ${days(stage.p90Days)}`}</tspan>
                  </text>
                  <rect x={x(0)} y={bar} width={plot} height={BAR} rx={3} fill={theme.colors.gray[0]} />
                  {stage.p90Days !== null && (
                    <rect x={x(0)} y={bar} width={x(stage.p90Days) - x(0)} height={BAR} rx={3} fill={color('p90')} />
                  )}
                  {stage.medianDays !== null && (
                    <rect
                      x={x(0)}
                      y={bar}
                      width={Math.max(x(stage.medianDays) - x(0), stage.medianDays > 0 ? 2 : 0)}
                      height={BAR}
                      rx={3}
                      fill={color('median')}
                    />
                  )}
                  {stage.slaWorkingDays !== null && (
                    <line
                      x1={x(stage.slaWorkingDays)}
                      x2={x(stage.slaWorkingDays)}
                      y1={bar - 5}
                      y2={bar + BAR + 5}
                      stroke={color('sla')}
                      strokeWidth={2}
                      strokeDasharray="3 2"
                    />
                  )}
                  {stage.currentMedianDays !== null &&
                    (stage.currentMedianDays <= scaleMax ? (
                      <circle
                        cx={x(stage.currentMedianDays)}
                        cy={bar + BAR / 2}
                        r={5}
                        fill={color('now')}
                        stroke="white"
                        strokeWidth={1.5}
                      />
                    ) : (
                      <g data-testid="beyond-scale">
                        <path
                          d={`M ${x(scaleMax) - 9} ${bar - 2} L ${x(scaleMax)} ${bar + BAR / 2} L ${x(scaleMax) - 9} ${bar + BAR + 2} Z`}
                          fill={color('now')}
                        />
                        <text
                          x={x(scaleMax) - 13}
                          y={bar + BAR / 2}
                          textAnchor="end"
                          dominantBaseline="central"
                          fontSize={11}
                          fontWeight={700}
                          fill={color('now')}
                        >
                          {days(stage.currentMedianDays)}
                        </text>
                      </g>
                    ))}
                </g>
              );
            })}
          </svg>
        )}
      </Box>
      <ChartLegend
        entries={[
          { label: t('reports.timeInStage.median'), color: COLORS.median },
          { label: t('reports.timeInStage.p90'), color: COLORS.p90 },
          { label: t('reports.timeInStage.sla'), color: COLORS.sla },
          { label: t('reports.timeInStage.now'), color: COLORS.now },
        ]}
      />
    </Stack>
  );
}
