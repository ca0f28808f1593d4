import type { RecordLandMovementRequest, UpdateZoneRequest, Zone } from '@irm/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, type ZoneListFilters } from '../../../shared/api';
import { isStaleVersion, replaceInLists } from '../../records';
import {
  CHART_MOVEMENTS,
  fetchLandMovements,
  fetchZone,
  fetchZoneDistricts,
  fetchZones,
  LEDGER_PAGE_SIZE,
  recordLandMovement,
  updateZone,
} from '../api/zones.api';

export function useZoneList(filters: ZoneListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.zones.list(filters),
    queryFn: ({ pageParam, signal }) => fetchZones(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useZoneDistricts() {
  return useQuery({
    queryKey: queryKeys.zones.districts(),
    queryFn: ({ signal }) => fetchZoneDistricts(signal),
    staleTime: 10 * 60_000,
    select: (result) => result.items,
  });
}

export function useZone(id: string) {
  return useQuery({ queryKey: queryKeys.zones.detail(id), queryFn: ({ signal }) => fetchZone(id, signal) });
}

/** The ledger table: newest first, a page at a time. */
export function useLandLedger(id: string) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.zones.movements(id), 'pages'],
    queryFn: ({ pageParam, signal }) => fetchLandMovements(id, LEDGER_PAGE_SIZE, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The latest entries, oldest first, for the chart. */
export function useLandHistory(id: string) {
  return useQuery({
    queryKey: [...queryKeys.zones.movements(id), 'chart'],
    queryFn: ({ signal }) => fetchLandMovements(id, CHART_MOVEMENTS, null, signal),
    select: (page) => [...page.items].reverse(),
  });
}

/** After any change of a zone: its page, its ledger and history, the lists and the home page's totals. */
function refreshZone(queryClient: ReturnType<typeof useQueryClient>, zone: Zone) {
  queryClient.setQueryData(queryKeys.zones.detail(zone.id), zone);
  replaceInLists(queryClient, queryKeys.zones.lists(), zone);
  void queryClient.invalidateQueries({ queryKey: queryKeys.zones.movements(zone.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.zones.summary() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.zones.lists() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject('zone', zone.id) });
}

export interface ZoneChange {
  zone: Zone;
  changes: Omit<UpdateZoneRequest, 'version'>;
}

export function useUpdateZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ zone, changes }: ZoneChange) => updateZone(zone.id, { ...changes, version: zone.version }),
    onSuccess: (updated) => refreshZone(queryClient, updated),
    onError: (error, { zone }) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.zones.detail(zone.id) });
    },
  });
}

export interface LandMovementEntry {
  zone: Zone;
  request: Omit<RecordLandMovementRequest, 'version'>;
}

export function useRecordLandMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    // The version the person saw: figures changed meanwhile are shown before anything is recorded.
    mutationFn: ({ zone, request }: LandMovementEntry) =>
      recordLandMovement(zone.id, { ...request, version: zone.version }),
    onSuccess: (result) => refreshZone(queryClient, result.zone),
    onError: (error, { zone }) => {
      if (isStaleVersion(error)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.zones.detail(zone.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.zones.movements(zone.id) });
      }
    },
  });
}
