import { PipelineKind, ZoneType, type ReportPeriod } from '@irm/contracts';
import { Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlarm, IconBuildingFactory2, IconCoin, IconFlag3, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLanguage } from '../../../shared/i18n';
import { ErrorState, PageHeader, usePageTitle } from '../../../shared/ui';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import {
  useEventRoi,
  useFunnel,
  useLoanPortfolio,
  usePipelines,
  useSlaBreaches,
  useTimeInStage,
  useZoneOccupancy,
} from '../hooks/use-reports';
import { EventRoiTable } from './EventRoiTable';
import { FunnelChart } from './FunnelChart';
import { FunnelTrendChart } from './FunnelTrendChart';
import { KpiCard } from './KpiCard';
import { LoanPortfolio } from './LoanPortfolio';
import { OwnerTable } from './OwnerTable';
import { ReportCard } from './ReportCard';
import { RANGE_PRESETS, type RangePreset } from './report-window';
import { useReportFormatters } from './report-format';
import { SlaBreaches } from './SlaBreaches';
import { TimeInStageChart } from './TimeInStageChart';
import { ZoneOccupancyChart } from './ZoneOccupancyChart';

const KINDS: readonly PipelineKind[] = [
  PipelineKind.Prospect,
  PipelineKind.LandEnquiry,
  PipelineKind.LoanApplication,
  PipelineKind.EventContact,
];

/**
 * The manager's dashboard: headline figures, then the chosen pipeline (funnel, time in stage, trend, owners),
 * response times across pipelines, the land bank, loans and promotion events, all over one window of dates.
 */
export function ManagerDashboard() {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useReportFormatters();
  const [language] = useLanguage();
  usePageTitle(t('reports.title'));
  const filters = useDashboardFilters();
  const { window } = filters;

  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((p) => p.kind === filters.pipelineKind);
  const funnel = useFunnel(window, pipeline?.id, filters.period);
  const timeInStage = useTimeInStage(window, pipeline?.id);
  const sla = useSlaBreaches(window);
  const zones = useZoneOccupancy(filters.zoneType);
  const province = useZoneOccupancy(null);
  const events = useEventRoi(window);
  const loans = useLoanPortfolio(window);

  const stages = funnel.data?.stages ?? [];
  const firstStage = stages[0];
  const wonStage = stages[stages.length - 1];
  const slaFirst = sla.data?.pages[0];
  const overdueItems = sla.data?.pages.flatMap((page) => page.overdue.items) ?? [];
  const pipelineName = pipeline?.name[language] ?? '';
  const windowText = t('reports.window', { from: format.date(window.from), to: format.date(window.to) });

  return (
    <Stack gap="lg" data-testid="manager-dashboard">
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={<WindowPicker filters={filters} />}
      />

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 5 }} spacing="md">
        <KpiCard
          testId="kpi-entered"
          label={t('reports.kpi.entered')}
          value={firstStage && format.integer(firstStage.reached)}
          hint={pipelineName}
          icon={IconTargetArrow}
          color="irm"
        />
        <KpiCard
          testId="kpi-won"
          label={wonStage ? wonStage.name[language] : t('reports.kpi.won')}
          value={wonStage && format.integer(wonStage.reached)}
          hint={wonStage && t('reports.kpi.wonHint', { rate: format.percent(wonStage.conversionFromFirst ?? 0) })}
          icon={IconFlag3}
          color="teal"
        />
        <KpiCard
          testId="kpi-overdue"
          label={t('reports.kpi.overdue')}
          value={slaFirst && format.integer(slaFirst.totals.overdueNow)}
          hint={
            slaFirst &&
            t('reports.kpi.overdueHint', {
              count: slaFirst.totals.breachedMoves,
              late: format.integer(slaFirst.totals.breachedMoves),
            })
          }
          icon={IconAlarm}
          color="red"
        />
        <KpiCard
          testId="kpi-land"
          label={t('reports.kpi.available')}
          value={province.data && format.hectares(province.data.totals.availableHa)}
          hint={
            province.data &&
            t('reports.kpi.availableHint', { occupancy: format.percent(province.data.totals.occupancy) })
          }
          icon={IconBuildingFactory2}
          color="yellow"
        />
        <KpiCard
          testId="kpi-disbursed"
          label={t('reports.kpi.disbursed')}
          value={loans.data && money.vnd(loans.data.totals.disbursedVnd)}
          hint={loans.data && t('reports.kpi.disbursedHint', { approved: money.vnd(loans.data.totals.approvedVnd) })}
          icon={IconCoin}
          color="grape"
        />
      </SimpleGrid>

      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mt="sm">
        <Stack gap={2}>
          <Title order={2} fz="xl">
            {t('reports.pipelineSection', { pipeline: pipelineName })}
          </Title>
          <Text size="sm" c="dimmed">
            {windowText}
          </Text>
        </Stack>
        <SegmentedControl
          aria-label={t('reports.pipelinePicker')}
          data={KINDS.map((kind) => ({ value: kind, label: t(`reports.kind.${kind}`) }))}
          value={filters.pipelineKind}
          onChange={(value) => filters.setPipelineKind(value as PipelineKind)}
          data-testid="pipeline-picker"
        />
      </Group>

      {pipelines.isError && (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} retrying={pipelines.isFetching} />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReportCard
            testId="report-funnel"
            title={t('reports.funnel.title')}
            description={t('reports.funnel.description')}
            query={funnel}
            isEmpty={(data) => data.stages.every((s) => s.reached === 0)}
            emptyText={t('reports.funnel.empty')}
          >
            {(data) => <FunnelChart report={data} />}
          </ReportCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReportCard
            testId="report-time-in-stage"
            title={t('reports.timeInStage.title')}
            description={t('reports.timeInStage.description')}
            query={timeInStage}
            isEmpty={(data) => data.stages.every((s) => s.movesOut === 0 && !s.currentCount)}
            emptyText={t('reports.timeInStage.empty')}
          >
            {(data) => <TimeInStageChart report={data} />}
          </ReportCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReportCard
            testId="report-trend"
            title={t('reports.trend.title')}
            description={t('reports.trend.description')}
            query={funnel}
            isEmpty={(data) => data.periods.every((p) => (p.reached[0] ?? 0) === 0)}
            emptyText={t('reports.funnel.empty')}
            actions={
              <SegmentedControl
                size="xs"
                aria-label={t('reports.periodPicker')}
                data={[
                  { value: 'month', label: t('reports.period.month') },
                  { value: 'quarter', label: t('reports.period.quarter') },
                ]}
                value={filters.period}
                onChange={(value) => filters.setPeriod(value as ReportPeriod)}
              />
            }
          >
            {(data) => <FunnelTrendChart report={data} />}
          </ReportCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ReportCard
            testId="report-owners"
            title={t('reports.owners.title')}
            description={t('reports.owners.description')}
            query={funnel}
            isEmpty={(data) => data.owners.length === 0}
            emptyText={t('reports.funnel.empty')}
          >
            {(data) => <OwnerTable report={data} />}
          </ReportCard>
        </Grid.Col>
      </Grid>

      <ReportCard
        testId="report-sla"
        title={t('reports.sla.title')}
        description={t('reports.sla.description')}
        query={{
          data: slaFirst,
          error: sla.error,
          isPending: sla.isPending,
          isError: sla.isError,
          isFetching: sla.isFetching && !sla.isFetchingNextPage,
          refetch: sla.refetch,
        }}
        isEmpty={(data) => data.stages.length === 0}
        emptyText={t('reports.sla.empty')}
      >
        {(data) => (
          <SlaBreaches
            report={data}
            items={overdueItems}
            hasMore={sla.hasNextPage}
            loadingMore={sla.isFetchingNextPage}
            onLoadMore={() => void sla.fetchNextPage()}
          />
        )}
      </ReportCard>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReportCard
            testId="report-zones"
            title={t('reports.zones.title')}
            description={t('reports.zones.description')}
            query={zones}
            isEmpty={(data) => data.zones.length === 0}
            emptyText={t('reports.zones.empty')}
            actions={
              <SegmentedControl
                size="xs"
                aria-label={t('reports.zones.typePicker')}
                data={[ZoneType.IndustrialPark, ZoneType.IndustrialCluster].map((type) => ({
                  value: type,
                  label: t(`landBank.type.${type}`),
                }))}
                value={filters.zoneType}
                onChange={(value) => filters.setZoneType(value as ZoneType)}
              />
            }
          >
            {(data) => <ZoneOccupancyChart report={data} />}
          </ReportCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReportCard
            testId="report-loans"
            title={t('reports.loans.title')}
            description={t('reports.loans.description')}
            query={loans}
            isEmpty={(data) => data.totals.applications === 0}
            emptyText={t('reports.loans.empty')}
          >
            {(data) => <LoanPortfolio report={data} />}
          </ReportCard>
        </Grid.Col>
      </Grid>

      <ReportCard
        testId="report-events"
        title={t('reports.events.title')}
        description={t('reports.events.description')}
        query={events}
        isEmpty={(data) => data.events.length === 0}
        emptyText={t('reports.events.empty')}
      >
        {(data) => <EventRoiTable report={data} />}
      </ReportCard>
    </Stack>
  );
}

function WindowPicker({ filters }: { filters: ReturnType<typeof useDashboardFilters> }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <Select
        aria-label={t('reports.range.label')}
        data={RANGE_PRESETS.map((preset) => ({ value: preset, label: t(`reports.range.${preset}`) }))}
        value={filters.preset}
        onChange={(value) => value && filters.setPreset(value as RangePreset)}
        allowDeselect={false}
        w={190}
        data-testid="range-picker"
      />
      {filters.preset === 'custom' && (
        <>
          <TextInput
            type="date"
            aria-label={t('reports.range.from')}
            value={filters.custom.from}
            onChange={(event) => filters.setCustom({ from: event.currentTarget.value })}
            error={!filters.custom.valid && t('reports.range.invalid')}
            w={160}
            data-testid="range-from"
          />
          <TextInput
            type="date"
            aria-label={t('reports.range.to')}
            value={filters.custom.to}
            onChange={(event) => filters.setCustom({ to: event.currentTarget.value })}
            w={160}
            data-testid="range-to"
          />
        </>
      )}
    </Group>
  );
}
