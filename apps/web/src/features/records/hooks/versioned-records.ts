import type { Page } from '@irm/contracts';
import { useQuery, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../../../shared/api';
import { fetchRecordHistory } from '../api/audit.api';

/** The server refused the write because someone else saved the record first (409 `stale_version`). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'stale_version';
}

/** The server says this person may not do this (403). */
export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

/** Puts a saved record in place in every cached page of the lists under `listsKey`. */
export function replaceInLists<T extends { id: string }>(
  queryClient: QueryClient,
  listsKey: QueryKey,
  updated: T,
): void {
  queryClient.setQueriesData<InfiniteData<Page<T>>>(
    { queryKey: listsKey },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) => (item.id === updated.id ? updated : item)),
        })),
      },
  );
}

/** A record's audit trail; only managers and admins may read it, so it is asked for only for them. */
export function useRecordHistory(subjectType: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.audit.subject(subjectType, id),
    queryFn: ({ signal }) => fetchRecordHistory(subjectType, id, signal),
    enabled,
  });
}
