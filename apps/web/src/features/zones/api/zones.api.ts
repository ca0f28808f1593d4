import type {
  LandMovement,
  LandMovementResult,
  Page,
  RecordLandMovementRequest,
  UpdateZoneRequest,
  Zone,
} from '@irm/contracts';
import { api, type ZoneListFilters } from '../../../shared/api';

const PAGE_SIZE = 50;
/** The chart draws the latest entries, as many as one request may return. */
export const CHART_MOVEMENTS = 200;
export const LEDGER_PAGE_SIZE = 25;

const zonePath = (id: string) => `/zones/${encodeURIComponent(id)}`;

export function fetchZones(filters: ZoneListFilters, cursor: string | null, signal?: AbortSignal): Promise<Page<Zone>> {
  return api.get<Page<Zone>>('/zones', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });
}

export function fetchZoneDistricts(signal?: AbortSignal): Promise<{ items: string[] }> {
  return api.get<{ items: string[] }>('/zones/districts', { signal });
}

export function fetchZone(id: string, signal?: AbortSignal): Promise<Zone> {
  return api.get<Zone>(zonePath(id), { signal });
}

export function updateZone(id: string, request: UpdateZoneRequest): Promise<Zone> {
  return api.patch<Zone>(zonePath(id), request);
}

export function fetchLandMovements(
  id: string,
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<LandMovement>> {
  return api.get<Page<LandMovement>>(`${zonePath(id)}/land-movements`, { query: { limit, cursor }, signal });
}

export function recordLandMovement(id: string, request: RecordLandMovementRequest): Promise<LandMovementResult> {
  return api.post<LandMovementResult>(`${zonePath(id)}/land-movements`, request);
}
