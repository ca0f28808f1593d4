import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { fetchHealth } from '../api/health.api';

const POLL_INTERVAL_MS = 30_000;

export function useSystemHealth() {
  return useQuery({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: POLL_INTERVAL_MS,
    retry: false,
    staleTime: 0,
  });
}
