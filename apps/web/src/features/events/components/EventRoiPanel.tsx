import type { ReactNode } from 'react';
import { CONVERSION_KINDS, type EventRoi, type PromotionEvent } from '@irm/contracts';
import {
  Box,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  getThemeColor,
  useMantineTheme,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { ErrorState } from '../../../shared/ui';
import { useEventRoi } from '../hooks/use-events';
import { STAGE_COLORS } from './badges';

const ROW = 30;
const BAR = 18;
const PAD = { top: 4, right: 40, bottom: 4, left: 128 };

/** What the event returned: people met, conversions, land, capital and jobs, against its budget. */
export function EventRoiPanel({ event }: { event: PromotionEvent }) {
  const { t } = useTranslation();
  const roi = useEventRoi(event.id);
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="event-roi-title">
      <Title order={2} fz="lg" id="event-roi-title">
        {t('events.roi.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('events.roi.description')}
      </Text>
      {roi.isPending ? (
        <Stack gap="sm">
          <Skeleton height={72} radius="md" />
          <Skeleton height={150} radius="md" />
        </Stack>
      ) : roi.isError ? (
        <ErrorState error={roi.error} onRetry={() => void roi.refetch()} retrying={roi.isFetching} />
      ) : (
        <RoiFigures roi={roi.data} />
      )}
    </Card>
  );
}

function RoiFigures({ roi }: { roi: EventRoi }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  // Money tiles read at a glance ("29 million"); the exact figure is in their tooltip.
  const compact = new Intl.NumberFormat(locale, {
    notation: 'compact',
    compactDisplay: 'long',
    maximumFractionDigits: 1,
  });
  const exactUsd = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const vnd = (amount: number) => t('events.vnd', { amount: format.integer(amount) });
  return (
    <Stack gap="lg" data-testid="event-roi">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Figure label={t('events.roi.contacts')} testId="roi-contacts">
          {format.integer(roi.contacts)}
        </Figure>
        <Figure
          label={t('events.roi.conversions')}
          testId="roi-conversions"
          note={
            roi.conversionRate === null ? undefined : t('events.roi.rate', { rate: format.percent(roi.conversionRate) })
          }
        >
          {format.integer(roi.conversions)}
        </Figure>
        <Figure label={t('events.roi.hectares')} testId="roi-hectares">
          {format.hectares(roi.hectaresEnquired)}
        </Figure>
        <Figure
          label={t('events.roi.capital')}
          testId="roi-capital"
          exact={t('events.usd', { amount: exactUsd.format(roi.capitalUsd) })}
        >
          {t('events.usd', { amount: compact.format(roi.capitalUsd) })}
        </Figure>
        <Figure label={t('events.roi.jobs')} testId="roi-jobs">
          {format.integer(roi.expectedJobs)}
        </Figure>
        <Figure
          label={t('events.roi.costPerConversion')}
          testId="roi-cost"
          exact={roi.costPerConversionVnd === null ? undefined : vnd(roi.costPerConversionVnd)}
          note={
            roi.budgetVnd === null ? t('events.roi.noBudget') : t('events.roi.budget', { amount: vnd(roi.budgetVnd) })
          }
        >
          {roi.costPerConversionVnd === null
            ? t('events.roi.noFigure')
            : t('events.vnd', { amount: compact.format(roi.costPerConversionVnd) })}
        </Figure>
      </SimpleGrid>
      <div>
        <Text fw={600} size="sm" mb={6} id="event-stages-chart-title">
          {t('events.roi.stagesTitle')}
        </Text>
        <StagesChart roi={roi} />
        <Group gap="lg" mt="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {CONVERSION_KINDS.map((kind) => (
            <Text component="li" key={kind} size="sm" c="dimmed" data-testid={`roi-kind-${kind}`}>
              {t(`events.roi.byKind.${kind}`)}:{' '}
              <Text span fw={600} c="var(--mantine-color-text)">
                {format.integer(roi.conversionsByKind[kind])}
              </Text>
            </Text>
          ))}
        </Group>
      </div>
    </Stack>
  );
}

interface FigureProps {
  label: string;
  children: ReactNode;
  note?: string;
  /** The figure in full, when the tile shows it rounded. */
  exact?: string;
  testId: string;
}

function Figure({ label, children, note, exact, testId }: FigureProps) {
  return (
    <Box
      p="sm"
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      title={exact}
      data-testid={testId}
      data-exact={exact}
    >
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fz={{ base: 17, sm: 22 }} fw={700} lh={1.3} style={{ fontVariantNumeric: 'tabular-nums' }} data-value>
        {children}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Box>
  );
}

/**
 * The event's contacts by stage as horizontal bars, in pipeline order. Drawn in SVG like the zones' land charts
 * (@mantine/charts has no release for Mantine 9 yet).
 */
function StagesChart({ roi }: { roi: EventRoi }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormatters();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const height = PAD.top + PAD.bottom + roi.stages.length * ROW;
  const top = Math.max(...roi.stages.map((stage) => stage.count), 1);
  const plot = Math.max(width - PAD.left - PAD.right, 1);
  return (
    <Box ref={ref} w="100%" h={height}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-labelledby="event-stages-chart-title"
          aria-describedby="event-stages-chart-summary"
          data-testid="event-stages-chart"
        >
          <desc id="event-stages-chart-summary">
            {roi.stages.map((stage) => `${stage.name[language]}: ${stage.count}`).join('; ')}
          </desc>
          <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={height - PAD.bottom} stroke={theme.colors.gray[4]} />
          {roi.stages.map((stage, index) => {
            const y = PAD.top + index * ROW + (ROW - BAR) / 2;
            const barWidth = stage.count ? Math.max((stage.count / top) * plot, 3) : 0;
            return (
              <g key={stage.stageId} data-testid="stage-bar" data-stage={stage.key} data-count={stage.count}>
                <title>{t('events.roi.stageBar', { stage: stage.name[language], count: stage.count })}</title>
                <text
                  x={PAD.left - 10}
                  y={y + BAR / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                  fontSize={12}
                  fill={theme.colors.gray[7]}
                >
                  {stage.name[language]}
                </text>
                <rect x={PAD.left + 1} y={y} width={plot} height={BAR} rx={4} fill={theme.colors.gray[1]} />
                {barWidth > 0 && (
                  <rect
                    x={PAD.left + 1}
                    y={y}
                    width={barWidth}
                    height={BAR}
                    rx={4}
                    fill={getThemeColor(STAGE_COLORS[stage.type], theme)}
                    fillOpacity={stage.type === 'lost' ? 0.55 : 0.9}
                  />
                )}
                <text
                  x={PAD.left + 1 + barWidth + 8}
                  y={y + BAR / 2}
                  dominantBaseline="central"
                  fontSize={12}
                  fontWeight={600}
                  fill={theme.colors.gray[8]}
                >
                  {format.integer(stage.count)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Box>
  );
}
