import { PipelineKind } from '@irm/contracts';

export const EVENTS_PATH = '/events';

export const eventPath = (id: string) => `${EVENTS_PATH}/${encodeURIComponent(id)}`;

/**
 * Where each kind of pipeline item has its page (the pipelines feature builds them). Keyed by the kinds' values, so
 * that a conversion's kind (`'prospect'`, …) finds its path as well as a `PipelineKind`.
 */
const ITEM_PATHS: Record<`${PipelineKind}`, string> = {
  [PipelineKind.Prospect]: '/prospects',
  [PipelineKind.LandEnquiry]: '/land-enquiries',
  [PipelineKind.LoanApplication]: '/loan-applications',
  [PipelineKind.EventContact]: '/event-contacts',
};

export const itemPath = (kind: `${PipelineKind}`, id: string) => `${ITEM_PATHS[kind]}/${encodeURIComponent(id)}`;

/** Router state a list link carries, so "back" returns to the same filtered list. */
export interface FromListState {
  listSearch: string;
}

export function listReturnPath(state: unknown): string {
  const search = (state as Partial<FromListState> | null)?.listSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${EVENTS_PATH}${search}` : EVENTS_PATH;
}
