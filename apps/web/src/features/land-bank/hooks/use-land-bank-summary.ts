import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { fetchLandBankSummary } from '../api/land-bank.api';

export function useLandBankSummary() {
  return useQuery({
    queryKey: queryKeys.zones.summary(),
    queryFn: ({ signal }) => fetchLandBankSummary(signal),
  });
}
