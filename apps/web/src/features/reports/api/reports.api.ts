import type {
  EventRoiReport,
  FunnelReport,
  LoanPortfolioReport,
  Pipeline,
  ReportPeriod,
  ReportWindow,
  SlaBreachesReport,
  TimeInStageReport,
  ZoneOccupancyReport,
  ZoneType,
} from '@irm/contracts';
import { api } from '../../../shared/api';

export const OVERDUE_PAGE_SIZE = 8;

export function fetchPipelines(signal?: AbortSignal): Promise<Pipeline[]> {
  return api.get<Pipeline[]>('/pipelines', { signal });
}

export function fetchFunnel(
  window: ReportWindow,
  pipelineId: string,
  period: ReportPeriod,
  signal?: AbortSignal,
): Promise<FunnelReport> {
  return api.get<FunnelReport>('/reports/funnel', { query: { ...window, pipelineId, period }, signal });
}

export function fetchTimeInStage(window: ReportWindow, pipelineId: string, signal?: AbortSignal) {
  return api.get<TimeInStageReport>('/reports/time-in-stage', { query: { ...window, pipelineId }, signal });
}

export function fetchSlaBreaches(window: ReportWindow, cursor: string | null, signal?: AbortSignal) {
  return api.get<SlaBreachesReport>('/reports/sla-breaches', {
    query: { ...window, limit: OVERDUE_PAGE_SIZE, cursor },
    signal,
  });
}

export function fetchZoneOccupancy(type: ZoneType | null, signal?: AbortSignal) {
  return api.get<ZoneOccupancyReport>('/reports/zone-occupancy', { query: { type }, signal });
}

export function fetchEventRoi(window: ReportWindow, signal?: AbortSignal) {
  return api.get<EventRoiReport>('/reports/event-roi', { query: { ...window }, signal });
}

export function fetchLoanPortfolio(window: ReportWindow, signal?: AbortSignal) {
  return api.get<LoanPortfolioReport>('/reports/loan-portfolio', { query: { ...window }, signal });
}
