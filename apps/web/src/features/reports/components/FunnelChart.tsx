import type { FunnelReport } from '@irm/contracts';
import { StageType } from '@irm/contracts';
import { Badge, Box, Group, Stack, Text, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { share } from './chart-scale';

const ROW = 32;
const GAP = 22;
const VALUE_WIDTH = 112;

/** Open stages in deepening blues, the won stage in teal: the eye follows the path to the result. */
const OPEN_SHADES = [3, 4, 5, 5, 6, 6, 7, 7, 8, 8];

/**
 * The pipeline as a funnel: one centred bar per stage, as wide as the items that reached it, with the share that
 * went on to the next stage between the bars and the share of the first stage on the right.
 */
export function FunnelChart({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [language] = useLanguage();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const stages = report.stages;
  const top = Math.max(...stages.map((s) => s.reached), 1);
  const labelWidth = Math.min(210, Math.max(130, width * 0.3));
  const barArea = Math.max(width - labelWidth - VALUE_WIDTH - 16, 40);
  const height = stages.length * ROW + (stages.length - 1) * GAP;
  const y = (index: number) => index * (ROW + GAP);
  const first = stages[0];
  const last = stages[stages.length - 1];

  return (
    <Stack gap="md">
      <Box ref={ref} w="100%" h={height}>
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            data-testid="funnel-chart"
            aria-label={t('reports.funnel.chartLabel', {
              pipeline: report.pipeline.name[language],
              first: format.integer(first?.reached ?? 0),
              last: format.integer(last?.reached ?? 0),
              stage: last?.name[language] ?? '',
            })}
          >
            {stages.map((stage, index) => {
              const barWidth = Math.max(share(stage.reached, top) * barArea, stage.reached > 0 ? 3 : 0);
              const centre = labelWidth + barArea / 2;
              const color =
                stage.type === StageType.Won
                  ? getThemeColor('teal.6', theme)
                  : getThemeColor(`irm.${OPEN_SHADES[Math.min(index, OPEN_SHADES.length - 1)]}`, theme);
              const name = stage.name[language];
              return (
                <g
                  key={stage.stageId}
                  data-testid="funnel-stage"
                  data-key={stage.key}
                  data-reached={stage.reached}
                  transform={`translate(0, ${y(index)})`}
                >
                  <title>
                    {t('reports.funnel.stageTooltip', {
                      stage: name,
                      count: stage.reached,
                      reached: format.integer(stage.reached),
                      share: format.percent(stage.conversionFromFirst ?? 0),
                    })}
                  </title>
                  <text
                    x={labelWidth - 12}
                    y={ROW / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                    fontSize={13}
                    fontWeight={stage.type === StageType.Won ? 700 : 500}
                    fill={theme.colors.dark[6]}
                  >
                    {name}
                  </text>
                  <rect x={labelWidth} width={barArea} height={ROW} rx={6} fill={theme.colors.gray[0]} />
                  <rect x={centre - barWidth / 2} width={barWidth} height={ROW} rx={6} fill={color} />
                  <text
                    x={labelWidth + barArea + 12}
                    y={ROW / 2}
                    dominantBaseline="central"
                    fontSize={15}
                    fontWeight={700}
                    fill={theme.colors.dark[7]}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {format.integer(stage.reached)}
                    <tspan fontSize={12} fontWeight={400} fill={theme.colors.gray[6]} dx={6}>
                      {index > 0 && stage.conversionFromFirst !== null ? format.percent(stage.conversionFromFirst) : ''}
                    </tspan>
                  </text>
                  {index < stages.length - 1 && (
                    <text
                      x={centre}
                      y={ROW + GAP / 2}
                      textAnchor="middle"
                      dominantBaseline="central"
                      fontSize={11.5}
                      fontWeight={600}
                      fill={theme.colors.gray[7]}
                      data-testid="funnel-conversion"
                    >
                      {stage.conversionToNext === null ? '—' : `↓ ${format.percent(stage.conversionToNext)}`}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </Box>
      {report.exits.length > 0 && (
        <Group gap="xs" wrap="wrap" data-testid="funnel-exits">
          <Text size="sm" c="dimmed">
            {t('reports.funnel.exits')}
          </Text>
          {report.exits.map((exit) => (
            <Badge
              key={exit.stageId}
              variant="light"
              color={exit.type === StageType.Lost ? 'red' : 'gray'}
              radius="sm"
              tt="none"
              data-key={exit.key}
            >
              {exit.name[language]}: {format.integer(exit.entered)}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
