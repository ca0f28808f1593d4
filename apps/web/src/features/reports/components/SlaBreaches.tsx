import type { OverdueItem, SlaBreachesReport } from '@irm/contracts';
import { Badge, Box, Button, Grid, Group, Stack, Table, Text, getThemeColor, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { fitText, share } from './chart-scale';
import { ChartLegend } from './ReportCard';

const ROW = 28;

type SlaStage = SlaBreachesReport['stages'][number];
const COLORS = { overdue: 'red.6', late: 'orange.3' } as const;

interface SlaBreachesProps {
  report: SlaBreachesReport;
  items: OverdueItem[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Where response times slip: per stage, items overdue now and stages left late in the window; then the items. */
export function SlaBreaches({ report, items, hasMore, loadingMore, onLoadMore }: SlaBreachesProps) {
  const { t } = useTranslation();
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <BreachBars report={report} />
          <ChartLegend
            entries={[
              { label: t('reports.sla.overdueNow'), color: COLORS.overdue },
              { label: t('reports.sla.lateExits'), color: COLORS.late },
            ]}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <OverdueTable items={items} hasMore={hasMore} loadingMore={loadingMore} onLoadMore={onLoadMore} />
      </Grid.Col>
    </Grid>
  );
}

const HEADER = 26;

function BreachBars({ report }: { report: SlaBreachesReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [language] = useLanguage();
  const theme = useMantineTheme();
  const { ref, width } = useElementSize();
  const top = Math.max(...report.stages.map((s) => s.overdueNow + s.breachedMoves), 1);
  const labelWidth = Math.min(190, Math.max(120, width * 0.4));
  // Room after the longest bar for its figures.
  const plot = Math.max(width - labelWidth - 104, 20);
  // Stages come by pipeline, then position: a heading row where the pipeline changes.
  const rows: ({ kind: 'heading'; label: string; y: number } | { kind: 'stage'; stage: SlaStage; y: number })[] = [];
  let y = 0;
  report.stages.forEach((stage, index) => {
    if (index === 0 || report.stages[index - 1].pipelineKind !== stage.pipelineKind) {
      rows.push({ kind: 'heading', label: t(`reports.kind.${stage.pipelineKind}`), y });
      y += HEADER;
    }
    rows.push({ kind: 'stage', stage, y });
    y += ROW;
  });
  const height = Math.max(y, ROW);

  return (
    <Box ref={ref} w="100%" h={height}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          data-testid="sla-chart"
          aria-label={t('reports.sla.chartLabel', {
            overdue: format.integer(report.totals.overdueNow),
            late: format.integer(report.totals.breachedMoves),
          })}
        >
          {rows.map((row) => {
            if (row.kind === 'heading') {
              return (
                <text
                  key={`h-${row.label}`}
                  x={0}
                  y={row.y + 17}
                  fontSize={11}
                  fontWeight={700}
                  letterSpacing={0.4}
                  fill={theme.colors.gray[6]}
                  style={{ textTransform: 'uppercase' }}
                >
                  {row.label}
                </text>
              );
            }
            const { stage } = row;
            const overdue = share(stage.overdueNow, top) * plot;
            const late = share(stage.breachedMoves, top) * plot;
            const middle = row.y + ROW / 2;
            return (
              <g
                key={stage.stageId}
                data-testid="sla-stage"
                data-key={`${stage.pipelineKind}:${stage.key}`}
                data-overdue={stage.overdueNow}
                data-late={stage.breachedMoves}
              >
                <title>
                  {t('reports.sla.tooltip', {
                    stage: stage.name[language],
                    pipeline: t(`reports.kind.${stage.pipelineKind}`),
                    overdue: format.integer(stage.overdueNow),
                    late: format.integer(stage.breachedMoves),
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
                  {fitText(stage.name[language], labelWidth - 14, 12.5)}
                </text>
                <rect x={labelWidth} y={middle - 8} width={plot} height={16} rx={3} fill={theme.colors.gray[0]} />
                <rect
                  x={labelWidth}
                  y={middle - 8}
                  width={overdue}
                  height={16}
                  rx={3}
                  fill={getThemeColor(COLORS.overdue, theme)}
                />
                <rect
                  x={labelWidth + overdue}
                  y={middle - 8}
                  width={late}
                  height={16}
                  rx={3}
                  fill={getThemeColor(COLORS.late, theme)}
                />
                <text
                  x={labelWidth + overdue + late + 6}
                  y={middle}
                  dominantBaseline="central"
                  fontSize={12}
                  fontWeight={600}
                  fill={theme.colors.red[8]}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {format.integer(stage.overdueNow)}
                  <tspan fill={theme.colors.gray[6]} fontWeight={400}>
                    {` + ${format.integer(stage.breachedMoves)}`}
                  </tspan>
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Box>
  );
}

function OverdueTable({ items, hasMore, loadingMore, onLoadMore }: Omit<SlaBreachesProps, 'report'>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [language] = useLanguage();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md" data-testid="overdue-none">
        {t('reports.sla.noneOverdue')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('reports.sla.overdueItems')}
      </Text>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table verticalSpacing={6} horizontalSpacing="sm" highlightOnHover data-testid="overdue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.sla.item')}</Table.Th>
              <Table.Th>{t('reports.sla.stage')}</Table.Th>
              <Table.Th>{t('reports.owners.owner')}</Table.Th>
              <Table.Th ta="right" w={112}>
                {t('reports.sla.daysOverdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="overdue-row">
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {item.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`reports.kind.${item.kind}`)} · {t('reports.sla.dueOn', { date: format.date(item.slaDueOn) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.stageName[language]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {item.ownerName}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    tt="none"
                    styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}
                    color={item.daysOverdue > 10 ? 'red' : 'orange'}
                    variant={item.daysOverdue > 10 ? 'filled' : 'light'}
                    radius="sm"
                    data-testid="days-overdue"
                  >
                    {t('reports.sla.days', { count: item.daysOverdue })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore && (
        <Group justify="center">
          <Button variant="subtle" size="xs" onClick={onLoadMore} loading={loadingMore}>
            {t('reports.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
