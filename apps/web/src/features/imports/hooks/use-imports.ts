import { ImportStatus, type ImportJob } from '@irm/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import {
  applyImport,
  cancelImport,
  fetchImport,
  fetchImportErrors,
  fetchImports,
  uploadImport,
  type ImportUploadRequest,
} from '../api/imports.api';

/** How often a running import is asked for its progress. */
const PROGRESS_POLL_MS = 700;

export const isFinished = (job: ImportJob) =>
  job.status === ImportStatus.Completed || job.status === ImportStatus.Failed || job.status === ImportStatus.Cancelled;

/** One import, polled while it is queued or running. */
export function useImportJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.imports.detail(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await fetchImport(id!, signal);
      // The new records and the error list are there once it has ended.
      if (isFinished(job)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.imports.errors(job.id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.imports.lists() });
        if (!job.dryRun) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.organizations.lists() });
          void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.lists() });
          if (job.eventId) {
            // An attendee list: the event's people, its count and its return figures.
            void queryClient.invalidateQueries({ queryKey: queryKeys.events.attendees(job.eventId) });
            void queryClient.invalidateQueries({ queryKey: queryKeys.events.roi(job.eventId) });
            void queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(job.eventId) });
            void queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() });
          }
        }
      }
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : PROGRESS_POLL_MS),
  });
}

export function useImportList() {
  return useInfiniteQuery({
    queryKey: queryKeys.imports.lists(),
    queryFn: ({ pageParam, signal }) => fetchImports(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // The list shows progress too, so it refreshes while something is running.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((job) => !isFinished(job))) ? 2_000 : false,
  });
}

export function useImportErrors(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.imports.errors(id),
    queryFn: ({ pageParam, signal }) => fetchImportErrors(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportUploadRequest) => uploadImport(request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.imports.lists() }),
  });
}

export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => applyImport(id),
    onSuccess: (_created, id) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports.detail(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports.lists() });
    },
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelImport(id),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.imports.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.imports.lists() });
    },
  });
}
