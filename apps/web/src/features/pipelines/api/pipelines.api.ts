import {
  PipelineKind,
  type Board,
  type LoanApplication,
  type LoanTranche,
  type MoveRequest,
  type Page,
  type Pipeline,
  type PipelineItemBase,
  type ReceiveLoanDocumentRequest,
  type StageMove,
  type UpdateLoanTrancheRequest,
} from '@irm/contracts';
import { api } from '../../../shared/api';
import { KIND_SETTINGS } from '../kinds';
import type { ItemChanges, ItemFields, ItemFilters, ItemSort, NewTranche, PipelineItem, ZoneMatch } from '../types';

/** Cards per column on the board; more come a page at a time from the list. */
export const BOARD_CARDS = 20;
export const LIST_PAGE_SIZE = 50;

const itemUrl = (kind: PipelineKind, id: string) => `${KIND_SETTINGS[kind].resource}/${encodeURIComponent(id)}`;

/** Query parameters for the shared filters: flags only when set. */
function filterQuery(filters: ItemFilters) {
  return {
    mine: filters.mine ? true : undefined,
    overdue: filters.overdue ? true : undefined,
    ownerId: filters.ownerId,
    zoneId: filters.zoneId,
    sector: filters.sector,
    q: filters.q,
  };
}

export function fetchPipelines(signal?: AbortSignal): Promise<Pipeline[]> {
  return api.get<Pipeline[]>('/pipelines', { signal });
}

export function fetchBoard(pipelineId: string, filters: ItemFilters, signal?: AbortSignal): Promise<Board> {
  return api.get<Board>(`/pipelines/${encodeURIComponent(pipelineId)}/board`, {
    query: { ...filterQuery(filters), limit: BOARD_CARDS },
    signal,
  });
}

export interface ItemListRequest {
  filters: ItemFilters;
  stageId?: string;
  sort?: ItemSort;
  limit?: number;
  cursor: string | null;
}

export function fetchItems(
  kind: PipelineKind,
  { filters, stageId, sort, limit = LIST_PAGE_SIZE, cursor }: ItemListRequest,
  signal?: AbortSignal,
): Promise<Page<PipelineItem>> {
  return api.get<Page<PipelineItem>>(KIND_SETTINGS[kind].resource, {
    query: { ...filterQuery(filters), stageId, sort, limit, cursor },
    signal,
  });
}

export function fetchItem(kind: PipelineKind, id: string, signal?: AbortSignal): Promise<PipelineItem> {
  return api.get<PipelineItem>(itemUrl(kind, id), { signal });
}

export function createItem(kind: PipelineKind, request: ItemFields): Promise<PipelineItem> {
  return api.post<PipelineItem>(KIND_SETTINGS[kind].resource, request);
}

export function updateItem(kind: PipelineKind, id: string, request: ItemChanges & { version: number }) {
  return api.patch<PipelineItem>(itemUrl(kind, id), request);
}

export function moveItem(item: Pick<PipelineItemBase, 'kind' | 'id'>, request: MoveRequest): Promise<PipelineItem> {
  return api.post<PipelineItem>(`${itemUrl(item.kind, item.id)}/move`, request);
}

export function fetchStageHistory(kind: PipelineKind, id: string, signal?: AbortSignal): Promise<StageMove[]> {
  return api.get<StageMove[]>(`${itemUrl(kind, id)}/history`, { signal });
}

export function fetchZoneMatches(id: string, signal?: AbortSignal): Promise<ZoneMatch[]> {
  return api.get<ZoneMatch[]>(`${itemUrl(PipelineKind.LandEnquiry, id)}/matches`, { signal });
}

const loanUrl = (id: string) => itemUrl(PipelineKind.LoanApplication, id);

export function fetchTranches(id: string, signal?: AbortSignal): Promise<LoanTranche[]> {
  return api.get<LoanTranche[]>(`${loanUrl(id)}/tranches`, { signal });
}

export function planTranche(application: LoanApplication, request: NewTranche): Promise<LoanTranche> {
  return api.post<LoanTranche>(`${loanUrl(application.id)}/tranches`, { ...request, version: application.version });
}

const trancheUrl = (tranche: LoanTranche) =>
  `${loanUrl(tranche.applicationId)}/tranches/${encodeURIComponent(tranche.id)}`;

/** Changes a tranche's milestone, progress or amount; the tranche's `version` guards it. */
export function updateTranche(
  tranche: LoanTranche,
  changes: Omit<UpdateLoanTrancheRequest, 'version'>,
): Promise<LoanTranche> {
  return api.patch<LoanTranche>(trancheUrl(tranche), { ...changes, version: tranche.version });
}

export function removeTranche(tranche: LoanTranche): Promise<void> {
  return api.delete(trancheUrl(tranche), { query: { version: tranche.version } });
}

export function confirmTranche(tranche: LoanTranche, progressPct: number): Promise<LoanTranche> {
  return api.post<LoanTranche>(`${loanUrl(tranche.applicationId)}/tranches/${tranche.id}/confirm`, {
    version: tranche.version,
    progressPct,
  });
}

export function releaseTranche(tranche: LoanTranche): Promise<LoanTranche> {
  return api.post<LoanTranche>(`${loanUrl(tranche.applicationId)}/tranches/${tranche.id}/release`, {
    version: tranche.version,
  });
}

/** Marks a checklist document as received (PUT) or no longer on file (DELETE); both answer with the application. */
export function setDocumentReceived(
  application: LoanApplication,
  key: string,
  received: boolean,
): Promise<LoanApplication> {
  const url = `${loanUrl(application.id)}/documents/${encodeURIComponent(key)}`;
  const request: ReceiveLoanDocumentRequest = { version: application.version };
  return received
    ? api.put<LoanApplication>(url, request)
    : api.delete<LoanApplication>(url, { query: { version: application.version } });
}
