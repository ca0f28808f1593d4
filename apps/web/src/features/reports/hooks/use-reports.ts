import type { ReportPeriod, ReportWindow, ZoneType } from '@irm/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import {
  fetchEventRoi,
  fetchFunnel,
  fetchLoanPortfolio,
  fetchPipelines,
  fetchSlaBreaches,
  fetchTimeInStage,
  fetchZoneOccupancy,
} from '../api/reports.api';

/** Reports change only as people work: a minute's staleness is fine, and the previous figures stay while a new
 * window loads, so the charts do not flash empty. */
const REPORT_OPTIONS = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function usePipelines() {
  return useQuery({
    queryKey: queryKeys.pipelines.list(),
    queryFn: ({ signal }) => fetchPipelines(signal),
    staleTime: 10 * 60_000,
  });
}

export function useFunnel(window: ReportWindow, pipelineId: string | undefined, period: ReportPeriod) {
  return useQuery({
    queryKey: queryKeys.reports.funnel(window, pipelineId ?? '', period),
    queryFn: ({ signal }) => fetchFunnel(window, pipelineId ?? '', period, signal),
    enabled: Boolean(pipelineId),
    ...REPORT_OPTIONS,
  });
}

export function useTimeInStage(window: ReportWindow, pipelineId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.reports.timeInStage(window, pipelineId ?? ''),
    queryFn: ({ signal }) => fetchTimeInStage(window, pipelineId ?? '', signal),
    enabled: Boolean(pipelineId),
    ...REPORT_OPTIONS,
  });
}

/** Breach counts with the first page of overdue items; later pages add items only. */
export function useSlaBreaches(window: ReportWindow) {
  return useInfiniteQuery({
    queryKey: queryKeys.reports.slaBreaches(window),
    queryFn: ({ pageParam, signal }) => fetchSlaBreaches(window, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.overdue.nextCursor,
    ...REPORT_OPTIONS,
  });
}

export function useZoneOccupancy(type: ZoneType | null) {
  return useQuery({
    queryKey: queryKeys.reports.zoneOccupancy(type),
    queryFn: ({ signal }) => fetchZoneOccupancy(type, signal),
    ...REPORT_OPTIONS,
  });
}

export function useEventRoi(window: ReportWindow) {
  return useQuery({
    queryKey: queryKeys.reports.eventRoi(window),
    queryFn: ({ signal }) => fetchEventRoi(window, signal),
    ...REPORT_OPTIONS,
  });
}

export function useLoanPortfolio(window: ReportWindow) {
  return useQuery({
    queryKey: queryKeys.reports.loanPortfolio(window),
    queryFn: ({ signal }) => fetchLoanPortfolio(window, signal),
    ...REPORT_OPTIONS,
  });
}
