import type { Page, Zone } from '@irm/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../../shared/api';

/** A province has a few dozen zones: one request lists them all for pickers. */
const ALL_ZONES = 200;

export interface ZoneOption {
  value: string;
  label: string;
  availableHa: number;
}

/** Zones for filters and forms, by name. */
export function useZoneOptions() {
  return useQuery({
    queryKey: [...queryKeys.zones.all(), 'options'],
    queryFn: ({ signal }) => api.get<Page<Zone>>('/zones', { query: { limit: ALL_ZONES }, signal }),
    staleTime: 5 * 60_000,
    select: (page): ZoneOption[] =>
      page.items
        .map((zone) => ({ value: zone.id, label: zone.name, availableHa: zone.availableHa }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  });
}
