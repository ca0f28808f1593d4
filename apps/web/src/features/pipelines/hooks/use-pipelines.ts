import {
  PipelineKind,
  type LoanApplication,
  type LoanTranche,
  type Pipeline,
  type UpdateLoanTrancheRequest,
} from '@irm/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { queryKeys } from '../../../shared/api';
import { isStaleVersion, replaceInLists } from '../../records';
import {
  confirmTranche,
  createItem,
  fetchBoard,
  fetchItem,
  fetchItems,
  fetchPipelines,
  fetchStageHistory,
  fetchTranches,
  fetchZoneMatches,
  planTranche,
  releaseTranche,
  removeTranche,
  setDocumentReceived,
  updateItem,
  updateTranche,
} from '../api/pipelines.api';
import type { ItemChanges, ItemFields, ItemFilters, ItemSort, NewTranche, PipelineItem } from '../types';

/** Stages change rarely (a manager's configuration); the board asks again after a few minutes. */
const DEFINITIONS_STALE_MS = 5 * 60_000;

export function usePipelines() {
  return useQuery({
    queryKey: queryKeys.pipelines.list(),
    queryFn: ({ signal }) => fetchPipelines(signal),
    staleTime: DEFINITIONS_STALE_MS,
  });
}

/** The pipeline of one kind, with its stages in order. */
export function usePipeline(kind: PipelineKind) {
  const pipelines = usePipelines();
  const pipeline: Pipeline | undefined = pipelines.data?.find((p) => p.kind === kind);
  return { ...pipelines, pipeline };
}

export function useBoard(pipelineId: string | undefined, filters: ItemFilters) {
  return useQuery({
    queryKey: queryKeys.pipelines.board(pipelineId ?? '', filters),
    queryFn: ({ signal }) => fetchBoard(pipelineId ?? '', filters, signal),
    enabled: !!pipelineId,
    placeholderData: keepPreviousData,
  });
}

/** The cards of one column past the board's first ones, a page at a time from where the board stopped. */
export function useMoreStageCards(
  kind: PipelineKind,
  stageId: string,
  filters: ItemFilters,
  after: string | null,
  enabled: boolean,
) {
  const request = { filters, stageId, sort: 'stageEnteredAt' as const, after };
  return useInfiniteQuery({
    queryKey: queryKeys.items.list(kind, request),
    queryFn: ({ pageParam, signal }) =>
      fetchItems(kind, { filters, stageId, sort: 'stageEnteredAt', cursor: pageParam }, signal),
    initialPageParam: after,
    getNextPageParam: (page) => page.nextCursor,
    enabled: enabled && after !== null,
  });
}

export function useItemList(kind: PipelineKind, filters: ItemFilters, sort: ItemSort) {
  return useInfiniteQuery({
    queryKey: queryKeys.items.list(kind, { filters, sort }),
    queryFn: ({ pageParam, signal }) => fetchItems(kind, { filters, sort, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useItem(kind: PipelineKind, id: string) {
  return useQuery({
    queryKey: queryKeys.items.detail(kind, id),
    queryFn: ({ signal }) => fetchItem(kind, id, signal),
  });
}

export function useStageHistory(kind: PipelineKind, id: string) {
  return useQuery({
    queryKey: queryKeys.items.part(kind, id, 'history'),
    queryFn: ({ signal }) => fetchStageHistory(kind, id, signal),
  });
}

/**
 * After an item changed (saved, moved, a document or tranche recorded): its page, the lists and boards of its
 * kind, its history and timeline, and the zones whose land bank a move may have changed.
 */
export function refreshItem(queryClient: QueryClient, item: PipelineItem | { kind: PipelineKind; id: string }) {
  if ('version' in item) {
    queryClient.setQueryData(queryKeys.items.detail(item.kind, item.id), item);
    replaceInLists(queryClient, queryKeys.items.lists(item.kind), item);
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.items.all(item.kind) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.pipelines.all() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.timeline.subject(item.kind, item.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.audit.subject(item.kind, item.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.zones.all() });
}

export function useCreateItem(kind: PipelineKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ItemFields) => createItem(kind, request),
    onSuccess: (created) => refreshItem(queryClient, created),
  });
}

export interface ItemChange {
  /** The item as the person saw it: its `version` guards against overwriting someone else's change. */
  item: PipelineItem;
  changes: ItemChanges;
}

export function useUpdateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, changes }: ItemChange) =>
      updateItem(item.kind, item.id, { ...changes, version: item.version }),
    onSuccess: (updated) => refreshItem(queryClient, updated),
    onError: (error, { item }) => {
      if (isStaleVersion(error)) refreshItem(queryClient, { kind: item.kind, id: item.id });
    },
  });
}

/** Zones ranked for a land enquiry; a 404 means matching is not offered (yet) and is shown as such. */
export function useZoneMatches(id: string) {
  return useQuery({
    queryKey: queryKeys.items.part(PipelineKind.LandEnquiry, id, 'matches'),
    queryFn: ({ signal }) => fetchZoneMatches(id, signal),
  });
}

export function useTranches(id: string) {
  return useQuery({
    queryKey: queryKeys.items.part(PipelineKind.LoanApplication, id, 'tranches'),
    queryFn: ({ signal }) => fetchTranches(id, signal),
  });
}

function refreshLoan(queryClient: QueryClient, id: string) {
  refreshItem(queryClient, { kind: PipelineKind.LoanApplication, id });
}

export function usePlanTranche(application: LoanApplication) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NewTranche) => planTranche(application, request),
    onSettled: () => refreshLoan(queryClient, application.id),
  });
}

export interface TrancheChange {
  /** The tranche as the person saw it: its `version` guards against overwriting someone else's change. */
  tranche: LoanTranche;
  changes: Omit<UpdateLoanTrancheRequest, 'version'>;
}

/** Edits a tranche not yet released; refused or not, the panel shows the tranches as they are afterwards. */
export function useUpdateTranche() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tranche, changes }: TrancheChange) => updateTranche(tranche, changes),
    onSettled: (_result, _error, { tranche }) => refreshLoan(queryClient, tranche.applicationId),
  });
}

export function useRemoveTranche() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tranche: LoanTranche) => removeTranche(tranche),
    onSettled: (_result, _error, tranche) => refreshLoan(queryClient, tranche.applicationId),
  });
}

export interface TrancheStep {
  tranche: LoanTranche;
  step: 'confirm' | 'release';
  /** For a confirmation: the project progress reported, percent (at least the milestone's). */
  progressPct?: number;
}

/** Confirms a tranche's milestone, or releases its money once confirmed. */
export function useTrancheStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tranche, step, progressPct }: TrancheStep) =>
      step === 'confirm'
        ? confirmTranche(tranche, progressPct ?? tranche.requiredProgressPct)
        : releaseTranche(tranche),
    onSettled: (_result, _error, { tranche }) => refreshLoan(queryClient, tranche.applicationId),
  });
}

export function useSetDocumentReceived(application: LoanApplication) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, received }: { key: string; received: boolean }) =>
      setDocumentReceived(application, key, received),
    onSuccess: (updated) => {
      if (updated && typeof updated === 'object' && 'version' in updated) refreshItem(queryClient, updated);
      else refreshLoan(queryClient, application.id);
    },
    onError: () => refreshLoan(queryClient, application.id),
  });
}
