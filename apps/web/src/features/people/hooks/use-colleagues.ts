import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { searchColleagues } from '../api/people.api';

/** Colleagues whose name or email contains the typed text; asked only while `enabled`. */
export function useColleagues(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users.directory(q),
    queryFn: ({ signal }) => searchColleagues(q, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
